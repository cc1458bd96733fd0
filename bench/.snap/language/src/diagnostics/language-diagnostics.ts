import { defineDiagnostic } from './definition.js';

/**
 * Diagnostics of the language itself: the text can be read, names resolve, nothing is said twice.
 * The decree conformity rules live in ../rules/.
 */
export const languageDiagnostics = [
    defineDiagnostic({
        code: 'caractere-inconnu',
        severity: 'error',
        category: 'langage',
        basis: 'langage',
        title: { fr: 'Caractère inconnu', en: 'Unknown character' },
        message: { fr: '{detail}', en: '{detail}' },
        rationale: {
            fr: 'Le fichier contient un caractère qui n\'appartient à aucun mot du langage ; le reste de la ligne ne peut pas être lu correctement.',
            en: 'The file contains a character that belongs to no word of the language; the rest of the line cannot be read correctly.'
        },
        fix: {
            fr: 'Mettez le texte libre entre guillemets "…" ou dans un bloc """…""".',
            en: 'Put free text between double quotes "…" or in a """…""" block.'
        }
    }),
    defineDiagnostic({
        code: 'syntaxe',
        severity: 'error',
        category: 'langage',
        basis: 'langage',
        title: { fr: 'Erreur de syntaxe', en: 'Syntax error' },
        message: { fr: '{detail}', en: '{detail}' },
        rationale: {
            fr: 'Le texte ne suit pas la forme attendue à cet endroit ; l\'élément concerné n\'est pas pris en compte tant que l\'erreur demeure.',
            en: 'The text does not have the expected form here; the element is ignored until the error is fixed.'
        },
        fix: {
            fr: 'Corrigez le texte à la position indiquée ; la complétion (Ctrl+Espace) propose les mots attendus.',
            en: 'Fix the text at the given position; completion (Ctrl+Space) lists the expected words.'
        }
    }),
    defineDiagnostic({
        code: 'reference-inconnue',
        severity: 'error',
        category: 'langage',
        basis: 'langage',
        title: { fr: 'Référence introuvable', en: 'Unresolved reference' },
        message: { fr: '{detail}', en: '{detail}' },
        rationale: {
            fr: 'Un nom cité (acte, étape, délégué, profession, article…) n\'est déclaré nulle part : le lien que le protocole établit est rompu.',
            en: 'A cited name (act, step, delegate, profession, article…) is declared nowhere: the link the protocol states is broken.'
        },
        fix: {
            fr: 'Corrigez l\'orthographe, ou déclarez l\'élément (dans le protocole, ou dans une bibliothèque du dossier).',
            en: 'Fix the spelling, or declare the element (in the protocol or in a library of the folder).'
        }
    }),
    defineDiagnostic({
        code: 'nom-en-double',
        severity: 'error',
        category: 'langage',
        basis: 'langage',
        title: { fr: 'Nom déclaré deux fois', en: 'Name declared twice' },
        message: {
            fr: '{kind} « {name} » est déjà déclaré {where}. Chaque nom doit être unique pour que les renvois soient sans ambiguïté.',
            en: '{kind} "{name}" is already declared {where}. Each name must be unique so that references are unambiguous.'
        },
        rationale: {
            fr: 'Deux éléments de même nature portant le même nom rendent les renvois ambigus (quel acte est réalisé ? quelle étape suit ?).',
            en: 'Two elements of the same kind with the same name make references ambiguous (which act is performed? which step follows?).'
        },
        fix: { fr: 'Renommez l\'un des deux éléments.', en: 'Rename one of the two elements.' }
    }),
    defineDiagnostic({
        code: 'element-en-double',
        severity: 'error',
        category: 'langage',
        basis: 'langage',
        title: { fr: 'Rubrique présente deux fois', en: 'Section given twice' },
        message: {
            fr: 'La rubrique « {section} » figure déjà plus haut (ligne {line}) ; un protocole n\'en a qu\'une.',
            en: 'Section "{section}" already appears above (line {line}); a protocol has only one.'
        },
        rationale: {
            fr: 'Deux versions d\'une même rubrique se contredisent ou se complètent sans qu\'on sache laquelle fait foi.',
            en: 'Two versions of one section contradict or complement each other and nobody knows which one applies.'
        },
        fix: { fr: 'Fusionnez les deux rubriques en une seule.', en: 'Merge the two sections into one.' }
    }),
    defineDiagnostic({
        code: 'attribut-en-double',
        severity: 'error',
        category: 'langage',
        basis: 'langage',
        title: { fr: 'Information donnée deux fois', en: 'Attribute given twice' },
        message: {
            fr: '« {attribute} » est déjà renseigné dans cet élément (ligne {line}) ; seule une valeur est admise.',
            en: '"{attribute}" is already given in this element (line {line}); only one value is allowed.'
        },
        rationale: {
            fr: 'Une information qui n\'admet qu\'une valeur (seuil, délai, définition…) ne doit pas être écrite deux fois : l\'une des deux serait perdue.',
            en: 'An attribute that takes a single value (threshold, delay, definition…) must not be written twice: one of them would be lost.'
        },
        fix: { fr: 'Gardez une seule des deux valeurs.', en: 'Keep only one of the two values.' }
    }),
    defineDiagnostic({
        code: 'date-invalide',
        severity: 'error',
        category: 'langage',
        basis: 'langage',
        title: { fr: 'Date impossible', en: 'Impossible date' },
        message: { fr: 'La date {date} n\'existe pas (format AAAA-MM-JJ).', en: 'Date {date} does not exist (format YYYY-MM-DD).' },
        rationale: { fr: 'Une date de version, d\'avis ou de décision doit être une vraie date du calendrier.', en: 'A version, opinion or decision date must be a real calendar date.' },
        fix: { fr: 'Corrigez le jour ou le mois.', en: 'Fix the day or the month.' }
    }),
    defineDiagnostic({
        code: 'catalogue-reserve',
        severity: 'error',
        category: 'langage',
        basis: 'langage',
        title: { fr: 'Catalogue réservé à l\'outil', en: 'Catalogue reserved to the tool' },
        message: {
            fr: 'Le catalogue des professions et des articles est fourni par l\'outil ; un fichier du protocole ne peut pas en déclarer un.',
            en: 'The catalogue of professions and articles is provided by the tool; a protocol file cannot declare one.'
        },
        rationale: {
            fr: 'Les professions et les articles dérogeables sont fixés par le Code de la santé publique (art. L.4011-1) ; un catalogue local les contredirait.',
            en: 'Professions and derogable articles are fixed by the Code de la santé publique (art. L.4011-1); a local catalogue would contradict them.'
        },
        fix: { fr: 'Supprimez ce catalogue ; citez les professions du catalogue intégré.', en: 'Delete this catalogue; cite the professions of the built-in catalogue.' }
    })
] as const;
