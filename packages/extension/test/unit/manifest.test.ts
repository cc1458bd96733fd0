// Consistency of the extension's manifest with its translations, sources and build.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const manifest = json('package.json');
const nls = { en: json('package.nls.json') as Record<string, string>, fr: json('package.nls.fr.json') as Record<string, string> };
/** Every TypeScript source of the client (src/ and its folders: src/preview/…). */
const sources = (readdirSync(new URL('src/', root), { recursive: true }) as string[])
    .filter(name => name.endsWith('.ts'))
    .map(name => readFileSync(new URL(`src/${name}`, root), 'utf8'));

describe('package.json', () => {
    it('activates on the coop language and points at the bundled client', () => {
        expect(manifest.activationEvents).toContain('onLanguage:coop');
        expect(manifest.main).toBe('./dist/extension.cjs');
        expect(manifest.engines.vscode).toBe('^1.100.0');
        expect(manifest.contributes.languages[0]).toMatchObject({ id: 'coop', extensions: ['.coop'] });
    });

    it('translates every %key% in English and French', () => {
        const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map(match => match[1]);
        expect(keys.length).toBeGreaterThan(5);
        for (const key of keys) {
            expect(nls.en[key!], `package.nls.json: ${key}`).toBeTruthy();
            expect(nls.fr[key!], `package.nls.fr.json: ${key}`).toBeTruthy();
        }
        expect(Object.keys(nls.fr).sort()).toEqual(Object.keys(nls.en).sort());
    });

    it('registers every contributed command in the sources', () => {
        for (const { command } of manifest.contributes.commands as Array<{ command: string }>) {
            expect(sources.some(source => source.includes(`registerCommand('${command}'`)), command).toBe(true);
        }
    });
});

describe('package.json menus', () => {
    const commands = new Set((manifest.contributes.commands as Array<{ command: string }>).map(entry => entry.command));
    const submenus = new Set((manifest.contributes.submenus as Array<{ id: string }>).map(entry => entry.id));

    it('only show contributed commands and submenus', () => {
        for (const [menu, entries] of Object.entries(manifest.contributes.menus as Record<string, Array<{ command?: string; alt?: string; submenu?: string }>>)) {
            for (const entry of entries) {
                if (entry.command) expect(commands.has(entry.command), `${menu}: ${entry.command}`).toBe(true);
                if (entry.alt) expect(commands.has(entry.alt), `${menu}: ${entry.alt}`).toBe(true);
                if (entry.submenu) expect(submenus.has(entry.submenu), `${menu}: ${entry.submenu}`).toBe(true);
            }
        }
    });

    it('offers the preview in the editor title bar and the exports where the issue asks', () => {
        const menus = manifest.contributes.menus as Record<string, Array<{ command?: string; alt?: string; submenu?: string; when?: string }>>;
        expect(menus['editor/title']).toContainEqual(expect.objectContaining({ command: 'coop.openPreviewToSide', alt: 'coop.openPreview', group: 'navigation' }));
        expect(menus['editor/title']).toContainEqual(expect.objectContaining({ submenu: 'coop.export', when: "activeWebviewPanelId == 'coop.preview'" }));
        expect(menus['explorer/context']).toContainEqual(expect.objectContaining({ submenu: 'coop.export' }));
        expect(menus['coop.export']!.map(entry => entry.command)).toEqual(['coop.exportHtml', 'coop.exportPdf', 'coop.exportDocx']);
        expect(manifest.activationEvents).toContain('onWebviewPanel:coop.preview');
    });

    it('ships the preview script and icon in the .vsix', () => {
        const ignore = readFileSync(new URL('.vscodeignore', root), 'utf8');
        expect(ignore).toMatch(/^!media\/\*\.js$/m);
        expect(ignore).toMatch(/^!media\/\*\.svg$/m);
        for (const file of ['media/preview.js', 'media/preview-icon.svg']) {
            expect(() => readFileSync(new URL(file, root)), file).not.toThrow();
        }
    });
});

describe('l10n/bundle.l10n.fr.json', () => {
    it('translates exactly the runtime strings of the sources', () => {
        const bundle = json('l10n/bundle.l10n.fr.json') as Record<string, string>;
        const used = new Set(sources.flatMap(source => [...source.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)].map(match => match[1]!.replace(/\\'/g, "'"))));
        expect([...used].sort()).toEqual(Object.keys(bundle).sort());
    });
});

describe('language-configuration.json', () => {
    const configuration = json('language-configuration.json');

    it('selects coop names, dates and numbers as words', () => {
        const word = new RegExp(`^(?:${configuration.wordPattern})$`);
        for (const text of ['prescription-atb', 'délégué', 'événements-indésirables', 'L4161-1', '2023-03-09', '38,5']) {
            expect(word.test(text), text).toBe(true);
        }
        expect(word.test('mg :')).toBe(false);
    });

    it('uses the comment syntax of the grammar', () => {
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
    });
});
