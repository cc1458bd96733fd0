import type { AstNode, ValidationAcceptor } from 'langium';
import type { CoopServices } from '../coop-module.js';
import { diagnosticRegistry } from '../diagnostics/registry.js';
import { RULES } from '../rules/index.js';
import type { Report, Rule, RuleContext } from '../rules/rule.js';

/** The code of the diagnostic that stands for a check that threw (diagnostics/language-diagnostics.ts). */
export const INTERNAL_ERROR_CODE = 'erreur-interne';

export type NodeCheck = (node: AstNode, accept: ValidationAcceptor) => void;

/**
 * The grouped rule checks of each set of services, keyed by their validation registry. They are
 * run synchronously by CoopDocumentValidator (one plain call per node), not through Langium's
 * registry, which wraps every check in two async functions and awaits each one.
 */
const ruleChecksByRegistry = new WeakMap<object, Map<string, NodeCheck>>();

export function ruleChecksOf(registry: object): ReadonlyMap<string, NodeCheck> | undefined {
    return ruleChecksByRegistry.get(registry);
}

/**
 * Registers the checks of every rule. Each check is wrapped: a check that throws reports ONE
 * `erreur-interne` diagnostic naming its rule on the element, its stack goes to the logger, and
 * every other rule keeps running on that element and the rest of the document. The checks of all
 * rules on one node type are grouped in one function (one call per node, not one per rule), in the
 * order of the list, and run by CoopDocumentValidator. They belong to the `fast` category: they are
 * linear in the size of the protocol, so the editor runs them on each keystroke and the CLI always
 * (see docs/performance.md).
 */
export function registerValidationChecks(services: CoopServices, rules: readonly Rule[] = RULES): void {
    registerRules(services, rules);
}

/** Registers the checks of the given rules (tests register extra rules this way). */
export function registerRules(services: CoopServices, rules: readonly Rule[]): void {
    const reporter = services.validation.DiagnosticReporter;
    const logger = services.validation.Logger;
    const context: RuleContext = { services, locale: services.i18n.Locale, registry: diagnosticRegistry };
    const byType = new Map<string, NodeCheck[]>();
    for (const rule of rules) {
        if (!rule.checks) continue;
        const checks = rule.checks(context) as Record<string, ((node: AstNode, report: Report, accept: ValidationAcceptor) => void) | undefined>;
        for (const [type, check] of Object.entries(checks)) {
            if (!check) continue;
            const wrapped: NodeCheck = (node, accept) => {
                const report: Report = (target, args, options) => reporter.reportCode(accept, rule.code, target, args, options);
                try {
                    check(node, report, accept);
                } catch (error) {
                    logger.error(`coop : la règle « ${rule.code} » a échoué sur un élément ${node.$type}`, error);
                    reporter.reportCode(accept, INTERNAL_ERROR_CODE, node, { rule: rule.code }, { data: { rule: rule.code } });
                }
            };
            const list = byType.get(type) ?? [];
            list.push(wrapped);
            byType.set(type, list);
        }
    }
    let grouped = ruleChecksByRegistry.get(services.validation.ValidationRegistry);
    if (!grouped) ruleChecksByRegistry.set(services.validation.ValidationRegistry, grouped = new Map());
    for (const [type, list] of byType) {
        // Rules registered later (tests) run after those already there.
        const all = [...(checksOfType.get(grouped.get(type)!) ?? []), ...list];
        const check: NodeCheck = all.length === 1 ? all[0] : (node, accept) => {
            for (const one of all) one(node, accept);
        };
        checksOfType.set(check, all);
        grouped.set(type, check);
    }
}

/** The individual checks behind a grouped check (to append rules registered later). */
const checksOfType = new WeakMap<NodeCheck, NodeCheck[]>();
