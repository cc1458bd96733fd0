import { attributeRule, languageRules } from '../diagnostics/language-diagnostics.js';
import { cadreRules } from './cadre.js';
import { nationalRules } from './l4011-3-national.js';
import { contenuRules } from './contenu.js';
import { indicateursRules } from './d4011-4-1-indicateurs.js';
import { organisationRules } from './l4011-2-organisation.js';
import { presentationRules } from './presentation.js';
import { rbpRules } from './r4011-1-1-rbp.js';
import { actesRules } from './r4011-1-2a-actes.js';
import { patientsRules } from './r4011-1-2b-patients.js';
import { qualificationRules } from './r4011-1-2c-qualification.js';
import { formationRules } from './r4011-1-3-formation.js';
import { arbresRules } from './r4011-1-4a-arbres.js';
import { parcoursRules } from './r4011-1-4b-parcours.js';
import { reorientationRules } from './r4011-1-4c-reorientation.js';
import { informationRules } from './r4011-1-5-information.js';
import { equipeRules } from './r4011-1-6-equipe.js';
import { teamRules } from './equipe.js';
import { suppressionRules } from './suppressions.js';
import { casRules } from './cas.js';

/**
 * Every rule of the tool, in the order of the essential requirements (one file per requirement,
 * named after its article), then presentation and suppressions. The registry, the configuration
 * schema, the documentation (`npm run docs`), the quick fixes and the validator all read this list.
 * The language's own diagnostics come first; `attribut-en-double` runs last on each element.
 */
export const RULES = [
    ...languageRules,
    ...rbpRules,
    ...actesRules,
    ...patientsRules,
    ...qualificationRules,
    ...formationRules,
    ...arbresRules,
    ...parcoursRules,
    ...reorientationRules,
    ...informationRules,
    ...equipeRules,
    ...organisationRules,
    ...indicateursRules,
    ...cadreRules,
    ...nationalRules,
    ...contenuRules,
    ...presentationRules,
    ...teamRules,
    ...suppressionRules,
    ...casRules,
    attributeRule
] as const;

/** The source file of each rule, for its documentation page (relative to the repository root). */
export const RULE_SOURCE_FILES: ReadonlyArray<readonly [string, readonly { code: string }[]]> = [
    ['packages/language/src/diagnostics/language-diagnostics.ts', [...languageRules, attributeRule]],
    ['packages/language/src/rules/r4011-1-1-rbp.ts', rbpRules],
    ['packages/language/src/rules/r4011-1-2a-actes.ts', actesRules],
    ['packages/language/src/rules/r4011-1-2b-patients.ts', patientsRules],
    ['packages/language/src/rules/r4011-1-2c-qualification.ts', qualificationRules],
    ['packages/language/src/rules/r4011-1-3-formation.ts', formationRules],
    ['packages/language/src/rules/r4011-1-4a-arbres.ts', arbresRules],
    ['packages/language/src/rules/r4011-1-4b-parcours.ts', parcoursRules],
    ['packages/language/src/rules/r4011-1-4c-reorientation.ts', reorientationRules],
    ['packages/language/src/rules/r4011-1-5-information.ts', informationRules],
    ['packages/language/src/rules/r4011-1-6-equipe.ts', equipeRules],
    ['packages/language/src/rules/l4011-2-organisation.ts', organisationRules],
    ['packages/language/src/rules/d4011-4-1-indicateurs.ts', indicateursRules],
    ['packages/language/src/rules/cadre.ts', cadreRules],
    ['packages/language/src/rules/l4011-3-national.ts', nationalRules],
    ['packages/language/src/rules/contenu.ts', contenuRules],
    ['packages/language/src/rules/presentation.ts', presentationRules],
    ['packages/language/src/rules/equipe.ts', teamRules],
    ['packages/language/src/rules/suppressions.ts', suppressionRules]
];

export type { QuickFix, QuickFixContext, QuickFixProvider, Report, Rule, RuleCheck, RuleChecks, RuleContext } from './rule.js';
export { defineRule } from './rule.js';
