// The keyword rule of the TextMate grammar, once fixed by scripts/textmate.mjs, colours accented
// keywords and leaves the keywords inside coop names alone. Checked with JavaScript's regular
// expressions, which read these look-arounds and \p{…} classes as Oniguruma (VS Code) does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript build script, no declarations.
import { fixKeywordBoundaries } from '../../scripts/textmate.mjs';

type Grammar = { patterns: Array<{ name?: string; match?: string }> };

const generated = JSON.parse(readFileSync(new URL('../../syntaxes/coop.tmLanguage.json', import.meta.url), 'utf8')) as Grammar;

function keywordRegExp(grammar: Grammar): RegExp {
    const rule = grammar.patterns.find(pattern => pattern.name?.startsWith('keyword.'));
    if (!rule?.match) throw new Error('no keyword rule');
    const caseInsensitive = rule.match.startsWith('(?i)');
    return new RegExp(rule.match.replace(/^\(\?i\)/, ''), caseInsensitive ? 'giu' : 'gu');
}

const keywords = (grammar: Grammar, text: string) => [...text.matchAll(keywordRegExp(grammar))].map(match => match[0]);

describe('TextMate grammar', () => {
    const fixed = fixKeywordBoundaries(generated) as Grammar;

    it('colours keywords that start or end with an accented letter', () => {
        expect(keywords(fixed, 'délégué ide : infirmier')).toEqual(['délégué']);
        expect(keywords(fixed, 'inclusion adulte : âge de 16 à 65 ans')).toEqual(['inclusion', 'âge', 'de', 'ans']);
        expect(keywords(fixed, '    étape accueil "Accueil" {')).toEqual(['étape']);
        expect(keywords(fixed, 'Étape x')).toEqual(['Étape']);
    });

    it('leaves keywords inside names alone', () => {
        expect(keywords(fixed, 'réaliser acte-bu puis aller à examen')).toEqual(['réaliser', 'puis', 'aller']);
        expect(keywords(fixed, 'formation f-ide pour ide')).toEqual(['formation', 'pour']);
    });

    it('is idempotent and keeps the other rules', () => {
        expect(fixKeywordBoundaries(fixed)).toEqual(fixed);
        expect(fixed.patterns.length).toBe(generated.patterns.length);
        expect(fixed.patterns.filter(pattern => !pattern.name?.startsWith('keyword.'))).toEqual(generated.patterns.filter(pattern => !pattern.name?.startsWith('keyword.')));
    });
});
