import type { Severity } from '../diagnostics/definition.js';
import { getDefinition } from '../diagnostics/registry.js';

export type RuleLevel = Severity | 'off';

export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info', 'off'];

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
