import type { Localized } from '../i18n/locale.js';

// ---------------------------------------------------------------------------------------------
// The activity journal (issue 13): one CSV row per event of the team's activity under a protocol,
// and the professionals' satisfaction questionnaire. Column spec, event kinds, the header names
// each column accepts and the shapes of direct patient identifiers the tool refuses.
// docs/journal.md is the documentation of this file; docs/schema/journal.schema.json its schema.
// ---------------------------------------------------------------------------------------------

/** The columns of the journal, in the order of the template. */
export type JournalColumn = 'date' | 'patient' | 'evenement' | 'acte' | 'professionnel' | 'cible' | 'nature' | 'gravite' | 'commentaire';

export interface ColumnSpec<K extends string> {
    key: K;
    /** The header written in the template. */
    header: string;
    required: boolean;
    /** Other header names accepted (compared folded: lower case, no accents, no spaces or punctuation). */
    aliases: string[];
    description: Localized;
}

export const JOURNAL_COLUMNS: ReadonlyArray<ColumnSpec<JournalColumn>> = [
    { key: 'date', header: 'date', required: true, aliases: ['jour', 'datedelevenement', 'dateevenement', 'dateacte'], description: { fr: 'Date de l\'événement : jj/mm/aaaa ou aaaa-mm-jj', en: 'Date of the event: dd/mm/yyyy or yyyy-mm-dd' } },
    { key: 'patient', header: 'patient', required: true, aliases: ['idpatient', 'identifiantpatient', 'pseudonyme', 'codepatient', 'patientid', 'numeropatient'], description: { fr: 'Identifiant pseudonyme du patient (jamais son nom ni son NIR)', en: 'Pseudonymous patient id (never the name or the NIR)' } },
    { key: 'evenement', header: 'événement', required: true, aliases: ['type', 'typedevenement', 'typeevenement', 'event'], description: { fr: 'Nature de l\'événement : inclusion, acte, reprise, orientation, événement indésirable, retrait, consultation', en: 'Kind of event: inclusion, acte, reprise, orientation, événement indésirable, retrait, consultation' } },
    { key: 'acte', header: 'acte', required: false, aliases: ['etape', 'acteouetape', 'codeacte'], description: { fr: 'Acte ou étape du protocole (son nom dans le fichier .coop)', en: 'Act or step of the protocol (its name in the .coop file)' } },
    { key: 'professionnel', header: 'professionnel', required: false, aliases: ['rpps', 'intervenant', 'pro', 'professionneldesante'], description: { fr: 'Professionnel : RPPS (11 chiffres) ou « Nom Prénom » d\'un membre du fichier d\'équipe', en: 'Professional: RPPS (11 digits) or « Last First » of a member of the team file' } },
    { key: 'cible', header: 'cible', required: false, aliases: ['orientationvers', 'destinataire', 'orientation'], description: { fr: 'Orientation : vers qui le patient est adressé', en: 'Referral: to whom the patient is referred' } },
    { key: 'nature', header: 'nature', required: false, aliases: ['natureei', 'naturedelevenementindesirable', 'natureevenement'], description: { fr: 'Événement indésirable : sa nature', en: 'Adverse event: its nature' } },
    { key: 'gravite', header: 'gravité', required: false, aliases: ['severite', 'gravitee'], description: { fr: 'Événement indésirable : « grave » (EIG) ou « non grave »', en: 'Adverse event: « grave » (serious) or « non grave »' } },
    { key: 'commentaire', header: 'commentaire', required: false, aliases: ['remarque', 'observation', 'note', 'notes'], description: { fr: 'Commentaire libre, sans donnée identifiante', en: 'Free comment, with no identifying data' } }
];

/** The kinds of event a row records. */
export type EventKind = 'inclusion' | 'acte' | 'reprise' | 'orientation' | 'evenement-indesirable' | 'retrait' | 'consultation';

export const EVENT_KINDS: ReadonlyArray<{ key: EventKind; aliases: string[]; label: Localized }> = [
    { key: 'inclusion', aliases: ['inclus', 'patientinclus', 'entree', 'entreedansleprotocole'], label: { fr: 'Inclusion d\'un patient', en: 'Patient included' } },
    { key: 'acte', aliases: ['actedelegue', 'acterealise', 'actedudelegue'], label: { fr: 'Acte réalisé par le délégué', en: 'Act performed by the délégué' } },
    { key: 'reprise', aliases: ['reprisepardelegant', 'reprisepareledelegant', 'reprisepardelegant', 'reprisedelegant'], label: { fr: 'Reprise par le délégant à la demande du délégué', en: 'Reprise by the délégant at the délégué\'s request' } },
    { key: 'orientation', aliases: ['reorientation', 'adressage', 'orientationversunmedecin'], label: { fr: 'Orientation du patient', en: 'Referral of the patient' } },
    { key: 'evenement-indesirable', aliases: ['ei', 'eig', 'evenementindesirable', 'evenementindesirablegrave', 'eias'], label: { fr: 'Événement indésirable', en: 'Adverse event' } },
    { key: 'retrait', aliases: ['sortie', 'sortieduprotocole', 'retraitduprotocole'], label: { fr: 'Retrait du protocole', en: 'Withdrawal from the protocol' } },
    { key: 'consultation', aliases: ['consultationordinaire', 'actehorsprotocole', 'consultationhorsprotocole'], label: { fr: 'Consultation ordinaire (facturée hors protocole)', en: 'Ordinary consultation (billed outside the protocol)' } }
];

/** The satisfaction questionnaire: one row per professional who answered. */
export type SatisfactionColumn = 'date' | 'professionnel' | 'reponse' | 'commentaire';

export const SATISFACTION_COLUMNS: ReadonlyArray<ColumnSpec<SatisfactionColumn>> = [
    { key: 'date', header: 'date', required: false, aliases: ['jour', 'datedereponse'], description: { fr: 'Date de la réponse (facultative)', en: 'Date of the answer (optional)' } },
    { key: 'professionnel', header: 'professionnel', required: false, aliases: ['rpps', 'repondant'], description: { fr: 'Professionnel qui répond (facultatif : RPPS ou « Nom Prénom »)', en: 'Professional who answers (optional: RPPS or « Last First »)' } },
    { key: 'reponse', header: 'réponse', required: true, aliases: ['satisfaction', 'avis', 'niveau'], description: { fr: 'Réponse sur l\'échelle : très satisfait, satisfait, peu satisfait, pas satisfait', en: 'Answer on the scale: très satisfait, satisfait, peu satisfait, pas satisfait' } },
    { key: 'commentaire', header: 'commentaire', required: false, aliases: ['remarque', 'observation'], description: { fr: 'Commentaire libre', en: 'Free comment' } }
];

/** The answers of the legal indicator's scale (D.4011-4-1: « satisfait » or « très satisfait » count). */
export type SatisfactionAnswer = 'tres-satisfait' | 'satisfait' | 'peu-satisfait' | 'pas-satisfait';

export const SATISFACTION_ANSWERS: ReadonlyArray<{ key: SatisfactionAnswer; aliases: string[]; satisfied: boolean; label: Localized }> = [
    { key: 'tres-satisfait', aliases: ['tressatisfait', 'tressatisfaite', '4'], satisfied: true, label: { fr: 'Très satisfait', en: 'Very satisfied' } },
    { key: 'satisfait', aliases: ['satisfait', 'satisfaite', '3'], satisfied: true, label: { fr: 'Satisfait', en: 'Satisfied' } },
    { key: 'peu-satisfait', aliases: ['peusatisfait', 'peusatisfaite', 'moyennementsatisfait', '2'], satisfied: false, label: { fr: 'Peu satisfait', en: 'Not very satisfied' } },
    { key: 'pas-satisfait', aliases: ['passatisfait', 'passatisfaite', 'pasdutoutsatisfait', 'insatisfait', 'insatisfaite', 'nonsatisfait', '1'], satisfied: false, label: { fr: 'Pas satisfait', en: 'Not satisfied' } }
];

/** Lower case, no accents, no spaces, apostrophes, dashes, underscores or dots: how names are compared. */
export function foldName(text: string): string {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s'’_.\-/()°]+/g, '');
}

/** The column a header names, or undefined. */
export function columnOf<K extends string>(header: string, columns: ReadonlyArray<ColumnSpec<K>>): K | undefined {
    const folded = foldName(header);
    return columns.find(column => foldName(column.header) === folded || column.aliases.includes(folded))?.key;
}

export function eventKindOf(value: string): EventKind | undefined {
    const folded = foldName(value);
    return EVENT_KINDS.find(kind => foldName(kind.key) === folded || kind.aliases.includes(folded))?.key;
}

export function satisfactionOf(value: string): SatisfactionAnswer | undefined {
    const folded = foldName(value);
    return SATISFACTION_ANSWERS.find(answer => foldName(answer.key) === folded || answer.aliases.includes(folded))?.key;
}

/**
 * Header names of columns that hold a direct patient identifier (privacy: a journal must be
 * pseudonymous). Compared folded. « nom » alone, « nom du patient », « prénom », the NIR and its
 * names, the birth date, the address and contact details of the patient.
 */
const IDENTIFYING_HEADERS: ReadonlyArray<{ pattern: RegExp; what: Localized }> = [
    { pattern: /^(nom|nomdefamille|nomdenaissance|nomdusage|nompatient|nomdupatient|nomdelapatiente|patientnom)$/, what: { fr: 'le nom du patient', en: 'the patient\'s name' } },
    { pattern: /^(prenom|prenompatient|prenomdupatient|prenomdelapatiente|patientprenom|prenoms)$/, what: { fr: 'le prénom du patient', en: 'the patient\'s first name' } },
    { pattern: /(securitesociale|^nir(pp)?(patient)?$|^ins$|^matriculeins$|^nss$|^n(o|um|umero)?(de)?secu$|^numerodassure$|^(numero)?insee$)/, what: { fr: 'le numéro de sécurité sociale (NIR)', en: 'the social security number (NIR)' } },
    { pattern: /^(datedenaissance|datenaissance|ddn|nele|nee|naissance)$/, what: { fr: 'la date de naissance', en: 'the birth date' } },
    { pattern: /^(adresse|adressepatient|adressedupatient|telephone|tel|telephonepatient|portable|email|mail|courriel)$/, what: { fr: 'les coordonnées du patient', en: 'the patient\'s contact details' } }
];

/** What an identifying header names (« le nom du patient »), or undefined when the header is allowed. */
export function identifyingHeader(header: string): Localized | undefined {
    const folded = foldName(header);
    return IDENTIFYING_HEADERS.find(entry => entry.pattern.test(folded))?.what;
}

/**
 * A value shaped like a NIR (numéro d'inscription au répertoire, « numéro de sécurité sociale »):
 * 13 characters, or 15 with the key; sex 1–4 or 7–8, year, month, département (2A/2B for Corsica),
 * commune, order number. Spaces and dots are ignored. An RPPS (11 digits) never matches.
 */
export function looksLikeNir(value: string): boolean {
    const compact = value.replace(/[\s.]/g, '');
    return /^[1-478]\d{2}(0[1-9]|1[0-2]|[2-9]\d)(\d{2}|2[ABab])\d{6}(\d{2})?$/.test(compact);
}

/** An RPPS number: 11 digits. */
export function looksLikeRpps(value: string): boolean {
    return /^\d{11}$/.test(value.replace(/\s/g, ''));
}
