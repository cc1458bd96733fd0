// Writing a first protocol (issue 11 §3, §5): completion entries, profession aliases, hovers on keywords.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCompletion, parseHelper } from 'langium/test';
import type { CompletionItem, Hover } from 'vscode-languageserver';
import type { Document } from 'coop-language';
import { createLspTestServices } from './lsp-helpers.js';
import { protocol, validateWorkspace } from './helpers.js';

let services: Awaited<ReturnType<typeof createLspTestServices>>;
const disposables: Array<{ dispose(): Promise<void> }> = [];
beforeAll(async () => { services = await createLspTestServices(); });
afterEach(async () => { for (const d of disposables.splice(0)) await d.dispose(); });

async function complete(text: string): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    disposables.push(await expectCompletion(services.Coop)({ text, index: 0, assert: list => { items = list.items; } }));
    return items;
}

async function hover(text: string): Promise<string | undefined> {
    const offset = text.indexOf('<|>');
    const source = text.replace('<|>', '');
    const document = await parseHelper<Document>(services.Coop)(source, { documentUri: `file:///ws/hover-${Math.random()}.coop` });
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    disposables.push({ dispose: () => services.shared.workspace.DocumentBuilder.update([], [document.uri]) });
    const result = await services.Coop.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    }) as Hover | undefined;
    return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : undefined;
}

describe('completion among the elements of a protocol (issue 11 §3)', () => {
    it('offers each section once, under its accented keyword, with a one-line description, in template order', async () => {
        const items = await complete('protocole "x" {\n    <|>\n}');
        const labels = items.map(item => String(item.label));
        expect(labels).toEqual([...new Set(labels)]);
        expect(items.length).toBeLessThan(45);
        for (const keyword of ['délégant', 'délégué', 'patients', 'acte', 'parcours', 'disponibilité', 'information du patient', 'système d\'information', 'gestion des risques', 'responsabilité civile', 'modèle économique']) {
            const entries = items.filter(item => item.label === keyword || String(item.label).split(/[\s']/)[0] === keyword.split(/[\s']/)[0]);
            expect(entries.map(item => item.label), keyword).toEqual([keyword]);
            expect(entries[0]!.insertText, keyword).toMatch(/\$\{1/);
        }
        for (const item of items) {
            expect(item.detail, String(item.label)).toBeTruthy();
            expect(item.detail, String(item.label)).not.toMatch(/\n/);
        }
        for (const plain of ['delegant', 'disponibilite', 'catalogue', 'Mot-clé']) expect(labels).not.toContain(plain);
        const sections = items.filter(item => String(item.sortText).startsWith('2')).map(item => String(item.label));
        expect(sections.indexOf('délégant')).toBeLessThan(sections.indexOf('patients'));
        expect(sections.indexOf('patients')).toBeLessThan(sections.indexOf('parcours'));
    });

    it('offers no section that may appear once and is already written', async () => {
        const labels = (await complete('protocole "x" {\n    identifiant PC-X\n    type national\n    cadre msp\n    <|>\n}')).map(item => String(item.label));
        expect(labels).not.toContain('identifiant');
        expect(labels).not.toContain('type');
        expect(labels).not.toContain('cadre');
        expect(labels).toContain('délégué');
        expect(labels).toContain('acte');
    });

    it('offers no section inside a block, and never the tool\'s catalogue', async () => {
        const inPatients = (await complete('protocole "x" {\n    patients {\n        <|>\n    }\n}')).map(item => String(item.label));
        expect(inPatients).toEqual(expect.arrayContaining(['inclusion', 'exclusion']));
        expect(inPatients).not.toContain('délégant');
        expect(inPatients).not.toContain('acte');
        const empty = (await complete('<|>')).map(item => String(item.label));
        expect(empty).toContain('protocole');
        expect(empty).not.toContain('catalogue');
    });

    it('proposes the title and its braces after « protocole »', async () => {
        for (const text of ['protocole <|>', 'protocole<|>', '// Mon protocole\nprotocole <|>']) {
            const title = (await complete(text)).find(item => item.sortText === '0' && String(item.label).startsWith('"'));
            expect(title, text).toBeDefined();
            expect(title!.insertText).toMatch(/"\$\{1:Titre du protocole\}" \{\n\t\$0\n\}/);
        }
        const before = (await complete('protocole <|>{\n}')).find(item => String(item.label).startsWith('"'));
        expect(before!.insertText).toBe('"${1:Titre du protocole}" ');
        expect((await complete('protocole "x" {\n    objectifs <|>\n}')).some(item => String(item.label).startsWith('"Titre'))).toBe(false);
    });

    it('shows the label and the article of professions, and of derogable articles, in the list', async () => {
        const professions = await complete('protocole "x" {\n    délégué ide : <|>\n}');
        const infirmier = professions.find(item => item.label === 'infirmier')!;
        expect(infirmier.labelDetails?.description).toBe('Infirmier — L4311-1');
        const articles = await complete('protocole "x" {\n    acte a "x" { dérogatoire à <|> }\n}');
        expect(articles.find(item => item.label === 'L4161-1')!.labelDetails?.description).toBe('Exercice illégal de la médecine');
    });
});

describe('professions as professionals write them (issue 11 §3)', () => {
    it('offers feminine and common forms with the catalogue profession they stand for', async () => {
        const items = await complete('protocole "x" {\n    délégué ide : <|>\n}');
        for (const [alias, profession] of [['infirmière', 'infirmier'], ['pharmacienne', 'pharmacien'], ['IDE', 'infirmier'], ['MG', 'médecin'], ['kiné', 'masseur-kinésithérapeute']]) {
            const item = items.find(entry => entry.label === alias);
            expect(item, alias).toBeDefined();
            expect(item!.labelDetails?.description).toBe(`→ ${profession}`);
            expect(item!.detail).toMatch(new RegExp(`^autre nom de « ${profession} »`));
        }
        // Not the accent-free copies the index also holds.
        expect(items.map(item => item.label)).not.toContain('infirmiere');
        // Catalogue names first.
        expect(items.find(item => item.label === 'infirmier')!.sortText! < items.find(item => item.label === 'infirmière')!.sortText!).toBe(true);
    });

    it('links them to the catalogue profession: no « introuvable », the same checks as the catalogue name', async () => {
        const written = protocol('', { 'délégant mg : médecin': 'délégant mg : MG', 'délégué ide : infirmier': 'délégué ide : infirmière' });
        const canonical = protocol();
        const diagnostics = await validateWorkspace({ 'alias.coop': written, 'canonique.coop': canonical });
        expect(diagnostics['alias.coop']!.map(d => d.code)).toEqual(diagnostics['canonique.coop']!.map(d => d.code));
        for (const text of ['délégué ide : IDE', 'délégué ide : ide', 'délégué k : kiné', 'délégué p : pharmacienne', 'délégué m : MERM']) {
            const result = await validateWorkspace({ 'p.coop': `protocole "x" {\n    ${text}\n}` });
            expect(result['p.coop']!.filter(d => d.code === 'reference-inconnue').map(d => d.message), text).toEqual([]);
        }
        const unknown = await validateWorkspace({ 'p.coop': 'protocole "x" {\n    délégué s : sorcière\n}' });
        expect(unknown['p.coop']!.map(d => d.code)).toContain('reference-inconnue');
        // An accent-free alias is not one; the suggestion is the catalogue name, never an alias.
        const plain = await validateWorkspace({ 'p.coop': 'protocole "x" {\n    délégué ide : infirmiere\n}' });
        expect(plain['p.coop']!.find(d => d.code === 'reference-inconnue')!.message).toBe('Profession « infirmiere » introuvable. Vouliez-vous dire « infirmier » ?');
    });

    it('hovers an alias with the catalogue profession', async () => {
        const text = await hover('protocole "x" {\n    délégué ide : infirm<|>ière\n}');
        expect(text).toMatch(/\*\*Infirmier\*\* — profession du catalogue/);
        expect(text).toContain('« infirmière » est un autre nom de la profession « infirmier » du catalogue.');
        expect(await hover('protocole "x" {\n    délégué ide : infirm<|>ier\n}')).not.toContain('autre nom');
    });
});

describe('hover on keywords (issue 11 §5)', () => {
    it('says what the section is for, the requirement it serves, and a two-line example', async () => {
        const text = await hover('protocole "x" {\n    disponi<|>bilité { modalités "Téléphone"  réponse sous 30 min }\n}');
        expect(text).toMatch(/^\*\*disponibilité\*\* — Disponibilité du délégant/);
        expect(text).toContain('Comment et sous quel délai le délégant est joignable.');
        expect(text).toContain('Exigence servie : R.4011-1 6° — Disponibilité des délégants');
        const example = /```coop\n([\s\S]*?)\n```/.exec(text!)![1]!;
        expect(example.split('\n').length).toBeLessThanOrEqual(3);
        expect(example).toMatch(/^disponibilité \{/);
        expect(example).not.toMatch(/\$\{/);
    });

    it('covers every word of a multi-word keyword, and the keywords that start elements inside blocks', async () => {
        expect(await hover('protocole "x" {\n    information du pat<|>ient { document "Fiche" }\n}')).toMatch(/^\*\*information du patient\*\*/);
        expect(await hover('protocole "x" {\n    parcours { ét<|>ape e { par ide } }\n}')).toMatch(/^\*\*étape\*\*/);
        expect(await hover('pro<|>tocole "x" {\n}')).toMatch(/^\*\*protocole\*\*/);
    });

    it('says nothing of the section on a keyword that does not start it', async () => {
        const text = await hover('protocole "x" {\n    délégué ide : infirmier\n    acte a "x" { non dérogatoire  p<|>ar ide }\n}');
        expect(text ?? '').not.toMatch(/Acte délégué/);
    });

    it('every section of the table of node kinds has a purpose', async () => {
        const { SECTION_KINDS } = await import('coop-language');
        const { KEYWORD_PURPOSES } = await import('../src/lsp/keyword-docs.js');
        expect(SECTION_KINDS.filter(kind => !KEYWORD_PURPOSES[kind.type as keyof typeof KEYWORD_PURPOSES]).map(kind => kind.type)).toEqual([]);
    });
});

import { newProtocolSnippet, toPlainText } from '../src/lsp/skeletons.js';

describe('the whole new protocol offered in an empty file (issue 11 §3, §8)', () => {
    const snippet = newProtocolSnippet();
    const stops = [...snippet.matchAll(/\$\{(\d+)[:|]/g)].map(match => Number(match[1]));

    it('has its tab stops in document order, the title first', () => {
        expect(stops[0]).toBe(1);
        expect(snippet).toMatch(/^protocole "\$\{1:Titre du protocole\}" \{/);
        expect(stops).toEqual([...stops].sort((a, b) => a - b));
        expect(new Set(stops).size).toBe(stops.length);
    });

    it('stops only where the author must write or choose: fewer than 40 stops', () => {
        expect(stops.length).toBeLessThan(40);
        // Plausible defaults are written out, not stops.
        expect(snippet).toContain('auteur "HAS" année 2024');
        expect(snippet).toContain('théorie 6 h');
        expect(snippet).toMatch(/type \$\{\d+\|national,local\|\}/);
    });

    it('as inserted, has no error but the texts the author must write; the act is covered and performed', async () => {
        const text = toPlainText(snippet);
        const diagnostics = (await validateWorkspace({ 'nouveau.coop': text }))['nouveau.coop']!;
        const errors = diagnostics.filter(d => (d.severity ?? 1) <= 2);
        expect(errors.filter(d => d.code !== 'texte-a-completer').map(d => `${d.code}: ${d.message}`)).toEqual([]);
        // Each such text is one stop of the snippet.
        expect(errors.length).toBeLessThanOrEqual(stops.length);
        const act = /acte \$\{(\d+):nom\}/.exec(snippet)![1];
        expect(snippet).toContain(`couvre \${${act}}`);
        expect(snippet).toContain(`réaliser \${${act}} puis fin`);
    });
});

describe('bugs a new author hits (issue 11 §7)', () => {
    it('an act named with a short keyword (« acte a », « acte de ») keeps its name in every message', async () => {
        for (const name of ['a', 'de', 'à']) {
            const text = `protocole "x" {\n    délégué ide : infirmier\n    acte ${name} "Libellé" { non dérogatoire }\n}`;
            const diagnostics = (await validateWorkspace({ 'p.coop': text }))['p.coop']!;
            const messages = diagnostics.map(d => String(d.message));
            expect(messages.filter(message => /undefined|\{name\}|« »/.test(message)), name).toEqual([]);
            expect(messages.find(message => message.startsWith('L\'acte')), name).toContain(`« ${name} »`);
        }
    });
});
