import type { Diagnostic } from 'vscode-languageserver-types';
import { ConfigError, parseConfig, type CoopConfig } from '../config/config-file.js';
import { RULE_LEVELS, type RuleLevel, type RuleSettings } from '../config/rule-settings.js';
import { toLocale, type Locale, type LocaleSetting } from '../i18n/locale.js';
import type { CoopInitializationOptions, CoopSettings } from '../protocol/coop-protocol.js';

/** What the settings service writes into: the message language and the rule levels of the services. */
export interface SettingsTarget {
    Locale: LocaleSetting;
    RuleSettings: RuleSettings;
}

/** The effective settings, once merged. */
export interface EffectiveSettings {
    locale: Locale;
    rules: Record<string, RuleLevel>;
}

/**
 * The settings of the language server and how they merge, with no connection: the message
 * language is the `coop.language` setting, or the client's display language when it is `auto`;
 * the rule levels are those of `coop.config.json`, overridden by the `coop.rules` setting.
 * Every change is applied at once to the services' LocaleSetting and RuleSettings; the caller
 * revalidates when {@link update} or {@link setConfigText} say something changed.
 */
export class CoopSettingsService {
    private clientLocale: string | undefined;
    private languageSetting = 'auto';
    private fileRules: Record<string, RuleLevel> = {};
    private settingRules: Record<string, RuleLevel> = {};
    /** Messages about settings that were ignored, until the server logs them. */
    private warnings: string[] = [];

    constructor(private readonly target: SettingsTarget) {
        this.apply();
    }

    get effective(): EffectiveSettings {
        return {
            locale: toLocale(this.languageSetting === 'auto' ? this.clientLocale : this.languageSetting),
            rules: { ...this.fileRules, ...this.settingRules }
        };
    }

    /** `initialize`: the initialization options of the extension, or only the LSP `locale` of another client. */
    initialize(options: unknown, clientLocale?: string): void {
        const settings = isRecord(options) ? options as CoopInitializationOptions : {};
        this.clientLocale = typeof settings.locale === 'string' ? settings.locale : typeof clientLocale === 'string' ? clientLocale : undefined;
        if (settings.language !== undefined) this.languageSetting = this.checkLanguage(settings.language);
        if (settings.rules !== undefined) this.settingRules = this.checkRules(settings.rules);
        this.apply();
    }

    /**
     * A new `coop` section of the client's settings (`workspace/didChangeConfiguration`): a missing
     * key is back to its default. Returns whether the effective settings changed.
     */
    update(section: unknown): boolean {
        const before = JSON.stringify(this.effective);
        const settings = isRecord(section) ? section as CoopSettings : {};
        this.languageSetting = settings.language === undefined ? 'auto' : this.checkLanguage(settings.language);
        this.settingRules = settings.rules === undefined ? {} : this.checkRules(settings.rules);
        this.apply();
        return JSON.stringify(this.effective) !== before;
    }

    /**
     * The text of `coop.config.json` (undefined: there is none). Returns the diagnostics to publish
     * on the file (a syntax error, an unknown rule…: the file's rules are then ignored) and whether
     * the effective settings changed.
     */
    setConfigText(text: string | undefined): { diagnostics: Diagnostic[]; changed: boolean } {
        const before = JSON.stringify(this.effective);
        const diagnostics: Diagnostic[] = [];
        let config: CoopConfig = { rules: {} };
        if (text !== undefined) {
            try {
                config = parseConfig(text, this.target.Locale);
            } catch (error) {
                if (!(error instanceof ConfigError)) throw error;
                const position = { line: error.line - 1, character: error.column - 1 };
                diagnostics.push({ range: { start: position, end: position }, severity: 1, source: 'coop', message: error.message });
            }
        }
        this.fileRules = config.rules;
        this.apply();
        return { diagnostics, changed: JSON.stringify(this.effective) !== before };
    }

    /** The messages about ignored settings since the last call (for the server's log). */
    takeWarnings(): string[] {
        const taken = this.warnings;
        this.warnings = [];
        return taken;
    }

    private apply(): void {
        const { locale, rules } = this.effective;
        this.target.Locale.current = locale;
        this.target.RuleSettings.set(rules);
    }

    private checkLanguage(value: unknown): string {
        if (value === 'auto' || value === 'fr' || value === 'en') return value;
        this.warnings.push(`Réglage coop.language ignoré : ${JSON.stringify(value)} n'est ni « auto », ni « fr », ni « en ».`);
        return 'auto';
    }

    private checkRules(value: unknown): Record<string, RuleLevel> {
        if (!isRecord(value)) {
            this.warnings.push(`Réglage coop.rules ignoré : un objet « code de règle → niveau » est attendu, reçu ${JSON.stringify(value)}.`);
            return {};
        }
        const rules: Record<string, RuleLevel> = {};
        for (const [code, level] of Object.entries(value)) {
            if ((RULE_LEVELS as readonly unknown[]).includes(level)) rules[code] = level as RuleLevel;
            else this.warnings.push(`Réglage coop.rules : niveau ${JSON.stringify(level)} de la règle « ${code} » ignoré (error, warning, info ou off).`);
        }
        return rules;
    }
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
