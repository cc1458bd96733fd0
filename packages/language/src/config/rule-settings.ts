import type { Severity } from '../diagnostics/definition.js';
import { getDefinition } from '../diagnostics/registry.js';

export type RuleLevel = Severity | 'off';

export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info', 'off'];

/** The French names of the levels, accepted in coop.config.json beside the English ones. */
export const FRENCH_RULE_LEVELS: Readonly<Record<string, RuleLevel>> = {
    erreur: 'error', avertissement: 'warning', info: 'info', 'désactivé': 'off', desactive: 'off'
};

/** A level written in English or in French (`avertissement`, `désactivé`…), or undefined. */
export function toRuleLevel(value: unknown): RuleLevel | undefined {
    if (typeof value !== 'string') return undefined;
    if ((RULE_LEVELS as readonly string[]).includes(value)) return value as RuleLevel;
    return FRENCH_RULE_LEVELS[value.normalize('NFC')];
}

/**
 * The level of each rule for one workspace: the registry's default, unless `coop.config.json`
 * (or the editor's `coop.rules` setting) says otherwise. Shared by the CLI and the language server.
 */
export class RuleSettings {
    private overrides = new Map<string, RuleLevel>();

    /** Replaces every override. */
    set(overrides: Record<string, RuleLevel>): void {
        this.overrides = new Map(Object.entries(overrides));
    }

    levelOf(code: string): RuleLevel | undefined {
        return this.overrides.get(code) ?? getDefinition(code)?.severity;
    }
}
