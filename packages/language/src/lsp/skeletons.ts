import type { ElementProtocole } from '../generated/ast.js';
import { NODE_KINDS } from '../model/node-kinds.js';
import { MANDATORY_INDICATOR_SKELETONS } from '../model/skeleton-text.js';

export { indentSkeleton, MANDATORY_INDICATOR_SKELETONS, toPlainText } from '../model/skeleton-text.js';

/**
 * Skeletons of each section, as LSP snippets, from the table of node kinds (model/node-kinds.ts).
 * One source for the completion snippets and the quick fixes that insert a missing section.
 */
export const SECTION_SKELETONS: Partial<Record<ElementProtocole['$type'], string>> = Object.fromEntries(
    NODE_KINDS.filter(kind => kind.section && kind.skeleton).map(kind => [kind.type, kind.skeleton])
);

/** A complete new protocol (empty file), in template order. */
export function newProtocolSnippet(): string {
    const order: Array<ElementProtocole['$type']> = [
        'Identifiant', 'TypeProtocole', 'Cadre', 'Version', 'Promoteurs', 'Theme', 'Contexte', 'Objectifs', 'References',
        'Delegant', 'Delegue', 'Patients', 'Acte', 'Lieu', 'Equipement', 'Formation', 'Parcours', 'Coordination',
        'Reorientations', 'Disponibilite', 'InformationPatient', 'SystemeInformation', 'GestionRisques', 'ResponsabiliteCivile'
    ];
    let counter = 1;
    // Every listed section has a skeleton in the table of node kinds (a test checks it); one without is skipped.
    const body = order.map(type => SECTION_SKELETONS[type]).filter((skeleton): skeleton is string => skeleton !== undefined).map(skeleton => skeleton.replace(/\$\{(\d+)([:|])/g, (_, _n, sep) => `\${${counter++}${sep}`)).join('\n\n');
    const indicators = Object.values(MANDATORY_INDICATOR_SKELETONS).join('\n\n');
    const text = `protocole "\${${counter++}:Intitulé du protocole}" {\n${indent(`${body}\n\n${indicators}\n\n${(SECTION_SKELETONS.ModeleEconomique ?? '').replace(/\$\{1:/, `\${${counter++}:`)}`, '\t')}\n}\n`;
    return text;
}

function indent(text: string, unit: string): string {
    return text.split('\n').map(line => (line ? unit + line : line)).join('\n');
}
