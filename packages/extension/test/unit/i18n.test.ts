// French by default (issue 11 §6): the extension's own strings follow `coop.language`, French
// unless English is asked for, and nothing English is shown under French.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { effectiveLanguage, translate } from '../../src/l10n-core.js';

const root = new URL('../../', import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const manifest = json('package.json');
const nls = { en: json('package.nls.json') as Record<string, string>, fr: json('package.nls.fr.json') as Record<string, string> };
const bundle = json('l10n/bundle.l10n.fr.json') as Record<string, string>;
const sources = (readdirSync(new URL('src/', root), { recursive: true }) as string[])
    .filter(name => name.endsWith('.ts'))
    .map(name => ({ name, text: readFileSync(new URL(`src/${name}`, root), 'utf8') }));

/** Words that mark an English sentence (whole words, lower case). */
const ENGLISH = /(?<!\p{L})(the|of|to|and|is|are|not|could|cannot|open|exporting|exported|preview|save|new|protocol|requirements?|checked|click|language|follow|report|disables?|delay|between|layout|order|which|with|from|server|rule|english|french)(?!\p{L})/iu;
/** Words that may stand in a French text: names, codes, formats. */
const ALLOWED = /\b(HTML|PDF|DOCX|coop|HAS|ITEMS|CONSEILS|ÉLÉMENTS|RÉPONSE|off|error|warning|info|auto|fr|en|msp|reference-inconnue|CSP)\b/g;

function englishWords(text: string): string[] {
    const cleaned = text.replace(/`[^`]*`/g, ' ').replace(/\{[^}]*\}/g, ' ').replace(ALLOWED, ' ');
    return [...cleaned.matchAll(new RegExp(ENGLISH.source, 'giu'))].map(match => match[0]);
}

describe('the language of the extension (issue 11 §6)', () => {
    it('is French by default, whatever the editor\'s display language', () => {
        const setting = manifest.contributes.configuration.properties['coop.language'];
        expect(setting.default).toBe('fr');
        expect(setting.enum).toEqual(['fr', 'en', 'auto']);
        for (const display of ['en', 'en-US', 'fr', 'de', 'zh-cn']) {
            expect(effectiveLanguage(undefined, display)).toBe('fr');
            expect(effectiveLanguage('fr', display)).toBe('fr');
            expect(effectiveLanguage('en', display)).toBe('en');
            expect(effectiveLanguage('n\'importe quoi', display)).toBe('fr');
        }
        expect(effectiveLanguage('auto', 'en-GB')).toBe('en');
        expect(effectiveLanguage('auto', 'fr-CA')).toBe('fr');
        expect(effectiveLanguage('auto', 'de')).toBe('fr');
    });

    it('never uses vscode.l10n.t (it follows the editor\'s display language, not coop.language)', () => {
        expect(sources.filter(source => /vscode\.l10n\.t\(/.test(source.text)).map(source => source.name)).toEqual([]);
    });

    it('translates every runtime string of the sources into French, with French words', () => {
        const keys = sources.flatMap(source => [...source.text.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)].map(match => match[1]!.replace(/\\'/g, '\'')));
        expect(keys.length).toBeGreaterThan(20);
        const missing = keys.filter(key => !bundle[key]);
        expect(missing).toEqual([]);
        const english = Object.entries(bundle).filter(([, french]) => englishWords(french).length > 0).map(([key, french]) => `${key} → ${french}: ${englishWords(french).join(', ')}`);
        expect(english).toEqual([]);
        // Under French, `t` gives the French text with its arguments; under English, the key.
        expect(translate('fr', 'Preview: {0}', ['cystite.coop'])).toBe('Aperçu : cystite.coop');
        expect(translate('en', 'Preview: {0}', ['cystite.coop'])).toBe('Preview: cystite.coop');
    });

    it('shows no string literal to the user without translating it', () => {
        const raw = sources.flatMap(source => [
            ...source.text.matchAll(/show(?:Error|Warning|Information)Message\(\s*['"`][^'"`]*['"`]/g),
            ...source.text.matchAll(/\.(?:tooltip|title|name|placeholder|prompt)\s*=\s*['"`][A-Za-z][^'"`]*['"`]/g),
            ...source.text.matchAll(/\b(?:placeHolder|prompt|saveLabel|openLabel)\s*:\s*['"`][^'"`]+['"`]/g)
        ].map(match => `${source.name}: ${match[0]}`));
        expect(raw).toEqual([]);
    });

    it('has every contributed title, setting and value description in French in package.nls.fr.json', () => {
        expect(Object.keys(nls.fr).sort()).toEqual(Object.keys(nls.en).sort());
        const english = Object.entries(nls.fr).filter(([, text]) => englishWords(text).length > 0).map(([key, text]) => `${key}: ${text} (${englishWords(text).join(', ')})`);
        expect(english).toEqual([]);
        // Every enum value of a setting has its description (VS Code shows it under the value).
        for (const [name, property] of Object.entries(manifest.contributes.configuration.properties as Record<string, { enum?: string[]; enumDescriptions?: string[]; additionalProperties?: { enum?: string[]; enumDescriptions?: string[] } }>)) {
            for (const target of [property, property.additionalProperties]) {
                if (!target?.enum) continue;
                expect(target.enumDescriptions?.length, name).toBe(target.enum.length);
            }
        }
    });
});
