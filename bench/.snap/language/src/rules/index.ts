import type { CoopServices } from '../coop-module.js';
import { actsAndTrainingChecks, actsAndTrainingDefinitions } from './acts-and-training.js';
import { completenessChecks, completenessDefinitions } from './completeness.js';
import { decisionTreeChecks, decisionTreeDefinitions } from './decision-trees.js';
import { indicatorChecks, indicatorDefinitions } from './indicators.js';
import { patientsAndReferencesChecks, patientsAndReferencesDefinitions } from './patients-and-references.js';
import { settingChecks, settingDefinitions } from './setting.js';
import { suppressionDefinitions } from './suppressions.js';
import { templateOrderChecks, templateOrderDefinitions } from './template-order.js';

/** Every conformity rule definition, by topic (one module per topic). */
export const ruleDefinitions = [
    ...completenessDefinitions,
    ...settingDefinitions,
    ...indicatorDefinitions,
    ...actsAndTrainingDefinitions,
    ...decisionTreeDefinitions,
    ...patientsAndReferencesDefinitions,
    ...templateOrderDefinitions,
    ...suppressionDefinitions
] as const;

/** The checks of every topic module (suppression checks are registered by the validator). */
export function ruleChecks(services: CoopServices) {
    return [
        completenessChecks(services),
        settingChecks(services),
        indicatorChecks(services),
        actsAndTrainingChecks(services),
        decisionTreeChecks(services),
        patientsAndReferencesChecks(services),
        templateOrderChecks(services)
    ];
}
