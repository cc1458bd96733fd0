import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/legal holds one page per legal text the rules rest on (issue 8 §6). A fresh clone has no
 * research notes, so these pages are the only place where a rule's legal basis is explained: each
 * must give its source, when it was consulted and how sure the fact is, and the index must list it.
 */

const DIR = 'docs/legal';

/** The pages the issue asks for; other pages may be added (a rule cites more texts). */
const REQUIRED_PAGES = [
    'L4011-1.md', 'L4011-2.md', 'L4011-3.md', 'L4011-4.md', 'L4011-4-1.md', 'L4011-4-2.md', 'L4011-4-3.md',
    'R4011-1.md', 'D4011-4.md', 'D4011-4-1.md', 'D4011-4-2.md',
    'loi-2019-774.md', 'loi-2023-379.md', 'texte-2025.md'
];

/** Requirement ids of the conformity summary: each must be explained by at least one page. */
const REQUIREMENT_IDS = [
    'rbp', 'actes', 'patients', 'qualification', 'formation', 'arbres', 'parcours', 'reorientation',
    'information', 'donnees', 'disponibilite', 'risques', 'responsabilite', 'organisation', 'indicateurs', 'cadre'
];

/** Items of R.4011-1 that rules cite (« R.4011-1 2° a » → anchor `2a`). */
const R4011_1_ANCHORS = ['1', '2a', '2b', '2c', '3', '4a', '4b', '4c', '5', '6'];

/** The sureness tags of the research notes, exactly. */
const TAG = /\[(S|S-code|R|I)\]/;
const DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const URL = /https?:\/\/[^\s)|]+/;

const MAX_LINES = 40;
/** R.4011-1 has ten items, each with its own heading and anchor: it may be a little longer. */
const MAX_LINES_R4011_1 = 55;

function read(name: string): string {
    return readFileSync(join(DIR, name), 'utf8');
}

function pages(): string[] {
    return readdirSync(DIR).filter(name => name.endsWith('.md') && name !== 'README.md').sort();
}

/** The value cell of a row `| label | value |` of the page's header table. */
function headerCell(content: string, label: string): string | undefined {
    const line = content.split('\n').find(l => l.startsWith(`| ${label} |`));
    return line?.slice(`| ${label} |`.length).replace(/\|\s*$/, '').trim();
}

/** Text where a page says what coop checks: its « Ce que coop vérifie » section, and lines starting « Exigence ». */
function checkText(content: string): string {
    const section = /^## Ce que coop vérifie\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(content)?.[1] ?? '';
    const lines = content.split('\n').filter(l => /^Exigences? `/.test(l));
    return `${section}\n${lines.join('\n')}`;
}

function backticked(text: string): string[] {
    return [...text.matchAll(/`([^`]+)`/g)].map(m => m[1]);
}

/** Relative links `[text](target)` of a page. */
function links(content: string): string[] {
    return [...content.matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1]).filter(t => !/^https?:/.test(t));
}

function anchors(content: string): Set<string> {
    return new Set([...content.matchAll(/<a id="([^"]+)"><\/a>/g)].map(m => m[1]));
}

describe('docs/legal', () => {
    it('has every page the issue asks for, and an index', () => {
        const missing = [...REQUIRED_PAGES, 'README.md'].filter(name => !existsSync(join(DIR, name)));
        expect(missing).toEqual([]);
    });

    it('gives each page a title, a source URL, a consultation date and a sureness tag', () => {
        const problems: string[] = [];
        for (const name of pages()) {
            const content = read(name);
            if (!/^# \S/.test(content)) problems.push(`${name}: no title`);
            const source = headerCell(content, 'Source');
            if (!source || !URL.test(source)) problems.push(`${name}: no source URL`);
            const consulted = headerCell(content, 'Consulté le');
            if (!consulted || !DATE.test(consulted)) problems.push(`${name}: no consultation date`);
            const sureness = headerCell(content, 'Sûreté');
            if (!sureness || !TAG.test(sureness)) problems.push(`${name}: no sureness tag`);
        }
        expect(problems).toEqual([]);
    });

    it('uses only the tags of the research notes', () => {
        for (const name of [...pages(), 'README.md']) {
            const tags = [...read(name).matchAll(/\[(S[^\]]*|R|I)\](?!\()/g)].map(m => m[0]);
            expect(tags.filter(t => !/^\[(S|S-code|R|I)\]$/.test(t)), name).toEqual([]);
        }
    });

    it('keeps pages short', () => {
        for (const name of pages()) {
            const lines = read(name).trimEnd().split('\n').length;
            expect(lines, name).toBeGreaterThanOrEqual(15);
            expect(lines, name).toBeLessThanOrEqual(name === 'R4011-1.md' ? MAX_LINES_R4011_1 : MAX_LINES);
        }
    });

    it('paraphrases: no quotation longer than a few words', () => {
        for (const name of [...pages(), 'README.md']) {
            const long = [...read(name).matchAll(/«([^»]*)»/g)]
                .map(m => m[1].trim())
                .filter(quote => quote.split(/\s+/).length > 8);
            expect(long, name).toEqual([]);
        }
    });

    it('lists every page in the index, with its sureness and consultation date', () => {
        const readme = read('README.md');
        const rows = readme.split('\n').filter(l => l.startsWith('| ['));
        for (const name of pages()) {
            const row = rows.find(r => r.startsWith(`| [${name}](${name}) |`));
            expect(row, `README.md lists ${name}`).toBeDefined();
            expect(row, name).toMatch(TAG);
            expect(row, name).toMatch(DATE);
        }
    });

    it('gives each cited item of R.4011-1 a heading with its anchor, listed in the index', () => {
        const content = read('R4011-1.md');
        const readme = read('README.md');
        for (const id of R4011_1_ANCHORS) {
            const heading = content.split('\n').find(l => l.includes(`<a id="${id}"></a>`));
            expect(heading, `anchor ${id}`).toMatch(/^## <a id="[^"]+"><\/a>\d° ?[a-c]? — \S/);
            expect(readme, `README lists R4011-1.md#${id}`).toContain(`(R4011-1.md#${id})`);
        }
    });

    it('has no broken link between its pages', () => {
        const broken: string[] = [];
        for (const name of [...pages(), 'README.md']) {
            for (const target of links(read(name))) {
                const [file, anchor] = target.split('#');
                const path = file ? join(DIR, file) : join(DIR, name);
                if (!existsSync(path)) broken.push(`${name} → ${target}`);
                else if (anchor && path.endsWith('.md') && path.startsWith(DIR) && !anchors(readFileSync(path, 'utf8')).has(anchor)) {
                    broken.push(`${name} → ${target} (no anchor)`);
                }
            }
        }
        expect(broken).toEqual([]);
    });

    it('names in its checks only requirement ids and existing rules, and explains every requirement', () => {
        const rules = new Set(readdirSync('docs/rules').map(f => f.replace(/\.md$/, '')));
        const seen = new Set<string>();
        const unknown: string[] = [];
        for (const name of pages()) {
            for (const token of backticked(checkText(read(name)))) {
                if (!/^[a-z][a-z-]*$/.test(token)) continue;
                if (REQUIREMENT_IDS.includes(token)) seen.add(token);
                else if (!rules.has(token)) unknown.push(`${name}: ${token}`);
            }
        }
        expect(unknown).toEqual([]);
        expect(REQUIREMENT_IDS.filter(id => !seen.has(id))).toEqual([]);
    });
});
