import { parseHelper } from 'langium/test';
import { beforeAll, describe, expect, it } from 'vitest';
import { isValidDate, numberProblem, usableNumber } from '../src/model/values.js';
import { createTestServices, protocol, validator, type TestServices } from './helpers.js';
import { createLspTestServices } from './lsp-helpers.js';

describe('invalid values are diagnostics', () => {
    let services: TestServices;
    let validate: ReturnType<typeof validator>;
    beforeAll(async () => {
        services = await createTestServices();
        validate = validator(services);
    });
    const found = async (text: string, code: string) => (await validate(text)).diagnostics.filter(d => d.code === code).map(d => d.message);

    it('impossible dates: 1234-56-78, 2023-02-30 (issue 15), but not 2024-02-29', async () => {
        expect(await found('protocole""date 1234-56-78', 'date-invalide')).toEqual(['La date 1234-56-78 n\'existe pas (format AAAA-MM-JJ).']);
        expect(await found(protocol('date 2023-02-30'), 'date-invalide')).toEqual(['La date 2023-02-30 n\'existe pas (format AAAA-MM-JJ).']);
        expect(await found(protocol('date 2024-02-29'), 'date-invalide')).toEqual([]);
        expect(await found(protocol('gouvernance { avis cme du 2025-13-01 }'), 'date-invalide')).toEqual(['La date 2025-13-01 n\'existe pas (format AAAA-MM-JJ).']);
        expect(isValidDate('2024-02-29')).toBe(true);
        expect(isValidDate('2023-02-29')).toBe(false);
        expect(isValidDate(undefined)).toBe(false);
        expect(isValidDate('2023-2-3')).toBe(false);
    });

    it('a number too long to be read, shown as written (shortened), never as « Infinity »', async () => {
        const digits = '9'.repeat(400);
        const messages = await found(protocol('', { 'expérience 1 an': `expérience ${digits} ans` }), 'nombre-invalide');
        expect(messages).toEqual([`Le nombre 999999999999…9999 ne peut pas être retenu : ce nombre est trop grand pour être lu.`]);
    });

    it('ages beyond 130 years (1,560 months) and years outside 1900–2100', async () => {
        expect(await found(protocol('', { 'âge de 16 à 65 ans': 'âge de 16 à 650 ans' }), 'nombre-invalide'))
            .toEqual(['Le nombre 650 ne peut pas être retenu : un âge va de 0 à 130 ans.']);
        expect(await found(protocol('', { 'âge de 16 à 65 ans': 'âge de 3 à 24 mois' }), 'nombre-invalide')).toEqual([]);
        expect(await found(protocol('', { 'année 2021': 'année 20211' }), 'nombre-invalide'))
            .toEqual(['Le nombre 20211 ne peut pas être retenu : une année va de 1900 à 2100.']);
        expect(await found(protocol(), 'nombre-invalide')).toEqual([]);
    });

    it('a missing unit is one error that says so, and rules do not read the half-written value', async () => {
        const diagnostics = (await validate('protocole "x" { patients { inclusion a1 : âge de 8 à 10\n exclusion b : âge de 0 à 100 ans } }')).diagnostics;
        // `âge de 8 à 10` reads as a comparison over a datum « âge »: one error, that says the unit is missing.
        expect(diagnostics.filter(d => d.code === 'syntaxe' || d.code === 'reference-inconnue').map(d => d.message))
            .toEqual(['Il manque l\'unité de l\'âge : écrivez par exemple « âge de 8 à 10 ans », « âge ≥ 18 ans » ou « âge de 3 à 36 mois ».']);
        expect(diagnostics.filter(d => d.code === 'criteres-contradictoires' || d.code === 'tranche-age-invalide')).toEqual([]);
    });

    it('the predicates used downstream', () => {
        expect(numberProblem(Infinity, 'nombre')?.fr).toBe('ce nombre est trop grand pour être lu');
        expect(numberProblem(12, 'nombre')).toBeUndefined();
        expect(usableNumber(Infinity)).toBeUndefined();
        expect(usableNumber(NaN)).toBeUndefined();
        expect(usableNumber(3)).toBe(3);
    });

    it('the hover of a reference never shows an impossible year', async () => {
        const lsp = await createLspTestServices();
        const text = protocol('', { 'référence rbp "Recommandation" auteur "HAS" année 2021 has': `référence rbp "Recommandation" auteur "HAS" année ${'9'.repeat(30)} has` });
        const document = await parseHelper(lsp.Coop)(text, { validation: true });
        const line = text.split('\n').findIndex(l => l.includes('référence rbp'));
        const character = text.split('\n')[line].indexOf('rbp') + 1;
        const hover = await lsp.Coop.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: { line, character } });
        const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
        expect(value).toContain('Recommandation');
        expect(value).not.toMatch(/e\+|Infinity|999/);
    });
});
