import { CstUtils } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';
import { isEquipe, type Equipe } from '../generated/ast.js';
import { nodeKind } from '../model/node-kinds.js';
import { indentSkeleton, toPlainText } from '../model/skeleton-text.js';
import type { QuickFixProvider } from '../rules/rule.js';
import { teamModel } from './team-model.js';

/** Elements of a team file in the order of the declaration form (node-kinds.ts, `team`). */
const HEAD: ReadonlyArray<'StructureEquipe' | 'Referent' | 'Representant' | 'DebutEquipe'> = ['StructureEquipe', 'Referent', 'Representant', 'DebutEquipe'];

/** Inserts, after the opening brace of the team, the skeletons of the given element kinds. */
function insertAtTop(equipe: Equipe, texts: string[]): TextEdit | undefined {
    const open = equipe.$cstNode && CstUtils.flattenCst(equipe.$cstNode).find(leaf => leaf.text === '{');
    if (!open || texts.length === 0) return undefined;
    return { range: { start: open.range.end, end: open.range.end }, newText: '\n' + texts.map(text => indentSkeleton(text, '    ')).join('\n') };
}

/** Quick fix of `equipe-rubrique-absente`: add the missing structure, référent, représentant, début. */
export const insertTeamHeadFix: QuickFixProvider = ({ document, locale }) => {
    const root = document.parseResult.value;
    if (!isEquipe(root)) return undefined;
    const model = teamModel(root);
    const present = new Set(root.elements.map(element => element.$type));
    const missing = HEAD.filter(type => !present.has(type));
    const edit = insertAtTop(model.equipe, missing.map(type => toPlainText(nodeKind(type)?.skeleton ?? '')).filter(Boolean));
    return edit && { title: locale.pick({ fr: 'Ajouter les rubriques manquantes de la déclaration', en: 'Add the missing sections of the declaration' }), edits: [edit] };
};

/** Quick fix of `equipe-attestation-manquante`: add the missing statements (or the whole block). */
export const insertAttestationsFix: QuickFixProvider = ({ document, locale }) => {
    const root = document.parseResult.value;
    if (!isEquipe(root)) return undefined;
    const block = teamModel(root).attestations[0];
    const title = locale.pick({ fr: 'Ajouter les attestations manquantes', en: 'Add the missing statements' });
    if (!block) {
        const last = root.elements.filter(element => element.$cstNode).at(-1);
        const text = indentSkeleton(toPlainText(nodeKind('Attestations')!.skeleton!), '    ');
        const at = last?.$cstNode?.range.end;
        const edit = at ? { range: { start: at, end: at }, newText: '\n\n' + text } : insertAtTop(root, [toPlainText(nodeKind('Attestations')!.skeleton!)]);
        return edit && { title, edits: [edit] };
    }
    const natures = new Set(block.attestations.map(attestation => attestation.nature));
    const missing = [
        !natures.has('adhésion-volontaire') && 'adhésion-volontaire',
        !natures.has('travail-en-équipe') && 'travail-en-équipe',
        !natures.has('avis-obtenus') && !natures.has('projet-de-santé') && 'avis-obtenus "Avis et décisions obtenus"'
    ].filter((item): item is string => Boolean(item));
    const open = block.$cstNode && CstUtils.flattenCst(block.$cstNode).find(leaf => leaf.text === '{');
    if (!open || missing.length === 0) return undefined;
    return { title, edits: [{ range: { start: open.range.end, end: open.range.end }, newText: missing.map(item => '\n        ' + item).join('') }] };
};
