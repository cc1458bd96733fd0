import type { ElementProtocole } from '../generated/ast.js';
import { NODE_KINDS } from '../model/node-kinds.js';
import { isPlaceholderName, placeholderReason } from '../model/placeholders.js';
import { MANDATORY_INDICATOR_SKELETONS } from '../model/skeleton-text.js';

export { indentSkeleton, MANDATORY_INDICATOR_SKELETONS, toPlainText } from '../model/skeleton-text.js';

/**
 * Skeletons of each section, as LSP snippets, from the table of node kinds (model/node-kinds.ts).
 * One source for the completion snippets and the quick fixes that insert a missing section.
 */
export const SECTION_SKELETONS: Partial<Record<ElementProtocole['$type'], string>> = Object.fromEntries(
    NODE_KINDS.filter(kind => kind.section && kind.skeleton).map(kind => [kind.type, kind.skeleton])
);

/**
 * A complete new protocol (empty file), in template order, as one snippet whose tab stops are only
 * what the author has to decide or write (issue 11 §3, §8): the title first, then in document
 * order the free texts and names the skeleton cannot guess (those the placeholder detector would
 * flag, model/placeholders.ts), the choices (`national|local`…) and the professions. Plausible
 * defaults (`HAS`, `1.0`, `6 h`, `ide`, `mg`…) are written as they are: the author passes no
 * stop for them, and may still edit them. The act's name is typed once: `couvre` in the training
 * and `réaliser` in the decision tree mirror it, so the skeleton's act is covered and performed.
 * Optional lines are left out (OPTIONAL_LINES).
 */
export function newProtocolSnippet(): string {
    const order: Array<ElementProtocole['$type']> = [
        'Identifiant', 'TypeProtocole', 'Cadre', 'Version', 'Promoteurs', 'Theme', 'Contexte', 'Objectifs', 'References',
        'Delegant', 'Delegue', 'Patients', 'Acte', 'Lieu', 'Formation', 'Parcours', 'Coordination',
        'Reorientations', 'Disponibilite', 'InformationPatient', 'SystemeInformation', 'GestionRisques', 'ResponsabiliteCivile'
    ];
    const stops = { next: 2, act: undefined as number | undefined };
    // Every listed section has a skeleton in the table of node kinds (a test checks it); one without is skipped.
    const body = order.flatMap(type => {
        const skeleton = SECTION_SKELETONS[type];
        return skeleton === undefined ? [] : [authorStops(type, withoutOptionalLines(skeleton), stops)];
    }).join('\n\n');
    const indicators = Object.values(MANDATORY_INDICATOR_SKELETONS).join('\n\n');
    const economic = authorStops('ModeleEconomique', SECTION_SKELETONS.ModeleEconomique ?? '', stops);
    return `protocole "\${1:Titre du protocole}" {\n${indent(`${body}\n\n${indicators}\n\n${economic}`, '\t')}\n}\n`;
}

/**
 * Lines of the section skeletons that no check requires (the co-author of the text, the current
 * organisation, the conditions of an act, the upkeep of skills, the criteria of suspension, the
 * software): in a whole new protocol each would be one more text to write before 0 errors, as a
 * skeleton text left as inserted counts as absent. The section snippets keep them; the author adds
 * them when they have something to say. (`équipement`, optional too, is left out of the order above.)
 */
const OPTIONAL_LINES = /^\t(?:rédacteur|organisation|conditions|maintien|suspension|logiciel) .*\n/gm;

function withoutOptionalLines(skeleton: string): string {
    return skeleton.replace(OPTIONAL_LINES, '');
}

/** The placeholders of one section skeleton renumbered in the whole snippet, or written as their default. */
function authorStops(type: string, skeleton: string, stops: { next: number; act: number | undefined }): string {
    const local = new Map<string, string>();
    let text = skeleton;
    if (type === 'Parcours' && stops.act !== undefined) text = text.replace(/sinon : fin/, `sinon : réaliser \${${stops.act}} puis fin`);
    return text.replace(/\$\{(\d+)(?::([^}]*)|\|([^}]*)\|)?\}/g, (whole, number: string, value: string | undefined, choices: string | undefined, offset: number) => {
        // A skeleton's own mirror (`${2}` after `${2:x}`), or a global mirror already written.
        if (value === undefined && choices === undefined) return local.get(number) ?? whole;
        const before = text.slice(Math.max(0, offset - 40), offset);
        let written: string;
        if (type === 'Formation' && /couvre $/.test(before) && stops.act !== undefined) {
            written = `\${${stops.act}}`;
        } else if (choices !== undefined || /(?:délégant|délégué) \S+ : $/.test(before) || placeholderReason(value) !== undefined || isPlaceholderName(value)) {
            const stop = stops.next++;
            if (type === 'Acte' && /^acte $/.test(before.slice(-5))) stops.act = stop;
            written = choices !== undefined ? `\${${stop}|${choices}|}` : `\${${stop}:${value}}`;
        } else {
            written = value ?? '';
        }
        local.set(number, written.replace(/^\$\{(\d+)[:|].*\}$/s, '\${$1}'));
        return written;
    });
}

function indent(text: string, unit: string): string {
    return text.split('\n').map(line => (line ? unit + line : line)).join('\n');
}
