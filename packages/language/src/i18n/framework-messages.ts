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
    expectedButFound: {
        fr: 'Attendu {expected}, trouvé {actual}.',
        en: 'Expected {expected} but found {actual}.'
    },
    expectedOneOf: {
        fr: 'Attendu l\'un de : {expected} ; trouvé {actual}.',
        en: 'Expected one of: {expected}; found {actual}.'
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
    Partageable: { fr: 'Élément de bibliothèque (indicateur, module ou référence)', en: 'Library element (indicator, module or reference)' }
};
