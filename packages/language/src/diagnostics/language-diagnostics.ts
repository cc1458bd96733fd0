import { AstUtils, GrammarUtils, type AstNode, type AstNodeDescription } from 'langium';
import { nodeKind } from '../model/node-kinds.js';
import { sectionKind } from '../model/sections.js';
import { isValidDate, numberProblem, type NumberContext } from '../model/values.js';
import { useSuggestionFix } from '../rules/fixes.js';
import { defineRule, type Report } from '../rules/rule.js';
import { attributeRepetitions, typesWithRepeatableAttributes } from '../validation/checks/language-checks.js';
import { isBuiltinUri } from '../workspace/catalogue.js';

function line(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

/**
 * Within one file, every named element is unique in its namespace (model/node-kinds.ts: délégants
 * and délégués share one, every other named kind has its own). One pass, one map.
 */
function namesAreUnique(root: AstNode, report: Report, kindLabel: (type: string) => string, where: (line: number) => string): void {
    const seen = new Map<string, AstNode>();
    for (const node of AstUtils.streamAllContents(root)) {
        const namespace = nodeKind(node.$type)?.name?.namespace;
        const name = (node as { name?: unknown }).name;
        if (!namespace || typeof name !== 'string' || !name) continue;
        const key = `${namespace}:${name}`;
        const first = seen.get(key);
        if (first) report(node, { kind: kindLabel(node.$type), name, where: where(line(first)) }, { property: 'name' });
        else seen.set(key, node);
    }
}

const validDate = isValidDate;

/**
 * Diagnostics of the language itself: the text can be read, names resolve, nothing is said twice.
 * They are not configurable and cannot be ignored. The decree conformity rules live in ../rules/.
 */
export const languageRules = [
    defineRule({
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
        },
    }),
    defineRule({
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
        },
    }),
    defineRule({
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
        },
        quickFix: useSuggestionFix
    }),
    defineRule({
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
        fix: { fr: 'Renommez l\'un des deux éléments.', en: 'Rename one of the two elements.' },
        checks: ({ locale, services }) => {
            const indexManager = services.shared.workspace.IndexManager;
            const kindLabel = (type: string) => {
                const label = nodeKind(type)?.name?.label;
                return label ? locale.pick(label) : type;
            };
            const onLine = (at: number) => (locale.current === 'fr' ? `ligne ${at}` : `on line ${at}`);
            return {
                Protocole: (protocole, report) => namesAreUnique(protocole, report, kindLabel, onLine),
                Bibliotheque: (bibliotheque, report) => {
                    namesAreUnique(bibliotheque, report, kindLabel, onLine);
                    // Library elements are visible to the whole workspace: a name exported by two files is ambiguous.
                    const uri = AstUtils.getDocument(bibliotheque).uri.toString();
                    const elsewhere = new Map<string, Map<string, AstNodeDescription>>();
                    const exportedElsewhere = (type: string) => {
                        let byName = elsewhere.get(type);
                        if (!byName) {
                            byName = new Map();
                            for (const description of indexManager.allElements(type)) {
                                if (description.documentUri.toString() !== uri && !byName.has(description.name)) byName.set(description.name, description);
                            }
                            elsewhere.set(type, byName);
                        }
                        return byName;
                    };
                    for (const element of bibliotheque.elements) {
                        if (!element.name) continue;
                        const other = exportedElsewhere(element.$type).get(element.name);
                        if (other) {
                            const file = other.documentUri.path.split('/').pop() ?? other.documentUri.toString();
                            const where = locale.current === 'fr' ? `dans ${file}` : `in ${file}`;
                            report(element, { kind: kindLabel(element.$type), name: element.name, where }, { property: 'name' });
                        }
                    }
                }
            };
        }
    }),
    defineRule({
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
        fix: { fr: 'Fusionnez les deux rubriques en une seule.', en: 'Merge the two sections into one.' },
        checks: ({ locale }) => ({
            Protocole: (protocole, report) => {
                const firstOfType = new Map<string, AstNode>();
                for (const element of protocole.elements) {
                    const kind = sectionKind(element.$type);
                    if (!kind?.single) continue;
                    const first = firstOfType.get(element.$type);
                    if (first) report(element, { section: locale.pick(kind.label), line: line(first) });
                    else firstOfType.set(element.$type, element);
                }
            }
        })
    }),
    defineRule({
        code: 'date-invalide',
        severity: 'error',
        category: 'langage',
        basis: 'langage',
        title: { fr: 'Date impossible', en: 'Impossible date' },
        message: { fr: 'La date {date} n\'existe pas (format AAAA-MM-JJ).', en: 'Date {date} does not exist (format YYYY-MM-DD).' },
        rationale: { fr: 'Une date de version, d\'avis ou de décision doit être une vraie date du calendrier.', en: 'A version, opinion or decision date must be a real calendar date.' },
        fix: { fr: 'Corrigez le jour ou le mois.', en: 'Fix the day or the month.' },
        checks: () => ({
            DateProtocole: (node, report) => {
                if (node.valeur && !validDate(node.valeur)) report(node, { date: node.valeur }, { property: 'valeur' });
            },
            AvisInstance: (node, report) => {
                if (node.date && !validDate(node.date)) report(node, { date: node.date }, { property: 'date' });
            },
            DecisionInstance: (node, report) => {
                if (node.date && !validDate(node.date)) report(node, { date: node.date }, { property: 'date' });
            },
            // Team files and national protocols of the catalogue (issue 12).
            DebutEquipe: (node, report) => {
                if (node.valeur && !validDate(node.valeur)) report(node, { date: node.valeur }, { property: 'valeur' });
            },
            MembreEquipe: (node, report) => {
                if (node.engagement && !validDate(node.engagement)) report(node, { date: node.engagement }, { property: 'engagement' });
            },
            FormationSuivie: (node, report) => {
                if (node.date && !validDate(node.date)) report(node, { date: node.date }, { property: 'date' });
            },
            Attestation: (node, report) => {
                if (node.date && !validDate(node.date)) report(node, { date: node.date }, { property: 'date' });
            },
            VersionNationale: (node, report) => {
                if (node.arrete && !validDate(node.arrete)) report(node, { date: node.arrete }, { property: 'arrete' });
                if (node.jo && !validDate(node.jo)) report(node, { date: node.jo }, { property: 'jo' });
            }
        })
    }),
    defineRule({
        code: 'nombre-invalide',
        severity: 'error',
        category: 'langage',
        basis: 'langage',
        title: { fr: 'Nombre impossible', en: 'Impossible number' },
        message: { fr: 'Le nombre {value} ne peut pas être retenu : {reason}.', en: 'Number {value} cannot be used: {reason}.' },
        rationale: {
            fr: 'Un âge, une durée, un nombre de cas ou une année doivent être des valeurs réelles : un nombre trop long pour être lu ou hors de toute réalité fausserait les contrôles et l\'aperçu du dossier.',
            en: 'An age, a duration, a number of cases or a year must be real values: a number too long to be read or out of all reality would distort the checks and the preview.'
        },
        fix: { fr: 'Corrigez le nombre (une faute de frappe ajoute souvent des chiffres).', en: 'Fix the number (a typo often adds digits).' },
        checks: ({ locale }) => {
            const check = <N extends AstNode>(report: Report, node: N, property: keyof N & string, value: number | undefined, context: NumberContext) => {
                const problem = numberProblem(value, context);
                if (!problem) return;
                const written = node.$cstNode ? GrammarUtils.findNodeForProperty(node.$cstNode, property)?.text : undefined;
                const shown = written && written.length > 24 ? `${written.slice(0, 12)}…${written.slice(-4)}` : written ?? String(value);
                report(node, { value: shown, reason: locale.pick(problem) }, { property } as never);
            };
            return {
                ConditionAge: (age, report) => {
                    const context: NumberContext = age.unite === 'mois' ? 'age-mois' : age.unite ? 'age-ans' : 'nombre';
                    check(report, age, 'min', age.min, context);
                    check(report, age, 'max', age.max, context);
                    check(report, age, 'borne', age.borne, context);
                },
                Duree: (duree, report) => check(report, duree, 'valeur', duree.valeur, 'nombre'),
                Quantite: (quantite, report) => check(report, quantite, 'valeur', quantite.valeur, 'nombre'),
                Cible: (cible, report) => check(report, cible, 'valeur', cible.valeur, 'nombre'),
                Reference: (reference, report) => check(report, reference, 'annee', reference.annee, 'annee')
            };
        }
    }),
    defineRule({
        code: 'catalogue-reserve',
        severity: 'error',
        category: 'langage',
        basis: 'langage',
        title: { fr: 'Catalogue réservé à l\'outil', en: 'Catalogue reserved to the tool' },
        message: {
            fr: 'Les professions et les articles du catalogue sont fournis par l\'outil ; un catalogue de l\'espace de travail ne peut déclarer que des protocoles nationaux (« protocole-national »).',
            en: 'The professions and articles of the catalogue are provided by the tool; a workspace catalogue can only declare national protocols ("protocole-national").'
        },
        rationale: {
            fr: 'Les professions et les articles dérogeables sont fixés par le Code de la santé publique (art. L.4011-1) ; un catalogue local les contredirait.',
            en: 'Professions and derogable articles are fixed by the Code de la santé publique (art. L.4011-1); a local catalogue would contradict them.'
        },
        fix: { fr: 'Retirez les professions et les articles de ce catalogue ; citez ceux du catalogue intégré.', en: 'Remove the professions and articles from this catalogue; cite those of the built-in catalogue.' },
        checks: () => ({
            Catalogue: (catalogue, report) => {
                // A workspace catalogue may add or override national protocols (issue 12), never professions or articles.
                if (isBuiltinUri(AstUtils.getDocument(catalogue).uri)) return;
                if (catalogue.articles.length > 0 || catalogue.professions.length > 0) report(catalogue, {}, { keyword: 'catalogue' });
            }
        })
    }),
    defineRule({
        code: 'fichier-trop-volumineux',
        severity: 'error',
        category: 'langage',
        basis: 'langage',
        title: { fr: 'Fichier trop volumineux', en: 'File too large' },
        message: {
            fr: 'Le fichier fait {size} : coop n\'analyse pas les fichiers de plus de {limit}. Rien n\'y est vérifié tant qu\'il dépasse cette taille.',
            en: 'The file is {size}: coop does not analyse files over {limit}. Nothing in it is checked while it exceeds that size.'
        },
        rationale: {
            fr: 'Un protocole complet tient en quelques dizaines de kilo-octets. Un fichier de plusieurs mégaoctets est presque toujours une erreur (export collé, fichier généré ou binaire) et rendrait l\'éditeur inutilisable : il est refusé avant toute lecture.',
            en: 'A complete protocol takes a few tens of kilobytes. A file of several megabytes is almost always a mistake (pasted export, generated or binary file) and would make the editor unusable: it is refused before being read.'
        },
        fix: {
            fr: 'Vérifiez que c\'est bien un protocole ; sinon, découpez-le : les éléments partagés vont dans une bibliothèque (un fichier « bibliothèque "…" { … } » du même dossier), les longs documents en annexe (« annexe "…" fichier "…" »).',
            en: 'Check that it really is a protocol; otherwise split it: shared elements go to a library (a "bibliothèque "…" { … }" file in the same folder), long documents to an annex ("annexe "…" fichier "…"").'
        }
    }),
    defineRule({
        code: 'texte-trop-long',
        severity: 'error',
        category: 'langage',
        basis: 'langage',
        title: { fr: 'Texte trop long', en: 'Text too long' },
        message: {
            fr: 'Le texte qui commence ligne {line} compte {chars} caractères sur {lines} lignes : coop n\'analyse pas un texte, un commentaire ou un mot de plus de {maxChars} caractères ou de {maxLines} lignes (un guillemet non fermé ?). Rien n\'est vérifié dans ce fichier tant qu\'il demeure.',
            en: 'The text starting on line {line} has {chars} characters over {lines} lines: coop does not analyse a text, comment or word over {maxChars} characters or {maxLines} lines (an unclosed quote?). Nothing in this file is checked while it remains.'
        },
        rationale: {
            fr: 'Un texte de protocole (objectifs, programme, conditions) tient en quelques pages. Un texte démesuré vient presque toujours d\'un guillemet ou d\'un bloc """ non fermé, ou d\'un document collé : il est refusé avant toute lecture pour que l\'éditeur reste utilisable.',
            en: 'A protocol text (objectives, programme, conditions) takes a few pages. A huge text almost always comes from an unclosed quote or """ block, or a pasted document: it is refused before being read so that the editor stays usable.'
        },
        fix: {
            fr: 'Fermez le guillemet ou le bloc """ ouvert à cette ligne, ou raccourcissez le texte et mettez le document complet en annexe (« annexe "…" fichier "…" »).',
            en: 'Close the quote or """ block opened on that line, or shorten the text and attach the full document as an annex ("annexe "…" fichier "…"").'
        }
    }),
    defineRule({
        code: 'erreur-interne',
        severity: 'error',
        category: 'langage',
        basis: 'langage',
        title: { fr: 'Erreur interne d\'une règle', en: 'Internal error of a rule' },
        message: {
            fr: 'La règle « {rule} » a rencontré une erreur interne sur cet élément ; les autres vérifications continuent. Merci de signaler ce problème.',
            en: 'Rule "{rule}" hit an internal error on this element; the other checks go on. Please report this problem.'
        },
        rationale: {
            fr: 'Une vérification de l\'outil a échoué sur cet élément, souvent parce qu\'il est en cours de saisie. Ce n\'est pas un constat sur le protocole : la règle n\'a simplement pas pu conclure ici.',
            en: 'A check of the tool failed on this element, often because it is being typed. It is not a finding about the protocol: the rule could not conclude here.'
        },
        fix: {
            fr: 'Signalez le problème aux mainteneurs de coop avec le texte de l\'élément ; le détail technique figure dans la sortie du serveur de langage.',
            en: 'Report the problem to the coop maintainers with the element\'s text; the technical detail is in the language server\'s output.'
        }
    })
] as const;

/**
 * An attribute that holds one value (`=` or `?=` in the grammar) must not be written twice in the
 * same element: the parser would silently keep only the last value. Only the element types whose
 * rule lets an attribute come twice are checked (see typesWithRepeatableAttributes). Registered
 * after every other rule so that, on each element, it runs last.
 */
export const attributeRule = defineRule({
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
    fix: { fr: 'Gardez une seule des deux valeurs.', en: 'Keep only one of the two values.' },
    checks: ({ services }) => {
        const checks: Record<string, (node: AstNode, report: Report) => void> = {};
        for (const type of typesWithRepeatableAttributes(services.Grammar)) {
            checks[type] = (node, report) => {
                for (const { keyword, firstLine, range } of attributeRepetitions(node)) {
                    report(node, { attribute: keyword, line: firstLine }, { range });
                }
            };
        }
        return checks;
    }
});
