import { EmptyFileSystem, URI } from 'langium';
import { parseHelper } from 'langium/test';
import { afterAll, describe, expect, it } from 'vitest';
import {
    createCoopLspServices, createCoopServices, defineRule, diagnosticRegistry, getRule, loadAndValidate, NODE_KINDS, registerRules, RULES,
    SECTION_KINDS, sectionKind, templateRank, type CoopLogger, type Document
} from 'coop-language';
import { createLspTestServices } from './lsp-helpers.js';

const PROTOCOL = `protocole "Cystite" {
    délégant mg : médecin
    délégué ide : infirmier
    acte bu "Bandelette" { non dérogatoire  par ide }
    acte atb "Fosfomycine" { dérogatoire à L4161-1  par ide }
}`;

describe('one rule = one object', () => {
    it('the registry is the list of rules, each code once, each rule with its texts in both languages', () => {
        expect([...diagnosticRegistry.keys()]).toEqual(RULES.map(rule => rule.code));
        for (const rule of RULES) {
            for (const text of [rule.title, rule.message, rule.rationale, rule.fix]) {
                expect(text.fr.length, rule.code).toBeGreaterThan(0);
                expect(text.en.length, rule.code).toBeGreaterThan(0);
            }
        }
    });

    it('every rule but the three reported by the parser and the linker, the internal error and the size limits has checks', () => {
        const withoutChecks = RULES.filter(rule => !('checks' in rule)).map(rule => rule.code).sort();
        expect(withoutChecks).toEqual(['caractere-inconnu', 'erreur-interne', 'fichier-trop-volumineux', 'reference-inconnue', 'syntaxe', 'texte-trop-long']);
    });

    it('quick fixes are found through the rule of the code', () => {
        expect(getRule('acte-non-couvert')?.quickFix).toBeTypeOf('function');
        expect(getRule('lieu-absent')?.quickFix).toBeTypeOf('function');
        expect(getRule('etape-sans-sinon')?.quickFix).toBeUndefined();
    });
});

describe('a check that throws', () => {
    const logged: Array<{ message: string; error: unknown }> = [];
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    // Capture what the logger service receives (the services container itself is read-only).
    const logger: CoopLogger = Coop.validation.Logger;
    logger.error = (message, error) => logged.push({ message, error });
    // A test-only rule that throws on every act; its code exists only in this test.
    registerRules(Coop, [defineRule({
        code: 'test-qui-echoue', severity: 'error', category: 'coherence', basis: 'inference',
        title: { fr: 'Règle de test', en: 'Test rule' }, message: { fr: 'jamais', en: 'never' },
        rationale: { fr: 'test', en: 'test' }, fix: { fr: 'test', en: 'test' },
        checks: () => ({
            Acte: acte => {
                throw new TypeError(`Cannot read properties of undefined (reading '${acte.name}')`);
            }
        })
    })]);

    it('gives one French `erreur-interne` per element naming the rule, logs the stack, and every other rule keeps running', async () => {
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/t/p.coop'), text: PROTOCOL }]);
        const internal = result.diagnostics.filter(d => d.code === 'erreur-interne');
        expect(internal).toHaveLength(2);
        expect(internal[0].message).toBe('La règle « test-qui-echoue » a rencontré une erreur interne sur cet élément ; les autres vérifications continuent. Merci de signaler ce problème.');
        expect(internal.map(d => d.range.start.line)).toEqual([3, 4]);
        expect(internal[0].severity).toBe(1);
        // The other rules still report on the same protocol and on the same acts.
        const codes = result.diagnostics.map(d => String(d.code));
        expect(codes).toContain('acte-non-couvert');
        expect(codes).toContain('lieu-absent');
        expect(result.diagnostics.some(d => /An error occurred|undefined/.test(typeof d.message === 'string' ? d.message : d.message.value))).toBe(false);
        expect(logged).toHaveLength(2);
        expect(logged[0].message).toContain('test-qui-echoue');
        expect((logged[0].error as Error).stack).toContain('TypeError');
    });

    it('is silent in the CLI services by default and logs to the console in the language server', () => {
        expect(createCoopServices(EmptyFileSystem).Coop.validation.Logger.constructor.name).toBe('SilentLogger');
        expect(createCoopLspServices(EmptyFileSystem).Coop.validation.Logger.constructor.name).toBe('ConsoleLogger');
    });
});

describe('linear checks', () => {
    it('10,000 acts with the same name: one nom-en-double each after the first, quickly (time in the report, not asserted)', async () => {
        const { shared } = createCoopServices(EmptyFileSystem);
        await loadAndValidate(shared, []);
        const acts = Array.from({ length: 10_000 }, () => '    acte bu "Bandelette" { non dérogatoire  par ide }').join('\n');
        const text = `protocole "Grand" {\n    délégant mg : médecin\n    délégué ide : infirmier\n${acts}\n}`;
        const start = performance.now();
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/t/grand.coop'), text }]);
        const elapsed = performance.now() - start;
        console.info(`10 000 actes de même nom : ${elapsed.toFixed(0)} ms (analyse + liens + validation)`);
        expect(result.diagnostics.filter(d => d.code === 'nom-en-double')).toHaveLength(9_999);
        expect(result.diagnostics.filter(d => d.code === 'erreur-interne')).toEqual([]);
    });
});

describe('one table per node kind', () => {
    it('sections, their order and their titles derive from NODE_KINDS', () => {
        expect(SECTION_KINDS.map(kind => kind.type)).toEqual(NODE_KINDS.filter(kind => kind.section).map(kind => kind.type));
        expect(sectionKind('Acte')?.label.fr).toBe('Acte délégué');
        expect(templateRank('Identifiant')).toBe(0);
        expect(templateRank('Lieu')).toBeLessThan(templateRank('Formation'));
        expect(new Set(NODE_KINDS.map(kind => kind.type)).size).toBe(NODE_KINDS.length);
    });
});

describe('semantic tokens of references', () => {
    let dispose: () => Promise<void> = async () => {};
    afterAll(() => dispose());

    it('colour `utilise <module>` as a module, `utilise <indicateur>` as an indicator', async () => {
        const services = await createLspTestServices();
        const parse = parseHelper<Document>(services.Coop);
        const library = await parse('bibliothèque "B" {\n  module m-socle "Socle" { théorie 3 h }\n  indicateur i-sat "Satisfaction" { nature nombre }\n}', { documentUri: 'file:///ws/b.coop' });
        const protocol = await parse('protocole "P" {\n  utilise m-socle, i-sat\n}', { documentUri: 'file:///ws/p.coop' });
        await services.shared.workspace.DocumentBuilder.build([library, protocol]);
        dispose = async () => { await services.shared.workspace.DocumentBuilder.update([], [library.uri, protocol.uri]); };
        const provider = services.Coop.lsp.SemanticTokenProvider!;
        const tokens = await provider.semanticHighlight(protocol, { textDocument: { uri: protocol.uri.toString() } });
        const legend = provider.tokenTypes;
        const names = Object.fromEntries(Object.entries(legend).map(([name, index]) => [index, name]));
        // Decode LSP's relative encoding: [deltaLine, deltaStart, length, type, modifiers]*.
        const decoded: Array<{ line: number; start: number; text: string; type: string }> = [];
        let line = 0;
        let start = 0;
        for (let i = 0; i < tokens.data.length; i += 5) {
            const [deltaLine, deltaStart, length, type] = tokens.data.slice(i, i + 4);
            line += deltaLine;
            start = deltaLine === 0 ? start + deltaStart : deltaStart;
            const lineText = protocol.textDocument.getText().split('\n')[line];
            decoded.push({ line, start, text: lineText.slice(start, start + length), type: names[type] });
        }
        expect(decoded.find(token => token.text === 'm-socle')?.type).toBe('struct');
        expect(decoded.find(token => token.text === 'i-sat')?.type).toBe('property');
    });
});

describe('theorie-en-cas', () => {
    it('its quick fix counts the theory in hours', async () => {
        const services = await createLspTestServices();
        const text = 'protocole "P" {\n    délégué ide : infirmier\n    formation f pour ide {\n        théorie 10 cas "Cas"\n    }\n}';
        const document = await parseHelper<Document>(services.Coop)(text, { documentUri: 'file:///ws/theorie.coop' });
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const diagnostic = document.diagnostics!.find(d => d.code === 'theorie-en-cas')!;
        expect(diagnostic).toBeDefined();
        const actions = await services.Coop.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        });
        const action = actions![0] as { title: string; edit: { changes: Record<string, Array<{ range: import('vscode-languageserver-types').Range; newText: string }>> } };
        expect(action.title).toBe('Compter la théorie en heures (« théorie 10 h »)');
        const [edit] = action.edit.changes[document.uri.toString()];
        const offsets = [document.textDocument.offsetAt(edit.range.start), document.textDocument.offsetAt(edit.range.end)];
        expect(text.slice(0, offsets[0]) + edit.newText + text.slice(offsets[1])).toContain('théorie 10 h "Cas"');
        await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
    });
});
