import { isRealiser, type Etape } from '../generated/ast.js';
import type { LocaleSetting } from '../i18n/locale.js';
import { nextSteps, protocolModel } from '../model/protocol-model.js';
import { fold } from '../model/text.js';
import { insertSectionFix, onTitle } from './fixes.js';
import { defineRule } from './rule.js';
import { logicAnalysis, MAX_COMBINATIONS } from '../logic/analysis.js';
import { describePatient } from '../logic/describe.js';
import { evaluate, variablesOf } from '../logic/evaluate.js';
import { conditionSource } from '../logic/sentence.js';
import type { LogicProblem } from '../logic/compile.js';

/** A name between quotes, or undefined when it is missing (the message then names the kind: message-args.ts). */
export const quote = (locale: LocaleSetting, text: string | undefined): string | undefined =>
    (!text ? undefined : locale.current === 'fr' ? `« ${text} »` : `"${text}"`);

/**
 * R.4011-1 4° a — decision trees: one action per identified situation (requirement `arbres`). The
 * grammar already gives each situation exactly one action and only allows declared acts or
 * referrals as actions; these rules check the rest: reachability, dead ends, acts missing from the
 * trees.
 */
export const arbresRules = [
    defineRule({
        code: 'parcours-absent', severity: 'error', category: 'completude', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'source',
        title: { fr: 'Aucun arbre de décision', en: 'No decision tree' },
        message: { fr: 'Le processus de prise en charge n\'est décrit par aucun arbre de décision (« parcours { étape … } »).', en: 'The care process is described by no decision tree ("parcours { étape … }").' },
        rationale: { fr: 'Les étapes de l\'intervention de chaque professionnel sont décrites par des arbres de décision attachant une action à chaque situation identifiée.', en: 'Each professional\'s steps are described by decision trees attaching one action to each identified situation.' },
        fix: { fr: 'Ajoutez « parcours { étape accueil { par ide  si "…" : … } } ».', en: 'Add "parcours { étape accueil { par ide  si "…" : … } }".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                if (!protocolModel(protocole).has('Parcours')) report(protocole, {}, onTitle('Parcours'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'acte-absent-des-arbres', severity: 'error', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'source',
        title: { fr: 'Acte absent des arbres de décision', en: 'Act missing from the decision trees' },
        message: { fr: 'L\'acte « {name} » n\'est réalisé dans aucun arbre de décision (« réaliser {name} »).', en: 'Act "{name}" is performed in no decision tree ("réaliser {name}").' },
        rationale: { fr: 'Chaque acte délégué doit figurer dans les arbres de décision, à la situation qui le déclenche.', en: 'Every delegated act must appear in the decision trees, at the situation that triggers it.' },
        fix: { fr: 'Ajoutez une situation « si "…" : réaliser <nom de l\'acte> puis … » dans l\'étape concernée.', en: 'Add a situation "si "…" : réaliser <act name> puis …" to the relevant step.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                if (model.parcours.length === 0) return;
                const performed = model.actesRealises;
                for (const acte of model.actes) {
                    if (acte.delegues.length > 0 && !performed.has(acte)) report(acte, { name: acte.name }, { property: 'name' });
                }
            }
        })
    }),
    defineRule({
        code: 'etape-inaccessible', severity: 'error', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference',
        title: { fr: 'Étape inaccessible', en: 'Unreachable step' },
        message: { fr: 'L\'étape « {name} » n\'est atteinte depuis aucune autre étape (« aller à {name} ») : elle ne fait partie d\'aucun chemin de l\'arbre « {tree} ».', en: 'Step "{name}" is reached from no other step ("aller à {name}"): it is on no path of tree "{tree}".' },
        rationale: { fr: 'Un arbre de décision part de sa première étape ; une étape qu\'aucun chemin n\'atteint n\'est jamais appliquée.', en: 'A decision tree starts at its first step; a step no path reaches is never applied.' },
        fix: { fr: 'Reliez-la par « aller à <nom de l\'étape> » depuis l\'étape qui la précède, ou supprimez-la.', en: 'Link it with "aller à <step name>" from the step before it, or delete it.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                // Reachability: every tree starts at its first step; steps may lead into other trees.
                const reached = new Set<Etape>();
                const pending = model.parcours.map(parcours => parcours.etapes[0]).filter(etape => etape !== undefined);
                while (pending.length > 0) {
                    const etape = pending.pop()!;
                    if (reached.has(etape)) continue;
                    reached.add(etape);
                    for (const next of nextSteps(etape)) if (!reached.has(next)) pending.push(next);
                }
                for (const parcours of model.parcours) {
                    for (const etape of parcours.etapes) {
                        if (!reached.has(etape)) report(etape, { name: etape.name ?? '…', tree: parcours.titre ?? parcours.name ?? '' }, { property: 'name' });
                    }
                }
            }
        })
    }),
    defineRule({
        code: 'etape-sans-issue', severity: 'error', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'source',
        title: { fr: 'Étape sans situation', en: 'Step without situation' },
        message: { fr: 'L\'étape « {name} » ne prévoit aucune situation ni action (« si "…" : … » ou « sinon : … ») : la prise en charge s\'y arrête sans décision.', en: 'Step "{name}" has no situation or action: care stops there without decision.' },
        rationale: { fr: 'Les arbres de décision attachent une action à chaque situation identifiée.', en: 'Decision trees attach one action to each identified situation.' },
        fix: { fr: 'Ajoutez les situations et leur action, au moins « sinon : … ».', en: 'Add the situations and their action, at least "sinon : …".' },
        checks: () => ({
            Etape: (etape, report) => {
                if (etape.situations.length === 0) report(etape, { name: etape.name ?? '…' }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'etape-sans-intervenant', severity: 'warning', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'source',
        title: { fr: 'Étape sans intervenant', en: 'Step without professional' },
        message: { fr: 'L\'étape « {name} » ne dit pas qui intervient (« par ide »).', en: 'Step "{name}" does not say who intervenes ("par ide").' },
        rationale: { fr: 'Le décret décrit les étapes successives de l\'intervention de chaque professionnel.', en: 'The decree describes the successive steps of each professional\'s intervention.' },
        fix: { fr: 'Ajoutez « par <délégué ou délégant> ».', en: 'Add "par <delegate or delegating professional>".' },
        checks: () => ({
            Etape: (etape, report) => {
                if (etape.intervenants.length === 0) report(etape, { name: etape.name ?? '…' }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'etape-sans-sinon', severity: 'info', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference',
        title: { fr: 'Étape sans « sinon »', en: 'Step without "sinon"' },
        message: { fr: 'L\'étape « {name} » n\'a qu\'une situation et pas de « sinon » : que fait le délégué dans les autres cas ?', en: 'Step "{name}" has a single situation and no "sinon": what does the delegate do otherwise?' },
        rationale: { fr: 'Un arbre de décision complet prévoit une action pour chaque situation, y compris le cas contraire.', en: 'A complete decision tree foresees an action for every situation, including the opposite case.' },
        fix: { fr: 'Ajoutez « sinon : … » ou la situation contraire.', en: 'Add "sinon : …" or the opposite situation.' },
        checks: () => ({
            Etape: (etape, report) => {
                if (etape.situations.length === 1 && !etape.situations[0].sinon) report(etape, { name: etape.name ?? '…' }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'situation-en-double', severity: 'error', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'source',
        title: { fr: 'Situation décrite deux fois', en: 'Situation given twice' },
        message: { fr: 'La situation « {situation} » figure deux fois dans l\'étape « {name} » : une situation n\'a qu\'une action.', en: 'Situation "{situation}" appears twice in step "{name}": a situation has only one action.' },
        rationale: { fr: 'Chaque situation identifiée conduit à une seule action ; deux lignes pour la même situation sont contradictoires ou redondantes.', en: 'Each identified situation leads to exactly one action; two lines for one situation contradict or repeat.' },
        fix: { fr: 'Gardez une seule ligne pour cette situation.', en: 'Keep one line for this situation.' },
        checks: () => ({
            Etape: (etape, report) => {
                const seen = new Set<string>();
                for (const situation of etape.situations) {
                    const text = situation.condition ?? conditionSource(situation.expression);
                    const key = situation.sinon ? '\u0000sinon' : fold(text ?? '').replace(/\s+/g, ' ').trim();
                    if (seen.has(key)) report(situation, { situation: situation.sinon ? 'sinon' : text, name: etape.name ?? '…' });
                    seen.add(key);
                }
            }
        })
    }),
    defineRule({
        code: 'sinon-non-final', severity: 'warning', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference',
        title: { fr: '« sinon » avant d\'autres situations', en: '"sinon" before other situations' },
        message: { fr: '« sinon » doit être la dernière situation de l\'étape « {name} » : les situations suivantes ne seraient jamais examinées.', en: '"sinon" must be the last situation of step "{name}": later situations would never be considered.' },
        rationale: { fr: 'Un arbre se lit de haut en bas ; « sinon » couvre tout ce qui n\'a pas été prévu au-dessus.', en: 'A tree reads top to bottom; "sinon" covers everything not foreseen above.' },
        fix: { fr: 'Déplacez « sinon » à la fin de l\'étape.', en: 'Move "sinon" to the end of the step.' },
        checks: () => ({
            Etape: (etape, report) => {
                // A « sinon » followed by anything but other « sinon » lines: one pass from the end.
                let onlySinonAfter = true;
                const flagged: typeof etape.situations = [];
                for (let index = etape.situations.length - 1; index >= 0; index--) {
                    const situation = etape.situations[index];
                    if (situation.sinon && !onlySinonAfter) flagged.push(situation);
                    if (!situation.sinon) onlySinonAfter = false;
                }
                for (const situation of flagged.reverse()) report(situation, { name: etape.name ?? '…' });
            }
        })
    }),
    defineRule({
        code: 'action-sans-suite', severity: 'warning', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference',
        title: { fr: 'Acte réalisé sans suite prévue', en: 'Act performed with no follow-up' },
        message: { fr: 'Après « réaliser {acte} », l\'arbre ne dit pas ce qui suit (« puis aller à <étape> » ou « puis fin »).', en: 'After "réaliser {acte}", the tree does not say what follows ("puis aller à <step>" or "puis fin").' },
        rationale: { fr: 'Un chemin qui s\'arrête sur un acte laisse le délégué sans conduite à tenir.', en: 'A path ending on an act leaves the delegate without guidance.' },
        fix: { fr: 'Ajoutez « puis aller à <étape> » ou « puis fin ».', en: 'Add "puis aller à <step>" or "puis fin".' },
        checks: () => ({
            Etape: (etape, report) => {
                for (const situation of etape.situations) {
                    const action = situation.action;
                    if (isRealiser(action) && !action.suite) report(action, { acte: action.acte?.$refText ?? '' });
                }
            }
        })
    }),
    defineRule({
        code: 'acte-hors-intervenant', severity: 'warning', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 2° a ; 4° a', basis: 'inference',
        title: { fr: 'Acte réalisé par un autre intervenant que son délégué', en: 'Act performed by another professional than its delegate' },
        message: { fr: 'L\'étape « {name} » est réalisée par {intervenants} mais l\'acte « {acte} » est délégué à {delegues}.', en: 'Step "{name}" is performed by {intervenants} but act "{acte}" is delegated to {delegues}.' },
        rationale: { fr: 'Un acte délégué ne peut être réalisé que par le délégué formé à cet acte.', en: 'A delegated act may only be performed by the delegate trained for it.' },
        fix: { fr: 'Corrigez « par » de l\'étape ou de l\'acte.', en: 'Fix "par" of the step or of the act.' },
        checks: ({ locale }) => ({
            Etape: (etape, report) => {
                const intervenants = etape.intervenants.map(reference => reference.ref).filter(i => i !== undefined);
                if (intervenants.length === 0) return;
                const present = new Set<unknown>(intervenants);
                for (const situation of etape.situations) {
                    const action = situation.action;
                    if (!isRealiser(action)) continue;
                    const acte = action.acte?.ref;
                    const delegues = acte?.delegues.map(reference => reference.ref).filter(d => d !== undefined) ?? [];
                    if (acte && delegues.length > 0 && !delegues.some(delegue => present.has(delegue))) {
                        report(action, {
                            name: etape.name, acte: acte.name,
                            intervenants: intervenants.map(i => quote(locale, i.name)).filter(Boolean).join(', '), delegues: delegues.map(d => quote(locale, d.name)).filter(Boolean).join(', ')
                        }, { property: 'acte' });
                    }
                }
            }
        })
    }),
    defineRule({
        code: 'condition-en-prose', severity: 'info', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference', review: true,
        title: { fr: 'Condition écrite en phrase, à vérifier par le relecteur', en: 'Condition written in prose, for the reviewer to check' },
        message: { fr: 'La condition « {condition} » de l\'étape « {name} » est écrite en phrase : l\'outil ne peut pas la vérifier, un relecteur doit la lire.', en: 'Condition "{condition}" of step "{name}" is written in prose: the tool cannot check it, a reviewer must read it.' },
        rationale: { fr: 'Les arbres de décision attachent une action à chaque situation identifiée ; seule une condition écrite sur les données du protocole (« température ≥ 38 °C », « tdr = positif ») peut être vérifiée automatiquement (trous, chevauchements, patient exclu traité).', en: 'Only a condition written over the protocol\'s data can be checked automatically (gaps, overlaps, excluded patient treated).' },
        fix: { fr: 'Déclarez les données lues (« donnée tdr : parmi positif, négatif ») et écrivez la condition sur elles (« si tdr = positif : … »), ou laissez la phrase si elle relève du jugement clinique.', en: 'Declare the data read ("donnée tdr : parmi positif, négatif") and write the condition over them ("si tdr = positif : …"), or keep the prose if it is clinical judgement.' },
        checks: () => ({
            Etape: (etape, report) => {
                for (const situation of etape.situations) {
                    if (!situation.sinon && situation.expression === undefined && situation.condition !== undefined) {
                        report(situation, { condition: situation.condition.replace(/\s+/g, ' ').trim(), name: etape.titre?.trim() || etape.name }, { property: 'condition' });
                    }
                }
            }
        })
    }),
    defineRule({
        code: 'situation-non-couverte', severity: 'error', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference', analysis: true,
        title: { fr: 'Patient sans situation (trou dans l\'arbre)', en: 'Patient matching no situation (gap in the tree)' },
        message: { fr: 'Aucune situation de l\'étape « {name} » ne s\'applique à {patient} : le délégué n\'a pas de conduite à tenir.', en: 'No situation of step "{name}" applies to {patient}: the delegate has no course of action.' },
        rationale: { fr: 'Les arbres de décision attachent une action à chaque situation identifiée : tout patient qui arrive à une étape doit y trouver sa situation, sinon le délégué décide seul, hors protocole.', en: 'Every patient reaching a step must find a situation there, otherwise the delegate decides alone, outside the protocol.' },
        fix: { fr: 'Ajoutez la situation qui manque ou terminez l\'étape par « sinon : orienter vers … ».', en: 'Add the missing situation or end the step with "sinon : orienter vers …".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const analysis = logicAnalysis(protocole);
                for (const step of analysis.steps.values()) {
                    if (step.gap) report(step.etape, { patient: (describePatient(step.gap, analysis.compiler.variables, step.variables)), name: step.etape.titre?.trim() || step.etape.name }, { property: 'name' });
                }
            }
        })
    }),
    defineRule({
        code: 'situation-morte', severity: 'error', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference', analysis: true,
        title: { fr: 'Situation qui ne s\'applique à aucun patient', en: 'Situation that applies to no patient' },
        message: { fr: 'La situation « {situation} » de l\'étape « {name} » ne s\'applique jamais : {reason}.', en: 'Situation "{situation}" of step "{name}" never applies: {reason}.' },
        rationale: { fr: 'Les situations d\'une étape se lisent dans l\'ordre et la première qui s\'applique décide ; une situation qu\'aucun patient n\'atteint est une erreur de rédaction (seuil inversé, ordre des lignes, condition contraire au chemin suivi).', en: 'Situations are read in order and the first that applies decides; a situation no patient reaches is a drafting error.' },
        fix: { fr: 'Corrigez la condition, déplacez la situation avant celle qui la couvre, ou supprimez-la.', en: 'Fix the condition, move the situation before the one covering it, or delete it.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const analysis = logicAnalysis(protocole);
                for (const step of analysis.steps.values()) {
                    for (const dead of step.dead) {
                        const reason = dead.reason === 'unreached'
                            ? 'aucun patient n\'arrive à cette étape par les chemins de l\'arbre (critères d\'inclusion et situations des étapes précédentes)'
                            : dead.reason === 'impossible'
                                ? 'aucun patient qui arrive à cette étape ne la remplit (critères d\'inclusion et chemin suivi jusqu\'ici)'
                                : `tout patient qui la remplit relève déjà de « ${conditionSource(dead.before?.expression) || 'sinon'} », placée avant elle ; par exemple ${describePatient(dead.witness!, analysis.compiler.variables, variablesOfSituation(analysis, dead.situation))}`;
                        report(dead.situation, { situation: conditionSource(dead.situation.expression), name: step.etape.titre?.trim() || step.etape.name, reason }, { property: 'expression' });
                    }
                }
            }
        })
    }),
    defineRule({
        code: 'situations-chevauchantes', severity: 'warning', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference', analysis: true,
        title: { fr: 'Deux situations s\'appliquent au même patient', en: 'Two situations apply to the same patient' },
        message: { fr: 'Dans l\'étape « {name} », « {first} » et « {second} » s\'appliquent toutes deux à {patient} : la première l\'emporte, la seconde ne joue pas pour ce patient.', en: 'In step "{name}", "{first}" and "{second}" both apply to {patient}: the first wins.' },
        rationale: { fr: 'Une situation identifiée conduit à une seule action ; quand deux conditions se recouvrent, seul l\'ordre des lignes décide, ce qu\'un lecteur du protocole peut ne pas voir.', en: 'When two conditions overlap, only the order of the lines decides, which a reader may miss.' },
        fix: { fr: 'Rendez les conditions exclusives (« … et non … ») ou réunissez les deux situations.', en: 'Make the conditions exclusive ("… et non …") or merge the two situations.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const analysis = logicAnalysis(protocole);
                for (const step of analysis.steps.values()) {
                    for (const overlap of step.overlaps) {
                        const shown = new Set([...variablesOfSituation(analysis, overlap.first), ...variablesOfSituation(analysis, overlap.second)]);
                        report(overlap.second, {
                            patient: (describePatient(overlap.witness, analysis.compiler.variables, shown)),
                            first: conditionSource(overlap.first.expression), second: conditionSource(overlap.second.expression), name: step.etape.titre?.trim() || step.etape.name
                        }, { property: 'expression' });
                    }
                }
            }
        })
    }),
    defineRule({
        code: 'patient-exclu-traite', severity: 'error', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 2° b ; 4° a', basis: 'inference', analysis: true,
        title: { fr: 'Patient exclu recevant un acte dérogatoire', en: 'Excluded patient receiving a derogating act' },
        message: { fr: 'L\'acte dérogatoire « {acte} » de l\'étape « {name} » est réalisé chez {patient}, qui remplit pourtant le critère d\'exclusion {criteres} : le délégué agirait hors du protocole.', en: 'Derogating act "{acte}" of step "{name}" is performed for {patient}, who meets exclusion criterion {criteres}: the delegate would act outside the protocol.' },
        rationale: { fr: 'Un patient qui remplit un critère d\'exclusion ne relève pas du protocole : aucun chemin de l\'arbre ne doit le conduire à un acte dérogatoire.', en: 'A patient meeting an exclusion criterion is outside the protocol: no path may lead them to a derogating act.' },
        fix: { fr: 'Vérifiez les critères d\'exclusion avant l\'acte (« si un critère d\'exclusion : orienter vers mg sous 24 h » en tête de l\'arbre).', en: 'Check the exclusion criteria before the act ("si un critère d\'exclusion : orienter vers mg sous 24 h" first).' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const analysis = logicAnalysis(protocole);
                const exclusions = analysis.compiler.criteres.filter(c => c.nature === 'exclusion');
                for (const step of analysis.steps.values()) {
                    for (const finding of step.excluded) {
                        const met = exclusions.filter(c => evaluateCriterion(analysis, c, finding.witness));
                        const shown = new Set(met.flatMap(c => [...variablesOf(analysis.compiler.criterion(c))]));
                        report(finding.situation.action, {
                            patient: (describePatient(finding.witness, analysis.compiler.variables, shown)),
                            criteres: met.map(c => `« ${c.name} »`).join(', '), acte: finding.acte.name, name: step.etape.titre?.trim() || step.etape.name
                        });
                    }
                }
            }
        })
    }),
    defineRule({
        code: 'trop-de-combinaisons', severity: 'info', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference', analysis: true,
        title: { fr: 'Trop de combinaisons pour vérifier', en: 'Too many combinations to check' },
        message: { fr: 'Trop de combinaisons pour vérifier l\'étape « {name} » et les suivantes (plus de {max} patients types) : ni trou ni chevauchement n\'y est recherché.', en: 'Too many combinations to check step "{name}" and the next ones (more than {max} typical patients): gaps and overlaps are not searched there.' },
        rationale: { fr: 'L\'analyse essaie un patient type par combinaison de valeurs des données lues ; au-delà d\'une borne fixe, elle s\'arrête pour ne jamais ralentir l\'éditeur.', en: 'The analysis tries one typical patient per combination of values; past a fixed bound it stops so as never to slow the editor.' },
        fix: { fr: 'Scindez l\'étape en étapes successives qui lisent chacune moins de données, ou regroupez les seuils.', en: 'Split the step into successive steps reading fewer data each, or merge thresholds.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const analysis = logicAnalysis(protocole);
                for (const step of analysis.steps.values()) {
                    if (step.skipped === 'too-many') report(step.etape, { name: step.etape.titre?.trim() || step.etape.name, max: MAX_COMBINATIONS.toLocaleString('fr-FR').replace(/\u202f/g, ' ') }, { property: 'name' });
                }
                if (analysis.criteria.tooMany) {
                    const patients = protocolModel(protocole).first('Patients');
                    if (patients) report(patients, { name: 'patients', max: MAX_COMBINATIONS.toLocaleString('fr-FR').replace(/\u202f/g, ' ') });
                }
            }
        })
    }),
    ...expressionRules()
] as const;


function variablesOfSituation(analysis: ReturnType<typeof logicAnalysis>, situation: import('../generated/ast.js').Situation): Set<string> {
    return situation.expression ? new Set(variablesOf(analysis.compiler.expression(situation.expression))) : new Set();
}

function evaluateCriterion(analysis: ReturnType<typeof logicAnalysis>, critere: import('../generated/ast.js').Critere, witness: ReadonlyMap<string, import('../logic/evaluate.js').Value>): boolean {
    return evaluate(analysis.compiler.criterion(critere), witness);
}

/** Type checks of the expressions (criteria, situations, scores): one rule per problem the compiler finds. */
function expressionRules() {
    const problems = (code: LogicProblem['code']) => () => ({
        Protocole: (protocole: import('../generated/ast.js').Protocole, report: import('./rule.js').Report) => {
            for (const problem of logicAnalysis(protocole).compiler.problems) {
                if (problem.code === code) report(problem.node, problem.args, 'name' in problem.node ? { property: 'name' } as never : {});
            }
        }
    });
    return [
        defineRule({
            code: 'unite-incompatible', severity: 'error', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference',
            title: { fr: 'Unité incompatible avec la donnée', en: 'Unit incompatible with the datum' },
            message: { fr: '« {name} » est {expected} : elle ne se compare pas à une valeur en « {unit} ».', en: '"{name}" is {expected}: it cannot be compared with a value in "{unit}".' },
            rationale: { fr: 'Un seuil dans une autre unité que la donnée (°C et mmHg, heures et points) est une erreur de rédaction : la décision ne s\'appliquerait jamais comme prévu.', en: 'A threshold in another unit than the datum is a drafting error.' },
            fix: { fr: 'Écrivez la valeur dans l\'unité de la donnée (déclarée par « donnée … : nombre <unité> »).', en: 'Write the value in the datum\'s unit.' },
            checks: problems('unite-incompatible')
        }),
        defineRule({
            code: 'valeur-hors-plage', severity: 'warning', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference',
            title: { fr: 'Valeur hors de la plage plausible de la donnée', en: 'Value outside the datum\'s plausible range' },
            message: { fr: 'La valeur {value} comparée à « {name} » sort de sa plage plausible ({range}).', en: 'Value {value} compared with "{name}" is outside its plausible range ({range}).' },
            rationale: { fr: 'Un seuil hors de la plage plausible (39 °C écrit 93) rend la condition toujours vraie ou toujours fausse.', en: 'A threshold outside the plausible range makes the condition always true or always false.' },
            fix: { fr: 'Corrigez la valeur ou la plage déclarée (« de … à … »).', en: 'Fix the value or the declared range.' },
            checks: problems('valeur-hors-plage')
        }),
        defineRule({
            code: 'valeur-inconnue', severity: 'error', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference',
            title: { fr: 'Valeur absente de la liste de la donnée', en: 'Value not in the datum\'s list' },
            message: { fr: '« {value} » n\'est pas une valeur de « {name} » (valeurs : {values}).', en: '"{value}" is not a value of "{name}" (values: {values}).' },
            rationale: { fr: 'Une condition sur une valeur que la donnée ne prend jamais ne s\'applique à aucun patient.', en: 'A condition on a value the datum never takes applies to no patient.' },
            fix: { fr: 'Choisissez l\'une des valeurs déclarées, ou ajoutez-la à la liste (« parmi … »).', en: 'Pick one of the declared values, or add it to the list.' },
            checks: problems('valeur-inconnue')
        }),
        defineRule({
            code: 'comparaison-impossible', severity: 'error', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference',
            title: { fr: 'Comparaison qui ne convient pas au type de la donnée', en: 'Comparison unsuited to the datum\'s type' },
            message: { fr: '« {name} » ({kind}) s\'écrit {expected}.', en: '"{name}" ({kind}) is written {expected}.' },
            rationale: { fr: 'Chaque type de donnée se lit d\'une façon : oui/non seule, liste par « = », nombre par un seuil ; une autre écriture ne veut rien dire.', en: 'Each type of datum is read one way: yes/no alone, list with "=", number with a threshold.' },
            fix: { fr: 'Réécrivez la condition selon le type déclaré de la donnée.', en: 'Rewrite the condition according to the datum\'s declared type.' },
            checks: problems('comparaison-impossible')
        }),
        defineRule({
            code: 'critere-circulaire', severity: 'error', category: 'coherence', requirement: 'patients', legalBasis: 'R.4011-1 2° b', basis: 'inference',
            title: { fr: 'Critère ou score défini par lui-même', en: 'Criterion or score defined by itself' },
            message: { fr: '« {name} » se définit par lui-même (directement ou par d\'autres critères) : il ne peut pas être évalué.', en: '"{name}" is defined by itself (directly or through other criteria): it cannot be evaluated.' },
            rationale: { fr: 'Un critère doit pouvoir se lire à partir des données du patient.', en: 'A criterion must be readable from the patient\'s data.' },
            fix: { fr: 'Écrivez la condition sur les données, sans renvoyer au critère lui-même.', en: 'Write the condition over the data, without referring to the criterion itself.' },
            checks: problems('critere-circulaire')
        })
    ] as const;
}
