import { describe, expect, it } from 'vitest';
import type { CoopDiagnosticData } from 'coop-language';
import { EmptyFileSystem } from 'langium';
import { validationHelper } from 'langium/test';
import { createCoopServices } from 'coop-language';
import { codes, languageOnly, noReview, protocol, validateWorkspace } from './helpers.js';

async function diagnosticsOf(text: string) {
    return languageOnly((await validateWorkspace({ 'p.coop': text }))['p.coop']);
}

describe('linking', () => {
    it('resolves every reference of a complete protocol', async () => {
        expect(await diagnosticsOf(protocol())).toEqual([]);
    });

    const cases: Array<[string, Record<string, string>, RegExp]> = [
        ['an unknown profession', { 'délégant mg : médecin': 'délégant mg : medicin' }, /Profession « medicin » introuvable\. Vouliez-vous dire « médecin » \?/],
        ['an unknown derogated article', { 'dérogatoire à L4161-1': 'dérogatoire à L9999-1' }, /Article dérogeable .* « L9999-1 » introuvable/],
        ['an unknown act in a decision tree', { 'réaliser atb puis fin': 'réaliser antibio puis fin' }, /Acte « antibio » introuvable/],
        ['an unknown step', { 'puis aller à decision': 'puis aller à décisions' }, /Étape « décisions » introuvable\. Vouliez-vous dire « decision » \?/],
        ['an unknown délégué performing an act', { 'non dérogatoire  par ide': 'non dérogatoire  par infirmiere' }, /Délégué « infirmiere » introuvable/],
        ['an unknown délégant in a referral', { 'orienter vers mg sous 24 h': 'orienter vers dr sous 24 h' }, /Destinataire « dr » introuvable/],
        ['an unknown act covered by a training', { 'couvre bu, atb': 'couvre bu, atb, ecg' }, /Acte « ecg » introuvable/]
    ];
    for (const [label, replace, message] of cases) {
        it(`reports ${label} as reference-inconnue, in French`, async () => {
            const diagnostics = await diagnosticsOf(protocol('', replace));
            expect(codes(diagnostics)).toEqual(['reference-inconnue']);
            expect(diagnostics[0].message).toMatch(message);
            expect(diagnostics[0].severity).toBe(1);
        });
    }

    it('carries the suggestion for the quick fix', async () => {
        const [diagnostic] = await diagnosticsOf(protocol('', { 'délégué ide : infirmier': 'délégué ide : infirmer' }));
        expect((diagnostic.data as CoopDiagnosticData).suggestion).toBe('infirmier');
    });

    it('accepts professions written without accents', async () => {
        expect(await diagnosticsOf(protocol('délégué kine : masseur-kinesitherapeute'))).toEqual([]);
    });

    it('resolves library elements used from another file, and reports unknown ones', async () => {
        const library = 'bibliothèque "Commun" { module m-trod "Module TROD" { théorie 2 h } référence has-1 "Reco" auteur "HAS" année 2020 has }';
        const ok = await validateWorkspace({
            'commun.coop': library,
            'p.coop': protocol('utilise has-1', { 'couvre bu, atb': 'couvre bu, atb module m-trod' })
        });
        expect(ok['commun.coop']).toEqual([]);
        expect(languageOnly(ok['p.coop'])).toEqual([]);
        const ko = await validateWorkspace({ 'commun.coop': library, 'p.coop': protocol('utilise has-2') });
        expect(codes(languageOnly(ko['p.coop']))).toEqual(['reference-inconnue']);
    });

    it('keeps the names of one protocol out of another protocol', async () => {
        const result = await validateWorkspace({
            'a.coop': protocol(),
            'b.coop': protocol('', { 'réaliser atb puis fin': 'réaliser autre puis fin', 'acte atb': 'acte autre' })
        });
        expect(noReview(result['a.coop'])).toEqual([]);
        expect(codes(languageOnly(result['b.coop']))).toEqual(['reference-inconnue']); // `couvre bu, atb` in b: atb is a's
    });
});

describe('catalogue before indexing', () => {
    it('resolves professions and articles even when the catalogue is not indexed yet', async () => {
        const { Coop } = createCoopServices(EmptyFileSystem);
        const result = await validationHelper(Coop)(protocol());
        expect(languageOnly(result.diagnostics)).toEqual([]);
    });
});
