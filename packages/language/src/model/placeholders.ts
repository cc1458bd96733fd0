import { NODE_KINDS } from './node-kinds.js';
import { fold } from './text.js';

/**
 * The one placeholder detector: whether a text an author wrote is still empty, punctuation only,
 * a provisional mention (« À compléter », « TODO », « xxx », lorem ipsum…) or a text of the
 * project's own skeletons (section skeletons of model/node-kinds.ts, the « Nouveau protocole »
 * snippet of the extension) left as inserted. Such a text counts as absent: the completeness
 * rules read it as a missing field (rules/contenu.ts).
 */
export type PlaceholderReason = 'vide' | 'ponctuation' | 'mention' | 'modele';

/**
 * Instruction texts of skeletons that are not (or no longer) in the table of node kinds: those of
 * the extension's former static snippets, which documents written with them still hold, and of
 * the section snippets. The server's own skeletons (lsp/skeletons.ts) are read from the table; the
 * test packages/language/test/placeholders.test.ts checks every text they leave to write counts.
 */
const SNIPPET_TEXTS = [
    'Titre du protocole', 'Intitulé du protocole', 'Nom de l\'équipe promotrice', 'Structure', 'Prénom Nom', 'Fonction',
    'Thème du protocole', 'Besoin de santé auquel répond le protocole', 'Organisation actuelle de la prise en charge',
    'Objectifs attendus pour les patients et l\'équipe', 'Premier objectif', 'Second objectif',
    'Titre de la recommandation de bonne pratique', 'Titre de la recommandation', 'Signe de gravité',
    'Libellé de l\'acte dérogatoire', 'Lieu de réalisation', 'Programme théorique', 'Mises en situation supervisées',
    'Modalités de validation', 'Prise en charge du patient', 'Information du médecin traitant', 'Compte rendu dans le dossier patient partagé',
    'Aggravation des symptômes', 'Le délégant est joignable par téléphone', 'Fiche d\'information remise au patient',
    'Le patient peut refuser à tout moment la prise en charge par le délégué', 'Logiciel de dossier patient partagé',
    'Traçabilité de chaque étape dans le dossier patient', 'Déclaration des événements indésirables',
    'Assurance couvrant les actes réalisés', 'Financement de l\'activité', 'Motif de prise en charge',
    'Le patient refuse la prise en charge par le délégué', 'Titre de l\'étape', 'Condition', 'Traçabilité dans le dossier patient',
    'Risque identifié', 'Mesure de maîtrise', 'Libellé de l\'indicateur', 'Titre de l\'annexe', 'Justification',
    'Bibliothèque de l\'équipe', 'Module de formation commun'
];

/**
 * Skeleton defaults that are a plausible real answer (a reviewer would accept them as written):
 * they are not placeholders.
 */
const PLAUSIBLE = new Set([
    'HAS', '1.0', 'Médecine générale', 'Diplôme d\'État de docteur en médecine', 'Diplôme d\'État d\'infirmier', 'Diplôme d\'État',
    'Messagerie sécurisée de santé', 'Du lundi au vendredi, 8 h – 20 h', 'Du lundi au vendredi de 8 h à 20 h',
    'Le patient peut refuser à tout moment', 'https://', 'https://www.has-sante.fr/',
    'annexes/document.pdf', 'Accueil et vérification des critères', 'Un critère d\'exclusion est présent', 'Critère d\'exclusion', 'Refus du patient'
].map(fold));

/** Free-text defaults of a snippet: `"${1:texte}"` and the first line of a `"""` block. */
export function snippetTexts(snippet: string): string[] {
    const texts: string[] = [];
    for (const match of snippet.matchAll(/"\$\{\d+:([^}]*)\}"/g)) texts.push(match[1]);
    for (const match of snippet.matchAll(/"""\s*(?:- )?\$\{\d+:([^}]*)\}/g)) texts.push(match[1]);
    for (const match of snippet.matchAll(/-\s*\$\{\d+:([^}]*)\}/g)) texts.push(match[1]);
    return texts;
}

/** Normalised form used for the comparison: folded, spaces collapsed, list dashes and final dots dropped. */
function normalise(text: string): string {
    return fold(text).replace(/^\s*-\s*/, '').replace(/\s+/g, ' ').replace(/[\s.…]+$/, '').trim();
}

const SKELETON_TEXTS: ReadonlySet<string> = new Set(
    [...NODE_KINDS.flatMap(kind => (kind.skeleton ? snippetTexts(kind.skeleton) : [])), ...SNIPPET_TEXTS]
        .filter(text => !PLAUSIBLE.has(fold(text)))
        .map(normalise)
        .filter(text => text.length > 0)
);

/** Provisional mentions, anywhere in the text (folded: no accents, lower case). */
const MENTIONS = [
    /\ba (?:completer|definir|preciser|renseigner|rediger|remplir|venir|valider)\b/,
    /\b(?:todo|tbd|fixme|xxx+)\b/,
    /\blorem ipsum\b/,
    /\[\s*(?:\.\.\.|…)?\s*\]/,
    /<\s*(?:\.\.\.|…|texte|nom|a completer)\s*>/
];

/** Whole texts that say nothing (a field name or a lone word typed as a reminder). */
const EMPTY_WORDS = new Set(['texte', 'titre', 'libelle', 'nom', 'description', 'n/a', 'na', 'rien', 'neant', 'idem', 'voir', 'cf', '?', 'tbc']);

/**
 * Answers already given, by text: the same texts are read again at every keystroke (and by several
 * rules), and folding plus the patterns cost more than a lookup. Emptied when it grows past
 * `REMEMBERED` texts, so that a long session does not keep every text it ever saw.
 */
const remembered = new Map<string, PlaceholderReason | null>();
const REMEMBERED = 20_000;

/** Why a text counts as absent, or undefined when it is real content. */
export function placeholderReason(text: string | undefined): PlaceholderReason | undefined {
    if (text === undefined) return undefined;
    const known = remembered.get(text);
    if (known !== undefined) return known ?? undefined;
    const reason = computeReason(text);
    if (remembered.size >= REMEMBERED) remembered.clear();
    remembered.set(text, reason ?? null);
    return reason;
}

function computeReason(text: string): PlaceholderReason | undefined {
    if (text.trim() === '') return 'vide';
    if (/^[\s\p{P}\p{S}]*$/u.test(text)) return 'ponctuation';
    const folded = normalise(text);
    if (folded === '' || EMPTY_WORDS.has(folded)) return 'mention';
    if (MENTIONS.some(pattern => pattern.test(folded))) return 'mention';
    if (SKELETON_TEXTS.has(folded)) return 'modele';
    return undefined;
}

/** A text that says something: present and not a placeholder. */
export function hasContent(text: string | undefined): text is string {
    return text !== undefined && placeholderReason(text) === undefined;
}

/** Names a skeleton leaves (`acte nom`, `identifiant PC-NOM`): they say the element was never named. */
export function isPlaceholderName(name: string | undefined): boolean {
    if (!name) return false;
    const folded = fold(name);
    return folded === 'nom' || /^pc-(?:nom|xxx+|[.…]+)$/.test(folded) || /^x{3,}$/.test(folded) || folded === 'todo';
}
