import type { Localized } from '../i18n/locale.js';
import type { ElementProtocole } from '../generated/ast.js';

export interface SectionKind {
    /** AST type of the element. */
    readonly type: ElementProtocole['$type'];
    /** Keyword that starts it in the language. */
    readonly keyword: string;
    readonly label: Localized;
    /** At most one per protocol. */
    readonly single: boolean;
}

const section = (type: ElementProtocole['$type'], keyword: string, fr: string, en: string, single = true): SectionKind =>
    ({ type, keyword, label: { fr, en }, single });

/**
 * The elements of a protocol in the order of the template (HAS « fiche projet », then the
 * R.4011-1 requirements; ../shared/domain/template.md). Outline, preview, quick fixes and the
 * order advice all follow this table.
 */
export const SECTION_KINDS: readonly SectionKind[] = [
    section('Identifiant', 'identifiant', 'Identifiant', 'Identifier'),
    section('TypeProtocole', 'type', 'Type de protocole', 'Protocol type'),
    section('Cadre', 'cadre', 'Cadre d\'exercice', 'Setting'),
    section('Version', 'version', 'Version', 'Version'),
    section('DateProtocole', 'date', 'Date', 'Date'),
    section('Statut', 'statut', 'Statut', 'Status'),
    section('Promoteurs', 'promoteurs', 'Promoteurs et équipe de rédaction', 'Promoters and drafting team'),
    section('Theme', 'thème', 'Thème', 'Theme'),
    section('Contexte', 'contexte', 'Contexte et justification', 'Context and justification'),
    section('Objectifs', 'objectifs', 'Objectifs', 'Objectives'),
    section('References', 'références', 'Références (recommandations de bonne pratique)', 'References (good-practice recommendations)'),
    section('Utilise', 'utilise', 'Éléments de bibliothèque utilisés', 'Library elements used', false),
    section('Delegant', 'délégant', 'Délégant', 'Delegating professional', false),
    section('Delegue', 'délégué', 'Délégué', 'Delegate', false),
    section('Patients', 'patients', 'Patients concernés', 'Patients'),
    section('Acte', 'acte', 'Acte délégué', 'Delegated act', false),
    section('Lieu', 'lieu', 'Lieu de mise en œuvre', 'Place of implementation', false),
    section('Equipement', 'équipement', 'Équipement requis', 'Required equipment', false),
    section('Formation', 'formation', 'Formation des délégués', 'Training of delegates', false),
    section('Parcours', 'parcours', 'Processus de prise en charge (arbre de décision)', 'Care process (decision tree)', false),
    section('Coordination', 'coordination', 'Intégration au parcours et transmission des informations', 'Pathway integration and information flow'),
    section('Reorientations', 'réorientations', 'Situations de réorientation vers le délégant', 'Referral situations'),
    section('Disponibilite', 'disponibilité', 'Disponibilité du délégant', 'Availability of the delegating professional'),
    section('InformationPatient', 'information du patient', 'Information du patient', 'Patient information'),
    section('SystemeInformation', 'système d\'information', 'Système d\'information et traçabilité', 'Information system and traceability'),
    section('GestionRisques', 'gestion des risques', 'Gestion des risques', 'Risk management'),
    section('ResponsabiliteCivile', 'responsabilité civile', 'Responsabilité civile', 'Civil liability'),
    section('Indicateur', 'indicateur', 'Indicateur de suivi', 'Monitoring indicator', false),
    section('Gouvernance', 'gouvernance', 'Décision et avis des instances', 'Decision and opinions of governing bodies'),
    section('ModeleEconomique', 'modèle économique', 'Modèle économique', 'Economic model'),
    section('DureeProtocole', 'durée', 'Durée', 'Duration'),
    section('Annexe', 'annexe', 'Annexe', 'Annex', false),
    section('Suppression', 'ignorer', 'Règle ignorée', 'Ignored rule', false)
];

const byType = new Map(SECTION_KINDS.map((kind, index) => [kind.type, { kind, index }]));

export function sectionKind(type: string): SectionKind | undefined {
    return byType.get(type as ElementProtocole['$type'])?.kind;
}

/** Position of an element type in the template order. */
export function templateRank(type: string): number {
    return byType.get(type as ElementProtocole['$type'])?.index ?? SECTION_KINDS.length;
}
