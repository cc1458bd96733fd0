import type { Localized } from '../i18n/locale.js';
import type { CountKind, EventCount, LegalIndicator } from './activity-types.js';

// The standard definition of the four legal indicators (CSP art. D.4011-4-1 / D.4011-4-2;
// ../shared/domain/README.md §3), shipped with the tool: the yearly report computes them so, and an
// author may refer to them (`exigence reprise  définition légale`) instead of rewriting them. No
// dependency: the dossier's builders read it too.

/** The four legal indicators (D.4011-4-1 / D.4011-4-2), as the law defines them. */
export const LEGAL_DEFINITIONS: Record<LegalIndicator, { label: Localized; kind: 'taux' | 'nombre'; numerator: EventCount; denominator?: EventCount; numeratorText: Localized; denominatorText?: Localized }> = {
    patients: {
        label: { fr: 'Nombre de patients pris en charge au titre du protocole', en: 'Number of patients cared for under the protocol' },
        kind: 'nombre', numerator: { kind: 'patients' },
        numeratorText: { fr: 'Patients distincts ayant une inclusion ou un acte du délégué dans la période', en: 'Distinct patients with an inclusion or an act of the délégué in the period' }
    },
    reprise: {
        label: { fr: 'Taux de reprise par les délégants', en: 'Reprise rate by the délégants' },
        kind: 'taux', numerator: { kind: 'reprises' }, denominator: { kind: 'actes' },
        numeratorText: { fr: 'Actes réalisés par le délégant à la demande du délégué', en: 'Acts performed by the délégant at the délégué\'s request' },
        denominatorText: { fr: 'Actes réalisés par le délégué', en: 'Acts performed by the délégué' }
    },
    'événements-indésirables': {
        label: { fr: 'Taux d\'événements indésirables', en: 'Adverse event rate' },
        kind: 'taux', numerator: { kind: 'evenements-indesirables' }, denominator: { kind: 'actes' },
        numeratorText: { fr: 'Événements indésirables déclarés', en: 'Adverse events reported' },
        denominatorText: { fr: 'Actes réalisés par le délégué', en: 'Acts performed by the délégué' }
    },
    'satisfaction-professionnels': {
        label: { fr: 'Taux de satisfaction des professionnels adhérents', en: 'Satisfaction rate of the professionals' },
        kind: 'taux', numerator: { kind: 'satisfaits' }, denominator: { kind: 'reponses' },
        numeratorText: { fr: 'Professionnels « satisfaits » ou « très satisfaits »', en: 'Professionals « satisfied » or « very satisfied »' },
        denominatorText: { fr: 'Professionnels ayant répondu au questionnaire', en: 'Professionals who answered the questionnaire' }
    }
};

/** « reprises de bu », « actes », in words (French) for a count written in the grammar. */
export function describeCount(spec: EventCount): string {
    const words: Record<CountKind, string> = {
        inclusions: 'Inclusions', actes: 'Actes réalisés par le délégué', reprises: 'Reprises par le délégant', orientations: 'Orientations',
        'evenements-indesirables': 'Événements indésirables', retraits: 'Retraits', patients: 'Patients distincts', consultations: 'Consultations ordinaires',
        reponses: 'Réponses au questionnaire', satisfaits: 'Réponses « satisfait » ou « très satisfait »'
    };
    return spec.actes && spec.actes.length > 0 ? `${words[spec.kind]} (${spec.actes.join(', ')})` : words[spec.kind];
}

