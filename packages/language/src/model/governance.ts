import type { ActeGouvernance, AvisInstance, DecisionInstance, Instance } from '../generated/ast.js';
import type { Localized } from '../i18n/locale.js';
import { fold } from './text.js';

/** The governing bodies the rules know, whatever the protocol calls them. */
export type InstanceKind = 'cme' | 'csirmt' | 'directeur' | 'has' | 'autre';

/**
 * Usual long names (folded: no accents, lower case) of the bodies written in a string:
 * « "Commission médicale d'établissement" », « "Commission des soins infirmiers, de rééducation et
 * médico-techniques" », « "Directeur de l'établissement" ».
 */
const LONG_NAMES: Array<[RegExp, InstanceKind]> = [
    [/\bcme\b|commission medicale d'etablissement|commission medicale de groupement|commission medicale/, 'cme'],
    [/\bcsirmt\b|commission des soins infirmiers|soins infirmiers, de reeducation|reeducation et medico-techniques/, 'csirmt'],
    [/\bdirect(?:eur|rice)\b|\bdirection\b/, 'directeur'],
    [/\bhas\b|haute autorite de sante/, 'has']
];

/** What body an `avis` or `décision` names; `undefined` while it is being typed. */
export function instanceKind(instance: Instance | undefined): InstanceKind | undefined {
    if (!instance) return undefined;
    if (instance.cme) return 'cme';
    if (instance.csirmt) return 'csirmt';
    if (instance.directeur) return 'directeur';
    if (instance.has) return 'has';
    if (typeof instance.autre !== 'string') return undefined;
    const name = fold(instance.autre);
    const kind = LONG_NAMES.find(([pattern]) => pattern.test(name))?.[1] ?? 'autre';
    // « Directrice des soins », « directeur du pôle » are not the head of the establishment.
    return kind === 'directeur' && /\b(?:soins|pole|service|departement|site)\b/.test(name) ? 'autre' : kind;
}

/** « la CME », « la CSIRMT », « le directeur », « "Assemblée générale de la SISA" ». */
export function instanceLabel(instance: Instance | undefined): Localized {
    switch (instanceKind(instance)) {
        case 'cme': return { fr: 'la CME', en: 'the CME' };
        case 'csirmt': return { fr: 'la CSIRMT', en: 'the CSIRMT' };
        case 'directeur': return { fr: 'le directeur', en: 'the director' };
        case 'has': return { fr: 'la HAS', en: 'the HAS' };
        default: {
            const name = instance?.autre?.trim() || '…';
            return { fr: `« ${name} »`, en: `"${name}"` };
        }
    }
}

export function isAvis(acte: ActeGouvernance): acte is AvisInstance {
    return acte.$type === 'AvisInstance';
}

export function isDecision(acte: ActeGouvernance): acte is DecisionInstance {
    return acte.$type === 'DecisionInstance';
}

/** A calendar date `AAAA-MM-JJ` that exists (not 2025-02-30), as a comparable string; else undefined. */
export function validDate(text: string | undefined): string | undefined {
    if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
    const [year, month, day] = text.split('-').map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? text : undefined;
}

/** `favorable`, `favorable avec réserves`, `défavorable`, or undefined when the outcome is not written. */
export function outcome(avis: AvisInstance): 'favorable' | 'réserves' | 'défavorable' | undefined {
    const resultat = avis.issue?.resultat;
    if (resultat === 'défavorable') return 'défavorable';
    if (resultat === 'favorable') return avis.issue?.reserves ? 'réserves' : 'favorable';
    return undefined;
}

/** Whether an opinion binds the decision: written « conforme », or CME/CSIRMT in a hospital (L.4011-4). */
export function isBinding(avis: AvisInstance, hospital: boolean): boolean {
    const kind = instanceKind(avis.instance);
    return avis.conforme || (hospital && (kind === 'cme' || kind === 'csirmt'));
}
