import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citedArticles, citedR4011Items, diagnosticRegistry, LEGAL_ARTICLE_PAGES, legalPageLink } from 'coop-language';
import { rulePages } from '../scripts/rule-docs.js';

describe('docs/rules', () => {
    const pages = rulePages();

    it('has one page per diagnostic code and nothing else', () => {
        expect(readdirSync('docs/rules').sort()).toEqual([...pages.keys()].sort());
    });

    it('is up to date with the registry and the rule fixtures (run `npm run docs` after a change)', () => {
        for (const [name, content] of pages) {
            expect(readFileSync(`docs/rules/${name}`, 'utf8'), name).toBe(content);
        }
    });
});

describe('legal basis of the rules', () => {
    it('maps the cited articles onto the pages of docs/legal/', () => {
        expect(citedArticles('R.4011-1 2° a ; 4° a')).toEqual(['R4011-1']);
        expect(citedArticles('L.4011-1 ; R.4011-1 2° c')).toEqual(['L4011-1', 'R4011-1']);
        expect(citedArticles('L.4011-3 ; L.4011-4 à L.4011-4-3')).toEqual(['L4011-3', 'L4011-4', 'L4011-4-1', 'L4011-4-2', 'L4011-4-3']);
        expect(citedArticles('L.4011-4 II ; D.4011-4')).toEqual(['L4011-4', 'D4011-4']);
        expect(citedArticles('Modèle type de la HAS')).toEqual([]);
        expect(legalPageLink('R4011-1')).toBe('../legal/R4011-1.md');
        expect(legalPageLink('L4011-9')).toBeUndefined();
        expect(citedR4011Items('R.4011-1 2° a ; 4° a')).toEqual(['2a', '4a']);
        expect(citedR4011Items('R.4011-1 3° ; L.4011-2')).toEqual(['3']);
        expect(citedR4011Items('L.4011-1 ; R.4011-1 2° c')).toEqual(['2c']);
        expect(citedR4011Items('L.4011-2 ; D.4011-4-1')).toEqual([]);
    });

    it('every article a rule cites has its page among docs/legal/ names', () => {
        const WITHOUT_PAGE: string[] = [];
        const pages: readonly string[] = LEGAL_ARTICLE_PAGES;
        const cited = new Set([...diagnosticRegistry.values()].flatMap(rule => citedArticles(rule.legalBasis)));
        expect([...cited].filter(article => !pages.includes(article) && !WITHOUT_PAGE.includes(article))).toEqual([]);
        for (const rule of diagnosticRegistry.values()) {
            if (rule.category === 'langage') continue;
            const articles = citedArticles(rule.legalBasis);
            const page = pages_(rule.code);
            for (const article of articles.filter(article => pages.includes(article))) {
                expect(page, rule.code).toContain(`(../legal/${article}.md)`);
            }
            expect(page, rule.code).toContain(`(../../test/rules/${rule.code}/echec.coop)`);
            expect(page, rule.code).toContain(`(../../test/rules/${rule.code}/succes.coop)`);
            expect(page, rule.code).toMatch(/\(\.\.\/\.\.\/packages\/language\/src\/(rules|diagnostics)\/[\w.-]+\.ts\)/);
        }
    });
});

function pages_(code: string): string {
    return rulePages().get(`${code}.md`)!;
}
