import { AstUtils, Cancellation, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, type AstNode, type DiagnosticInfo, type LangiumDocument, type ValidationAcceptor, type ValidationCheck, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CoopServices } from '../coop-module.js';
import type { CoopDiagnosticData } from '../diagnostics/definition.js';
import { documentationUrl, getDefinition, isConfigurable } from '../diagnostics/registry.js';
import type { RuleSettings } from '../config/rule-settings.js';
import { findSuppression } from '../rules/suppressions.js';
import type { SuppressedDiagnostic, SuppressedDiagnostics } from './suppressed-diagnostics.js';
import { isBuiltinUri } from '../workspace/catalogue.js';
import { formatBytes, formatCount, MAX_FILE_BYTES, MAX_TOKEN_CHARS, MAX_TOKEN_LINES, refusalOf } from '../workspace/size-limit.js';
import { ruleChecksOf } from './coop-validator.js';
import { afterSyntaxErrors } from './syntax-recovery.js';

/** Langium's built-in codes → ours. */
const BUILT_IN_CODES: Record<string, string> = {
    [DocumentValidator.LexingError]: 'caractere-inconnu',
    [DocumentValidator.ParsingError]: 'syntaxe',
    [DocumentValidator.LinkingError]: 'reference-inconnue'
};

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** What `toDiagnostic` learns about a suppression, read back in `validateDocument`. */
interface SuppressionMark {
    justification: string;
    range: Diagnostic['range'];
}

/**
 * The single place every diagnostic passes through, in the editor and in the CLI alike: each one
 * leaves with a registered code (`code` and `data.code`), a link to its documentation and the
 * source « coop »; the workspace's rule levels apply (`coop.config.json`), and diagnostics covered
 * by an `ignorer` line are set aside with their justification. Documents the tool provides (the
 * catalogue) are never reported.
 */
export class CoopDocumentValidator extends DefaultDocumentValidator {
    private readonly settings: RuleSettings;
    private readonly suppressed: SuppressedDiagnostics;
    private readonly marks = new WeakMap<Diagnostic, SuppressionMark>();
    private readonly services: CoopServices;

    constructor(services: CoopServices) {
        super(services);
        this.services = services;
        this.settings = services.validation.RuleSettings;
        this.suppressed = services.validation.SuppressedDiagnostics;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Parameters<DefaultDocumentValidator['validateDocument']>[2]): Promise<Diagnostic[]> {
        if (isBuiltinUri(document.uri)) {
            return [];
        }
        const refusal = refusalOf(document.parseResult.value);
        if (refusal) {
            // Refused before the lexer (workspace/size-limit.ts): one diagnostic, nothing else runs.
            this.suppressed.set(document, []);
            return [this.refusalDiagnostic(refusal)];
        }
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const kept: Diagnostic[] = [];
        const suppressed: SuppressedDiagnostic[] = [];
        for (const raw of diagnostics) {
            const diagnostic = this.withLevel(this.withCode(raw));
            if (!diagnostic) continue;
            const mark = this.marks.get(raw);
            if (mark) suppressed.push({ diagnostic, justification: mark.justification, suppressionRange: mark.range });
            else kept.push(diagnostic);
        }
        this.suppressed.set(document, suppressed);
        return afterSyntaxErrors(document, kept);
    }

    /**
     * Runs the checks of every node: the rules' grouped checks as one plain call per node (see
     * registerRules), then any check registered in Langium's registry. Cancellation is still
     * honoured (checked every 64 nodes; Langium's helper yields to the event loop every 10 ms).
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        const rules = ruleChecksOf(this.validationRegistry);
        const runRules = !options.categories || options.categories.includes('fast');
        const registered = new Map<string, ValidationCheck[]>();
        let visited = 0;
        const nodes = AstUtils.streamAst(rootNode).iterator();
        for (const node of nodes) {
            if ((visited++ & 63) === 0) await interruptAndCheck(cancelToken);
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                if (runRules) rules?.get(node.$type)?.(node, acceptor);
                let others = registered.get(node.$type);
                if (!others) registered.set(node.$type, others = this.validationRegistry.getChecks(node.$type, options.categories).toArray());
                for (const check of others) await check(node, acceptor, cancelToken);
            }
            if (!nodeOptions.validateChildren) nodes.prune();
        }
    }

    override toDiagnostic<N extends AstNode>(severity: 'error' | 'warning' | 'info' | 'hint', message: string, info: DiagnosticInfo<N, string>): Diagnostic {
        const diagnostic = super.toDiagnostic(severity, message, info);
        const code = (info.data as CoopDiagnosticData | undefined)?.code;
        if (code && isConfigurable(code)) {
            const suppression = findSuppression(info.node, code);
            if (suppression?.$cstNode) {
                this.marks.set(diagnostic, { justification: suppression.justification ?? '', range: suppression.$cstNode.range });
            }
        }
        return diagnostic;
    }

    /** The one diagnostic of a document over the size limits, at the start of the file. */
    private refusalDiagnostic(refusal: NonNullable<ReturnType<typeof refusalOf>>): Diagnostic {
        const locale = this.services.i18n.Locale;
        const reporter = this.services.validation.DiagnosticReporter;
        const lang = locale.current;
        const message = refusal.code === 'fichier-trop-volumineux'
            ? reporter.message('fichier-trop-volumineux', { size: formatBytes(refusal.bytes, lang), limit: formatBytes(MAX_FILE_BYTES, lang) })
            : reporter.message('texte-trop-long', {
                line: refusal.line, chars: formatCount(refusal.chars, lang), lines: formatCount(refusal.lines, lang),
                maxChars: formatCount(MAX_TOKEN_CHARS, lang), maxLines: formatCount(MAX_TOKEN_LINES, lang)
            });
        return {
            severity: 1,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message,
            code: refusal.code,
            codeDescription: { href: documentationUrl(refusal.code) },
            source: 'coop',
            data: { code: refusal.code }
        };
    }

    /** Applies the workspace's level for the rule; `undefined` when the rule is off. */
    private withLevel(diagnostic: Diagnostic): Diagnostic | undefined {
        const code = String(diagnostic.code ?? '');
        if (!isConfigurable(code)) return diagnostic;
        const level = this.settings.levelOf(code);
        if (level === 'off') return undefined;
        return level ? { ...diagnostic, severity: SEVERITY[level] } : diagnostic;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLinkingErrors(document, diagnostics, options);
        // Carry the linker's suggestion (see CoopLinker) to the quick fix.
        const errors = document.references.map(reference => reference.error).filter(error => error !== undefined);
        diagnostics.slice(start).forEach((diagnostic, index) => {
            const suggestion = (errors[index] as { suggestion?: string } | undefined)?.suggestion;
            if (suggestion) {
                (diagnostic.data as CoopDiagnosticData).suggestion = suggestion;
            }
        });
    }

    private withCode(diagnostic: Diagnostic): Diagnostic {
        const data = (diagnostic.data ?? {}) as CoopDiagnosticData;
        const code = BUILT_IN_CODES[data.code] ?? data.code;
        if (!code || !getDefinition(code)) {
            return diagnostic;
        }
        return {
            ...diagnostic,
            code,
            codeDescription: { href: documentationUrl(code) },
            source: 'coop',
            data: { ...data, code }
        };
    }
}

