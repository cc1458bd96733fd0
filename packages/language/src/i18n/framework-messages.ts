import { NODE_KINDS } from '../model/node-kinds.js';
import type { Localized } from './locale.js';

/**
 * Messages that replace Langium's English lexer, parser and linker messages.
 * Every entry has both languages; `test/i18n.test.ts` checks none is empty.
 */
export const frameworkMessages = {
    unexpectedCharacter: {
        fr: 'Caractère inattendu « {text} » : il ne fait partie d\'aucun mot du langage. Mettez le texte libre entre guillemets "…".',
        en: 'Unexpected character "{text}": it is not part of the language. Put free text between double quotes "…".'
    },
    inConstruct: { fr: 'Dans {construct}', en: 'In {construct}' },
    afterWrite: {
        fr: '{where}, après {previous} : écrivez {example} (trouvé {actual}).',
        en: '{where}, after {previous}: write {example} (found {actual}).'
    },
    afterExpected: {
        fr: '{where}, après {previous} : attendu {expected} ; trouvé {actual}.',
        en: '{where}, after {previous}: expected {expected}; found {actual}.'
    },
    whereExpected: {
        fr: '{where} : attendu {expected} ; trouvé {actual}.',
        en: '{where}: expected {expected}; found {actual}.'
    },
    unclosedBlock: {
        fr: 'Le bloc {construct} n\'est pas fermé : ajoutez « } » à sa fin.',
        en: 'The block {construct} is not closed: add "}" at its end.'
    },
    unexpectedStatement: {
        fr: '{where}, {actual} ne commence aucune ligne possible ici. Écrivez par exemple : {examples}.',
        en: '{where}, {actual} starts no line allowed here. Write for example: {examples}.'
    },
    notASection: {
        fr: '{actual} n\'est pas une rubrique du protocole.',
        en: '{actual} is not a section of the protocol.'
    },
    unknownSection: {
        fr: '{actual} n\'est pas une rubrique du protocole. Écrivez par exemple : {examples}.',
        en: '{actual} is not a section of the protocol. Write for example: {examples}.'
    },
    meantKeyword: {
        fr: ' Vouliez-vous écrire « {keyword} » ?',
        en: ' Did you mean "{keyword}"?'
    },
    unclosedString: {
        fr: 'Texte entre guillemets non fermé : {text} commence ici mais n\'a pas de « " » final sur sa ligne. Ajoutez « " » à la fin du texte (ou écrivez un bloc """…""" sur plusieurs lignes).',
        en: 'Unclosed quoted text: {text} starts here but has no closing \'"\' on its line. Add \'"\' at the end of the text (or write a """…""" block over several lines).'
    },
    unclosedTextBlock: {
        fr: 'Bloc de texte non fermé : le bloc « """ » commencé ici n\'a pas de « """ » final. Ajoutez « """ » à la fin du texte.',
        en: 'Unclosed text block: the \'"""\' block started here has no closing \'"""\'. Add \'"""\' at the end of the text.'
    },
    expectedButFound: {
        fr: 'Attendu {expected}, trouvé {actual}.',
        en: 'Expected {expected} but found {actual}.'
    },
    expectedOneOf: {
        fr: 'Attendu l\'un de : {expected} ; trouvé {actual}.',
        en: 'Expected one of: {expected}; found {actual}.'
    },
    tooManyErrors: {
        fr: 'Plus de {count} lignes illisibles : coop arrête la lecture ici ({actual}). Corrigez les erreurs ci-dessus (le fichier est-il bien un protocole coop ?).',
        en: 'More than {count} unreadable lines: coop stops reading here ({actual}). Fix the errors above (is this file a coop protocol?).'
    },
    strayClosingBrace: {
        fr: 'Accolade « } » en trop : elle ferme {construct} avant la fin, et ce qui suit ({next}) serait perdu. Supprimez cette accolade.',
        en: 'Extra closing brace « } »: it ends {construct} early, and what follows ({next}) would be lost. Delete this brace.'
    },
    unexpectedAfterEnd: {
        fr: 'Texte inattendu après la fin du document : {actual}. Vérifiez les accolades { }.',
        en: 'Unexpected text after the end of the document: {actual}. Check the braces { }.'
    },
    endOfFile: {
        fr: 'la fin du fichier',
        en: 'the end of the file'
    },
    tokenId: { fr: 'un identifiant (ex. « ide », « acte-bu »)', en: 'an identifier (e.g. "ide", "acte-bu")' },
    tokenString: { fr: 'un texte entre guillemets "…"', en: 'a text between double quotes "…"' },
    tokenTextBlock: { fr: 'un bloc de texte """…"""', en: 'a text block """…"""' },
    tokenInt: { fr: 'un nombre entier', en: 'a whole number' },
    tokenDecimal: { fr: 'un nombre décimal', en: 'a decimal number' },
    tokenDate: { fr: 'une date AAAA-MM-JJ', en: 'a date YYYY-MM-DD' },
    unresolvedReference: {
        fr: '{kind} « {name} » introuvable.',
        en: '{kind} "{name}" not found.'
    },
    ageWithoutUnit: {
        fr: 'Il manque l\'unité de l\'âge : écrivez par exemple « âge de 8 à 10 ans », « âge ≥ 18 ans » ou « âge de 3 à 36 mois ».',
        en: 'The unit of the age is missing: write for instance "âge de 8 à 10 ans", "âge ≥ 18 ans" or "âge de 3 à 36 mois".'
    },
    didYouMean: {
        fr: ' Vouliez-vous dire « {suggestion} » ?',
        en: ' Did you mean "{suggestion}"?'
    },
    declareInProtocol: {
        fr: ' Déclarez cet élément dans le protocole.',
        en: ' Declare it in the protocol.'
    },
    declareInLibrary: {
        fr: ' Déclarez cet élément dans le protocole ou dans une bibliothèque du dossier.',
        en: ' Declare it in the protocol or in a library of the folder.'
    }
} satisfies Record<string, Localized>;

/**
 * How a reference target is named in messages (« Acte « bu » introuvable. »): the labels of the
 * table of node kinds (model/node-kinds.ts), and the two union targets of the grammar.
 */
export const referenceKinds: Record<string, Localized> = {
    ...Object.fromEntries(NODE_KINDS.flatMap(kind => (kind.reference ? [[kind.type, kind.reference]] : []))),
    Intervenant: { fr: 'Intervenant (délégant ou délégué)', en: 'Professional (delegating or delegate)' },
    Partageable: { fr: 'Élément de bibliothèque (indicateur, module ou référence)', en: 'Library element (indicator, module or reference)' },
    Lisible: { fr: 'Donnée, score ou critère', en: 'Datum, score or criterion' }
};
