import { CstUtils, type AstNode, type CstNode, type DiagnosticInfo, type ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { LocaleSetting } from '../i18n/locale.js';
import type { CoopDiagnosticData } from './definition.js';
import { fillLocalized, type MessageArgs } from './message-args.js';
import { getDefinition, type DiagnosticCode } from './registry.js';

export type ReportOptions<N extends AstNode> = Omit<DiagnosticInfo<N>, 'node' | 'code' | 'data'> & {
    data?: Omit<CoopDiagnosticData, 'code'>;
};

/** Reports a registered diagnostic: default severity, message in the current language, stable code. */
export class DiagnosticReporter {
    constructor(private readonly locale: LocaleSetting) {}

    report<N extends AstNode>(accept: ValidationAcceptor, code: DiagnosticCode, node: N, args: MessageArgs = {}, options: ReportOptions<N> = {}): void {
        const definition = getDefinition(code);
        // Values lost to a syntax error fall back to the element's kind (message-args.ts).
        const message = fillLocalized(this.locale, definition.message, args, node.$type);
        const located = options.property !== undefined || options.keyword !== undefined || options.range !== undefined;
        const range = located || !node.$cstNode ? options.range : headRange(node.$cstNode);
        accept(definition.severity, message, { ...options, ...(range ? { range } : {}), node, data: { ...options.data, code } });
    }

    /** Same as `report`, for a code known only at run time (the rule registration). */
    reportCode<N extends AstNode>(accept: ValidationAcceptor, code: string, node: N, args: MessageArgs = {}, options: ReportOptions<N> = {}): void {
        this.report(accept, code as DiagnosticCode, node, args, options);
    }

    /** A localized message template of the registry, filled (for messages built outside checks). */
    message(code: DiagnosticCode, args: MessageArgs = {}, type?: string): string {
        return fillLocalized(this.locale, getDefinition(code).message, args, type);
    }
}

/**
 * The head of an element: its tokens up to its opening brace or the end of its first line
 * (« acte bu "Bandelette" », « patients »), so a diagnostic on a block does not underline the
 * whole block.
 */
export function headRange(cst: CstNode): Range {
    let first: CstNode | undefined;
    let last: CstNode | undefined;
    for (const leaf of CstUtils.flattenCst(cst)) {
        if (leaf.hidden) continue;
        if (first && (leaf.text === '{' || leaf.range.start.line !== first.range.start.line)) break;
        first ??= leaf;
        last = leaf;
    }
    return first && last ? { start: first.range.start, end: last.range.end } : cst.range;
}
