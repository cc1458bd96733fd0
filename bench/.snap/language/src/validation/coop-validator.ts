import type { CoopServices } from '../coop-module.js';
import { diagnosticRegistry, isConfigurable } from '../diagnostics/registry.js';
import { ruleChecks } from '../rules/index.js';
import { suppressionChecks } from '../rules/suppressions.js';
import { attributeChecks, languageChecks } from './checks/language-checks.js';

/**
 * Registers every check. All run in the `fast` category: they are linear in the size of the
 * protocol, so the editor runs them on each keystroke and the CLI always (see docs/performance.md).
 */
export function registerValidationChecks(services: CoopServices): void {
    const registry = services.validation.ValidationRegistry;
    registry.register(languageChecks(services), undefined, 'fast');
    for (const checks of ruleChecks(services)) {
        registry.register(checks, undefined, 'fast');
    }
    registry.register(suppressionChecks(services, code => diagnosticRegistry.has(code), isConfigurable, () => [...diagnosticRegistry.keys()]), undefined, 'fast');
    // Last, as when it was registered for every node: on each element it runs after the other checks.
    registry.register(attributeChecks(services), undefined, 'fast');
}
