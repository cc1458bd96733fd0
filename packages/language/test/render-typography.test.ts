import { describe, expect, test } from 'vitest';
import { NBSP, NNBSP, typesetModel, typography, typographyMarkdown, withoutNarrowSpace } from '../src/render/typography.js';

const show = (text: string) => text.replace(/\u202F/g, '⍽').replace(/\u00A0/g, '·');

describe('typography (French spacing of the dossier)', () => {
    test.each([
        ['Délégant « mg »', 'Délégant «⍽mg⍽»'],
        ['«texte»', '«⍽texte⍽»'],
        ['Orienter vers le médecin sous 24 h', 'Orienter vers le médecin sous 24·h'],
        ['Température ≥ 38 °C ou frissons', 'Température ≥·38·°C ou frissons'],
        ['seuil > 20 %', 'seuil >·20·%'],
        ['Qui : infirmier', 'Qui·: infirmier'],
        ['Note: à lire', 'Note·: à lire'],
        ['Pourquoi ? Parce que ; voilà !', 'Pourquoi⍽? Parce que⍽; voilà⍽!'],
        ['Vraiment?!', 'Vraiment⍽?!'],
        ['6 h de théorie, 5 cas, 1 000 patients', '6·h de théorie, 5·cas, 1·000·patients'],
        ['expérience 1 an', 'expérience 1·an'],
        ['16 à 65 ans', '16 à 65·ans']
    ])('%s', (input, expected) => {
        expect(show(typography(input, 'fr'))).toBe(expected);
    });

    test('is idempotent', () => {
        const once = typography('« Bandelette positive » : réaliser atb sous 24 h ; fin ?', 'fr');
        expect(typography(once, 'fr')).toBe(once);
        expect(typographyMarkdown(once, 'fr')).toBe(once);
    });

    test('leaves URLs, times and code alone', () => {
        expect(typography('voir https://www.has-sante.fr/?a=1 : page', 'fr')).toBe(`voir https://www.has-sante.fr/?a=1${NBSP}: page`);
        expect(typography('à 10:30', 'fr')).toBe('à 10:30');
        expect(typographyMarkdown('code `a ; b : c` et [lien](https://x.fr/?q=1) !', 'fr')).toBe(`code \`a ; b : c\` et [lien](https://x.fr/?q=1)${NNBSP}!`);
        expect(typographyMarkdown('<https://x.fr/a?b=1>', 'fr')).toBe('<https://x.fr/a?b=1>');
    });

    test('keeps a Markdown escape next to its sign', () => {
        expect(typographyMarkdown('Attention\\!', 'fr')).toBe(`Attention${NNBSP}\\!`);
    });

    test('English text only gets the number–unit rule', () => {
        expect(typography('Refer "now": within 24 h; why?', 'en')).toBe(`Refer "now": within 24${NBSP}h; why?`);
    });

    test('typesets a model but not its identifiers and codes', () => {
        const model = typesetModel({
            title: 'Arbre « principal »',
            meta: { identifier: 'PC-CYSTITE : x' },
            notes: [{ code: 'a : b', message: 'Manque : x', kind: 'error' }],
            content: { markdown: 'Dans les 48 h **au plus** : `x : y`' },
            tag: 'fievre : x'
        }, 'fr');
        expect(show(model.title)).toBe('Arbre «⍽principal⍽»');
        expect(model.meta.identifier).toBe('PC-CYSTITE : x');
        expect(model.notes[0].code).toBe('a : b');
        expect(show(model.notes[0].message)).toBe('Manque·: x');
        expect(show(model.content.markdown)).toBe('Dans les 48·h **au plus**·: `x : y`');
        expect(model.tag).toBe('fievre : x');
    });

    test('the PDF font lacks U+202F: it becomes U+00A0', () => {
        expect(withoutNarrowSpace(`«${NNBSP}a${NNBSP}»`)).toBe(`«${NBSP}a${NBSP}»`);
    });
});
