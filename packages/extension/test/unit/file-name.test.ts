import { describe, expect, it } from 'vitest';
import { protocolFileName, titleOf } from '../../src/file-name.js';

describe('the name proposed when a new protocol is saved (issue 11 §7)', () => {
    it('comes from the title, never from the first line of code', () => {
        expect(protocolFileName('protocole "Cystite simple de la femme (18-65 ans)" {\n    type national\n}\n')).toBe('cystite-simple-de-la-femme-18-65-ans.coop');
        expect(protocolFileName('protocole "Titre du protocole" {\n')).toBe('titre-du-protocole.coop');
        expect(protocolFileName('protocole "Titre du protocole" {')).not.toMatch(/[{"\s]/);
    });

    it('keeps letters without accents, ligatures spelled out, in lower case', () => {
        expect(protocolFileName('protocole "Prise en charge de l\'œdème à domicile — Équipe" {')).toBe('prise-en-charge-de-l-oedeme-a-domicile-equipe.coop');
        expect(protocolFileName('// Brouillon\n/* équipe */\nprotocole "Entorse de cheville" {')).toBe('entorse-de-cheville.coop');
        expect(protocolFileName('équipe "MSP des Tilleuls" {')).toBe('msp-des-tilleuls.coop');
    });

    it('cuts a long title at a word; without a title, « nouveau-protocole »', () => {
        const name = protocolFileName(`protocole "${'Renouvellement des traitements chroniques '.repeat(4)}" {`);
        expect(name.length).toBeLessThanOrEqual(65);
        expect(name).toMatch(/^renouvellement-des-traitements-chroniques-[a-z-]*[a-z]\.coop$/);
        for (const text of ['', 'protocole', 'protocole "" {', 'protocole "   " {', 'protocole "¤¤" {', 'acte a']) expect(protocolFileName(text)).toBe('nouveau-protocole.coop');
        expect(titleOf('protocole "x')).toBeUndefined();
    });
});
