import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
