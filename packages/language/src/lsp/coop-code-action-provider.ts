import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { templateRank } from '../model/sections.js';
import type { CoopDiagnosticData } from '../diagnostics/definition.js';
import { getRule } from '../diagnostics/registry.js';
import type { LocaleSetting } from '../i18n/locale.js';
import type { CoopLogger } from '../validation/logger.js';
import type { CoopLspServices } from './coop-lsp-module.js';

export { insertSection } from '../rules/fixes.js';

/** A diagnostic whose quick fix inserts a missing section (`data.section`, see rules/fixes.ts onTitle). */
function isSectionInsertion(diagnostic: Diagnostic): boolean {
    const data = diagnostic.data as CoopDiagnosticData | undefined;
    return typeof data?.section === 'string' && typeof data.code === 'string' && getRule(data.code)?.quickFix !== undefined;
}

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
        const titles = new Set<string>();
        for (const diagnostic of params.context.diagnostics) {
            const action = this.fix(document, diagnostic);
            // Two rules may ask for the same section (inclusion and exclusion criteria): offer it once.
            if (action && !titles.has(action.title)) {
                titles.add(action.title);
                actions.push(action);
            }
        }
        if (params.context.diagnostics.some(isSectionInsertion)) {
            const all = this.allMissingSections(document);
            if (all) actions.push(all);
        }
        return actions;
    }

    /**
     * « Ajouter toutes les rubriques manquantes »: every missing section's skeleton at once, in the
     * template order (insertions at one place keep the order of the edits).
     */
    private allMissingSections(document: LangiumDocument): CodeAction | undefined {
        const seen = new Set<string>();
        const fixes: Array<{ rank: number; edits: TextEdit[]; diagnostic: Diagnostic }> = [];
        for (const diagnostic of document.diagnostics ?? []) {
            if (!isSectionInsertion(diagnostic)) continue;
            const data = diagnostic.data as CoopDiagnosticData;
            const key = `${data.section}:${data.exigence ?? ''}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const fix = getRule(data.code)?.quickFix?.({ document, diagnostic, data, locale: this.locale });
            if (fix) fixes.push({ rank: templateRank(String(data.section)), edits: fix.edits, diagnostic });
        }
        if (fixes.length < 2) return undefined;
        fixes.sort((a, b) => a.rank - b.rank);
        return {
            title: this.locale.pick({ fr: `Ajouter toutes les rubriques manquantes (${fixes.length})`, en: `Add all missing sections (${fixes.length})` }),
            kind: CodeActionKind.QuickFix,
            diagnostics: fixes.map(fix => fix.diagnostic),
            edit: { changes: { [document.textDocument.uri]: fixes.flatMap(fix => fix.edits) } }
        };
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
