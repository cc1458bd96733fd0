import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { CoopDiagnosticData } from '../diagnostics/definition.js';
import { getRule } from '../diagnostics/registry.js';
import type { LocaleSetting } from '../i18n/locale.js';
import type { CoopLogger } from '../validation/logger.js';
import type { CoopLspServices } from './coop-lsp-module.js';

export { insertSection } from '../rules/fixes.js';

/**
 * Quick fixes, keyed on the diagnostic's code (never on its message): each rule declares its own
 * (`quickFix` of rules/*.ts): insert a missing section, use the closest known name, justify a
 * suppression, cover an act by its délégué's training…
 */
export class CoopCodeActionProvider implements CodeActionProvider {
    private readonly locale: LocaleSetting;
    private readonly logger: CoopLogger;

    constructor(services: CoopLspServices) {
        this.locale = services.i18n.Locale;
        this.logger = services.validation.Logger;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const action = this.fix(document, diagnostic);
            if (action) actions.push(action);
        }
        return actions;
    }

    private fix(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
        const data = diagnostic.data as CoopDiagnosticData | undefined;
        const quickFix = typeof data?.code === 'string' ? getRule(data.code)?.quickFix : undefined;
        let fix: ReturnType<NonNullable<typeof quickFix>>;
        try {
            fix = data && quickFix?.({ document, diagnostic, data, locale: this.locale });
        } catch (error) {
            // A fix that cannot be computed on a half-typed document is simply not offered.
            this.logger.error(`coop : la correction rapide de « ${String(data?.code)} » a échoué`, error);
            return undefined;
        }
        if (!fix || fix.edits.length === 0) return undefined;
        return {
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: { changes: { [document.textDocument.uri]: fix.edits } }
        };
    }
}
