import type { DiagnosticDefinition } from './definition.js';
import { ruleDefinitions } from '../rules/index.js';
import { languageDiagnostics } from './language-diagnostics.js';

/**
 * The one registry of diagnostic codes. Everything that reports, configures, suppresses, fixes or
 * documents a diagnostic looks its code up here. `docs/rules/` has one page per code.
 */
const definitions = [...languageDiagnostics, ...ruleDefinitions] as const;

export type DiagnosticCode = (typeof definitions)[number]['code'];

export const diagnosticRegistry: ReadonlyMap<string, DiagnosticDefinition> = (() => {
    const map = new Map<string, DiagnosticDefinition>();
    for (const definition of definitions) {
        if (map.has(definition.code)) {
            throw new Error(`Duplicate diagnostic code in the registry: ${definition.code}`);
        }
        map.set(definition.code, definition);
    }
    return map;
})();

export function getDefinition(code: DiagnosticCode): DiagnosticDefinition;
export function getDefinition(code: string): DiagnosticDefinition | undefined;
export function getDefinition(code: string): DiagnosticDefinition | undefined {
    return diagnosticRegistry.get(code);
}

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
    const definition = diagnosticRegistry.get(code);
    return definition !== undefined && definition.category !== 'langage';
}
