import type { ValidationChecks } from 'langium';
import type { CoopServices } from '../coop-module.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { isConditionAge, isConditionSexe, isConditionTexte, type ConditionAge, type ConditionTexte, type CoopAstType, type Critere } from '../generated/ast.js';
import { fold } from '../model/text.js';

/** Patients criteria (R.4011-1 2° b) and references (1°). */
export const patientsAndReferencesDefinitions = [
    defineDiagnostic({
        code: 'criteres-contradictoires', severity: 'error', category: 'coherence', requirement: 'patients', legalBasis: 'R.4011-1 2° b', basis: 'inference',
        title: { fr: 'Critères d\'inclusion et d\'exclusion contradictoires', en: 'Contradictory inclusion and exclusion criteria' },
        message: { fr: 'Le critère « {name} » contredit le critère « {other} » : {reason}', en: 'Criterion "{name}" contradicts criterion "{other}": {reason}' },
        rationale: { fr: 'Des critères contradictoires rendent l\'éligibilité impossible à appliquer : aucun patient, ou des patients à la fois inclus et exclus.', en: 'Contradictory criteria make eligibility impossible to apply.' },
        fix: { fr: 'Corrigez l\'un des deux critères.', en: 'Fix one of the two criteria.' }
    }),
    defineDiagnostic({
        code: 'tranche-age-invalide', severity: 'error', category: 'coherence', requirement: 'patients', legalBasis: 'R.4011-1 2° b', basis: 'langage',
        title: { fr: 'Tranche d\'âge vide ou inversée', en: 'Empty or inverted age range' },
        message: { fr: 'La tranche d\'âge du critère « {name} » est vide ou inversée ({min} à {max} {unite}).', en: 'The age range of criterion "{name}" is empty or inverted ({min} to {max} {unite}).' },
        rationale: { fr: 'Une tranche « de 65 à 16 ans » ne contient aucun patient.', en: 'A range "from 65 to 16 years" contains no patient.' },
        fix: { fr: 'Écrivez la borne basse d\'abord : « âge de 16 à 65 ans ».', en: 'Write the lower bound first: "âge de 16 à 65 ans".' }
    }),
    defineDiagnostic({
        code: 'reference-annee-absente', severity: 'warning', category: 'coherence', requirement: 'rbp', legalBasis: 'R.4011-1 1°', basis: 'inference',
        title: { fr: 'Référence sans année', en: 'Reference without year' },
        message: { fr: 'La référence « {name} » n\'a pas d\'année (« année 2021 ») : le relecteur ne peut pas vérifier qu\'elle est à jour.', en: 'Reference "{name}" has no year ("année 2021"): reviewers cannot check it is current.' },
        rationale: { fr: 'Les recommandations sont révisées ; l\'année identifie la version suivie.', en: 'Recommendations are revised; the year identifies the version followed.' },
        fix: { fr: 'Ajoutez « année <AAAA> ».', en: 'Add "année <YYYY>".' }
    })
] as const;

function inYears(age: ConditionAge, value: number): number {
    return age.unite === 'mois' ? value / 12 : value;
}

/** Strict bounds (`<`, `>`) exclude the bound itself: shift them by less than any real age step. */
const STRICT = 1e-6;

/** The age interval [low, high] in years of an age condition (`de X à Y` includes both bounds). */
function interval(age: ConditionAge): [number, number] {
    if (age.min !== undefined && age.max !== undefined) return [inYears(age, age.min), inYears(age, age.max)];
    const bound = inYears(age, age.borne ?? 0);
    switch (age.operateur) {
        case '<': return [0, bound - STRICT];
        case '<=': case '≤': return [0, bound];
        case '>': return [bound + STRICT, Infinity];
        default: return [bound, Infinity];
    }
}

export function patientsAndReferencesChecks(services: CoopServices): ValidationChecks<CoopAstType> {
    const reporter = services.validation.DiagnosticReporter;
    const locale = services.i18n.Locale;
    const t = (fr: string, en: string) => locale.pick({ fr, en });
    return {
        Patients: (patients, accept) => {
            const inclusions = patients.criteres.filter(c => c.nature === 'inclusion');
            const exclusions = patients.criteres.filter(c => c.nature !== 'inclusion');
            // Each text is compared with every text of the other kind: fold it once.
            const texts = new Map<ConditionTexte, string>();
            const normalised = (condition: ConditionTexte) => {
                let text = texts.get(condition);
                if (text === undefined) texts.set(condition, text = fold(condition.texte).trim());
                return text;
            };
            const contradiction = (critere: Critere, other: Critere, reason: string) =>
                reporter.report(accept, 'criteres-contradictoires', critere, { name: critere.name, other: other.name, reason }, { property: 'name' });
            for (const exclusion of exclusions) {
                for (const inclusion of inclusions) {
                    const [a, b] = [inclusion.condition, exclusion.condition];
                    if (isConditionSexe(a) && isConditionSexe(b) && a.valeur === b.valeur) {
                        contradiction(exclusion, inclusion, t('le même sexe est inclus et exclu.', 'the same sex is included and excluded.'));
                    } else if (isConditionTexte(a) && isConditionTexte(b) && normalised(a) === normalised(b)) {
                        contradiction(exclusion, inclusion, t('le même texte est à la fois inclusion et exclusion.', 'the same text is both inclusion and exclusion.'));
                    } else if (isConditionAge(a) && isConditionAge(b)) {
                        const [inLow, inHigh] = interval(a);
                        const [exLow, exHigh] = interval(b);
                        if (exLow <= inLow && exHigh >= inHigh) {
                            contradiction(exclusion, inclusion, t('la tranche d\'âge exclue contient toute la tranche incluse.', 'the excluded age range contains the whole included range.'));
                        }
                    }
                }
            }
            const sexes = inclusions.map(c => c.condition).filter(isConditionSexe);
            if (new Set(sexes.map(s => s.valeur)).size > 1) {
                const [first, second] = inclusions.filter(c => isConditionSexe(c.condition));
                contradiction(second, first, t('deux sexes différents sont exigés à l\'inclusion.', 'two different sexes are required for inclusion.'));
            }
            for (const critere of patients.criteres) {
                const condition = critere.condition;
                if (isConditionAge(condition) && condition.min !== undefined && condition.max !== undefined && condition.min > condition.max) {
                    reporter.report(accept, 'tranche-age-invalide', critere, { name: critere.name, min: condition.min, max: condition.max, unite: condition.unite }, { property: 'condition' });
                }
            }
        },
        Reference: (reference, accept) => {
            if (reference.annee === undefined) reporter.report(accept, 'reference-annee-absente', reference, { name: reference.name }, { property: 'name' });
        }
    };
}
