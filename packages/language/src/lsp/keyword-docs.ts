import type { CoopAstType } from '../generated/ast.js';
import type { Localized, LocaleSetting } from '../i18n/locale.js';
import { nodeKind } from '../model/node-kinds.js';
import { toPlainText } from '../model/skeleton-text.js';
import { REQUIREMENTS } from '../rules/requirements.js';

/**
 * What each section (and each keyword that starts an element) is for, in one line: the one
 * table behind the descriptions of completion entries and the hovers on keywords (issue 11 §3,
 * §5). The requirement a section serves and its example come from the table of node kinds
 * (model/node-kinds.ts: `requirement`, `skeleton`); only the purpose is written here.
 */
export const KEYWORD_PURPOSES: Partial<Record<keyof CoopAstType, Localized>> = {
    Protocole: { fr: 'Un protocole de coopération : son titre, puis ses rubriques entre accolades.', en: 'A cooperation protocol: its title, then its sections in braces.' },
    Bibliotheque: { fr: 'Définitions partagées par les protocoles du dossier (modules de formation, indicateurs, références).', en: 'Definitions shared by the protocols of the folder (training modules, indicators, references).' },
    Equipe: { fr: 'La déclaration d\'une équipe qui applique un protocole (national ou local).', en: 'The declaration of a team applying a protocol (national or local).' },
    Cas: { fr: 'Un cas de patient pour tester l\'arbre de décision (`coop test`).', en: 'A patient case to test the decision tree (`coop test`).' },
    Identifiant: { fr: 'Le code court qui identifie le protocole (ex. PC-CYSTITE).', en: 'The short code identifying the protocol (e.g. PC-CYSTITE).' },
    TypeProtocole: { fr: 'Protocole national (autorisé par arrêté) ou local (déclaré par une équipe).', en: 'National protocol (authorised by order) or local one (declared by a team).' },
    Cadre: { fr: 'Le cadre d\'exercice où le protocole s\'applique (MSP, centre de santé, CPTS…).', en: 'The practice setting where the protocol applies (MSP, health centre, CPTS…).' },
    Version: { fr: 'Le numéro de version du protocole.', en: 'The version number of the protocol.' },
    DateProtocole: { fr: 'La date de cette version du protocole (AAAA-MM-JJ).', en: 'The date of this version of the protocol (YYYY-MM-DD).' },
    Statut: { fr: 'L\'état de rédaction : brouillon, soumis, autorisé…', en: 'The drafting state: draft, submitted, authorised…' },
    Promoteurs: { fr: 'Qui porte le protocole et qui l\'a rédigé.', en: 'Who promotes the protocol and who wrote it.' },
    Theme: { fr: 'Le thème de santé du protocole.', en: 'The health topic of the protocol.' },
    Contexte: { fr: 'Pourquoi ce protocole : le besoin de santé et l\'intérêt pour les patients.', en: 'Why this protocol: the health need and the benefit for patients.' },
    Objectifs: { fr: 'Ce que le protocole veut améliorer (délais, accès aux soins…).', en: 'What the protocol aims to improve (delays, access to care…).' },
    References: { fr: 'Les recommandations de bonne pratique sur lesquelles le protocole s\'appuie.', en: 'The good-practice recommendations the protocol relies on.' },
    Utilise: { fr: 'Reprend des éléments d\'une bibliothèque du dossier (modules, indicateurs, références).', en: 'Uses elements of a library of the folder (modules, indicators, references).' },
    Delegant: { fr: 'Le professionnel qui délègue ses actes (souvent le médecin), avec sa profession.', en: 'The professional who delegates acts (often the physician), with their profession.' },
    Delegue: { fr: 'Le professionnel qui réalise les actes délégués, avec sa profession et sa qualification.', en: 'The professional who performs the delegated acts, with profession and qualification.' },
    Patients: { fr: 'Quels patients entrent dans le protocole (inclusion) et lesquels en sont exclus.', en: 'Which patients the protocol includes and which it excludes.' },
    Acte: { fr: 'Un acte confié au délégué : dérogatoire (à quel article du CSP) ou non.', en: 'An act entrusted to the delegate: derogating (from which CSP article) or not.' },
    Lieu: { fr: 'Où le protocole est mis en œuvre.', en: 'Where the protocol is carried out.' },
    Equipement: { fr: 'Le matériel nécessaire aux actes délégués.', en: 'The equipment the delegated acts need.' },
    Formation: { fr: 'La formation théorique et pratique du délégué, et les actes qu\'elle couvre.', en: 'The theoretical and practical training of the delegate, and the acts it covers.' },
    Parcours: { fr: 'L\'arbre de décision : les étapes, et pour chaque situation l\'action à faire.', en: 'The decision tree: the steps, and for each situation the action to take.' },
    Coordination: { fr: 'Comment le protocole s\'intègre au parcours du patient et comment l\'information circule.', en: 'How the protocol fits the patient pathway and how information flows.' },
    Reorientations: { fr: 'Les situations où le délégué renvoie le patient vers le délégant, et sous quel délai.', en: 'The situations where the delegate refers the patient back, and within what delay.' },
    Ressource: { fr: 'Un recours de réorientation (SAMU, urgences, spécialiste…) et son délai.', en: 'A referral resource (emergency services, specialist…) and its delay.' },
    Disponibilite: { fr: 'Comment et sous quel délai le délégant est joignable.', en: 'How and how fast the delegating professional can be reached.' },
    InformationPatient: { fr: 'Comment le patient est informé et donne son accord.', en: 'How the patient is informed and gives consent.' },
    SystemeInformation: { fr: 'Comment les données de santé sont partagées et tracées, de façon sécurisée.', en: 'How health data is shared and traced, securely.' },
    GestionRisques: { fr: 'Le signalement des événements indésirables et leur revue en équipe.', en: 'Reporting of adverse events and their review by the team.' },
    ResponsabiliteCivile: { fr: 'L\'assurance en responsabilité civile des professionnels.', en: 'The civil-liability insurance of the professionals.' },
    Indicateur: { fr: 'Un indicateur de suivi (quatre sont obligatoires), sa définition et sa périodicité.', en: 'A monitoring indicator (four are mandatory), its definition and period.' },
    Gouvernance: { fr: 'Les décisions et avis des instances (ARS, HAS, comité national).', en: 'The decisions and opinions of the governing bodies (ARS, HAS, national committee).' },
    ModeleEconomique: { fr: 'Comment les actes délégués sont financés.', en: 'How the delegated acts are funded.' },
    DureeProtocole: { fr: 'La durée pendant laquelle le protocole s\'applique.', en: 'How long the protocol applies.' },
    Annexe: { fr: 'Un document joint au protocole.', en: 'A document attached to the protocol.' },
    Suppression: { fr: 'Ignore une règle ici, avec sa justification (« ignorer code : "raison" »).', en: 'Ignores a rule here, with its justification (« ignorer code : "reason" »).' },
    Donnee: { fr: 'Une donnée clinique relevée chez le patient, utilisable dans les conditions de l\'arbre.', en: 'A clinical datum recorded on the patient, usable in the conditions of the tree.' },
    Score: { fr: 'Un score clinique calculé à partir des données, utilisable dans l\'arbre.', en: 'A clinical score computed from the data, usable in the tree.' },
    Etape: { fr: 'Une étape de l\'arbre de décision : qui la réalise et que faire dans chaque situation.', en: 'A step of the decision tree: who performs it and what to do in each situation.' }
};

/** The keyword that starts an element of each type, where it is not its section keyword. */
const KEYWORDS: Partial<Record<keyof CoopAstType, string>> = {
    Protocole: 'protocole', Bibliotheque: 'bibliothèque', Equipe: 'équipe', Cas: 'cas', Suppression: 'ignorer', Donnee: 'donnée', Score: 'score', Etape: 'étape'
};

/** The keyword that starts an element of type `type` (`information du patient`, `étape`). */
export function elementKeyword(type: string): string | undefined {
    return KEYWORDS[type as keyof CoopAstType] ?? nodeKind(type)?.section?.keyword;
}

export interface KeywordDoc {
    readonly type: keyof CoopAstType;
    readonly keyword: string;
    readonly label: string;
    readonly purpose: string;
    /** « R.4011-1 2° b — Critères d'éligibilité et de retrait des patients ». */
    readonly requirement?: string;
    /** At most two lines of the section's skeleton, as plain text. */
    readonly example?: string;
}

/** What the element of type `type` is for, in the current language (undefined if the table has nothing). */
export function keywordDoc(type: string, locale: LocaleSetting): KeywordDoc | undefined {
    const purpose = KEYWORD_PURPOSES[type as keyof CoopAstType];
    if (!purpose) return undefined;
    const kind = nodeKind(type);
    const requirement = kind?.requirement ? REQUIREMENTS.find(r => r.id === kind.requirement) : undefined;
    return {
        type: type as keyof CoopAstType,
        keyword: elementKeyword(type) ?? type.toLowerCase(),
        label: kind ? locale.pick(kind.label) : locale.pick(purpose),
        purpose: locale.pick(purpose),
        ...(requirement ? { requirement: `${requirement.legalBasis} — ${locale.pick(requirement.title)}` } : {}),
        ...(kind?.skeleton ? { example: exampleOf(kind.skeleton) } : {})
    };
}

/** The first two lines of a skeleton as plain text (a closing brace if the block goes on). */
export function exampleOf(skeleton: string): string {
    const lines = toPlainText(skeleton).replace(/\t/g, '    ').split('\n');
    if (lines.length <= 2) return lines.join('\n');
    return `${lines.slice(0, 2).join('\n')}\n    …`;
}

/** The hover of a keyword: purpose, requirement served, example. */
export function keywordMarkdown(doc: KeywordDoc, locale: LocaleSetting): string {
    return [
        `**${doc.keyword}** — ${doc.label}`,
        doc.purpose,
        doc.requirement ? `*${locale.pick({ fr: 'Exigence servie : ', en: 'Requirement served: ' })}${doc.requirement}*` : '',
        doc.example ? `${locale.pick({ fr: 'Exemple :', en: 'Example:' })}\n\n\`\`\`coop\n${doc.example}\n\`\`\`` : ''
    ].filter(Boolean).join('\n\n');
}
