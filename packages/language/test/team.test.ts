import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { expectCompletion, expectHover, expectSymbols, testCodeAction } from 'langium/test';
import {
    addMonths, appliedProtocol, catalogueEntries, finessFormatOk, isEquipe, loadAndValidate, rppsFormatOk
} from 'coop-language';
import { createLspTestServices } from './lsp-helpers.js';

let services: Awaited<ReturnType<typeof createLspTestServices>>;
const disposables: Array<{ dispose(): Promise<void> }> = [];
beforeAll(async () => { services = await createLspTestServices(); });
afterEach(async () => { for (const d of disposables.splice(0)) await d.dispose(); });
const keep = <T extends { dispose(): Promise<void> }>(d: T) => { disposables.push(d); return d; };

const TEAM = readFileSync('examples/equipe-msp-cystite.coop', 'utf8');
let counter = 0;

async function validate(files: Record<string, string>) {
    const prefix = `/team-test-${counter++}/`;
    const inputs = Object.entries(files).map(([name, text]) => ({ uri: URI.file(prefix + name), text }));
    const results = await loadAndValidate(services.shared, inputs);
    return { results, dispose: () => inputs.forEach(input => services.shared.workspace.LangiumDocuments.deleteDocument(input.uri)) };
}

describe('national catalogue', () => {
    it('ships the national protocols of the notes with their facts and sources', () => {
        const entries = catalogueEntries(services.shared.workspace.LangiumDocuments);
        const names = entries.map(entry => entry.name);
        expect(names).toEqual(expect.arrayContaining(['cystite', 'odynophagie', 'ioa-imagerie', 'domicile', 'bilan-visuel-enfant', 'entorse-cheville']));
        const cystite = entries.find(entry => entry.name === 'cystite')!;
        expect(cystite.versions.map(v => [v.label, v.arrete, v.replaces])).toEqual([['2020', '2020-03-06', undefined], ['2023', '2023-03-09', '2020']]);
        expect(cystite.delegues.flatMap(d => d.professions)).toEqual(['infirmier', 'pharmacien']);
        expect(cystite.ordinaryLaw).toEqual([expect.objectContaining({ profession: 'pharmacien', since: '2024-06-17', reliability: 'vérifié' })]);
        expect(cystite.state?.value).toBe('en-vigueur');
        for (const entry of entries) {
            for (const fact of [...entry.versions, ...entry.delegants, ...entry.delegues, ...entry.settings, ...entry.financing, ...entry.ordinaryLaw]) {
                expect(fact.source, entry.name).toBeTruthy();
                expect(['vérifié', 'rappel', 'déduit'], entry.name).toContain(fact.reliability);
            }
        }
    });

    it('lets a workspace catalogue add and override national protocols, but not professions', async () => {
        const own = `catalogue {
    protocole-national cystite "Cystite (version de la CPTS)" {
        délégant médecin source "test" vérifié
        délégué infirmier source "test" vérifié
        cadre cpts source "test" vérifié
    }
    protocole-national plaies-chroniques "Suivi des plaies chroniques" {
        délégant médecin
        délégué infirmier
    }
}`;
        const { results, dispose } = await validate({ 'catalogue.coop': own });
        try {
            expect(results[0].diagnostics.filter(d => d.severity === 1)).toEqual([]);
            const entries = catalogueEntries(services.shared.workspace.LangiumDocuments);
            expect(entries.find(entry => entry.name === 'cystite')!.title).toBe('Cystite (version de la CPTS)');
            expect(entries.find(entry => entry.name === 'plaies-chroniques')!.origin).toMatch(/catalogue\.coop$/);
        } finally {
            dispose();
        }
        const refused = await validate({ 'catalogue.coop': 'catalogue { profession sorcier "Sorcier" article L4111-1 }' });
        expect(refused.results[0].diagnostics.map(d => d.code)).toContain('catalogue-reserve');
        refused.dispose();
    });
});

describe('team files', () => {
    it('parse and resolve a national protocol and a local one', async () => {
        const local = readFileSync('examples/insuline-adaptation-doses.coop', 'utf8');
        const { results, dispose } = await validate({ 'equipe.coop': TEAM, 'local.coop': local, 'equipe-ch.coop': readFileSync('examples/equipe-ch-insuline.coop', 'utf8') });
        try {
            const [national, , localTeam] = results.map(result => result.document.parseResult.value);
            expect(isEquipe(national) && appliedProtocol(national, services.shared.workspace.LangiumDocuments)?.kind).toBe('national');
            expect(isEquipe(localTeam) && appliedProtocol(localTeam, services.shared.workspace.LangiumDocuments)?.kind).toBe('local');
            expect(results[0].diagnostics).toEqual([]);
            expect(results[2].diagnostics).toEqual([]);
            const structure = isEquipe(national) ? national.elements.find(e => e.$type === 'StructureEquipe') : undefined;
            expect(structure && 'finess' in structure ? structure.finess : undefined).toBe('690012345');
        } finally {
            dispose();
        }
    });

    it('keep the leading zeros of numbers and accept quoted Corsican FINESS numbers', () => {
        expect(finessFormatOk('010004567')).toBe(true);
        expect(finessFormatOk('2A0001234')).toBe(true);
        expect(finessFormatOk('2C0001234')).toBe(false);
        expect(finessFormatOk('12345678')).toBe(false);
        expect(rppsFormatOk('10001234567')).toBe(true);
        expect(rppsFormatOk('1000123456')).toBe(false);
        expect(rppsFormatOk('1000123456A')).toBe(false);
    });

    it('add maintenance periods in calendar months', () => {
        expect(addMonths('2024-09-05', 12)).toBe('2025-09-05');
        expect(addMonths('2024-01-31', 1)).toBe('2024-03-02');
        expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    });
});

describe('team files in the editor', () => {
    it('completes the applied protocol with the national and local protocols', async () => {
        keep(await expectCompletion(services.Coop)({
            text: 'équipe "T" applique <|>',
            index: 0,
            assert: list => {
                const labels = list.items.map(item => item.label);
                expect(labels).toEqual(expect.arrayContaining(['cystite', 'odynophagie', 'domicile']));
                expect(list.items.find(item => item.label === 'cystite')!.detail).toMatch(/^Protocole national — Cystite/);
            }
        }));
    });

    it('shows the catalogue entry when hovering the applied protocol', async () => {
        keep(await expectHover(services.Coop)({
            text: TEAM.replace('applique cystite', 'applique cys<|>tite'),
            index: 0,
            hover: /protocole national `cystite`[\s\S]*État : en vigueur[\s\S]*arrêté du 2023-03-09[\s\S]*Droit commun pour pharmacien depuis le 2024-06-17/
        }));
    });

    it('outlines the team: structure, people and attestations', async () => {
        keep(await expectSymbols(services.Coop)({
            text: TEAM,
            assert: symbols => {
                expect(symbols[0].name).toBe('MSP des Tilleuls — pollakiurie et brûlures mictionnelles');
                expect(symbols[0].children!.map(child => child.name)).toEqual([
                    'Structure déclarante', 'Référent de la déclaration', 'Représentant légal', 'Début de mise en œuvre', 'Date',
                    'Paul Durand', 'Lise Nguyen', 'Claire Martin', 'Julie Bernard', 'Attestations sur l\'honneur'
                ]);
            }
        }));
    });

    it('adds the missing sections of a declaration', async () => {
        const before = 'équipe "T" applique cystite {\n    membre "A" "B" : médecin délégant\n}';
        const result = keep(await testCodeAction(services.Coop)(before, 'equipe-rubrique-absente',
            'équipe "T" applique cystite {\n    structure "Nom de la structure" type msp finess 000000000\n    référent "Prénom Nom" qualité "Coordinatrice" contact "courriel ou téléphone"\n'
            + '    représentant "Prénom Nom" qualité "Président de la structure" contact "courriel"\n    début 2025-01-01\n    membre "A" "B" : médecin délégant\n}'));
        expect(result.action!.title).toBe('Ajouter les rubriques manquantes de la déclaration');
    });

    it('adds the missing sworn statements to the block', async () => {
        keep(await testCodeAction(services.Coop)(
            'équipe "T" applique cystite {\n    attestations {\n        adhésion-volontaire\n    }\n}', 'equipe-attestation-manquante',
            'équipe "T" applique cystite {\n    attestations {\n        travail-en-équipe\n        avis-obtenus "Avis et décisions obtenus"\n        adhésion-volontaire\n    }\n}'));
    });

    it('replaces a misspelt applied protocol with the nearest one', async () => {
        keep(await testCodeAction(services.Coop)(TEAM.replace('applique cystite', 'applique cistite'), 'equipe-protocole-introuvable', TEAM));
    });
});

describe('team file dates', () => {
    it('reports impossible dates of a team file', async () => {
        const text = 'équipe "T" applique cystite {\n    début 2025-02-30\n    membre "A" "B" : infirmier délégué { engagement 2025-13-01  formation f le 2024-04-31 }\n}';
        const { results, dispose } = await validate({ 'equipe.coop': text });
        try {
            expect(results[0].diagnostics.filter(d => d.code === 'date-invalide').map(d => d.message)).toEqual([
                'La date 2025-02-30 n\'existe pas (format AAAA-MM-JJ).',
                'La date 2025-13-01 n\'existe pas (format AAAA-MM-JJ).',
                'La date 2024-04-31 n\'existe pas (format AAAA-MM-JJ).'
            ]);
        } finally {
            dispose();
        }
    });
});

describe('team files follow the protocol they apply', () => {
    it('are revalidated when the local protocol changes or disappears', async () => {
        const local = readFileSync('examples/insuline-adaptation-doses.coop', 'utf8');
        const team = readFileSync('examples/equipe-ch-insuline.coop', 'utf8');
        const { results, dispose } = await validate({ 'local.coop': local, 'equipe.coop': team });
        try {
            expect(results[1].diagnostics).toEqual([]);
            await services.shared.workspace.DocumentBuilder.update([], [results[0].document.uri]);
            const after = services.shared.workspace.LangiumDocuments.getDocument(results[1].document.uri)!;
            expect((after.diagnostics ?? []).map(d => d.code)).toContain('equipe-protocole-introuvable');
        } finally {
            dispose();
        }
    });
});
