import { AstUtils } from 'langium';
import { isComparaison, isConditionAge, isConditionSexe, isConditionTexte, isCritere, isCritereQuelconque, type ConditionAge, type ConditionTexte, type Critere } from '../generated/ast.js';
import { protocolModel } from '../model/protocol-model.js';
import { fold } from '../model/text.js';
import { insertSectionFix, onTitle } from './fixes.js';
import { defineRule } from './rule.js';
import { logicAnalysis } from '../logic/analysis.js';
import { describePatient } from '../logic/describe.js';
import { variablesOf } from '../logic/evaluate.js';

function inYears(age: ConditionAge, value: number, unit = age.unite): number {
    return fold(unit ?? '') === 'mois' ? value / 12 : value;
}

/** Strict bounds (`<`, `>`) exclude the bound itself: shift them by less than any real age step. */
const STRICT = 1e-6;

const known = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value);

/**
 * The age interval [low, high] in years of an age condition (`de X à Y` includes both bounds), or
 * undefined while the condition is being typed (a bound, the operator or the unit is missing): a
 * half-written age is compared with nothing.
 */
function interval(age: ConditionAge): [number, number] | undefined {
    if (!age.unite) return undefined;
    if (age.min !== undefined || age.max !== undefined) {
        return known(age.min) && known(age.max) ? [inYears(age, age.min, age.uniteMin ?? age.unite), inYears(age, age.max)] : undefined;
    }
    if (!known(age.borne) || !age.operateur) return undefined;
    const bound = inYears(age, age.borne);
    switch (age.operateur) {
        case '<': return [0, bound - STRICT];
        case '<=': case '≤': return [0, bound];
        case '>': return [bound + STRICT, Infinity];
        default: return [bound, Infinity];
    }
}

/** R.4011-1 2° b — eligibility and withdrawal criteria of the patients (requirement `patients`). */
export const patientsRules = [
    defineRule({
        code: 'criteres-inclusion-absents', severity: 'error', category: 'completude', requirement: 'patients', legalBasis: 'R.4011-1 2° b', basis: 'source',
        title: { fr: 'Aucun critère d\'inclusion', en: 'No inclusion criterion' },
        message: { fr: 'Aucun critère d\'inclusion des patients n\'est défini (rubrique « patients »).', en: 'No patient inclusion criterion is defined ("patients" section).' },
        rationale: { fr: 'Le protocole définit les critères d\'éligibilité des patients.', en: 'The protocol defines the patients\' eligibility criteria.' },
        fix: { fr: 'Ajoutez « patients { inclusion nom : … } ».', en: 'Add "patients { inclusion name : … }".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                if (!model.all('Patients').some(patients => patients.criteres.some(critere => critere.nature === 'inclusion'))) {
                    const section = model.first('Patients');
                    report(section ?? protocole, {}, section ? {} : onTitle('Patients'));
                }
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'criteres-exclusion-absents', severity: 'error', category: 'completude', requirement: 'patients', legalBasis: 'R.4011-1 2° b', basis: 'source',
        title: { fr: 'Aucun critère d\'exclusion ou de retrait', en: 'No exclusion or withdrawal criterion' },
        message: { fr: 'Aucun critère d\'exclusion ni de retrait des patients n\'est défini.', en: 'No patient exclusion or withdrawal criterion is defined.' },
        rationale: { fr: 'Le protocole définit les critères de retrait des patients : quand la prise en charge déléguée ne s\'applique pas ou cesse.', en: 'The protocol defines withdrawal criteria: when delegated care does not apply or stops.' },
        fix: { fr: 'Ajoutez dans « patients » des lignes « exclusion nom : … » et « retrait nom : … ».', en: 'Add "exclusion name : …" and "retrait name : …" lines to "patients".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                if (!model.all('Patients').some(patients => patients.criteres.some(critere => critere.nature !== 'inclusion'))) {
                    const section = model.first('Patients');
                    report(section ?? protocole, {}, section ? {} : onTitle('Patients'));
                }
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'criteres-contradictoires', severity: 'error', category: 'coherence', requirement: 'patients', legalBasis: 'R.4011-1 2° b', basis: 'inference',
        title: { fr: 'Critères d\'inclusion et d\'exclusion contradictoires', en: 'Contradictory inclusion and exclusion criteria' },
        message: { fr: 'Le critère « {name} » contredit le critère « {other} » : {reason}', en: 'Criterion "{name}" contradicts criterion "{other}": {reason}' },
        rationale: { fr: 'Des critères contradictoires rendent l\'éligibilité impossible à appliquer : aucun patient, ou des patients à la fois inclus et exclus.', en: 'Contradictory criteria make eligibility impossible to apply.' },
        fix: { fr: 'Corrigez l\'un des deux critères.', en: 'Fix one of the two criteria.' },
        checks: ({ locale }) => {
            const t = (fr: string, en: string) => locale.pick({ fr, en });
            return {
                Patients: (patients, report) => {
                    const inclusions = patients.criteres.filter(c => c.nature === 'inclusion');
                    const exclusions = patients.criteres.filter(c => c.nature !== 'inclusion');
                    const contradiction = (critere: Critere, other: Critere, reason: string) =>
                        report(critere, { name: critere.name, other: other.name, reason }, { property: 'name' });
                    // Inclusions indexed by sex and by folded text: each exclusion looks its matches up
                    // instead of scanning every inclusion (age ranges are compared pairwise, among ages only).
                    const bySex = new Map<string, Critere[]>();
                    const byText = new Map<string, Critere[]>();
                    const ages: Array<[Critere, ConditionAge]> = [];
                    const push = (map: Map<string, Critere[]>, key: string, critere: Critere) => {
                        const list = map.get(key);
                        if (list) list.push(critere);
                        else map.set(key, [critere]);
                    };
                    const folded = (condition: ConditionTexte) => fold(condition.texte ?? '').trim();
                    for (const inclusion of inclusions) {
                        const condition = inclusion.condition;
                        if (isConditionSexe(condition)) { if (condition.valeur) push(bySex, condition.valeur, inclusion); }
                        else if (isConditionTexte(condition)) { if (folded(condition)) push(byText, folded(condition), inclusion); }
                        else if (isConditionAge(condition)) ages.push([inclusion, condition]);
                    }
                    for (const exclusion of exclusions) {
                        const b = exclusion.condition;
                        if (isConditionSexe(b)) {
                            if (!b.valeur) continue;
                            for (const inclusion of bySex.get(b.valeur) ?? []) contradiction(exclusion, inclusion, t('le même sexe est inclus et exclu.', 'the same sex is included and excluded.'));
                        } else if (isConditionTexte(b)) {
                            for (const inclusion of byText.get(folded(b)) ?? []) contradiction(exclusion, inclusion, t('le même texte est à la fois inclusion et exclusion.', 'the same text is both inclusion and exclusion.'));
                        } else if (isConditionAge(b)) {
                            const excluded = interval(b);
                            if (!excluded) continue;
                            const [exLow, exHigh] = excluded;
                            for (const [inclusion, a] of ages) {
                                const included = interval(a);
                                if (!included) continue;
                                const [inLow, inHigh] = included;
                                if (exLow <= inLow && exHigh >= inHigh) {
                                    contradiction(exclusion, inclusion, t('la tranche d\'âge exclue contient toute la tranche incluse.', 'the excluded age range contains the whole included range.'));
                                }
                            }
                        }
                    }
                    // Only sexes actually written (a half-typed « sexe » has no value yet).
                    const bySexWritten = inclusions.filter(c => isConditionSexe(c.condition) && c.condition.valeur);
                    if (new Set(bySexWritten.map(c => (c.condition as { valeur?: string }).valeur)).size > 1) {
                        const [first, second] = bySexWritten;
                        contradiction(second, first, t('deux sexes différents sont exigés à l\'inclusion.', 'two different sexes are required for inclusion.'));
                    }
                }
            };
        }
    }),
    defineRule({
        code: 'tranche-age-invalide', severity: 'error', category: 'coherence', requirement: 'patients', legalBasis: 'R.4011-1 2° b', basis: 'langage',
        title: { fr: 'Tranche d\'âge vide ou inversée', en: 'Empty or inverted age range' },
        message: { fr: 'La tranche d\'âge du critère « {name} » est vide ou inversée ({min} à {max} {unite}).', en: 'The age range of criterion "{name}" is empty or inverted ({min} to {max} {unite}).' },
        rationale: { fr: 'Une tranche « de 65 à 16 ans » ne contient aucun patient.', en: 'A range "from 65 to 16 years" contains no patient.' },
        fix: { fr: 'Écrivez la borne basse d\'abord : « âge de 16 à 65 ans ».', en: 'Write the lower bound first: "âge de 16 à 65 ans".' },
        checks: () => ({
            Patients: (patients, report) => {
                for (const critere of patients.criteres) {
                    const condition = critere.condition;
                    if (isConditionAge(condition) && known(condition.min) && known(condition.max) && (interval(condition)?.[0] ?? 0) > (interval(condition)?.[1] ?? 0)) {
                        report(critere, { name: critere.name, min: condition.min, max: condition.max, unite: condition.unite }, { property: 'condition' });
                    }
                }
            }
        })
    }),
    defineRule({
        code: 'inclusion-impossible', severity: 'error', category: 'coherence', requirement: 'patients', legalBasis: 'R.4011-1 2° b', basis: 'inference', analysis: true,
        title: { fr: 'Critères d\'inclusion impossibles à remplir ensemble', en: 'Inclusion criteria that cannot be met together' },
        message: { fr: 'Aucun patient ne peut remplir ensemble les critères d\'inclusion {names} : le protocole ne s\'applique à personne.', en: 'No patient can meet inclusion criteria {names} together: the protocol applies to nobody.' },
        rationale: { fr: 'Un patient est inclus quand il remplit tous les critères d\'inclusion ; s\'ils se contredisent (« âge < 16 ans » et « âge ≥ 18 ans »), aucun patient n\'est éligible.', en: 'A patient is included when meeting every inclusion criterion; contradictory ones leave nobody eligible.' },
        fix: { fr: 'Corrigez le seuil ou l\'unité du critère en cause.', en: 'Fix the threshold or unit of the criterion at fault.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const analysis = logicAnalysis(protocole);
                if (!analysis.criteria.inclusionImpossible) return;
                const inclusions = analysis.compiler.criteres.filter(c => c.nature === 'inclusion' && !isConditionTexte(c.condition));
                if (inclusions.length === 0) return;
                report(inclusions[inclusions.length - 1], { names: inclusions.map(c => `« ${c.name} »`).join(', ') }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'exclusion-totale', severity: 'error', category: 'coherence', requirement: 'patients', legalBasis: 'R.4011-1 2° b', basis: 'inference', analysis: true,
        title: { fr: 'Critère d\'exclusion qui écarte tous les patients inclus', en: 'Exclusion criterion removing every included patient' },
        message: { fr: 'Le critère d\'exclusion « {name} » écarte tous les patients inclus (par exemple {patient}) : personne ne peut bénéficier du protocole.', en: 'Exclusion criterion "{name}" removes every included patient (e.g. {patient}): nobody can benefit from the protocol.' },
        rationale: { fr: 'Un critère d\'exclusion retire une partie des patients inclus ; s\'il les retire tous, il contredit les critères d\'inclusion (seuil ou unité inversés, âge en mois lu en années…).', en: 'An exclusion removes some included patients; removing all contradicts the inclusion criteria.' },
        fix: { fr: 'Corrigez le seuil ou l\'unité du critère d\'exclusion, ou de l\'inclusion qu\'il contredit.', en: 'Fix the threshold or unit of the exclusion, or of the inclusion it contradicts.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const analysis = logicAnalysis(protocole);
                for (const { critere, witness } of analysis.criteria.totalExclusions) {
                    report(critere, { name: critere.name, patient: witness ? describePatient(witness, analysis.compiler.variables, variablesOf(analysis.compiler.criterion(critere))) : 'tout patient' }, { property: 'name' });
                }
            }
        })
    }),
    defineRule({
        code: 'retrait-jamais-verifie', severity: 'warning', category: 'coherence', requirement: 'patients', legalBasis: 'R.4011-1 2° b ; 4° a', basis: 'inference', analysis: true,
        title: { fr: 'Critère de retrait vérifié par aucune étape', en: 'Withdrawal criterion checked by no step' },
        message: { fr: 'Le critère de retrait « {name} » n\'est vérifié par aucune étape des arbres (« si {name} : … » ou « si un critère de retrait : … ») : quand s\'applique-t-il ?', en: 'Withdrawal criterion "{name}" is checked by no step ("si {name} : …" or "si un critère de retrait : …").' },
        rationale: { fr: 'Le protocole définit les critères de retrait ; un critère qu\'aucune situation ne lit n\'interrompt jamais la prise en charge.', en: 'A withdrawal criterion no situation reads never stops delegated care.' },
        fix: { fr: 'Ajoutez « si <nom du critère> : orienter vers … » (ou « si un critère de retrait : … ») dans l\'étape où il se vérifie.', en: 'Add "si <criterion name> : orienter vers …" (or "si un critère de retrait : …") to the step where it is checked.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const analysis = logicAnalysis(protocole);
                // Only a protocol that writes its decisions over its data can be read for this.
                if (analysis.structuredSituations === 0) return;
                const read = new Set<string>();
                let anyWithdrawal = false;
                for (const etape of protocolModel(protocole).etapes) {
                    for (const situation of etape.situations) {
                        if (!situation.expression) continue;
                        for (const node of AstUtils.streamAst(situation.expression)) {
                            if (isComparaison(node) && node.ref?.ref && isCritere(node.ref.ref)) read.add(node.ref.ref.name);
                            if (isCritereQuelconque(node) && node.retrait) anyWithdrawal = true;
                        }
                    }
                }
                if (anyWithdrawal) return;
                for (const critere of analysis.compiler.criteres) {
                    if (critere.nature === 'retrait' && !read.has(critere.name)) report(critere, { name: critere.name }, { property: 'name' });
                }
            }
        })
    })
] as const;
