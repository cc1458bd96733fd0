import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { CoopServices } from '../coop-module.js';
import { diagnosticRegistry } from '../diagnostics/registry.js';
import type { CoopAstType } from '../generated/ast.js';
import { RULES } from '../rules/index.js';
import type { Report, Rule, RuleContext } from '../rules/rule.js';

/** The code of the diagnostic that stands for a check that threw (diagnostics/language-diagnostics.ts). */
export const INTERNAL_ERROR_CODE = 'erreur-interne';

type NodeCheck = (node: AstNode, accept: ValidationAcceptor) => void;

/**
 * Registers the checks of every rule. Each check is wrapped: a check that throws reports ONE
 * `erreur-interne` diagnostic naming its rule on the element, its stack goes to the logger, and
 * every other rule keeps running on that element and the rest of the document. The checks of all
 * rules on one node type are grouped in one function (one call per node, not one per rule), in the
 * order of the list. All run in the `fast` category: they are linear in the size of the protocol,
 * so the editor runs them on each keystroke and the CLI always (see docs/performance.md).
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
    const grouped: Record<string, NodeCheck> = {};
    for (const [type, list] of byType) {
        grouped[type] = list.length === 1 ? list[0] : (node, accept) => {
            for (const check of list) check(node, accept);
        };
    }
    services.validation.ValidationRegistry.register(grouped as ValidationChecks<CoopAstType>, undefined, 'fast');
}
