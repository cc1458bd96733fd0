import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../src/model/text.js';

/** The definition of the fold, on the whole text at once (model/text.ts folds Latin text a character at a time). */
const reference = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/’/g, '\'').toLowerCase();

describe('fold', () => {
    it('folds French text: accents, case, ligatures kept, typographic apostrophe', () => {
        expect(fold('Délégué À Domicile')).toBe('delegue a domicile');
        expect(fold('Œdème du cœur, l’infirmière')).toBe('œdeme du cœur, l\'infirmiere');
        expect(fold('ÇA')).toBe('ca');
        expect(fold('déjà')).toBe('deja');
        expect(fold('')).toBe('');
        expect(fold(undefined)).toBe('');
    });

    it('equals the whole-text definition on any text (Latin letters, combining accents, other scripts)', () => {
        const alphabet = [...'aAzZéÉèàÀçÇœŒæßİıǄǅǆ’\'- .,1', '\u0301', '\u0327', 'ς', 'Σ', 'Ω', 'й', 'Й', '\u00a0', 'ﬁ', '😀'];
        fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), chars => {
            const text = chars.join('');
            expect(fold(text)).toBe(reference(text));
        }), { numRuns: 3000 });
        for (let code = 0; code < 0x10000; code++) {
            const text = `x${String.fromCharCode(code)}Y`;
            expect(fold(text), `U+${code.toString(16)}`).toBe(reference(text));
        }
    });
});
