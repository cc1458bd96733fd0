import { evaluateCase, findProtocol } from '../logic/cases.js';
import { defineRule } from './rule.js';

/**
 * Patient cases (`cas "…" pour PC-… { données … attendu … }`): a case names its protocol by its
 * identifier, gives a patient's data and the expected outcome; `coop test` runs them. These checks
 * say in the editor what `coop test` would: a datum the protocol does not declare, a value of the
 * wrong type, a datum the path needs and the case does not give, an outcome that differs. They are
 * diagnostics of the language (a case is not a protocol: no requirement of the decree).
 */
export const casRules = [
    defineRule({
        code: 'cas-protocole-inconnu', severity: 'error', category: 'langage', basis: 'langage',
        title: { fr: 'Protocole du cas introuvable', en: 'Protocol of the case not found' },
        message: { fr: 'Aucun protocole d\'identifiant « {name} » dans le dossier : le cas ne peut pas être joué.', en: 'No protocol with identifier "{name}" in the folder: the case cannot run.' },
        rationale: { fr: 'Un cas se joue sur le protocole qu\'il nomme par son identifiant (« pour PC-CYSTITE »).', en: 'A case runs on the protocol it names by identifier.' },
        fix: { fr: 'Corrigez l\'identifiant ou placez le cas à côté du protocole.', en: 'Fix the identifier or put the case next to the protocol.' },
        checks: ({ services }) => ({
            CasPatient: (cas, report) => {
                if (cas.protocole && !findProtocol(services.shared.workspace.LangiumDocuments, cas.protocole)) report(cas, { name: cas.protocole }, { property: 'protocole' });
            }
        })
    }),
    defineRule({
        code: 'cas-donnee-inconnue', severity: 'error', category: 'langage', basis: 'langage',
        title: { fr: 'Donnée inconnue du protocole', en: 'Datum unknown to the protocol' },
        message: { fr: '« {name} » n\'est pas une donnée du protocole {protocole} (données : {known}).', en: '"{name}" is not a datum of protocol {protocole} (data: {known}).' },
        rationale: { fr: 'Un cas donne les valeurs des données que le protocole déclare (« donnée … »), de l\'âge et du sexe.', en: 'A case gives values of the data the protocol declares, age and sex.' },
        fix: { fr: 'Corrigez le nom, ou déclarez la donnée dans le protocole.', en: 'Fix the name or declare the datum in the protocol.' },
        checks: ({ services }) => ({
            CasPatient: (cas, report) => {
                for (const problem of evaluateCase(services.shared.workspace.LangiumDocuments, cas).problems) {
                    if (problem.code === 'cas-donnee-inconnue') report(problem.node, problem.args);
                }
            }
        })
    }),
    defineRule({
        code: 'cas-valeur-invalide', severity: 'error', category: 'langage', basis: 'langage',
        title: { fr: 'Valeur du mauvais type', en: 'Value of the wrong type' },
        message: { fr: 'La valeur donnée à « {name} » ne convient pas : {expected} attendu.', en: 'The value given to "{name}" does not fit: {expected} expected.' },
        rationale: { fr: 'Chaque donnée a un type (oui/non, liste de valeurs, nombre avec unité, durée) ; le cas doit le respecter.', en: 'Each datum has a type; the case must respect it.' },
        fix: { fr: 'Donnez une valeur du type déclaré par le protocole.', en: 'Give a value of the declared type.' },
        checks: ({ services }) => ({
            CasPatient: (cas, report) => {
                for (const problem of evaluateCase(services.shared.workspace.LangiumDocuments, cas).problems) {
                    if (problem.code === 'cas-valeur-invalide') report(problem.node, problem.args);
                }
            }
        })
    }),
    defineRule({
        code: 'cas-donnee-manquante', severity: 'error', category: 'langage', basis: 'langage',
        title: { fr: 'Donnée nécessaire absente du cas', en: 'Datum needed but missing from the case' },
        message: { fr: 'Le cas ne donne pas « {name} », que lit l\'étape « {etape} » : chemin suivi {trace}.', en: 'The case does not give "{name}", which step "{etape}" reads: path {trace}.' },
        rationale: { fr: 'Un cas doit donner toutes les données que lisent les situations de son chemin.', en: 'A case must give every datum the situations on its path read.' },
        fix: { fr: 'Ajoutez la donnée à « données … ».', en: 'Add the datum to "données …".' },
        checks: ({ services }) => ({
            CasPatient: (cas, report) => {
                const result = evaluateCase(services.shared.workspace.LangiumDocuments, cas);
                const missing = result.run?.missing;
                if (missing) report(cas, { name: missing.variable.id.replace(/^donnee:/, ''), etape: missing.etape.name, trace: result.trace.split(' — ')[0] }, { property: 'titre' });
            }
        })
    }),
    defineRule({
        code: 'cas-en-echec', severity: 'error', category: 'langage', basis: 'langage',
        title: { fr: 'Cas en échec', en: 'Failing case' },
        message: { fr: 'Le cas attend « {expected} » mais le protocole donne « {actual} » : chemin suivi {trace}.', en: 'The case expects "{expected}" but the protocol gives "{actual}": path {trace}.' },
        rationale: { fr: 'Un cas patient fixe ce que l\'arbre de décision doit faire d\'un patient donné ; une différence signale une erreur de l\'arbre ou du cas.', en: 'A case fixes what the tree must do for a given patient.' },
        fix: { fr: 'Corrigez l\'arbre de décision, ou le résultat attendu du cas s\'il était faux.', en: 'Fix the decision tree, or the expected outcome if it was wrong.' },
        checks: ({ services }) => ({
            CasPatient: (cas, report) => {
                const result = evaluateCase(services.shared.workspace.LangiumDocuments, cas);
                if (!result.protocole || result.problems.length > 0 || result.run?.missing || result.passed) return;
                report(cas.attendu ?? cas, { expected: result.expected, actual: result.actual || 'aucune issue', trace: result.trace });
            }
        })
    })
] as const;
