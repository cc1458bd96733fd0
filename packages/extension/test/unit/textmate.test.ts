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

    it('colours every keyword with or without its accents and in any case (the grammar lists one spelling)', () => {
        expect(generated.patterns.find(pattern => pattern.name?.startsWith('keyword.'))?.match).not.toMatch(/\bdelegant\b/);
        expect(keywords(fixed, 'delegant mg : medecin')).toEqual(['delegant']);
        expect(keywords(fixed, 'DÉLÉGUÉ ide : infirmier')).toEqual(['DÉLÉGUÉ']);
        expect(keywords(fixed, 'Delegue ide : infirmier')).toEqual(['Delegue']);
        expect(keywords(fixed, 'etape accueil { realiser acte-bu }')).toEqual(['etape', 'realiser']);
        expect(keywords(fixed, 'inclusion adulte : age de 16 a 65 ans')).toEqual(['inclusion', 'age', 'de', 'ans']);
        expect(keywords(fixed, 'systeme d’information {')).toEqual(['systeme', 'd’information']);
        expect(keywords(fixed, "système d'information {")).toEqual(['système', "d'information"]);
        expect(keywords(fixed, 'cadre etablissement, centre-de-sante')).toEqual(['cadre', 'etablissement', 'centre-de-sante']);
        expect(keywords(fixed, 'tracabilite "x" traçabilité "y"')).toEqual(['tracabilite', 'traçabilité']);
    });

    it('does not colour a word that only looks like a keyword without its accents', () => {
        expect(keywords(fixed, 'acte delegants "x"')).toEqual(['acte']);
        expect(keywords(fixed, 'acte deleguee-bis "x"')).toEqual(['acte']);
    });

    it('is idempotent and keeps the other rules', () => {
        expect(fixKeywordBoundaries(fixed)).toEqual(fixed);
        expect(fixed.patterns.length).toBe(generated.patterns.length);
        expect(fixed.patterns.filter(pattern => !pattern.name?.startsWith('keyword.'))).toEqual(generated.patterns.filter(pattern => !pattern.name?.startsWith('keyword.')));
    });
});
