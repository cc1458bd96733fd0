import { CstUtils, type LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';
import { isProtocole, isSuppression, type ElementProtocole, type Protocole } from '../generated/ast.js';
import { nodeKind } from '../model/node-kinds.js';
import { templateRank } from '../model/sections.js';
import { indentSkeleton, MANDATORY_INDICATOR_SKELETONS, toPlainText } from '../model/skeleton-text.js';
import type { QuickFixProvider } from './rule.js';

/**
 * Where a rule that finds a missing section reports: on the protocol's title, naming the section in
 * `data.section` so that `insertSectionFix` can insert its skeleton at its place in the template.
 */
export function onTitle(section?: ElementProtocole['$type'], data: Record<string, string> = {}) {
    return { property: 'titre' as const, data: section ? { section, ...data } : data };
}

/** Quick fix of every rule that names a missing section in `data.section`: insert its skeleton. */
export const insertSectionFix: QuickFixProvider = ({ document, data, locale }) => {
    if (typeof data.section !== 'string') return undefined;
    const type = data.section as ElementProtocole['$type'];
    const kind = nodeKind(type);
    const skeleton = type === 'Indicateur' && typeof data.exigence === 'string' ? MANDATORY_INDICATOR_SKELETONS[data.exigence] : kind?.skeleton;
    const root = document.parseResult.value;
    if (!skeleton || !kind?.section || !isProtocole(root)) return undefined;
    const edit = insertSection(document, root, type, toPlainText(skeleton));
    const label = kind.label;
    if (edit && type === 'Indicateur' && typeof data.exigence === 'string') {
        // Four mandatory indicators: each fix names its own (« taux de reprise par le délégant »).
        const libelle = /"([^"]+)"/.exec(skeleton)?.[1] ?? data.exigence;
        const named = libelle.charAt(0).toLowerCase() + libelle.slice(1);
        return { title: locale.pick({ fr: `Ajouter l'indicateur obligatoire « ${named} »`, en: `Add the mandatory indicator "${named}"` }), edits: [edit] };
    }
    return edit && { title: locale.pick({ fr: `Ajouter la rubrique « ${label.fr} »`, en: `Add the "${label.en}" section` }), edits: [edit] };
};

/** Quick fix of the diagnostics that carry a close known name in `data.suggestion`: use it. */
export const useSuggestionFix: QuickFixProvider = ({ diagnostic, data, locale }) => {
    if (typeof data.suggestion !== 'string' || !data.suggestion) return undefined;
    return {
        title: locale.pick({ fr: `Remplacer par « ${data.suggestion} »`, en: `Replace with "${data.suggestion}"` }),
        edits: [{ range: diagnostic.range, newText: data.suggestion }]
    };
};

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
    if (before?.$cstNode) {
        const end = before.$cstNode.range.end;
        const base = indentOf(before.$cstNode.range.start.line);
        return { range: { start: end, end }, newText: '\n\n' + indentSkeleton(skeleton, base) };
    }
    const after = elements[0];
    if (after?.$cstNode) {
        const start = after.$cstNode.range.start;
        const base = indentOf(start.line);
        return { range: { start, end: start }, newText: indentSkeleton(skeleton, base).slice(base.length) + '\n\n' + base };
    }
    // An empty protocol: just after its opening brace.
    const open = protocole.$cstNode && CstUtils.flattenCst(protocole.$cstNode).find(leaf => leaf.text === '{');
    if (!open) return undefined;
    return { range: { start: open.range.end, end: open.range.end }, newText: '\n' + indentSkeleton(skeleton, '    ') };
}
