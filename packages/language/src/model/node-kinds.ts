import type { CoopAstType } from '../generated/ast.js';
import type { Localized } from '../i18n/locale.js';
import type { RequirementId } from '../rules/requirements.js';

/** Semantic token types used for named elements (LSP standard types). */
export type TokenType = 'class' | 'type' | 'namespace' | 'function' | 'enumMember' | 'struct' | 'property' | 'parameter' | 'event' | 'macro';

/**
 * One description of each kind of node the tools talk about. Everything else derives from this
 * table: the protocol sections in template order and their titles (model/sections.ts: outline,
 * preview, order advice, `element-en-double`), the requirement a section serves (conformity), the
 * section skeletons (completion and quick fixes), the namespaces of unique names (`nom-en-double`),
 * the semantic token type of declarations and references, and the labels of unresolved references.
 */
export interface NodeKind {
    /** AST type (generated/ast.ts). */
    readonly type: keyof CoopAstType;
    /** Title of the section, or name of the kind in the outline. */
    readonly label: Localized;
    /**
     * Heading of the section in the submission document when it differs from `label`: a repeatable
     * element gathers all its occurrences under a plural heading (« Actes et activités délégués »).
     */
    readonly heading?: Localized;
    /** A protocol element: the keyword that starts it, and whether a protocol has at most one. */
    readonly section?: { readonly keyword: string; readonly single: boolean };
    /**
     * A protocol element that is not a section of the template (data and scores, written where the
     * author likes): the keyword that starts it, known to the parser's messages and its recovery.
     */
    readonly element?: { readonly keyword: string };
    /** The essential requirement a section serves: a language error inside it leaves it unproven. */
    readonly requirement?: RequirementId;
    /** A named element: names are unique within the namespace; `label` starts a sentence (« L'acte »). */
    readonly name?: { readonly namespace: string; readonly label: Localized };
    /** Semantic token type of its name, where declared and wherever cited. */
    readonly token?: TokenType;
    /** How an unresolved reference to it is named (« Acte « bu » introuvable. »). */
    readonly reference?: Localized;
    /** LSP snippet of a new section (lines relative to its indentation, `\t` = one level). */
    readonly skeleton?: string;
    /**
     * An element of a team file (`équipe "…" applique …`, issue 12): its keyword and whether a file
     * has at most one, in the order of the online declaration form.
     */
    readonly team?: { readonly keyword: string; readonly single: boolean };
}

/**
 * Sections first, in the order of the template (HAS « fiche projet », then the R.4011-1
 * requirements; ../shared/domain/template.md), then the named kinds that are not sections.
 */
export const NODE_KINDS: readonly NodeKind[] = [
    {
        type: 'Identifiant',
        label: { fr: 'Identifiant', en: 'Identifier' },
        section: { keyword: 'identifiant', single: true },
        skeleton: 'identifiant ${1:PC-NOM}'
    },
    {
        type: 'TypeProtocole',
        label: { fr: 'Type de protocole', en: 'Protocol type' },
        section: { keyword: 'type', single: true },
        requirement: 'cadre',
        skeleton: 'type ${1|national,local|}'
    },
    {
        type: 'Cadre',
        label: { fr: 'Cadre d\'exercice', en: 'Setting' },
        section: { keyword: 'cadre', single: true },
        requirement: 'cadre',
        skeleton: 'cadre ${1|msp,centre-de-santé,cpts,esp,établissement,ght,esms,inter-entités|}'
    },
    {
        type: 'Version',
        label: { fr: 'Version', en: 'Version' },
        section: { keyword: 'version', single: true },
        skeleton: 'version "${1:1.0}"'
    },
    {
        type: 'DateProtocole',
        label: { fr: 'Date', en: 'Date' },
        section: { keyword: 'date', single: true }
    },
    {
        type: 'Statut',
        label: { fr: 'Statut', en: 'Status' },
        section: { keyword: 'statut', single: true }
    },
    {
        type: 'Promoteurs',
        label: { fr: 'Promoteurs et équipe de rédaction', en: 'Promoters and drafting team' },
        section: { keyword: 'promoteurs', single: true },
        skeleton: 'promoteurs {\n\tpromoteur "${1:Structure promotrice}"\n\trédacteur "${2:Nom}" qualité "${3:Fonction}"\n}'
    },
    {
        type: 'Theme',
        label: { fr: 'Thème', en: 'Theme' },
        section: { keyword: 'thème', single: true },
        skeleton: 'thème "${1:Thème, pathologie ou situation clinique}"'
    },
    {
        type: 'Contexte',
        label: { fr: 'Contexte et justification', en: 'Context and justification' },
        section: { keyword: 'contexte', single: true },
        skeleton: 'contexte {\n\tbesoin """\n\t\t${1:Besoin de santé auquel répond le protocole}\n\t\t"""\n\torganisation "${2:Organisation actuelle}"\n}'
    },
    {
        type: 'Objectifs',
        label: { fr: 'Objectifs', en: 'Objectives' },
        section: { keyword: 'objectifs', single: true },
        skeleton: 'objectifs """\n\t${1:- Objectif}\n\t"""'
    },
    {
        type: 'References',
        label: { fr: 'Références (recommandations de bonne pratique)', en: 'References (good-practice recommendations)' },
        section: { keyword: 'références', single: true },
        requirement: 'rbp',
        skeleton: 'références {\n\tréférence ${1:rbp} "${2:Titre de la recommandation}" auteur "${3:HAS}" année ${4:2024} has url "${5:https://www.has-sante.fr/}"\n}'
    },
    {
        type: 'Utilise',
        label: { fr: 'Éléments de bibliothèque utilisés', en: 'Library elements used' },
        section: { keyword: 'utilise', single: false },
        requirement: 'rbp'
    },
    {
        type: 'Delegant',
        label: { fr: 'Délégant', en: 'Delegating professional' },
        heading: { fr: 'Professionnels délégants', en: 'Delegating professionals' },
        section: { keyword: 'délégant', single: false },
        requirement: 'qualification',
        name: { namespace: 'intervenant', label: { fr: 'Le délégant', en: 'Delegating professional' } },
        token: 'class',
        reference: { fr: 'Délégant', en: 'Delegating professional' },
        skeleton: 'délégant ${1:mg} : ${2:médecin} {\n\tspécialité "${3:Spécialité du délégant}"\n\tqualification "${4:Diplôme d\'État de docteur en médecine}"\n}'
    },
    {
        type: 'Delegue',
        label: { fr: 'Délégué', en: 'Delegate' },
        heading: { fr: 'Professionnels délégués', en: 'Delegates' },
        section: { keyword: 'délégué', single: false },
        requirement: 'qualification',
        name: { namespace: 'intervenant', label: { fr: 'Le délégué', en: 'Delegate' } },
        token: 'class',
        reference: { fr: 'Délégué', en: 'Delegate' },
        skeleton: 'délégué ${1:ide} : ${2:infirmier} {\n\tqualification "${3:Diplôme d\'État d\'infirmier}"\n\texpérience ${4:1} ${5:an}\n}'
    },
    {
        type: 'Patients',
        label: { fr: 'Patients concernés', en: 'Patients' },
        section: { keyword: 'patients', single: true },
        requirement: 'patients',
        skeleton: 'patients {\n\tinclusion ${1:age} : âge de ${2:18} à ${3:65} ans\n\texclusion ${4:nom} : "${5:Critère d\'exclusion}"\n\tretrait ${6:refus} : "${7:Refus du patient}"\n}'
    },
    {
        type: 'Acte',
        label: { fr: 'Acte délégué', en: 'Delegated act' },
        heading: { fr: 'Actes et activités délégués', en: 'Delegated acts and activities' },
        section: { keyword: 'acte', single: false },
        requirement: 'actes',
        name: { namespace: 'acte', label: { fr: 'L\'acte', en: 'Act' } },
        token: 'function',
        reference: { fr: 'Acte', en: 'Act' },
        skeleton: 'acte ${1:nom} "${2:Libellé de l\'acte}" {\n\t${3|dérogatoire à L4161-1,non dérogatoire|}\n\tpar ${4:ide}\n\tconditions "${5:Conditions de réalisation}"\n}'
    },
    {
        type: 'Lieu',
        label: { fr: 'Lieu de mise en œuvre', en: 'Place of implementation' },
        heading: { fr: 'Lieu de mise en œuvre et équipement', en: 'Place of implementation and equipment' },
        section: { keyword: 'lieu', single: false },
        requirement: 'organisation',
        skeleton: 'lieu "${1:Lieu de mise en œuvre, espace de confidentialité}"'
    },
    {
        type: 'Equipement',
        label: { fr: 'Équipement requis', en: 'Required equipment' },
        section: { keyword: 'équipement', single: false },
        requirement: 'organisation',
        skeleton: 'équipement "${1:Matériel requis}"'
    },
    {
        type: 'Formation',
        label: { fr: 'Formation des délégués', en: 'Training of delegates' },
        section: { keyword: 'formation', single: false },
        requirement: 'formation',
        name: { namespace: 'formation', label: { fr: 'La formation', en: 'Training' } },
        token: 'struct',
        skeleton: 'formation ${1:f-ide} pour ${2:ide} {\n\tthéorie ${3:6} h "${4:Programme}"\n\tpratique ${5:5} cas "${6:Cas supervisés par le délégant}"\n\tvalidation "${7:Modalités de validation}"\n\tmaintien tous les ${8:12} mois "${9:Maintien des compétences}"\n\tcouvre ${10:acte}\n}'
    },
    {
        type: 'Parcours',
        label: { fr: 'Processus de prise en charge (arbre de décision)', en: 'Care process (decision tree)' },
        heading: { fr: 'Processus de prise en charge (arbres de décision)', en: 'Care process (decision trees)' },
        section: { keyword: 'parcours', single: false },
        requirement: 'arbres',
        skeleton: 'parcours ${1:principal} "${2:Prise en charge}" {\n\tétape ${3:accueil} "${4:Accueil et vérification des critères}" {\n\t\tpar ${5:ide}\n\t\tsi "${6:Un critère d\'exclusion est présent}" : orienter vers ${7:mg} sous ${8:24} h\n\t\tsinon : fin\n\t}\n}'
    },
    {
        type: 'Coordination',
        label: { fr: 'Intégration au parcours et transmission des informations', en: 'Pathway integration and information flow' },
        section: { keyword: 'coordination', single: true },
        requirement: 'parcours',
        skeleton: 'coordination {\n\tintégration "${1:Information du médecin traitant}"\n\ttransmission "${2:Compte rendu dans le dossier partagé}"\n}'
    },
    {
        type: 'Reorientations',
        label: { fr: 'Situations de réorientation vers le délégant', en: 'Referral situations' },
        section: { keyword: 'réorientations', single: true },
        requirement: 'reorientation',
        skeleton: 'réorientations {\n\tsituation ${1:nom} "${2:Situation nécessitant l\'avis du délégant}" vers ${3:mg} sous ${4:24} h\n}'
    },
    {
        type: 'Ressource',
        label: { fr: 'Ressource de réorientation', en: 'Referral resource' },
        heading: { fr: 'Ressources de réorientation', en: 'Referral resources' },
        section: { keyword: 'ressource', single: false },
        requirement: 'reorientation',
        name: { namespace: 'intervenant', label: { fr: 'La ressource', en: 'Resource' } },
        token: 'class',
        reference: { fr: 'Destinataire (délégant ou ressource déclarée)', en: 'Recipient (delegating professional or declared resource)' },
        skeleton: 'ressource ${1:mt} "${2:Libellé de la ressource}"'
    },
    {
        type: 'Disponibilite',
        label: { fr: 'Disponibilité du délégant', en: 'Availability of the delegating professional' },
        section: { keyword: 'disponibilité', single: true },
        requirement: 'disponibilite',
        skeleton: 'disponibilité {\n\tmodalités "${1:Délégant joignable par téléphone}"\n\thoraires "${2:Du lundi au vendredi, 8 h – 20 h}"\n\tréponse sous ${3:30} min\n}'
    },
    {
        type: 'InformationPatient',
        label: { fr: 'Information du patient', en: 'Patient information' },
        section: { keyword: 'information du patient', single: true },
        requirement: 'information',
        skeleton: 'information du patient {\n\tdocument "${1:Fiche d\'information remise au patient}"\n\taccord ${2|oral,écrit|}\n\trefus "${3:Le patient peut refuser ; il est alors pris en charge par le délégant}"\n}'
    },
    {
        type: 'SystemeInformation',
        label: { fr: 'Système d\'information et traçabilité', en: 'Information system and traceability' },
        section: { keyword: 'système d\'information', single: true },
        requirement: 'donnees',
        skeleton: 'système d\'information {\n\tlogiciel "${1:Logiciel de dossier partagé}"\n\tpartage "${2:Messagerie sécurisée de santé}"\n\ttraçabilité "${3:Chaque étape est tracée dans le dossier}"\n}'
    },
    {
        type: 'GestionRisques',
        label: { fr: 'Gestion des risques', en: 'Risk management' },
        section: { keyword: 'gestion des risques', single: true },
        requirement: 'risques',
        skeleton: 'gestion des risques {\n\tsignalement "${1:Tout événement indésirable est déclaré sans délai}"\n\trevue ${2|rex,rmm,crex|} tous les ${3:3} mois\n\tsuspension "${4:Critères de suspension}"\n}'
    },
    {
        type: 'ResponsabiliteCivile',
        label: { fr: 'Responsabilité civile', en: 'Civil liability' },
        section: { keyword: 'responsabilité civile', single: true },
        requirement: 'responsabilite',
        skeleton: 'responsabilité civile "${1:Chaque professionnel atteste d\'une assurance couvrant les actes du protocole}"'
    },
    {
        type: 'Indicateur',
        label: { fr: 'Indicateur de suivi', en: 'Monitoring indicator' },
        heading: { fr: 'Indicateurs de suivi', en: 'Monitoring indicators' },
        section: { keyword: 'indicateur', single: false },
        requirement: 'indicateurs',
        name: { namespace: 'indicateur', label: { fr: 'L\'indicateur', en: 'Indicator' } },
        token: 'property',
        skeleton: 'indicateur ${1:nom} "${2:Libellé}" {\n\texigence ${3|patients,reprise,événements-indésirables,satisfaction-professionnels|}\n\tnature ${4|taux,nombre|}\n\tnumérateur "${5:Numérateur}"\n\tdénominateur "${6:Dénominateur}"\n\tpériodicité annuelle\n}'
    },
    {
        type: 'Gouvernance',
        label: { fr: 'Décision et avis des instances', en: 'Decision and opinions of governing bodies' },
        section: { keyword: 'gouvernance', single: true },
        requirement: 'cadre',
        skeleton: 'gouvernance {\n\tavis cme du ${1:AAAA-MM-JJ}\n\tavis csirmt du ${2:AAAA-MM-JJ}\n\tdécision directeur du ${3:AAAA-MM-JJ}\n}'
    },
    {
        type: 'ModeleEconomique',
        label: { fr: 'Modèle économique', en: 'Economic model' },
        section: { keyword: 'modèle économique', single: true },
        requirement: 'cadre',
        skeleton: 'modèle économique """\n\t${1:Financement, rémunération des actes, coûts de formation}\n\t"""'
    },
    {
        type: 'DureeProtocole',
        label: { fr: 'Durée', en: 'Duration' },
        heading: { fr: 'Durée du protocole', en: 'Duration of the protocol' },
        section: { keyword: 'durée', single: true },
        skeleton: 'durée ${1:indéterminée}'
    },
    {
        type: 'Annexe',
        label: { fr: 'Annexe', en: 'Annex' },
        heading: { fr: 'Annexes', en: 'Annexes' },
        section: { keyword: 'annexe', single: false },
        skeleton: 'annexe "${1:Titre}" fichier "${2:annexes/document.pdf}"'
    },
    {
        type: 'Suppression',
        label: { fr: 'Règle ignorée', en: 'Ignored rule' },
        section: { keyword: 'ignorer', single: false }
    },
    {
        type: 'Etape',
        label: { fr: 'Étape', en: 'Step' },
        name: { namespace: 'etape', label: { fr: 'L\'étape', en: 'Step' } },
        token: 'enumMember',
        reference: { fr: 'Étape', en: 'Step' }
    },
    {
        // A member of the drafting team (`promoteurs { rédacteur "…" }`): named in the dossier, never cited.
        type: 'Membre',
        label: { fr: 'Membre', en: 'Member' }
    },
    {
        type: 'Module',
        label: { fr: 'Module de formation', en: 'Training module' },
        name: { namespace: 'module', label: { fr: 'Le module', en: 'Module' } },
        token: 'struct',
        reference: { fr: 'Module de formation', en: 'Training module' }
    },
    {
        type: 'Critere',
        label: { fr: 'Critère', en: 'Criterion' },
        name: { namespace: 'critere', label: { fr: 'Le critère', en: 'Criterion' } },
        token: 'parameter'
    },
    {
        type: 'Donnee',
        label: { fr: 'Donnée clinique', en: 'Clinical datum' },
        element: { keyword: 'donnée' },
        requirement: 'arbres',
        // Data, scores and criteria are all read by name in the conditions: one namespace.
        name: { namespace: 'critere', label: { fr: 'La donnée', en: 'Datum' } },
        token: 'property',
        reference: { fr: 'Donnée, score ou critère', en: 'Datum, score or criterion' },
        skeleton: 'donnée ${1:temperature} "${2:Libellé de la donnée}" : nombre °C de 34 à 43 source examen'
    },
    {
        type: 'Score',
        label: { fr: 'Score clinique', en: 'Clinical score' },
        element: { keyword: 'score' },
        requirement: 'arbres',
        name: { namespace: 'critere', label: { fr: 'Le score', en: 'Score' } },
        token: 'property',
        skeleton: 'score ${1:nom} "${2:Libellé}" {\n\t1 point si ${3:condition}\n}'
    },
    {
        type: 'Risque',
        label: { fr: 'Risque', en: 'Risk' },
        name: { namespace: 'risque', label: { fr: 'Le risque', en: 'Risk' } },
        token: 'event'
    },
    {
        type: 'Reference',
        label: { fr: 'Référence', en: 'Reference' },
        name: { namespace: 'reference', label: { fr: 'La référence', en: 'Reference' } },
        token: 'macro'
    },
    {
        type: 'SituationReorientation',
        label: { fr: 'Situation de réorientation', en: 'Referral situation' },
        name: { namespace: 'reorientation', label: { fr: 'La situation', en: 'Situation' } },
        token: 'event'
    },
    {
        type: 'Article',
        label: { fr: 'Article', en: 'Article' },
        name: { namespace: 'article', label: { fr: 'L\'article', en: 'Article' } },
        token: 'namespace',
        reference: { fr: 'Article dérogeable (liste de l\'art. L.4011-1)', en: 'Derogable article (list of art. L.4011-1)' }
    },
    {
        type: 'Profession',
        label: { fr: 'Profession', en: 'Profession' },
        name: { namespace: 'profession', label: { fr: 'La profession', en: 'Profession' } },
        token: 'type',
        reference: { fr: 'Profession', en: 'Profession' }
    },
    {
        type: 'ProtocoleNational',
        label: { fr: 'Protocole national', en: 'National protocol' },
        name: { namespace: 'protocole-national', label: { fr: 'Le protocole national', en: 'National protocol' } },
        token: 'class'
    },
    {
        type: 'FormationNationale',
        label: { fr: 'Formation du protocole national', en: 'Training of the national protocol' },
        name: { namespace: 'formation-nationale', label: { fr: 'La formation', en: 'Training' } },
        token: 'struct'
    },
    // Team file (issue 12), in the order of the online declaration form (lifecycle.md §2).
    {
        type: 'StructureEquipe',
        label: { fr: 'Structure déclarante', en: 'Declaring structure' },
        team: { keyword: 'structure', single: true },
        skeleton: 'structure "${1:Nom de la structure}" type ${2|msp,centre-de-santé,cpts,esp,établissement,ght,esms|} finess ${3:000000000}'
    },
    {
        type: 'Referent',
        label: { fr: 'Référent de la déclaration', en: 'Referent of the declaration' },
        team: { keyword: 'référent', single: true },
        skeleton: 'référent "${1:Prénom Nom}" qualité "${2:Coordinatrice}" contact "${3:courriel ou téléphone}"'
    },
    {
        type: 'Representant',
        label: { fr: 'Représentant légal', en: 'Legal representative' },
        team: { keyword: 'représentant', single: true },
        skeleton: 'représentant "${1:Prénom Nom}" qualité "${2:Président de la structure}" contact "${3:courriel}"'
    },
    {
        type: 'DebutEquipe',
        label: { fr: 'Début de mise en œuvre', en: 'Start date' },
        team: { keyword: 'début', single: true },
        skeleton: 'début ${1:2025-01-01}'
    },
    {
        type: 'MembreEquipe',
        label: { fr: 'Membre de l\'équipe', en: 'Team member' },
        heading: { fr: 'Professionnels de l\'équipe', en: 'Team professionals' },
        team: { keyword: 'membre', single: false },
        skeleton: 'membre "${1:Nom}" "${2:Prénom}" : ${3:infirmier} ${4|délégué,délégant|} {\n\trpps ${5:10000000000}\n\tengagement ${6:2025-01-01}\n}'
    },
    {
        type: 'Attestations',
        label: { fr: 'Attestations sur l\'honneur', en: 'Sworn statements' },
        team: { keyword: 'attestations', single: true },
        skeleton: 'attestations {\n\tadhésion-volontaire\n\ttravail-en-équipe\n\tavis-obtenus "${1:Décision de l\'instance}" \n}'
    },
    {
        type: 'FormationSuivie',
        label: { fr: 'Formation suivie', en: 'Training completed' }
    }
];

const byType = new Map<string, NodeKind>(NODE_KINDS.map(kind => [kind.type, kind]));

export function nodeKind(type: string): NodeKind | undefined {
    return byType.get(type);
}
