import type { Basis } from '../diagnostics/definition.js';
import type { Localized } from '../i18n/locale.js';

export interface Requirement {
    readonly id: string;
    readonly legalBasis: string;
    readonly title: Localized;
    readonly basis: Basis;
}

/**
 * The requirements a protocol is checked against, in the order of R.4011-1, then L.4011-2,
 * D.4011-4-1 and the type/setting articles. Sources: ../shared/domain/README.md §2–§5. Each rule
 * names the requirement it checks; a requirement is met when none of its rules reports an error or
 * a warning. The conformity summary (« Conformité : 14/16 exigences ») counts them.
 */
export const REQUIREMENTS = [
    { id: 'rbp', legalBasis: 'R.4011-1 1°', basis: 'source', title: { fr: 'Recommandations de bonne pratique (HAS)', en: 'Good-practice recommendations (HAS)' } },
    { id: 'actes', legalBasis: 'R.4011-1 2° a', basis: 'source', title: { fr: 'Actes dérogatoires et non dérogatoires', en: 'Derogating and non-derogating acts' } },
    { id: 'patients', legalBasis: 'R.4011-1 2° b', basis: 'source', title: { fr: 'Critères d\'éligibilité et de retrait des patients', en: 'Patient eligibility and withdrawal criteria' } },
    { id: 'qualification', legalBasis: 'R.4011-1 2° c', basis: 'source', title: { fr: 'Qualification des délégants et des délégués', en: 'Qualification of delegating professionals and delegates' } },
    { id: 'formation', legalBasis: 'R.4011-1 3° ; L.4011-2', basis: 'source', title: { fr: 'Expérience et formation théorique et pratique des délégués', en: 'Experience and theoretical and practical training of delegates' } },
    { id: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'source', title: { fr: 'Arbres de décision : une action par situation', en: 'Decision trees: one action per situation' } },
    { id: 'parcours', legalBasis: 'R.4011-1 4° b', basis: 'source', title: { fr: 'Intégration au parcours et transmission des informations', en: 'Pathway integration and information flow' } },
    { id: 'reorientation', legalBasis: 'R.4011-1 4° c', basis: 'source', title: { fr: 'Réorientation vers le délégant et délais', en: 'Referral to the delegating professional and delays' } },
    { id: 'information', legalBasis: 'R.4011-1 5° ; L.4011-2', basis: 'source', title: { fr: 'Information du patient', en: 'Patient information' } },
    { id: 'donnees', legalBasis: 'R.4011-1 5°', basis: 'source', title: { fr: 'Partage sécurisé des données de santé', en: 'Secure sharing of health data' } },
    { id: 'disponibilite', legalBasis: 'R.4011-1 6°', basis: 'source', title: { fr: 'Disponibilité des délégants', en: 'Availability of delegating professionals' } },
    { id: 'risques', legalBasis: 'R.4011-1 6°', basis: 'source', title: { fr: 'Démarche de gestion des risques', en: 'Risk-management approach' } },
    { id: 'responsabilite', legalBasis: 'R.4011-1 6°', basis: 'source', title: { fr: 'Responsabilité civile', en: 'Civil liability' } },
    { id: 'organisation', legalBasis: 'L.4011-2', basis: 'source', title: { fr: 'Modalités d\'organisation (lieu de mise en œuvre)', en: 'Organisational arrangements (place of implementation)' } },
    { id: 'indicateurs', legalBasis: 'D.4011-4-1 ; D.4011-4-2', basis: 'source', title: { fr: 'Indicateurs de suivi obligatoires', en: 'Mandatory monitoring indicators' } },
    { id: 'cadre', legalBasis: 'L.4011-3 ; L.4011-4 à L.4011-4-3', basis: 'source', title: { fr: 'Type, cadre et décision (modèle économique ou avis des instances)', en: 'Type, setting and decision (economic model or governing bodies)' } }
] as const satisfies readonly Requirement[];

export type RequirementId = (typeof REQUIREMENTS)[number]['id'];
