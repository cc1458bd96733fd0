import type { CoopServices } from '../coop-module.js';
import { languageChecks } from './checks/language-checks.js';

/**
 * Registers every check. Category `fast` runs on each keystroke in the editor and always in the
 * CLI; the decree conformity rules register in their own modules (see ../rules/).
 */
export function registerValidationChecks(services: CoopServices): void {
    const registry = services.validation.ValidationRegistry;
    registry.register(languageChecks(services), undefined, 'fast');
}
