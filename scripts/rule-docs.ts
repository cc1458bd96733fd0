// Renders docs/rules/<code>.md for every diagnostic of the registry, with the failing and passing
// examples of test/rules/<code>/ (the same files the rule tests run). Run `npm run docs` after
// changing a rule; test/docs.test.ts fails while the pages are out of date.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { citedArticles, citedR4011Items, diagnosticRegistry, legalPageLink, REQUIREMENTS, RULE_SOURCE_FILES, type DiagnosticDefinition } from 'coop-language';

const SEVERITY = { error: 'erreur (error)', warning: 'avertissement (warning)', info: 'information (info)' };
const CATEGORY: Record<string, string> = {
    langage: 'langage', completude: 'complétude', coherence: 'cohérence', indicateurs: 'indicateurs', cadre: 'type et cadre', suppressions: 'suppressions'
};
const BASIS: Record<string, string> = {
    langage: 'règle du langage (language rule)',
    source: 'fait sourcé (sourced fact)',
    rappel: 'fait rappelé, non vérifié dans un texte [R] (recalled, not checked)',
    inference: 'lecture déduite de plusieurs sources [I] (inferred reading)'
};

function fixture(root: string, code: string, name: string): string | undefined {
    const path = join(root, code, name);
    // The tests' markers become a reader's pointer.
    return existsSync(path) ? readFileSync(path, 'utf8').trimEnd().replace(/\/\/ attendu: ([\w-]+)(?: @[\d-]+)?(?: « .* »)?[ \t]*$/gm, '// ⚠ $1') : undefined;
}

/** The source file that declares a rule, relative to the repository root. */
export function ruleSourceFile(code: string): string | undefined {
    return RULE_SOURCE_FILES.find(([, rules]) => rules.some(rule => rule.code === code))?.[0];
}

/** « R.4011-1 2° a ; L.4011-2 » → links to docs/legal/R4011-1.md and L4011-2.md (text only for an article without page). */
function legalLinks(legalBasis: string | undefined): string {
    const articles = citedArticles(legalBasis);
    if (articles.length === 0) return '—';
    return articles.map(article => {
        const shown = `${article[0]}.${article.slice(1)}`;
        const link = legalPageLink(article);
        if (!link) return shown;
        const items = article === 'R4011-1' ? citedR4011Items(legalBasis) : [];
        if (items.length === 0) return `[${shown}](${link})`;
        return `[${shown}](${link}) (${items.map(item => `[${item[0]}°${item.length > 1 ? ' ' + item[1] : ''}](${link}#${item})`).join(', ')})`;
    }).join(', ');
}

export function renderRulePage(definition: DiagnosticDefinition, fixturesRoot = 'test/rules'): string {
    const requirement = REQUIREMENTS.find(r => r.id === definition.requirement);
    const failing = fixture(fixturesRoot, definition.code, 'echec.coop');
    const passing = fixture(fixturesRoot, definition.code, 'succes.coop');
    const lines = [
        `# \`${definition.code}\` — ${definition.title.fr}`,
        '',
        `*${definition.title.en}*`,
        '',
        '| | |',
        '|---|---|',
        `| Niveau par défaut | ${SEVERITY[definition.severity]} |`,
        `| Catégorie | ${CATEGORY[definition.category]} |`,
        `| Fondement | ${definition.legalBasis ?? '—'} |`,
        `| Texte des articles | ${legalLinks(definition.legalBasis)} |`,
        `| Exigence | ${requirement ? `${requirement.title.fr} (${requirement.legalBasis})` : '— (ne compte pas dans le résumé de conformité)'} |`,
        `| Nature du fait | ${BASIS[definition.basis]} |`,
        '',
        `**Message** : ${definition.message.fr.replace(/\{(\w+)\}/g, '‹$1›')}`,
        '',
        '## Pourquoi',
        '',
        definition.rationale.fr,
        '',
        '## Comment corriger',
        '',
        definition.fix.fr,
        ''
    ];
    if (failing) lines.push('## Exemple qui déclenche la règle', '', '```coop', failing, '```', '');
    if (passing) lines.push('## Exemple conforme', '', '```coop', passing, '```', '');
    const source = ruleSourceFile(definition.code);
    const sources = [
        source && `- Règle (définition, vérifications, correction rapide) : [\`${source}\`](../../${source})`,
        failing && `- Exemple qui déclenche la règle : [\`${fixturesRoot}/${definition.code}/echec.coop\`](../../${fixturesRoot}/${definition.code}/echec.coop)`,
        passing && `- Exemple conforme : [\`${fixturesRoot}/${definition.code}/succes.coop\`](../../${fixturesRoot}/${definition.code}/succes.coop)`
    ].filter(Boolean);
    if (sources.length > 0) lines.push('## Sources', '', ...(sources as string[]), '');
    if (definition.category !== 'langage') {
        lines.push(
            '## Configuration',
            '',
            'Niveau dans `coop.config.json` (`error`, `warning`, `info` ou `off`) :',
            '',
            '```json',
            `{ "rules": { "${definition.code}": "warning" } }`,
            '```',
            '',
            'Ignorer un cas précis, avec une justification que l\'aperçu du dossier affiche :',
            '',
            '```coop',
            `ignorer ${definition.code} : "justification"`,
            '```',
            ''
        );
    } else {
        lines.push('Ce diagnostic du langage ne se configure pas et ne s\'ignore pas : il se corrige.', '');
    }
    lines.push(
        '## English',
        '',
        `**${definition.title.en}.** ${definition.rationale.en}`,
        '',
        `*Fix:* ${definition.fix.en}`,
        ''
    );
    return lines.join('\n');
}

export function renderRuleIndex(): string {
    const lines = [
        '# Règles de coop',
        '',
        'Chaque diagnostic a un code stable. Les niveaux se règlent dans `coop.config.json`',
        '(schéma : `packages/language/schema/coop.config.schema.json`) ; un cas précis s\'ignore avec',
        '`ignorer <code> : "justification"`. `coop rules` affiche ce catalogue. Cette page et les pages de',
        'chaque règle sont produites par `npm run docs` à partir du registre et des exemples de `test/rules/`.',
        '',
        '| code | niveau | catégorie | fondement | titre |',
        '|---|---|---|---|---|'
    ];
    for (const definition of diagnosticRegistry.values()) {
        lines.push(`| [\`${definition.code}\`](${definition.code}.md) | ${definition.severity} | ${CATEGORY[definition.category]} | ${definition.legalBasis ?? '—'} | ${definition.title.fr} |`);
    }
    return lines.join('\n') + '\n';
}

/** Every page to write: docs/rules/README.md and one page per code. */
export function rulePages(): Map<string, string> {
    const pages = new Map<string, string>([['README.md', renderRuleIndex()]]);
    for (const definition of diagnosticRegistry.values()) pages.set(`${definition.code}.md`, renderRulePage(definition));
    return pages;
}
