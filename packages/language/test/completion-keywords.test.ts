// Completion of keywords now that the grammar writes each keyword once (accented) and the lexer
// folds accents and case (parser/coop-token-builder.ts).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCompletion } from 'langium/test';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { createLspTestServices } from './lsp-helpers.js';

let services: Awaited<ReturnType<typeof createLspTestServices>>;
const disposables: Array<{ dispose(): Promise<void> }> = [];
beforeAll(async () => { services = await createLspTestServices(); });
afterEach(async () => { for (const d of disposables.splice(0)) await d.dispose(); });

async function complete(text: string): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    disposables.push(await expectCompletion(services.Coop)({ text, index: 0, assert: list => { items = list.items; } }));
    return items;
}

/** Keyword entries, and the section entries that replace their keyword among a protocol's elements (issue 11 §3). */
const keywordItems = (items: CompletionItem[]) => items.filter(item => item.kind === CompletionItemKind.Keyword || (item.kind === CompletionItemKind.Snippet && String(item.sortText).startsWith('2')));

describe('keyword completion', () => {
    it('offers one entry per keyword, accented, with an accent-free filter text', async () => {
        const items = keywordItems(await complete('protocole "x" {\n    <|>\n}'));
        const labels = items.map(item => item.label);
        expect(labels).toEqual([...new Set(labels)]);
        expect(labels).toEqual(expect.arrayContaining(['délégant', 'délégué', 'références', 'réorientations', 'disponibilité', 'système d\'information', 'thème', 'équipement']));
        for (const plain of ['delegant', 'delegue', 'references', 'reorientations', 'disponibilite', 'systeme', 'theme', 'equipement']) {
            expect(labels).not.toContain(plain);
        }
        const delegant = items.find(item => item.label === 'délégant');
        expect(delegant?.filterText).toBe('delegant');
    });

    it('finds « délégant » when « deleg » or « DÉLÉG » is typed', async () => {
        for (const typed of ['deleg', 'DÉLÉG', 'Deleg']) {
            const items = keywordItems(await complete(`protocole "x" {\n    ${typed}<|>\n}`));
            expect(items.map(item => item.label), typed).toEqual(expect.arrayContaining(['délégant', 'délégué']));
            expect(items.filter(item => item.label === 'délégant'), typed).toHaveLength(1);
        }
    });

    it('offers one spelling of each value keyword (cadre, unités)', async () => {
        const cadre = keywordItems(await complete('protocole "x" {\n    cadre <|>\n}')).map(item => item.label);
        expect(cadre).toEqual(expect.arrayContaining(['établissement', 'centre-de-santé', 'inter-entités']));
        expect(cadre).not.toContain('etablissement');
        const unites = keywordItems(await complete('protocole "x" {\n    durée 3 <|>\n}')).map(item => item.label);
        expect(unites).toEqual(expect.arrayContaining(['année', 'années', 'mois']));
        expect(unites).not.toContain('annee');
    });

    it('offers no keyword where a name is declared, though keywords are accepted as names', async () => {
        expect(keywordItems(await complete('protocole "x" {\n    acte <|>\n}'))).toEqual([]);
        expect(keywordItems(await complete('protocole "x" {\n    délégué <|>\n}'))).toEqual([]);
    });

    it('still completes after a keyword used as a name and within a half-typed document', async () => {
        const items = await complete('protocole "x" {\n    délégué ide : infirmier\n    acte age "A" { par ide }\n    parcours { étape e { si "c" : réaliser <|>');
        expect(items.map(item => item.label)).toContain('age');
    });
});

describe('completion parser', () => {
    it('records its syntax errors without building their messages; the document parser still does', () => {
        const text = 'protocole "x" {\n    acte a "A" { par , }\n    réaliser :\n    parcours { étape e { si "c" : réaliser ';
        const parser = services.Coop.parser.CompletionParser;
        parser.parse(text);
        const errors = (parser as unknown as { wrapper: { errors: Array<{ name: string; message: string }> } }).wrapper.errors;
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.map(error => error.message)).toEqual(errors.map(() => ''));
        const messages = services.Coop.parser.LangiumParser.parse(text).parserErrors.map(error => error.message);
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.every(message => /^(Dans « |Le bloc « |« [^»]+ » n'est pas une rubrique)/.test(message))).toBe(true);
    });
});
