import { AstUtils, CstUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { CoopDiagnosticData } from '../diagnostics/definition.js';
import { isActe, isFormation, isProtocole, isSuppression, type ElementProtocole, type Protocole } from '../generated/ast.js';
import type { LocaleSetting } from '../i18n/locale.js';
import { sectionKind, templateRank } from '../model/sections.js';
import type { CoopLspServices } from './coop-lsp-module.js';
import { indentSkeleton, MANDATORY_INDICATOR_SKELETONS, SECTION_SKELETONS, toPlainText } from './skeletons.js';

/**
 * Quick fixes, keyed on the diagnostic's code (never on its message):
 * - every completeness rule: insert the missing section's skeleton at its place in the template order;
 * - an unresolved name with a close declared one (profession, act, step…): use that name;
 * - an unknown rule in `ignorer`: the closest code; a suppression without justification: add one;
 * - a derogating act not covered by its délégué's training: add it to that training's `couvre`.
 */
export class CoopCodeActionProvider implements CodeActionProvider {
    private readonly locale: LocaleSetting;

    constructor(services: CoopLspServices) {
        this.locale = services.i18n.Locale;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = diagnostic.data as CoopDiagnosticData | undefined;
            if (!data?.code) continue;
            const action = this.fix(document, diagnostic, data);
            if (action) actions.push(action);
        }
        return actions;
    }

    private fix(document: LangiumDocument, diagnostic: Diagnostic, data: CoopDiagnosticData): CodeAction | undefined {
        const t = (fr: string, en: string) => this.locale.pick({ fr, en });
        if ((data.code === 'reference-inconnue' || data.code === 'suppression-regle-inconnue') && data.suggestion) {
            return this.action(document, diagnostic, t(`Remplacer par « ${data.suggestion} »`, `Replace with "${data.suggestion}"`),
                [{ range: diagnostic.range, newText: data.suggestion }]);
        }
        if (data.code === 'suppression-sans-justification') {
            const justification = t('Justification à compléter', 'Justification to complete');
            return this.action(document, diagnostic, t('Ajouter une justification', 'Add a justification'),
                [{ range: { start: diagnostic.range.end, end: diagnostic.range.end }, newText: ` : "${justification}"` }]);
        }
        if (data.code === 'acte-non-couvert' && typeof data.delegue === 'string') {
            return this.coverAct(document, diagnostic, data.delegue);
        }
        if (typeof data.section === 'string') {
            const skeleton = data.section === 'Indicateur' && typeof data.exigence === 'string'
                ? MANDATORY_INDICATOR_SKELETONS[data.exigence]
                : SECTION_SKELETONS[data.section as ElementProtocole['$type']];
            const kind = sectionKind(data.section);
            const root = document.parseResult.value;
            if (!skeleton || !kind || !isProtocole(root)) return undefined;
            const edit = insertSection(document, root, data.section as ElementProtocole['$type'], toPlainText(skeleton));
            return edit && this.action(document, diagnostic, t(`Ajouter la rubrique « ${kind.label.fr} »`, `Add the "${kind.label.en}" section`), [edit]);
        }
        return undefined;
    }

    /** Adds the act to the `couvre` list of the délégué's training. */
    private coverAct(document: LangiumDocument, diagnostic: Diagnostic, delegue: string): CodeAction | undefined {
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        const leaf = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, offset);
        const acte = leaf && AstUtils.getContainerOfType(leaf.astNode, isActe);
        const protocole = acte?.$container;
        if (!acte || !protocole) return undefined;
        const formation = protocole.elements.filter(isFormation).find(f => f.delegues.some(d => d.$refText === delegue));
        const last = formation?.actes.at(-1)?.$refNode;
        if (!formation || !last) return undefined;
        return this.action(document, diagnostic, this.locale.pick({ fr: `Ajouter « ${acte.name} » aux actes couverts par « ${formation.name} »`, en: `Add "${acte.name}" to the acts covered by "${formation.name}"` }),
            [{ range: { start: last.range.end, end: last.range.end }, newText: `, ${acte.name}` }]);
    }

    private action(document: LangiumDocument, diagnostic: Diagnostic, title: string, edits: TextEdit[]): CodeAction {
        return {
            title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: { changes: { [document.textDocument.uri]: edits } }
        };
    }
}

/**
 * Inserts a section after the last element that precedes it in the template order (or before the
 * first one that follows it), with the indentation of the protocol's elements.
 */
export function insertSection(document: LangiumDocument, protocole: Protocole, type: ElementProtocole['$type'], skeleton: string): TextEdit | undefined {
    const rank = templateRank(type);
    const elements = protocole.elements.filter(element => !isSuppression(element) && element.$cstNode);
    const before = elements.filter(element => templateRank(element.$type) <= rank).at(-1);
    const text = document.textDocument;
    const indentOf = (line: number) => /^[ \t]*/.exec(text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))![0];
    if (before) {
        const end = before.$cstNode!.range.end;
        const base = indentOf(before.$cstNode!.range.start.line);
        return { range: { start: end, end }, newText: '\n\n' + indentSkeleton(skeleton, base) };
    }
    const after = elements[0];
    if (after) {
        const start = after.$cstNode!.range.start;
        const base = indentOf(start.line);
        return { range: { start, end: start }, newText: indentSkeleton(skeleton, base).slice(base.length) + '\n\n' + base };
    }
    // An empty protocol: just after its opening brace.
    const open = protocole.$cstNode && CstUtils.flattenCst(protocole.$cstNode).find(leaf => leaf.text === '{');
    if (!open) return undefined;
    return { range: { start: open.range.end, end: open.range.end }, newText: '\n' + indentSkeleton(skeleton, '    ') };
}
