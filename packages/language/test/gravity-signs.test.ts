import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { createCoopServices, loadAndValidate, RULES } from 'coop-language';
import { LocaleSetting } from '../src/i18n/locale.js';
import { DEFAULT_URGENT_DELAY_HOURS } from '../src/rules/r4011-1-4c-reorientation.js';

const CODE = 'signe-de-gravite-non-urgent';

/** A small protocol with a datum and a criterion marked « signe de gravité »; `steps` replaces the tree. */
function protocol(steps: string, extra = ''): string {
    return `protocole "Angine" {
    délégant mg : médecin
    délégué ide : infirmier
    donnée detresse "Difficulté respiratoire" : oui ou non source examen signe de gravité
    donnée temperature "Température" : nombre °C de 34 à 43
    patients {
        inclusion age : âge de 6 à 50 ans
        exclusion etat : "Altération de l'état général" signe de gravité
        exclusion grossesse : "Grossesse connue"
        retrait refus : "Refus de la patiente"
    }
    acte trod "Réaliser le TROD" { non dérogatoire  par ide }
    parcours {
${steps}
    }
${extra}
}`;
}

async function validate(text: string): Promise<{ diagnostics: Diagnostic[]; document: Awaited<ReturnType<typeof loadAndValidate>>[number]['document'] }> {
    const { shared } = createCoopServices(EmptyFileSystem);
    const [result] = await loadAndValidate(shared, [{ uri: URI.file('/g/p.coop'), text }]);
    return { diagnostics: result.diagnostics, document: result.document };
}

async function findings(text: string): Promise<string[]> {
    const { diagnostics } = await validate(text);
    expect(diagnostics.filter(d => d.code === 'syntaxe' || d.code === 'reference-inconnue').map(d => d.message)).toEqual([]);
    return diagnostics.filter(d => d.code === CODE).map(d => String(d.message));
}

const step = (situations: string) => `        étape accueil "Accueil" {
            par ide
${situations}
        }`;

describe('signe-de-gravite-non-urgent', () => {
    it('uses 24 h as the urgent delay when the protocol declares none', async () => {
        expect(DEFAULT_URGENT_DELAY_HOURS).toBe(24);
        expect(await findings(protocol(step('            si detresse : orienter vers mg sous 24 h\n            sinon : réaliser trod puis fin')))).toEqual([]);
        const [message] = await findings(protocol(step('            si detresse : orienter vers mg sous 7 jours\n            sinon : réaliser trod puis fin')));
        expect(message).toContain('sous 24 h au plus');
        expect(message).toContain('« orienter vers mg sous 7 jours »');
    });

    it('fires on several wordings of the defect', async () => {
        const wordings = [
            'si detresse : fin "Surveillance"',
            'si detresse = oui : orienter vers mg sous 72 h',
            'si temperature ≥ 39 °C ou detresse : orienter vers mg sous 2 jours',
            'si un critère d\'exclusion : orienter vers mg sous 3 j',
            'si etat : orienter vers mg',
            'si detresse : réaliser trod puis fin'
        ];
        for (const wording of wordings) {
            expect(await findings(protocol(step(`            ${wording}\n            sinon : réaliser trod puis fin`))), wording).toHaveLength(1);
        }
    });

    it('stays quiet where the sign is absent or the referral urgent', async () => {
        const wordings = [
            'si non detresse : réaliser trod puis fin',
            'si detresse = non : réaliser trod puis fin',
            'si aucun critère d\'exclusion : réaliser trod puis fin',
            'si un critère de retrait : orienter vers mg sous 7 jours',
            'si detresse : orienter vers urgences',
            'si detresse ou etat : orienter vers samu sous 0 min',
            'si temperature ≥ 39 °C : orienter vers mg sous 48 h'
        ];
        for (const wording of wordings) {
            expect(await findings(protocol(step(`            ${wording}\n            sinon : réaliser trod puis fin`))), wording).toEqual([]);
        }
    });

    it('follows « aller à » to the step that takes the patient, and a named criterion built on a sign', async () => {
        const through = protocol(`${step('            si detresse : aller à alerte\n            sinon : réaliser trod puis fin')}
        étape alerte "Alerte" {
            par ide
            si temperature ≥ 40 °C : orienter vers samu
            sinon : fin "Surveillance à domicile"
        }`);
        const [message] = await findings(through);
        expect(message).toContain('« fin "Surveillance à domicile" »');
        expect(await findings(through.replace('sinon : fin "Surveillance à domicile"', 'sinon : orienter vers mg sous 6 h'))).toEqual([]);
        const named = protocol(step('            si detresse-grave : orienter vers mg sous 7 jours\n            sinon : réaliser trod puis fin'))
            .replace('        retrait refus', '        retrait detresse-grave : detresse et temperature ≥ 38 °C\n        retrait refus');
        expect(await findings(named)).toHaveLength(1);
    });

    it('reads the declared urgent delay', async () => {
        const text = protocol(step('            si detresse : orienter vers mg sous 6 h\n            sinon : réaliser trod puis fin'), '    réorientations { délai urgent 2 h  situation s "Signes de gravité" vers urgences }');
        const [message] = await findings(text);
        expect(message).toContain('sous 2 h au plus');
        expect(await findings(text.replace('délai urgent 2 h', 'délai urgent 6 heures'))).toEqual([]);
    });

    it('quick fix: writes the urgent delay in place of a longer one, or adds it', async () => {
        for (const [written, expected] of [['orienter vers mg sous 7 jours', 'orienter vers mg sous 24 h'], ['orienter vers mg "Avis"', 'orienter vers mg sous 24 h "Avis"']]) {
            const text = protocol(step(`            si detresse : ${written}\n            sinon : réaliser trod puis fin`));
            const { diagnostics, document } = await validate(text);
            const diagnostic = diagnostics.find(d => d.code === CODE)!;
            const fix = RULES.find(rule => rule.code === CODE)!.quickFix!({ document, diagnostic, data: diagnostic.data as never, locale: new LocaleSetting() });
            expect(fix?.title).toBe('Réorienter sous 24 h (délai urgent)');
            const fixed = TextDocument.applyEdits(TextDocument.create('x', 'coop', 1, text), fix!.edits);
            expect(fixed).toContain(`si detresse : ${expected}`);
            expect(await findings(fixed)).toEqual([]);
        }
        const { diagnostics, document } = await validate(protocol(step('            si detresse : fin\n            sinon : réaliser trod puis fin')));
        const diagnostic = diagnostics.find(d => d.code === CODE)!;
        expect(RULES.find(rule => rule.code === CODE)!.quickFix!({ document, diagnostic, data: diagnostic.data as never, locale: new LocaleSetting() })).toBeUndefined();
    });

    it('never throws on a protocol cut anywhere', async () => {
        const text = protocol(`${step('            si detresse : aller à alerte\n            sinon : réaliser trod puis fin')}
        étape alerte "Alerte" {
            par ide
            sinon : aller à accueil
        }`, '    réorientations { délai urgent 2 h  situation s "Signes" signe de gravité vers mg sous 3 j }');
        for (let cut = 40; cut < text.length; cut += 23) {
            const { diagnostics } = await validate(text.slice(0, cut));
            expect(diagnostics.filter(d => /interne|internal/i.test(String(d.message))), `cut at ${cut}`).toEqual([]);
        }
        // A loop back is not urgent: the patient with the sign would come back to the same step.
        expect(await findings(text)).toHaveLength(2);
    }, 60_000);
});
