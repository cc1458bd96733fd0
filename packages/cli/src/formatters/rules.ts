import { configSchema, diagnosticRegistry, documentationUrl, type LocaleSetting } from 'coop-language';

/** The rule catalogue as JSON: everything the registry knows, in the chosen language. */
export function rulesAsJson(locale: LocaleSetting): string {
    const rules = [...diagnosticRegistry.values()].map(definition => ({
        code: definition.code,
        severity: definition.severity,
        category: definition.category,
        title: locale.pick(definition.title),
        message: locale.pick(definition.message),
        legalBasis: definition.legalBasis ?? null,
        requirement: definition.requirement ?? null,
        basis: definition.basis,
        rationale: locale.pick(definition.rationale),
        fix: locale.pick(definition.fix),
        documentation: documentationUrl(definition.code)
    }));
    return JSON.stringify(rules, null, 2) + '\n';
}

/** The level names of coop.config.json in French (accepted there beside the English ones). */
const FRENCH_LEVEL: Record<string, string> = { error: 'erreur', warning: 'avertissement', info: 'info', off: 'désactivé' };

/** The rule catalogue as one Markdown table (levels in the chosen language). */
export function rulesAsMarkdown(locale: LocaleSetting): string {
    const fr = locale.current === 'fr';
    const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    const header = fr
        ? '| code | niveau | catégorie | fondement | titre |\n|---|---|---|---|---|'
        : '| code | level | category | legal basis | title |\n|---|---|---|---|---|';
    const rows = [...diagnosticRegistry.values()].map(definition =>
        `| [\`${definition.code}\`](${documentationUrl(definition.code)}) | ${fr ? FRENCH_LEVEL[definition.severity] : definition.severity} | ${definition.category} | ${cell(definition.legalBasis ?? '—')} | ${cell(locale.pick(definition.title))} |`);
    return [header, ...rows].join('\n') + '\n';
}

export function rulesSchema(): string {
    return JSON.stringify(configSchema(), null, 2) + '\n';
}
