import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { computeConformity, createCoopServices, isBibliotheque, isProtocole, loadAndValidate, type Document } from 'coop-language';
import { CstUtils, isLeafCstNode, type CstNode } from 'langium';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
const all = readdirSync(EXAMPLES).filter(name => name.endsWith('.coop')).sort();
const texts = Object.fromEntries(all.map(name => [name, readFileSync(join(EXAMPLES, name), 'utf8')]));
// Protocols and libraries (team files have their own elements and are covered by their tests).
const files = all.filter(name => !/^[ \t]*équipe\s+"/mu.test(texts[name]));
const LIBRARY = 'bibliotheque-cpts.coop';

/** Validates `text` as file `name`, with the team library beside it (the examples cite it). */
async function validate(name: string, text: string): Promise<{ diagnostics: Diagnostic[]; document: LangiumDocument<Document> }> {
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    const inputs = [{ uri: URI.file(`/ws/${name}`), text }];
    if (name !== LIBRARY) inputs.push({ uri: URI.file(`/ws/${LIBRARY}`), text: texts[LIBRARY] });
    const results = await loadAndValidate(shared, inputs);
    const mine = results.find(result => result.document.uri.path.endsWith(`/${name}`))!;
    void Coop;
    return { diagnostics: mine.diagnostics.filter(d => (d.severity ?? 1) <= 2), document: mine.document as LangiumDocument<Document> };
}

interface Corruption {
    description: string;
    offset: number;
    length: number;
    replacement: string;
}

function leaves(node: CstNode): CstNode[] {
    return CstUtils.flattenCst(node).filter(leaf => isLeafCstNode(leaf) && !leaf.hidden).toArray();
}

const WORD = /^[\p{L}][\p{L}\d-]*$/u;

/** One typo per section: its keyword misspelt, an inner keyword replaced by a stray word, a text written without quotes. */
function corruptions(document: LangiumDocument<Document>): Corruption[] {
    const root = document.parseResult.value;
    const elements = isProtocole(root) || isBibliotheque(root) ? root.elements : [];
    const result: Corruption[] = [];
    for (const element of elements) {
        const tokens = element.$cstNode ? leaves(element.$cstNode) : [];
        const [first] = tokens;
        if (!first) continue;
        const at = (leaf: CstNode) => `${element.$type} ligne ${leaf.range.start.line + 1} « ${leaf.text} »`;
        if (first.text.length >= 5) {
            // « disponibilité » → « dsponibilité »: the second letter dropped.
            result.push({ description: `mot-clé mal écrit : ${at(first)}`, offset: first.offset + 1, length: 1, replacement: '' });
        }
        const keyword = tokens.slice(1).find(leaf => (leaf.grammarSource as { $type?: string } | undefined)?.$type === 'Keyword' && WORD.test(leaf.text) && leaf.text.length >= 3);
        if (keyword) result.push({ description: `mot-clé remplacé : ${at(keyword)}`, offset: keyword.offset, length: keyword.length, replacement: 'immédiatement' });
        const text = tokens.slice(1).find(leaf => leaf.text.startsWith('"') && !leaf.text.startsWith('"""') && !leaf.text.includes('\n'));
        if (text) result.push({ description: `texte sans guillemets : ${at(text)}`, offset: text.offset, length: text.length, replacement: 'immédiate' });
    }
    return result;
}

function apply(text: string, corruption: Corruption): string {
    return text.slice(0, corruption.offset) + corruption.replacement + text.slice(corruption.offset + corruption.length);
}

const SYNTAX = new Set(['syntaxe', 'caractere-inconnu']);

describe('one typo gives one error (issue 11 §1)', () => {
    test.each(files)('%s: each corrupted section gives exactly one syntax error and nothing « absent »', async name => {
        const baseline = await validate(name, texts[name]);
        expect(baseline.diagnostics).toEqual([]);
        const failures: string[] = [];
        const all = corruptions(baseline.document);
        expect(all.length).toBeGreaterThan(5);
        for (const corruption of all) {
            const { diagnostics, document } = await validate(name, apply(texts[name], corruption));
            const syntax = diagnostics.filter(d => SYNTAX.has(String(d.code)));
            const others = diagnostics.filter(d => !SYNTAX.has(String(d.code)));
            const conformity = isProtocole(document.parseResult.value) ? computeConformity(diagnostics, [], document.parseResult.value) : undefined;
            const missing = conformity?.items.filter(item => item.status === 'missing').map(item => item.requirement.id) ?? [];
            // A criterion's text written without quotes (`inclusion x : immédiate`) is a valid condition
            // over a name nobody declared: its one error is that unknown name, on the corrupted line.
            const unknownName = diagnostics.length === 1 && diagnostics[0].code === 'reference-inconnue'
                && document.textDocument.offsetAt(diagnostics[0].range.start) === corruption.offset;
            if (unknownName) continue;
            if (syntax.length !== 1 || others.length > 0 || missing.length > 0 || diagnostics[0] !== syntax[0]) {
                failures.push(`${corruption.description} → ${diagnostics.map(d => `${d.range.start.line + 1}: [${d.code}] ${d.message}`).join(' | ')}${missing.length ? ` ; manquantes : ${missing.join(', ')}` : ''}`);
            }
        }
        expect(failures).toEqual([]);
    }, 240_000);
});

describe('a closing brace too many between two sections (the document would end there)', () => {
    test.each(files)('%s: one error on the stray brace, every later section still read', async name => {
        const baseline = await validate(name, texts[name]);
        const root = baseline.document.parseResult.value;
        const elements = isProtocole(root) || isBibliotheque(root) ? root.elements : [];
        const failures: string[] = [];
        let tried = 0;
        // Before a section (a line « } » left over), and right after a block's own brace (« } } »).
        for (const [index, element] of elements.entries()) {
            const node = element.$cstNode;
            if (!node || index === 0) continue;
            const lineStart = texts[name].lastIndexOf('\n', node.offset) + 1;
            // (After the last section, « } } » is a brace too many at the end: the next test.)
            const blockEnd = node.text.endsWith('}') && index < elements.length - 1 ? node.end : undefined;
            const placements = [{ offset: lineStart, insert: '    }\n' }, ...(blockEnd ? [{ offset: blockEnd, insert: ' }' }] : [])];
            for (const { offset, insert } of placements) {
                tried++;
                const text = texts[name].slice(0, offset) + insert + texts[name].slice(offset);
                const { diagnostics, document } = await validate(name, text);
                const brace = offset + insert.indexOf('}');
                const conformity = isProtocole(document.parseResult.value) ? computeConformity(diagnostics, [], document.parseResult.value) : undefined;
                const missing = conformity?.items.filter(item => item.status === 'missing').map(item => item.requirement.id) ?? [];
                const ok = diagnostics.length === 1 && diagnostics[0].code === 'syntaxe' && document.textDocument.offsetAt(diagnostics[0].range.start) === brace
                    && String(diagnostics[0].message).startsWith('Accolade « } » en trop') && missing.length === 0;
                if (!ok) failures.push(`${element.$type} (${insert.trim()} à ${offset}) → ${diagnostics.map(d => `${d.range.start.line + 1}: [${d.code}] ${d.message}`).join(' | ')}${missing.length ? ` ; manquantes : ${missing.join(', ')}` : ''}`);
            }
        }
        expect(tried).toBeGreaterThan(1);
        expect(failures).toEqual([]);
    }, 240_000);

    test('a brace too many at the very end keeps its own message; two protocols in one file are not merged', async () => {
        const name = 'cystite-femme.coop';
        const end = await validate(name, texts[name].trimEnd() + '\n}\n');
        expect(end.diagnostics.map(d => d.message)).toEqual([expect.stringContaining('après la fin du document')]);
        const twice = await validate(name, texts[name].trimEnd() + '\n' + texts[name]);
        expect(twice.diagnostics.some(d => String(d.message).startsWith('Accolade « } » en trop'))).toBe(false);
        expect(twice.diagnostics.some(d => d.code === 'syntaxe')).toBe(true);
    }, 60_000);
});
