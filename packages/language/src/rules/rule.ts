import type { AstNode, LangiumDocument, ValidationAcceptor } from 'langium';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { CoopServices } from '../coop-module.js';
import type { CoopDiagnosticData, DiagnosticDefinition } from '../diagnostics/definition.js';
import type { MessageArgs } from '../diagnostics/message-args.js';
import type { ReportOptions } from '../diagnostics/reporter.js';
import type { CoopAstType } from '../generated/ast.js';
import type { LocaleSetting } from '../i18n/locale.js';

/** What a rule's checks are built from, once per set of services. */
export interface RuleContext {
    readonly services: CoopServices;
    readonly locale: LocaleSetting;
    /** Every registered diagnostic (for the rules about codes: suppressions). */
    readonly registry: ReadonlyMap<string, DiagnosticDefinition>;
}

/**
 * Reports the rule's own diagnostic on a node: a check can only report its rule's code, with the
 * message template's `{placeholders}` filled from `args`. A value lost to a syntax error (undefined,
 * empty, not a finite number) is never printed: the element's kind stands for it (« Le délégant sans
 * nom », see diagnostics/message-args.ts).
 */
export type Report = <N extends AstNode>(node: N, args?: MessageArgs, options?: ReportOptions<N>) => void;

/** One check of a rule, on the nodes of one AST type. */
export type RuleCheck<N extends AstNode> = (node: N, report: Report, accept: ValidationAcceptor) => void;

/** The checks of a rule keyed by AST node type, as Langium's `ValidationChecks`. */
export type RuleChecks = { [K in keyof CoopAstType]?: RuleCheck<CoopAstType[K]> };

export interface QuickFixContext {
    readonly document: LangiumDocument;
    readonly diagnostic: Diagnostic;
    readonly data: CoopDiagnosticData;
    readonly locale: LocaleSetting;
}

/** One edit the editor offers for a diagnostic of the rule (« Ajouter la rubrique … »). */
export interface QuickFix {
    readonly title: string;
    readonly edits: TextEdit[];
}

export type QuickFixProvider = (context: QuickFixContext) => QuickFix | undefined;

/**
 * A rule is one declaration: its registry entry (code, default level, requirement, legal basis,
 * texts fr/en), its checks keyed by AST node type and its quick fix. The registry, the configuration
 * schema, the documentation and the quick-fix lookup all read the list of rules (rules/index.ts).
 */
export interface Rule extends DiagnosticDefinition {
    /** Builds the checks; the registration wraps each one so that a throw never looks like a finding. */
    readonly checks?: (context: RuleContext) => RuleChecks;
    readonly quickFix?: QuickFixProvider;
}

/** Typed identity: keeps rules literal (codes are checked at compile time) and checked in one place. */
export function defineRule<const T extends Rule>(rule: T): T {
    return rule;
}
