import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createCoopServices, loadAndValidate, isConformityResult, isExportParams, isPreviewParams, isDocumentParams, LocaleSetting, RuleSettings } from 'coop-language';
import { CoopSettingsService } from '../src/lsp/settings-service.js';
import { conformityOf, CoopRequestFailure, declarationOf, exportOf, previewOf } from '../src/lsp/coop-requests.js';
import { isDeclarationResult } from '../src/protocol/coop-protocol.js';
import { changeProblem, documentProblem, openProblem } from '../src/lsp/guarded-connection.js';

const CYSTITE = readFileSync(new URL('../../../examples/cystite-femme.coop', import.meta.url), 'utf8');

function settings() {
    const target = { Locale: new LocaleSetting(), RuleSettings: new RuleSettings() };
    return { target, service: new CoopSettingsService(target) };
}

describe('settings service (no connection)', () => {
    it('follows the client locale while coop.language is auto, and the setting otherwise', () => {
        const { target, service } = settings();
        service.initialize({ locale: 'en-GB', language: 'auto' });
        expect(target.Locale.current).toBe('en');
        expect(service.update({ language: 'fr' })).toBe(true);
        expect(target.Locale.current).toBe('fr');
        expect(service.update({ language: 'fr' })).toBe(false);
        // A missing key is back to its default: auto, i.e. the client's language.
        expect(service.update({})).toBe(true);
        expect(target.Locale.current).toBe('en');
    });

    it('takes the LSP locale of a client without initialization options', () => {
        const { target, service } = settings();
        service.initialize(undefined, 'en');
        expect(target.Locale.current).toBe('en');
    });

    it('merges coop.config.json under the coop.rules setting', () => {
        const { target, service } = settings();
        service.initialize({ locale: 'fr', rules: { 'ordre-du-modele': 'error' } });
        const { diagnostics, changed } = service.setConfigText('{ "rules": { "ordre-du-modele": "off", "cadre-absent": "warning" } }');
        expect(diagnostics).toEqual([]);
        expect(changed).toBe(true);
        expect(service.effective.rules).toEqual({ 'ordre-du-modele': 'error', 'cadre-absent': 'warning' });
        expect(target.RuleSettings.levelOf('ordre-du-modele')).toBe('error');
        expect(target.RuleSettings.levelOf('cadre-absent')).toBe('warning');
    });

    it('reports a broken coop.config.json as a French diagnostic and ignores its rules', () => {
        const { service } = settings();
        service.setConfigText('{ "rules": { "ordre-du-modele": "off" } }');
        const { diagnostics } = service.setConfigText('{ "rules": { "pas-une-regle": "off" } }');
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0].message).toMatch(/pas-une-regle/);
        expect(diagnostics[0].range.start.line).toBe(0);
        expect(service.effective.rules).toEqual({});
    });

    it('ignores invalid settings with a French warning, never a crash', () => {
        const { target, service } = settings();
        service.initialize({ locale: 'fr', language: 42, rules: { 'ordre-du-modele': 'sometimes', 'cadre-absent': 'info' } });
        expect(target.Locale.current).toBe('fr');
        expect(service.effective.rules).toEqual({ 'cadre-absent': 'info' });
        const warnings = service.takeWarnings();
        expect(warnings).toHaveLength(2);
        expect(warnings.join('\n')).toMatch(/coop\.language ignoré/);
        expect(service.takeWarnings()).toEqual([]);
        expect(() => service.update(null)).not.toThrow();
        expect(() => service.update('fr')).not.toThrow();
        service.update({ rules: [] });
        expect(service.takeWarnings()[0]).toMatch(/coop\.rules ignoré/);
    });
});

async function validated(text: string, locale: 'fr' | 'en' = 'fr') {
    const services = createCoopServices(EmptyFileSystem);
    services.Coop.i18n.Locale.current = locale;
    const [result] = await loadAndValidate(services.shared, [{ uri: URI.file('/ws/p.coop'), text }]);
    return { document: result.document, Coop: services.Coop };
}

describe('custom request functions (document → result)', () => {
    it('coop/conformity of a protocol, in the message language', async () => {
        const { document, Coop } = await validated(CYSTITE, 'en');
        const result = conformityOf(document, Coop);
        expect(isConformityResult(result)).toBe(true);
        expect(result).toMatchObject({ met: 16, total: 16, suppressed: 0, label: 'Automatic checks: 16/16 requirements verified' });
        expect(result!.items).toHaveLength(16);
        expect(result!.items.every(item => item.status === 'met' && item.legalBasis.length > 0)).toBe(true);
    });

    it('null for a library', async () => {
        const { document, Coop } = await validated('bibliothèque "B" {\n}\n');
        expect(conformityOf(document, Coop)).toBeNull();
        expect(previewOf(document, Coop)).toBeNull();
        await expect(exportOf(document, Coop, 'html')).resolves.toBeNull();
    });

    it('coop/preview and coop/export of a protocol', async () => {
        const { document, Coop } = await validated(CYSTITE);
        const preview = previewOf(document, Coop, { nonce: 'abc123' });
        expect(preview!.html).toMatch(/nonce="abc123"/);
        expect(preview!.title.length).toBeGreaterThan(0);
        const html = await exportOf(document, Coop, 'html');
        expect(Buffer.from(html!.data, 'base64').toString('utf8')).toMatch(/^<!DOCTYPE html>/i);
    });

    it('coop/preview of a team file: what the declaration will say, the findings beside the member they concern', async () => {
        const team = readFileSync(new URL('../../../examples/equipe-msp-cystite.coop', import.meta.url), 'utf8');
        const { document, Coop } = await validated(team);
        const preview = previewOf(document, Coop)!;
        expect(preview.title).toBe('MSP des Tilleuls — pollakiurie et brûlures mictionnelles');
        expect(preview.html).toContain('Déclaration d&#39;équipe — aperçu');
        for (const heading of ['Avant de déclarer', 'Adresse et contacts', 'Professionnels de l&#39;équipe', 'Attestations sur l&#39;honneur']) expect(preview.html).toContain(heading);
        expect(preview.html).toContain('La vérification automatique ne relève rien à corriger');
        expect(preview.html).toContain('10003456789');
        // A délégué without the protocol's training: the finding is listed, and shown on the member's row.
        const untrained = team.replace(/\n\s*formation cystite-ide le 2025-01-14[^\n]*/, '');
        const second = await validated(untrained);
        const codes = (second.document.diagnostics ?? []).filter(d => (d.severity ?? 1) <= 2).map(d => String(d.code));
        expect(codes.length).toBeGreaterThan(0);
        const html = previewOf(second.document, second.Coop)!.html;
        expect(html).not.toContain('La vérification automatique ne relève rien à corriger');
        expect(html).toMatch(/Ligne \d+ — /);
        expect(html).toContain(codes[0]);
    });

    it('coop/declaration of a team file: the packet coop declaration writes; null for a protocol', async () => {
        const team = readFileSync(new URL('../../../examples/equipe-msp-cystite.coop', import.meta.url), 'utf8');
        const { document, Coop } = await validated(team);
        const result = await declarationOf(document, Coop);
        expect(isDeclarationResult(result)).toBe(true);
        const paths = result!.files.map(file => file.path);
        expect(paths.slice(0, 2)).toEqual(['declaration.csv', 'declaration.json']);
        expect(paths.filter(path => path.startsWith('documents/') && path.endsWith('.pdf'))).toHaveLength(5);
        expect(paths.filter(path => path.endsWith('.docx'))).toHaveLength(5);
        expect(Buffer.from(result!.files.find(file => file.path.endsWith('.pdf'))!.data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const csv = Buffer.from(result!.files[0].data, 'base64').toString('utf8');
        expect(csv.split('\r\n')[0]).toBe('\ufeffProtocole;Intitulé du protocole;Type de protocole;Structure déclarante;Type de structure;FINESS;Référent de la déclaration;Contact du référent;Représentant légal;Contact du représentant légal;Date de début;Nom;Prénom;Profession;RPPS;Rôle;Date de l\'accord d\'engagement;Formations suivies');
        expect(JSON.parse(Buffer.from(result!.files[1].data, 'base64').toString('utf8')).professionnels[0]).not.toHaveProperty('endLine');
        const protocol = await validated(CYSTITE);
        await expect(declarationOf(protocol.document, protocol.Coop)).resolves.toBeNull();
        // A path that would leave the chosen folder is never accepted by the extension.
        expect(isDeclarationResult({ files: [{ path: '../x.pdf', data: '' }], errors: 0 })).toBe(false);
    });

    it('an export that cannot be rendered fails with a French sentence, not a RangeError', async () => {
        const { document, Coop } = await validated(CYSTITE.replace(/date \d{4}-\d{2}-\d{2}/, 'date 1234-56-78'));
        const failed = await exportOf(document, Coop, 'pdf').then(() => undefined, (error: unknown) => error);
        // Either the renderers accept the date (another part may turn it into a diagnostic), or the failure is ours.
        if (failed !== undefined) {
            expect(failed).toBeInstanceOf(CoopRequestFailure);
            expect((failed as Error).message).toMatch(/^L'export PDF n'a pas pu être produit/);
        }
    });
});

describe('checks of what travels', () => {
    it('protocol parameters', () => {
        expect(isDocumentParams({ uri: 'file:///a.coop' })).toBe(true);
        expect(isDocumentParams(null)).toBe(false);
        expect(isDocumentParams({ uri: 3 })).toBe(false);
        expect(isExportParams({ uri: 'file:///a.coop', format: 'pdf' })).toBe(true);
        expect(isExportParams({ uri: 'file:///a.coop', format: 'exe' })).toBe(false);
        expect(isPreviewParams({ uri: 'file:///a.coop', nonce: 5 })).toBe(false);
        expect(isPreviewParams({ uri: 'file:///a.coop' })).toBe(true);
    });

    it('document notifications and requests', () => {
        const textDocument = { uri: 'file:///a.coop', languageId: 'coop', version: 1, text: 'x' };
        expect(openProblem({ textDocument })).toBeUndefined();
        expect(openProblem({ textDocument: { ...textDocument, text: null } })).toMatch(/n'est pas un texte/);
        expect(openProblem({ textDocument: { ...textDocument, text: 42 } })).toMatch(/\(42\)/);
        expect(openProblem(null)).toMatch(/un objet est attendu/);
        expect(changeProblem({ textDocument: { uri: 'file:///a.coop', version: 2 }, contentChanges: [{ text: 'y' }] })).toBeUndefined();
        expect(changeProblem({ textDocument: { uri: 'file:///a.coop', version: 2 }, contentChanges: [{ text: null }] })).toMatch(/sans texte/);
        expect(changeProblem({ textDocument: { uri: 'file:///a.coop', version: 2 }, contentChanges: 'y' })).toMatch(/pas une liste/);
        expect(documentProblem({ textDocument: { uri: 'file:///a.coop' }, position: { line: -1, character: 0 } }, true)).toMatch(/position invalide/);
        expect(documentProblem({ textDocument: { uri: 'file:///a.coop' }, position: { line: 1, character: 0 } }, true)).toBeUndefined();
    });
});

describe('protocol module', () => {
    it('imports nothing, so the extension bundles it without Langium or Node', () => {
        const source = readFileSync(new URL('../src/protocol/coop-protocol.ts', import.meta.url), 'utf8');
        expect(source).not.toMatch(/^\s*import\s/m);
        expect(source).not.toMatch(/\brequire\(/);
    });
});

describe('parser guard', () => {
    it('a document the parser throws on is parsed as empty, with one French syntax error', async () => {
        const { guardParser } = await import('../src/lsp/parse-guard.js');
        const services = createCoopServices(EmptyFileSystem);
        const parser = services.Coop.parser.LangiumParser;
        const parse = parser.parse.bind(parser);
        parser.parse = ((input: string, options?: object) => {
            if (input.includes('BOUM')) throw new TypeError("Cannot read properties of undefined (reading '$type')");
            return parse(input, options);
        }) as typeof parser.parse;
        const logs: string[] = [];
        guardParser(services.Coop, text => logs.push(text));
        const [broken, fine] = await loadAndValidate(services.shared, [
            { uri: URI.file('/ws/boum.coop'), text: 'protocole "BOUM" {\n}\n' },
            { uri: URI.file('/ws/ok.coop'), text: CYSTITE }
        ]);
        expect(broken.diagnostics).toHaveLength(1);
        expect(broken.diagnostics[0].message).toMatch(/^Le document n'a pas pu être analysé \(Cannot read properties/);
        expect(broken.diagnostics[0].range.start).toEqual({ line: 0, character: 0 });
        expect(fine.diagnostics).toEqual([]);
        expect(logs).toHaveLength(1);
        expect(logs[0]).toMatch(/TypeError/);
    });
});
