import { describe, expect, it } from 'vitest';
import { codes, validateWorkspace } from './helpers.js';

const RULES = ['avis-has-incomplet', 'arrete-incomplet', 'historique-hpst-incomplet'];

function national(gouvernance: string | undefined, statut = 'autorisé'): string {
    return `protocole "Prise en charge de la cystite" {
    identifiant PC-CYSTITE
    type national
    statut ${statut}
${gouvernance === undefined ? '' : `    gouvernance {\n${gouvernance}\n    }`}
}`;
}

async function found(text: string): Promise<string[]> {
    const { 'p.coop': diagnostics } = await validateWorkspace({ 'p.coop': text });
    expect(diagnostics.filter(d => d.code === 'syntaxe' || d.code === 'erreur-interne').map(d => d.message)).toEqual([]);
    return codes(diagnostics).filter(code => RULES.includes(code));
}

describe('national protocols: HAS opinion and arrêté (issue 10 §2)', () => {
    it('an authorised national protocol whose governance cites neither the HAS opinion nor the arrêté', async () => {
        expect(await found(national('        décision "CNCI" du 2019-11-02'))).toEqual(['avis-has-incomplet', 'arrete-incomplet']);
        expect(await found(national('        avis de la HAS numéro "2019.0090/AC/SA3P" du 2019-12-18 favorable'))).toEqual(['arrete-incomplet']);
        expect(await found(national('        arrêté du 2020-03-06 jo du 2020-03-08'))).toEqual(['avis-has-incomplet']);
    });

    it('a complete record is quiet, and so are protocols still written or without a governance block', async () => {
        expect(await found(national('        avis favorable de la HAS numéro "2019.0090/AC/SA3P" du 2019-12-18\n        arrêté du 2020-03-06 jo du 2020-03-08'))).toEqual([]);
        expect(await found(national('        avis "Haute Autorité de santé" numéro "2019.0090" du 2019-12-18 favorable\n        arrêté du 2019-12-18 jo du 2019-12-18'))).toEqual([]);
        expect(await found(national(undefined))).toEqual([]);
        expect(await found(national('        décision "CNCI" du 2019-11-02', 'soumis'))).toEqual([]);
    });

    it('an HPST protocol records its history: binding HAS opinion, then the ARS arrêté', async () => {
        const hpst = (lines: string) => national(`        régime hpst\n${lines}`, 'autorisé');
        expect(await found(hpst('        avis conforme de la HAS numéro "2011.0045" du 2011-09-14 favorable\n        arrêté ars du 2011-11-02'))).toEqual([]);
        expect(await found(hpst('        arrêté ars du 2011-11-02'))).toEqual(['historique-hpst-incomplet']);
        // A plain (not « conforme ») opinion is not the old regime's binding opinion.
        expect(await found(hpst('        avis de la HAS numéro "2011.0045" du 2011-09-14 favorable\n        arrêté ars du 2011-11-02'))).toEqual(['historique-hpst-incomplet']);
        expect(await found(hpst('        avis conforme de la HAS numéro "2011.0045" du 2011-09-14 favorable'))).toEqual(['historique-hpst-incomplet']);
        // Under the old regime, no ministerial arrêté is expected.
        expect(await found(hpst('        avis conforme has numéro "2011.0045" du 2011-09-14 favorable\n        arrêté ars du 2011-10-01 "ARS Île-de-France"'))).toEqual([]);
    });

    it('speaks English when asked', async () => {
        const { createCoopServices, loadAndValidate } = await import('coop-language');
        const { EmptyFileSystem, URI } = await import('langium');
        const { shared, Coop } = createCoopServices(EmptyFileSystem);
        Coop.i18n.Locale.current = 'en';
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/n/p.coop'), text: national('        avis has du 2019-12-18 favorable\n        arrêté du 2020-03-06') }]);
        const messages = result.diagnostics.filter(d => RULES.includes(String(d.code))).map(d => d.message);
        expect(messages).toEqual([
            expect.stringMatching(/^Missing the number of the HAS opinion/),
            'The arrêté does not state its publication in the Journal officiel (« jo du YYYY-MM-DD »).'
        ]);
    });
});
