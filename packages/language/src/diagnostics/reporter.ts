import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';
import { format, type LocaleSetting } from '../i18n/locale.js';
import type { CoopDiagnosticData } from './definition.js';
import { getDefinition, type DiagnosticCode } from './registry.js';

export type ReportOptions<N extends AstNode> = Omit<DiagnosticInfo<N>, 'node' | 'code' | 'data'> & {
    data?: Omit<CoopDiagnosticData, 'code'>;
};

/** Reports a registered diagnostic: default severity, message in the current language, stable code. */
export class DiagnosticReporter {
    constructor(private readonly locale: LocaleSetting) {}

    report<N extends AstNode>(accept: ValidationAcceptor, code: DiagnosticCode, node: N, args: Record<string, string | number> = {}, options: ReportOptions<N> = {}): void {
        const definition = getDefinition(code);
        const message = format(this.locale.pick(definition.message), args);
        accept(definition.severity, message, { ...options, node, data: { ...options.data, code } });
    }

    /** A localized message template of the registry, filled (for messages built outside checks). */
    message(code: DiagnosticCode, args: Record<string, string | number> = {}): string {
        return format(this.locale.pick(getDefinition(code).message), args);
    }
}
