import { parseHelper } from 'langium/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES } from 'coop-language';
import { fillMessage, type MessageArgs } from '../src/diagnostics/message-args.js';
import { nodeKind, NODE_KINDS } from '../src/model/node-kinds.js';
import { createTestServices, protocol, validator, type TestServices } from './helpers.js';
import { createLspTestServices } from './lsp-helpers.js';

const FORBIDDEN = /undefined|NaN|Infinity|\{\w+\}|\bnull\b/;

/** Every subset of the keys (2^n, n ≤ 12 in our templates). */
function* subsets<T>(items: readonly T[]): Generator<T[]> {
    for (let mask = 0; mask < 1 << items.length; mask++) yield items.filter((_, index) => mask & (1 << index));
}

describe('message templates never print a lost value', () => {
    const types = [undefined, ...NODE_KINDS.map(kind => kind.type)];
    it('no template renders « undefined », « NaN », « Infinity » or a bare « {x} », for any combination of missing args', () => {
        const lost: Array<MessageArgs[string]> = [undefined, '', '  ', NaN, Infinity, -Infinity, 'undefined', null];
        let rendered = 0;
        for (const rule of RULES) {
            for (const locale of ['fr', 'en'] as const) {
                const template = rule.message[locale];
                const keys = [...new Set([...template.matchAll(/\{(\w+)\}/g)].map(match => match[1]))];
                for (const missing of subsets(keys)) {
                    for (const type of types) {
                        const value = lost[rendered % lost.length];
                        const args: MessageArgs = Object.fromEntries(keys.map(key => [key, missing.includes(key) ? value : 'x']));
                        const message = fillMessage(template, args, type, locale);
                        rendered++;
                        expect(message, `${rule.code} (${locale}) without ${missing.join(', ')}`).not.toMatch(FORBIDDEN);
                        expect(message.trim()).not.toBe('');
                    }
                }
            }
        }
        expect(rendered).toBeGreaterThan(1000);
    });

    it('titles, rationales and fixes (hover, documentation) have no placeholder at all', () => {
        for (const rule of RULES) {
            for (const text of [rule.title, rule.rationale, rule.fix]) {
                expect(`${rule.code}: ${text.fr}`).not.toMatch(/\{\w+\}/);
                expect(`${rule.code}: ${text.en}`).not.toMatch(/\{\w+\}/);
            }
        }
    });

    it('names the kind where the name was lost', () => {
        expect(fillMessage('{role} « {name} » n\'a ni qualification ni spécialité précisée.', { role: undefined, name: undefined }, 'Delegant', 'fr'))
            .toBe('Le délégant sans nom n\'a ni qualification ni spécialité précisée.');
        expect(fillMessage('Act "{name}" does not say which delegate performs it.', { name: '' }, 'Acte', 'en'))
            .toBe('Act (unnamed) does not say which delegate performs it.');
        expect(fillMessage('La tranche d\'âge du critère « {name} » est vide ou inversée ({min} à {max} {unite}).', { name: 'a', min: 8, max: 1, unite: undefined }, 'Critere', 'fr'))
            .toBe('La tranche d\'âge du critère « a » est vide ou inversée (8 à 1 …).');
        expect(nodeKind('Acte')?.name?.label.fr).toBe('L\'acte');
    });
});

describe('partial trees: the reproducers of issues 11 and 15', () => {
    let services: TestServices;
    let validate: ReturnType<typeof validator>;
    beforeAll(async () => {
        services = await createTestServices();
        validate = validator(services);
    });

    async function diagnosticsOf(text: string): Promise<Diagnostic[]> {
        const result = await validate(text);
        const diagnostics = result.diagnostics;
        for (const diagnostic of diagnostics) {
            expect(diagnostic.message, `${diagnostic.code} on ${JSON.stringify(text)}`).not.toMatch(FORBIDDEN);
            expect(diagnostic.code, String(diagnostic.message)).not.toBe('erreur-interne');
            expect(diagnostic.code, String(diagnostic.message)).toBeDefined();
        }
        return diagnostics;
    }
    const messagesOf = async (text: string, code: string) => (await diagnosticsOf(text)).filter(d => d.code === code).map(d => d.message);

    it('an age criterion with a missing unit or name', async () => {
        // A criterion without its name is a syntax error (the parser's recovery drops it): that error only.
        for (const text of ['protocole "x" { patients { inclusion : âge de 8 à 1 } }', 'protocole "x" { patients { inclusion : âge de 8 à 1 ans } }']) {
            const diagnostics = await diagnosticsOf(text);
            expect(diagnostics.filter(d => d.code === 'syntaxe')).toHaveLength(1);
            expect(diagnostics.filter(d => d.code === 'tranche-age-invalide')).toEqual([]);
        }
        expect(await messagesOf('protocole "x" { patients { inclusion age : âge de 8 à 1 ans } }', 'tranche-age-invalide'))
            .toEqual(['La tranche d\'âge du critère « age » est vide ou inversée (8 à 1 ans).']);
    });

    it('a half-written age is compared with nothing (no « Infinity à 3 », no false contradiction)', async () => {
        expect(await messagesOf('protocole "x" { patients { inclusion i : âge > 3 ans\n exclusion b : âge de 1 } }', 'criteres-contradictoires')).toEqual([]);
        expect(await messagesOf('protocole "x" { patients { inclusion i : âge < ans\n exclusion b : âge de 0 à 100 ans } }', 'criteres-contradictoires')).toEqual([]);
        expect(await messagesOf('protocole "x" { patients { inclusion i : sexe\n exclusion b : sexe féminin } }', 'criteres-contradictoires')).toEqual([]);
        // Complete criteria still contradict each other.
        expect(await messagesOf('protocole "x" { patients { inclusion i : âge de 10 à 20 ans\n exclusion b : âge de 0 à 100 ans } }', 'criteres-contradictoires')).toHaveLength(1);
    });

    it('a délégant or délégué whose name was lost', async () => {
        const text = protocol('', { 'délégant mg : médecin { spécialité "Médecine générale" }': 'délégant mg : médecin { spécialité "Médecine générale" }\n    délégant : médecin' });
        const diagnostics = await diagnosticsOf(text);
        expect(diagnostics.filter(d => d.code === 'syntaxe')).toHaveLength(1);
        expect(diagnostics.filter(d => d.code === 'qualification-absente')).toEqual([]);
    });

    it('an act named with a short keyword (« acte a ») keeps its name; an act whose name was lost is the syntax error only', async () => {
        expect(await messagesOf('protocole "x" { délégué ide : infirmier\n acte a "Libellé" { non dérogatoire } }', 'acte-sans-delegue'))
            .toEqual(['L\'acte « a » ne dit pas quel délégué le réalise (« par ide »).']);
        const lost = await diagnosticsOf('protocole "x" { délégué ide : infirmier\n acte "Libellé" { non dérogatoire } }');
        expect(lost.filter(d => d.code === 'syntaxe').map(d => d.message)).toEqual(['Dans « acte », après « acte » : écrivez un nom, par exemple « nom "Libellé de l\'acte" » (trouvé « "Libellé" »).']);
    });

    it('a step typed without its name, in a protocol without a title', async () => {
        const diagnostics = await diagnosticsOf('protocole""parcours{étape');
        expect(diagnostics[0].code).toBe('syntaxe');
    });

    it('« ignorer » typed without its code: the syntax error only', async () => {
        const diagnostics = await diagnosticsOf('protocole "x" {\n ignorer\n}');
        expect(diagnostics.filter(d => String(d.code).startsWith('suppression'))).toEqual([]);
        expect(diagnostics.some(d => d.code === 'syntaxe')).toBe(true);
    });

    it('a half-typed governance (« avis » or « décision » without instance)', async () => {
        for (const text of ['protocole{type local cadre établissement\ngouvernance avis', 'protocole""type local\ncadre établissement\ngouvernance{Décision']) {
            const diagnostics = await diagnosticsOf(text);
            expect(diagnostics.some(d => d.code === 'syntaxe')).toBe(true);
        }
    });

    it('many truncations of a complete protocol: never an internal error nor a lost value', async () => {
        const text = protocol();
        // Every 7th prefix (≈ 300 partial documents), as an author types from top to bottom.
        for (let end = 0; end <= text.length; end += 7) await diagnosticsOf(text.slice(0, end));
        // And the protocol with each line removed in turn.
        const lines = text.split('\n');
        for (let index = 0; index < lines.length; index++) await diagnosticsOf(lines.filter((_, i) => i !== index).join('\n'));
    });
});

describe('partial trees in the editor', () => {
    let services: Awaited<ReturnType<typeof createLspTestServices>>;
    beforeAll(async () => {
        services = await createLspTestServices();
    });
    afterAll(() => undefined);

    const open = (text: string) => parseHelper(services.Coop)(text, { validation: true });

    it('the outline of « protocole » typed without a title (issue 11) names it, and every symbol has a name', async () => {
        for (const text of ['protocole', 'protocole {', 'protocole "" {', 'protocole "x" { acte a "x" { } délégant : médecin parcours { étape } }']) {
            const document = await open(text);
            const symbols = await services.Coop.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
            const names: string[] = [];
            const walk = (list: typeof symbols) => list.forEach(symbol => { names.push(symbol.name); walk(symbol.children ?? []); });
            walk(symbols);
            expect(names.length).toBeGreaterThan(0);
            for (const name of names) expect(name.trim(), text).not.toBe('');
            expect(names.join('|')).not.toMatch(FORBIDDEN);
            if (!text.includes('"x"')) expect(symbols[0].name).toBe('Protocole sans titre');
        }
    });

    it('hovers on half-typed elements show no « undefined » and no « {name} »', async () => {
        const text = 'protocole "x" {\n délégant : médecin\n acte a "x" { }\n parcours { étape }\n formation pour ide { }\n indicateur "Taux" { }\n patients { inclusion : âge de 8 à }\n acte bu "B" { par ide }\n}';
        const document = await open(text);
        const hover = services.Coop.lsp.HoverProvider!;
        const lines = text.split('\n');
        for (let line = 0; line < lines.length; line++) {
            for (let character = 0; character <= lines[line].length; character++) {
                const result = await hover.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: { line, character } });
                const value = result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
                expect(value, `${line}:${character}`).not.toMatch(FORBIDDEN);
            }
        }
    });

    it('code lens and code actions accept a partial document', async () => {
        for (const text of ['protocole', 'protocole "" {', 'protocole""parcours{étape', 'protocole "x" { acte a "x" { } }']) {
            const document = await open(text);
            const textDocument = { uri: document.uri.toString() };
            const lenses = await services.Coop.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument });
            for (const lens of lenses ?? []) expect(lens.command?.title).not.toMatch(FORBIDDEN);
            const diagnostics = document.diagnostics ?? [];
            const actions = await services.Coop.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics }
            }) ?? [];
            for (const action of actions) expect(action.title).not.toMatch(FORBIDDEN);
        }
    });
});
