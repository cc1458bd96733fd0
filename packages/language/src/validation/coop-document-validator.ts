import { DefaultDocumentValidator, DocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CoopServices } from '../coop-module.js';
import type { CoopDiagnosticData } from '../diagnostics/definition.js';
import { documentationUrl, getDefinition } from '../diagnostics/registry.js';
import { isBuiltinUri } from '../workspace/catalogue.js';

/** Langium's built-in codes → ours. */
const BUILT_IN_CODES: Record<string, string> = {
    [DocumentValidator.LexingError]: 'caractere-inconnu',
    [DocumentValidator.ParsingError]: 'syntaxe',
    [DocumentValidator.LinkingError]: 'reference-inconnue'
};

/**
 * The single place every diagnostic passes through, in the editor and in the CLI alike: each one
 * leaves with a registered code (`code` and `data.code`), a link to its documentation and the
 * source « coop ». Documents the tool provides (the catalogue) are never reported.
 */
export class CoopDocumentValidator extends DefaultDocumentValidator {
    constructor(services: CoopServices) {
        super(services);
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Parameters<DefaultDocumentValidator['validateDocument']>[2]): Promise<Diagnostic[]> {
        if (isBuiltinUri(document.uri)) {
            return [];
        }
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        return diagnostics.map(diagnostic => this.withCode(diagnostic));
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

