import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { createCoopServices, loadAndValidate, RULES } from 'coop-language';
import { LocaleSetting } from '../src/i18n/locale.js';
import { codes, validateWorkspace } from './helpers.js';
import { resourceId } from '../src/rules/r4011-1-4c-reorientation.js';

function protocol(action: string, extra = ''): string {
    return `protocole "Cystite simple" {
    type local
    cadre msp
    délégant mg : médecin
    délégué ide : infirmier
    acte bu "Bandelette urinaire" { non dérogatoire  par ide }
    parcours {
        étape accueil "Recueil" {
            par ide
            si "Symptômes atypiques" : ${action}
            sinon : réaliser bu puis fin
        }
    }
${extra}
}`;
}

async function codesOf(text: string): Promise<string[]> {
    const { 'p.coop': diagnostics } = await validateWorkspace({ 'p.coop': text });
    return codes(diagnostics);
}

describe('destinataire-non-declare: several wordings', () => {
    for (const action of ['orienter vers "cardiologue" sous 7 j', 'orienter vers "Médecin traitant" sous 48 h "Avis"', 'orienter vers "SOS Médecins"']) {
        it(`fires on ${action}`, async () => expect(await codesOf(protocol(action))).toContain('destinataire-non-declare'));
    }
    for (const [action, extra] of [
        ['orienter vers mt sous 48 h', '    ressource mt "Médecin traitant"'],
        ['orienter vers sos sous 2 h', '    ressource sos "SOS Médecins de l\'agglomération"'],
        ['orienter vers mg sous 24 h', '']
    ]) {
        it(`stays quiet on ${action}`, async () => {
            const found = await codesOf(protocol(action, extra));
            expect(found).not.toContain('destinataire-non-declare');
            expect(found).not.toContain('reference-inconnue');
            // A resource is not the délégant: no delay is required of it.
            expect(found).not.toContain('reorientation-sans-delai');
        });
    }

    it('names resources readably', () => {
        expect(resourceId('Sage-femme de la CPTS')).toBe('sage-femme-cpts');
        expect(resourceId('médecin traitant')).toBe('medecin-traitant');
        expect(resourceId('15')).toBe('ressource-15');
    });

    it('quick fix declares the resource once and refers to it; the result is clean', async () => {
        const text = protocol('orienter vers "Cardiologue de garde" sous 7 j');
        const { shared } = createCoopServices(EmptyFileSystem);
        const uri = URI.file('/fix/p.coop');
        const [result] = await loadAndValidate(shared, [{ uri, text }]);
        const diagnostic = result.diagnostics.find(d => d.code === 'destinataire-non-declare')!;
        const rule = RULES.find(r => r.code === 'destinataire-non-declare')!;
        const fix = rule.quickFix!({ document: result.document, diagnostic, data: diagnostic.data as never, locale: new LocaleSetting() });
        expect(fix?.title).toBe('Déclarer la ressource « cardiologue-garde » et orienter vers elle');
        const fixed = TextDocument.applyEdits(TextDocument.create('x', 'coop', 1, text), fix!.edits);
        expect(fixed).toContain('ressource cardiologue-garde "Cardiologue de garde"');
        expect(fixed).toContain('orienter vers cardiologue-garde sous 7 j');
        const after = await codesOf(fixed);
        expect(after).not.toContain('destinataire-non-declare');
        expect(after).not.toContain('syntaxe');
        expect(after).not.toContain('reference-inconnue');
    });
});
