import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { URI, type LangiumDocument } from 'langium';
import {
    clearDocuments, expectCompletion, expectFindReferences, expectFormatting, expectGoToDefinition,
    expectHighlight, expectHover, expectSemanticToken, expectSymbols, highlightHelper, parseHelper, testCodeAction
} from 'langium/test';
import { SemanticTokenTypes, type CompletionItem } from 'vscode-languageserver';
import { loadAndValidate } from 'coop-language';
import { formatText } from '../src/lsp/coop-formatter.js';
import { protocol } from './helpers.js';
import { createLspTestServices } from './lsp-helpers.js';

let services: Awaited<ReturnType<typeof createLspTestServices>>;
const disposables: Array<{ dispose(): Promise<void> }> = [];
beforeAll(async () => { services = await createLspTestServices(); });
afterEach(async () => { for (const d of disposables.splice(0)) await d.dispose(); });
const keep = <T extends { dispose(): Promise<void> }>(d: T) => { disposables.push(d); return d; };
const labels = (items: CompletionItem[]) => items.map(item => item.label);

describe('completion', () => {
    it('offers a whole new protocol in an empty file', async () => {
        keep(await expectCompletion(services.Coop)({
            text: '<|>', index: 0,
            assert: list => {
                expect(list.items[0]).toMatchObject({ label: 'Nouveau protocole (squelette complet)', insertTextFormat: 2 });
                expect(list.items[0].insertText).toMatch(/^protocole "\$\{1:Titre du protocole\}" \{\n\tidentifiant/);
                expect(labels(list.items)).not.toContain('catalogue');
            }
        }));
    });

    it('offers section keywords and section skeletons among the elements of a protocol, accented spellings only', async () => {
        keep(await expectCompletion(services.Coop)({
            text: 'protocole "T" {\n  type national\n  <|>\n}', index: 0,
            assert: list => {
                const all = labels(list.items);
                // One entry per section: its snippet, under its keyword (issue 11 §3).
                expect(all).toEqual(expect.arrayContaining(['patients', 'délégant', 'délégué', 'acte', 'formation', 'parcours', 'indicateur', 'réorientations']));
                expect(all).toEqual([...new Set(all)]);
                expect(all).not.toContain('delegant');
                const keyword = list.items.find(item => item.label === 'délégant')!;
                expect(keyword.filterText).toBe('delegant');
                expect(keyword.insertText).toMatch(/^délégant \$\{1/);
            }
        }));
    });

    it('offers professions of the catalogue, once each, with their article', async () => {
        keep(await expectCompletion(services.Coop)({
            text: 'protocole "T" { délégué ide : <|> }', index: 0,
            assert: list => {
                const all = labels(list.items);
                expect(all).toEqual(expect.arrayContaining(['infirmier', 'médecin', 'masseur-kinésithérapeute', 'orthoptiste']));
                expect(all).not.toContain('medecin');
                expect(list.items.find(item => item.label === 'infirmier')!.detail).toBe('Infirmier — L4311-1');
            }
        }));
    });

    const at = (from: string, to: string) => protocol('', { [from]: to });
    it('offers the derogable articles of L.4011-1 after « dérogatoire à »', async () => {
        keep(await expectCompletion(services.Coop)({ text: at('dérogatoire à L4161-1', 'dérogatoire à <|>L4161-1'), index: 0, assert: list => expect(labels(list.items)).toEqual(expect.arrayContaining(['L4161-1', 'L4311-1', 'L4111-1'])) }));
    });

    it('offers the acts after « réaliser » and the steps after « aller à »', async () => {
        keep(await expectCompletion(services.Coop)({ text: at('réaliser atb puis fin', 'réaliser <|>atb puis fin'), index: 0, assert: list => expect(labels(list.items)).toEqual(expect.arrayContaining(['bu', 'atb'])) }));
        keep(await expectCompletion(services.Coop)({ text: at('puis aller à decision', 'puis aller à <|>decision'), index: 0, assert: list => expect(labels(list.items)).toEqual(expect.arrayContaining(['accueil', 'decision'])) }));
    });

    it('proposes no keyword where a name is being declared', async () => {
        keep(await expectCompletion(services.Coop)({
            text: 'protocole "T" { acte <|> }', index: 0,
            assert: list => expect(list.items.filter(item => item.kind === 14 /* Keyword */)).toEqual([])
        }));
    });
});

describe('hover', () => {
    it('shows a profession with the article that reserves its acts', async () => {
        keep(await expectHover(services.Coop)({ text: protocol('', { 'délégant mg : médecin': 'délégant mg : méd<|>ecin' }), index: 0, hover: /\*\*Médecin\*\* — profession du catalogue[\s\S]*\*\*L4111-1\*\*/ }));
    });

    it('shows the label of the target of a reference', async () => {
        keep(await expectHover(services.Coop)({ text: protocol('', { 'réaliser atb puis fin': 'réaliser a<|>tb puis fin' }), index: 0, hover: /\*\*Acte atb\*\* — Prescrire l'antibiotique\n\ndérogatoire à L4161-1 ; par ide/ }));
    });

    it('shows the rule, its legal basis and its fix on an element with a diagnostic', async () => {
        const text = protocol('', { 'acte bu "Bandelette urinaire" { non dérogatoire  par ide }': 'acte b<|>u "Bandelette urinaire" { non dérogatoire }' });
        const document = await parseHelper(services.Coop)(text.replace('<|>', ''), { validation: true });
        keep({ dispose: () => clearDocuments(services.shared, [document]) });
        const offset = text.indexOf('<|>');
        const hover = await services.Coop.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
        const value = (hover!.contents as { value: string }).value;
        expect(value).toMatch(/\*\*Acte sans délégué\*\* — R\.4011-1 2° a `acte-sans-delegue`/);
        expect(value).toMatch(/Correction : Ajoutez « par <délégué> »\./);
    });
});

describe('navigation', () => {
    const text = protocol('', { 'délégué ide : infirmier': 'délégué <|ide|> : infirmier', 'non dérogatoire  par ide': 'non dérogatoire  par <|>ide' });

    it('goes to the definition of a délégué', async () => {
        keep(await expectGoToDefinition(services.Coop)({ text, index: 0, rangeIndex: 0 }));
    });

    it('finds the references of an act and highlights them', async () => {
        keep(await expectFindReferences(services.Coop)({
            text: protocol('', { 'acte bu "Bandelette': 'acte <|bu|> "Bandelette', 'couvre bu, atb': 'couvre <|bu|>, atb', 'réaliser bu puis': 'réaliser <|b<|>u|> puis' }),
            includeDeclaration: true
        }));
        keep(await expectHighlight(services.Coop)({
            text: protocol('', { 'acte bu "Bandelette': 'acte <|bu|> "Bandelette', 'couvre bu, atb': 'couvre <|bu|>, atb', 'réaliser bu puis': 'réaliser <|b<|>u|> puis' }),
            index: 0, rangeIndex: [0, 1, 2]
        }));
    });

    it('renames a library module across files', async () => {
        const library = await parseHelper(services.Coop)('bibliothèque "Commun" { module m-trod "Module TROD" { théorie 2 h } }', { documentUri: 'file:///ws/commun.coop' });
        const user = await parseHelper(services.Coop)(protocol('', { 'couvre bu, atb': 'couvre bu, atb module m-trod' }), { documentUri: 'file:///ws/p.coop' });
        keep({ dispose: () => clearDocuments(services.shared, [library, user]) });
        await services.shared.workspace.DocumentBuilder.build([library, user]);
        const offset = library.textDocument.getText().indexOf('m-trod');
        const edit = await services.Coop.lsp.RenameProvider!.rename(library, { textDocument: { uri: library.uri.toString() }, position: library.textDocument.positionAt(offset), newName: 'm-angine' });
        expect(Object.keys(edit!.changes!).sort()).toEqual(['file:///ws/commun.coop', 'file:///ws/p.coop']);
        expect(Object.values(edit!.changes!).flat().every(change => change.newText === 'm-angine')).toBe(true);
    });
});

describe('outline, folding, semantic tokens', () => {
    it('lists the protocol elements in template order, whatever the file order', async () => {
        keep(await expectSymbols(services.Coop)({
            text: 'protocole "T" {\n  indicateur r "Reprise" { nature taux }\n  patients { inclusion a : "x" }\n  délégué ide : infirmier\n  type local\n}',
            assert: symbols => {
                expect(symbols[0].name).toBe('T');
                expect(symbols[0].children!.map(child => child.name)).toEqual(['Type de protocole', 'ide', 'Patients concernés', 'r']);
            }
        }));
    });

    it('folds blocks', async () => {
        const document = await parseHelper(services.Coop)('protocole "T" {\n  patients {\n    inclusion a : "x"\n    exclusion b : "y"\n  }\n  contexte {\n    besoin "z"\n  }\n}');
        keep({ dispose: () => clearDocuments(services.shared, [document]) });
        const ranges = await services.Coop.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        expect(ranges.map(range => [range.startLine, range.endLine])).toEqual(expect.arrayContaining([[1, 3], [5, 6]]));
    });

    it('colours declarations and references of the same element alike', async () => {
        const tokens = await highlightHelper(services.Coop)(protocol('', { 'acte bu "Bandelette': 'acte <|bu|> "Bandelette', 'réaliser bu puis': 'réaliser <|bu|> puis', 'délégant mg : médecin': 'délégant mg : <|médecin|>' }));
        // Ranges are numbered in text order: médecin, then the act's declaration, then its use.
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.type });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.function });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.function });
    });
});

describe('formatting', () => {
    it('re-indents by brace depth and keeps comments and free text exactly', async () => {
        keep(await expectFormatting(services.Coop)({
            before: 'protocole "T" {\n        type local   \n// commentaire  gardé\n  objectifs """\n      - garder   ceci\n   """\n\n\n  patients {\ninclusion a : "texte   libre"\n      }\n}',
            after: 'protocole "T" {\n    type local\n    // commentaire  gardé\n    objectifs """\n      - garder   ceci\n   """\n\n    patients {\n        inclusion a : "texte   libre"\n    }\n}\n'
        }));
    });

    it('is idempotent and changes no token on every example', () => {
        for (const name of readdirSync('examples').filter(file => file.endsWith('.coop'))) {
            const text = readFileSync(`examples/${name}`, 'utf8');
            const tokens = (t: string) => services.Coop.parser.Lexer.tokenize(t);
            const spans = (t: string) => { const r = tokens(t); return [...r.tokens, ...r.hidden].filter(x => !/^\s+$/.test(x.image)).map(x => ({ start: x.startOffset, end: x.startOffset + x.image.length, image: x.image })).sort((a, b) => a.start - b.start); };
            const once = formatText(text, spans(text));
            expect(formatText(once, spans(once)), name).toBe(once);
            expect(spans(once).map(s => s.image), name).toEqual(spans(text).map(s => s.image));
        }
    });
});

describe('quick fixes', () => {
    it('inserts a missing section at its place in the template order', async () => {
        const before = protocol('', { '    lieu "Cabinet"\n': '' });
        const after = protocol('', { '    lieu "Cabinet"\n': '', '    acte atb "Prescrire l\'antibiotique" { dérogatoire à L4161-1  par ide }': '    acte atb "Prescrire l\'antibiotique" { dérogatoire à L4161-1  par ide }\n\n    lieu "Lieu de mise en œuvre, espace de confidentialité"' });
        keep(await testCodeAction(services.Coop)(before, 'lieu-absent', after));
    });

    it('inserts a missing mandatory indicator after the other indicators', async () => {
        const reprise = '    indicateur reprise "Taux de reprise" { exigence reprise  numérateur "Actes repris par le délégant"  dénominateur "Actes réalisés par le délégué"  périodicité annuelle }\n';
        const satisfaction = '    indicateur satisfaction "Satisfaction" { exigence satisfaction-professionnels  numérateur "a"  dénominateur "b"  périodicité annuelle }';
        const inserted = '\n\n    indicateur reprise "Taux de reprise par le délégant" {\n        exigence reprise\n        nature taux\n'
            + '        numérateur "Actes réalisés par le délégant à la demande du délégué"\n        dénominateur "Actes réalisés par le délégué"\n'
            + '        périodicité annuelle\n    }';
        const result = keep(await testCodeAction(services.Coop)(protocol('', { [reprise]: '' }), 'indicateur-reprise-absent', protocol('', { [reprise]: '', [satisfaction]: satisfaction + inserted })));
        expect(result.action!.title).toBe('Ajouter l\'indicateur obligatoire « taux de reprise par le délégant »');
    });

    it('replaces an unknown profession with the nearest one', async () => {
        keep(await testCodeAction(services.Coop)(protocol('', { 'délégué ide : infirmier': 'délégué ide : infirmer' }), 'reference-inconnue', protocol()));
    });

    it('adds a derogating act to the training of its délégué', async () => {
        keep(await testCodeAction(services.Coop)(protocol('', { 'couvre bu, atb': 'couvre bu' }), 'acte-non-couvert', protocol()));
    });

    it('adds a justification to a suppression', async () => {
        const result = keep(await testCodeAction(services.Coop)(protocol('ignorer ordre-du-modele'), 'suppression-sans-justification', protocol('ignorer ordre-du-modele : "Justification à compléter"')));
        expect(result.action).toBeDefined();
    });
});

describe('code lens', () => {
    it('shows the conformity summary on the protocol header', async () => {
        const { shared, Coop } = services;
        const [loaded] = await loadAndValidate(shared, [{ uri: URI.file('/lens/p.coop'), text: protocol('', { '    lieu "Cabinet"\n': '' }) }]);
        const document: LangiumDocument = loaded.document;
        keep({ dispose: () => clearDocuments(shared, [document]) });
        const lenses = await Coop.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        expect(lenses![0].command!.title).toBe('Contrôles automatiques : 14/16 exigences vérifiées, 1 à vérifier, 1 manquante — manquent : L.4011-2 ; à vérifier : R.4011-1 4° a');
        expect(lenses![0].range.start.line).toBe(0);
    });
});

describe('service registry', () => {
    it('gives untitled editor documents to coop, and only .coop files on disk', () => {
        const registry = services.shared.ServiceRegistry;
        expect(registry.getServices(URI.parse('untitled:Untitled-1'))).toBe(services.Coop);
        expect(registry.hasServices(URI.parse('untitled:Untitled-1'))).toBe(true);
        expect(registry.hasServices(URI.file('/ws/p.coop'))).toBe(true);
        expect(registry.hasServices(URI.file('/ws/coop.config.json'))).toBe(false);
    });
});
