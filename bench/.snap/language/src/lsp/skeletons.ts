import type { ElementProtocole } from '../generated/ast.js';

/**
 * Skeletons of each section, as LSP snippets (`${1:texte}` placeholders). One source for the
 * completion snippets and the quick fixes that insert a missing section (`toPlainText`).
 * Lines are relative to the section's indentation; `\t` is one indentation level.
 */
export const SECTION_SKELETONS: Partial<Record<ElementProtocole['$type'], string>> = {
    Identifiant: 'identifiant ${1:PC-NOM}',
    TypeProtocole: 'type ${1|national,local|}',
    Cadre: 'cadre ${1|msp,centre-de-santé,cpts,esp,établissement,ght,esms,inter-entités|}',
    Version: 'version "${1:1.0}"',
    Promoteurs: 'promoteurs {\n\tpromoteur "${1:Structure promotrice}"\n\trédacteur "${2:Nom}" qualité "${3:Fonction}"\n}',
    Theme: 'thème "${1:Thème, pathologie ou situation clinique}"',
    Contexte: 'contexte {\n\tbesoin """\n\t\t${1:Besoin de santé auquel répond le protocole}\n\t\t"""\n\torganisation "${2:Organisation actuelle}"\n}',
    Objectifs: 'objectifs """\n\t${1:- Objectif}\n\t"""',
    References: 'références {\n\tréférence ${1:rbp} "${2:Titre de la recommandation}" auteur "${3:HAS}" année ${4:2024} has url "${5:https://www.has-sante.fr/}"\n}',
    Delegant: 'délégant ${1:mg} : ${2:médecin} {\n\tspécialité "${3:Médecine générale}"\n\tqualification "${4:Diplôme d\'État de docteur en médecine}"\n}',
    Delegue: 'délégué ${1:ide} : ${2:infirmier} {\n\tqualification "${3:Diplôme d\'État d\'infirmier}"\n\texpérience ${4:1} ${5:an}\n}',
    Patients: 'patients {\n\tinclusion ${1:age} : âge de ${2:18} à ${3:65} ans\n\texclusion ${4:nom} : "${5:Critère d\'exclusion}"\n\tretrait ${6:refus} : "${7:Refus du patient}"\n}',
    Acte: 'acte ${1:nom} "${2:Libellé de l\'acte}" {\n\t${3|dérogatoire à L4161-1,non dérogatoire|}\n\tpar ${4:ide}\n\tconditions "${5:Conditions de réalisation}"\n}',
    Lieu: 'lieu "${1:Lieu de mise en œuvre, espace de confidentialité}"',
    Equipement: 'équipement "${1:Matériel requis}"',
    Formation: 'formation ${1:f-ide} pour ${2:ide} {\n\tthéorie ${3:6} h "${4:Programme}"\n\tpratique ${5:5} cas "${6:Cas supervisés par le délégant}"\n\tvalidation "${7:Modalités de validation}"\n\tmaintien tous les ${8:12} mois "${9:Maintien des compétences}"\n\tcouvre ${10:acte}\n}',
    Parcours: 'parcours ${1:principal} "${2:Prise en charge}" {\n\tétape ${3:accueil} "${4:Accueil et vérification des critères}" {\n\t\tpar ${5:ide}\n\t\tsi "${6:Un critère d\'exclusion est présent}" : orienter vers ${7:mg} sous ${8:24} h\n\t\tsinon : fin\n\t}\n}',
    Coordination: 'coordination {\n\tintégration "${1:Information du médecin traitant}"\n\ttransmission "${2:Compte rendu dans le dossier partagé}"\n}',
    Reorientations: 'réorientations {\n\tsituation ${1:nom} "${2:Situation nécessitant l\'avis du délégant}" vers ${3:mg} sous ${4:24} h\n}',
    Disponibilite: 'disponibilité {\n\tmodalités "${1:Délégant joignable par téléphone}"\n\thoraires "${2:Du lundi au vendredi, 8 h – 20 h}"\n\tréponse sous ${3:30} min\n}',
    InformationPatient: 'information du patient {\n\tdocument "${1:Fiche d\'information remise au patient}"\n\taccord ${2|oral,écrit|}\n\trefus "${3:Le patient peut refuser ; il est alors pris en charge par le délégant}"\n}',
    SystemeInformation: 'système d\'information {\n\tlogiciel "${1:Logiciel de dossier partagé}"\n\tpartage "${2:Messagerie sécurisée de santé}"\n\ttraçabilité "${3:Chaque étape est tracée dans le dossier}"\n}',
    GestionRisques: 'gestion des risques {\n\tsignalement "${1:Tout événement indésirable est déclaré sans délai}"\n\trevue ${2|rex,rmm,crex|} tous les ${3:3} mois\n\tsuspension "${4:Critères de suspension}"\n}',
    ResponsabiliteCivile: 'responsabilité civile "${1:Chaque professionnel atteste d\'une assurance couvrant les actes du protocole}"',
    Indicateur: 'indicateur ${1:nom} "${2:Libellé}" {\n\texigence ${3|patients,reprise,événements-indésirables,satisfaction-professionnels|}\n\tnature ${4|taux,nombre|}\n\tnumérateur "${5:Numérateur}"\n\tdénominateur "${6:Dénominateur}"\n\tpériodicité annuelle\n}',
    Gouvernance: 'gouvernance {\n\tavis cme du ${1:2025-01-15}\n\tavis csirmt du ${2:2025-01-20}\n\tdécision directeur du ${3:2025-02-01}\n}',
    ModeleEconomique: 'modèle économique """\n\t${1:Financement, rémunération des actes, coûts de formation}\n\t"""',
    DureeProtocole: 'durée ${1:indéterminée}',
    Annexe: 'annexe "${1:Titre}" fichier "${2:annexes/document.pdf}"'
};

/** Indicator skeletons for each mandatory indicator (quick fix of indicateur-*-absent). */
export const MANDATORY_INDICATOR_SKELETONS: Record<string, string> = {
    patients: 'indicateur nb-patients "Nombre de patients pris en charge" {\n\texigence patients\n\tnature nombre\n\tpériodicité annuelle\n}',
    reprise: 'indicateur reprise "Taux de reprise par le délégant" {\n\texigence reprise\n\tnature taux\n\tnumérateur "Actes réalisés par le délégant à la demande du délégué"\n\tdénominateur "Actes réalisés par le délégué"\n\tpériodicité annuelle\n}',
    'événements-indésirables': 'indicateur ei "Nature et taux des événements indésirables" {\n\texigence événements-indésirables\n\tnature taux\n\tnumérateur "Événements indésirables déclarés"\n\tdénominateur "Actes réalisés par le délégué"\n\tpériodicité annuelle\n}',
    'satisfaction-professionnels': 'indicateur satisfaction "Taux de satisfaction des professionnels" {\n\texigence satisfaction-professionnels\n\tnature taux\n\tnumérateur "Professionnels satisfaits ou très satisfaits"\n\tdénominateur "Professionnels ayant répondu au questionnaire"\n\tpériodicité annuelle\n}'
};

/** A complete new protocol (empty file), in template order. */
export function newProtocolSnippet(): string {
    const order: Array<ElementProtocole['$type']> = [
        'Identifiant', 'TypeProtocole', 'Cadre', 'Version', 'Promoteurs', 'Theme', 'Contexte', 'Objectifs', 'References',
        'Delegant', 'Delegue', 'Patients', 'Acte', 'Lieu', 'Equipement', 'Formation', 'Parcours', 'Coordination',
        'Reorientations', 'Disponibilite', 'InformationPatient', 'SystemeInformation', 'GestionRisques', 'ResponsabiliteCivile'
    ];
    let counter = 1;
    const body = order.map(type => SECTION_SKELETONS[type]!.replace(/\$\{(\d+)([:|])/g, (_, _n, sep) => `\${${counter++}${sep}`)).join('\n\n');
    const indicators = Object.values(MANDATORY_INDICATOR_SKELETONS).join('\n\n');
    const text = `protocole "\${${counter++}:Intitulé du protocole}" {\n${indent(`${body}\n\n${indicators}\n\n${SECTION_SKELETONS.ModeleEconomique!.replace(/\$\{1:/, `\${${counter++}:`)}`, '\t')}\n}\n`;
    return text;
}

function indent(text: string, unit: string): string {
    return text.split('\n').map(line => (line ? unit + line : line)).join('\n');
}

/** A snippet as plain text: placeholders replaced by their default (first choice for `${1|a,b|}`). */
export function toPlainText(snippet: string): string {
    return snippet
        .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\d+/g, '');
}

/** Re-indents a skeleton (tabs = levels) with the given indentation unit and base indentation. */
export function indentSkeleton(text: string, base: string, unit = '    '): string {
    return text.split('\n').map(line => {
        const tabs = /^\t*/.exec(line)![0].length;
        return base + unit.repeat(tabs) + line.slice(tabs);
    }).join('\n');
}
