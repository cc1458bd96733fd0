import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import type { DiagnosticDefinition } from './definition.js';

/**
 * The one registry of diagnostic codes, derived from the list of rules (rules/index.ts).
 * Everything that reports, configures, suppresses, fixes or documents a diagnostic looks its code
 * up here. `docs/rules/` has one page per code.
 */
export type DiagnosticCode = (typeof RULES)[number]['code'];

export const diagnosticRegistry: ReadonlyMap<string, Rule> = (() => {
    const map = new Map<string, Rule>();
    for (const rule of RULES as readonly Rule[]) {
        if (map.has(rule.code)) {
            throw new Error(`Duplicate diagnostic code in the registry: ${rule.code}`);
        }
        map.set(rule.code, rule);
    }
    return map;
})();

export function getDefinition(code: DiagnosticCode): Rule;
export function getDefinition(code: string): Rule | undefined;
export function getDefinition(code: string): Rule | undefined {
    return diagnosticRegistry.get(code);
}

/** The rule of a code (same object as its definition: one rule = one object). */
export const getRule = getDefinition;

/**
 * Where each code is documented. The pages live in docs/rules/<code>.md of this repository;
 * this base is the one place to change when the documentation is published elsewhere.
 */
export const RULE_DOCS_BASE_URL = 'https://github.com/coop-protocoles/coop/blob/main/docs/rules/';

export function documentationUrl(code: string): string {
    return `${RULE_DOCS_BASE_URL}${code}.md`;
}

/** Rules that configuration and `ignorer` may change: everything but the language's own diagnostics. */
export function isConfigurable(code: string): boolean {
    const definition: DiagnosticDefinition | undefined = diagnosticRegistry.get(code);
    return definition !== undefined && definition.category !== 'langage';
}
