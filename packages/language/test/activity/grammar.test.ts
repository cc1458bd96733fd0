import { describe, expect, test } from 'vitest';
import { activityProtocol, isProtocole } from '../../src/index.js';
import { codes, createTestServices, languageOnly, protocol, validator } from '../helpers.js';

// The grammar the yearly report reads (issue 13): counts over journal events in an indicator's
// numerator and denominator, and the financing of the `modèle économique`.

describe('indicators counted over the activity journal', () => {
    test('numerator and denominator with or without words, restricted to acts', async () => {
        const services = await createTestServices();
        const text = protocol(`
    indicateur orientations "Taux d'orientation" {
        nature taux
        numérateur "Patientes orientées vers le médecin" compte orientations
        dénominateur compte inclusions
        objectif < 20 %
        seuil > 25 %
        périodicité annuelle
    }
    indicateur echec-atb "Reprises après prescription" {
        nature taux
        numérateur compte reprises de atb
        dénominateur "Prescriptions par le délégué" compte actes de atb, bu
        périodicité annuelle
    }`, { 'modèle économique "Forfait"': `modèle économique "Forfait par patient" {
        forfait 25 € par patient compte inclusions, reprises non cumulable lendemain
        forfait 370 € par patient par an répartition infirmier 310 €, médecin 60 €
        prime 100 € par mois par délégué
    }` });
        const result = await validator(services)(text);
        expect(languageOnly(result.diagnostics).map(d => `${String(d.code)} ${d.message}`)).toEqual([]);
        const root = result.document.parseResult.value.$type === 'Protocole' ? result.document.parseResult.value : undefined;
        if (!root || !isProtocole(root)) throw new Error('not a protocol');
        const info = activityProtocol(root);
        expect(info.indicators.find(i => i.name === 'orientations')).toMatchObject({
            numerator: { kind: 'orientations' }, denominator: { kind: 'inclusions' }, numeratorText: 'Patientes orientées vers le médecin',
            objective: { operator: '<', value: 20, percent: true, text: '< 20 %' }, threshold: { operator: '>', value: 25 }
        });
        expect(info.indicators.find(i => i.name === 'echec-atb')).toMatchObject({ numerator: { kind: 'reprises', actes: ['atb'] }, denominator: { kind: 'actes', actes: ['atb', 'bu'] } });
        expect(info.financing).toMatchObject({
            forfaits: [
                { amount: 25, perYear: false, counts: ['inclusions', 'reprises'], noCombineDays: 1, split: [] },
                { amount: 370, perYear: true, counts: ['inclusions'], split: [{ who: 'infirmier', amount: 310 }, { who: 'médecin', amount: 60 }] }
            ],
            prime: { amount: 100 }
        });
    });

    test('an act named in a count must exist (linking error)', async () => {
        const services = await createTestServices();
        const result = await validator(services)(protocol(`
    indicateur x "Taux" { nature taux  numérateur compte reprises de echographie  dénominateur compte actes  périodicité annuelle }`));
        expect(codes(languageOnly(result.diagnostics))).toContain('reference-inconnue');
        expect(result.diagnostics.some(d => String(d.message).includes('echographie'))).toBe(true);
    });

    test('a count needs a known event kind', async () => {
        const services = await createTestServices();
        const result = await validator(services)(protocol(`
    indicateur x "Taux" { nature taux  numérateur compte visites  dénominateur compte actes  périodicité annuelle }`));
        expect(result.diagnostics.some(d => d.code === 'syntaxe')).toBe(true);
    });
});

describe('the dossier shows the legal definition an indicator refers to', () => {
    test('« exigence reprise  définition légale »: numerator and denominator of D.4011-4-1 in the indicator sheet', async () => {
        const { buildDocumentModel } = await import('../../src/index.js');
        const services = await createTestServices();
        const text = protocol('', {
            'indicateur reprise "Taux de reprise" { exigence reprise  numérateur "Actes repris par le délégant"  dénominateur "Actes réalisés par le délégué"  périodicité annuelle }':
                'indicateur reprise "Taux de reprise" { exigence reprise  définition légale  objectif < 20 %  périodicité annuelle }'
        });
        expect(text).toContain('définition légale');
        const result = await validator(services)(text);
        expect(codes(result.diagnostics).filter(code => code.startsWith('indicateur') || code === 'definition-legale-sans-exigence')).toEqual([]);
        const model = buildDocumentModel(result.document, services.Coop);
        const json = JSON.stringify(model);
        expect(json).toContain('Actes réalisés par le délégant à la demande du délégué');
        expect(json).toContain('Taux de reprise par les délégants (art. D.4011-4-1)');
    });
});
