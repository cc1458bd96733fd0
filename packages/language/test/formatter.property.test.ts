// Property tests of the formatter (issue 15 §5), with fast-check, over mutated examples in the four
// line-ending styles: formatting is idempotent, changes only spaces, tabs and line endings (never a
// token, a non-ASCII space, a BOM or the inside of a text block), keeps the line-ending style of
// every line it keeps, and range formatting is whole-document formatting restricted to the range.
import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver';
import { createCoopLspServices, type CoopLspServices } from 'coop-language';
import { toSpans } from '../src/lsp/coop-formatter.js';

let Coop: CoopLspServices;
let counter = 0;
beforeAll(() => { Coop = createCoopLspServices(EmptyFileSystem).Coop; });

const options = { tabSize: 4, insertSpaces: true };
const examples = readdirSync('examples').filter(file => file.endsWith('.coop')).map(file => readFileSync(`examples/${file}`, 'utf8'));
// Fixed seed and run count by default (the same cases on every run); set COOP_FORMATTER_SEED and
// COOP_FORMATTER_RUNS to explore further (e.g. COOP_FORMATTER_RUNS=2000).
const RUNS = Number(process.env.COOP_FORMATTER_RUNS ?? 40);
const SEED = process.env.COOP_FORMATTER_SEED === undefined ? 15_05 : Number(process.env.COOP_FORMATTER_SEED);
const settings = { numRuns: RUNS, seed: Number.isNaN(SEED) ? undefined : SEED };

type Line = { content: string; eol: string };
const splitLines = (text: string): Line[] => {
    const lines: Line[] = [];
    const pattern = /\r\n|\r|\n/g;
    let start = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        lines.push({ content: text.slice(start, match.index), eol: match[0] });
        start = match.index + match[0].length;
    }
    lines.push({ content: text.slice(start), eol: '' });
    return lines;
};
const join = (lines: Line[]) => lines.map(line => line.content + line.eol).join('');
const terminators = (text: string) => splitLines(text).map(line => line.eol).filter(eol => eol !== '');

// ---- Mutations: whitespace changes and small syntax damage (half-typed documents) -------------
const space = fc.string({ unit: fc.constantFrom(' ', ' ', ' ', '\t', '\u00A0', '\u202F'), maxLength: 12 });
const fragment = fc.constantFrom('{', '}', '"', '"""', '//', '/*', '*/', ' ', 'acte x', 'patients {', '\u00A0', '\uFEFF', '\u0000', 'é');
const mutation = fc.oneof(
    fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), ws: space }),
    fc.record({ kind: fc.constant('trail' as const), line: fc.nat(), ws: space }),
    fc.record({ kind: fc.constant('blank' as const), line: fc.nat(), ws: space, times: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('swap-lines' as const), line: fc.nat(), other: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), line: fc.nat(), column: fc.nat(), text: fragment }),
    fc.record({ kind: fc.constant('cut' as const), line: fc.nat(), column: fc.nat(), length: fc.integer({ min: 1, max: 6 }) })
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, mutations: Mutation[]): string {
    const lines = splitLines(text);
    for (const m of mutations) {
        const at = m.line % lines.length;
        const line = lines[at];
        switch (m.kind) {
            case 'indent': line.content = m.ws + line.content.replace(/^[ \t]*/, ''); break;
            case 'trail': line.content += m.ws; break;
            case 'blank': lines.splice(at, 0, ...Array.from({ length: m.times }, () => ({ content: m.ws, eol: '\n' }))); break;
            case 'delete-line': if (lines.length > 1) lines.splice(at, 1); break;
            case 'swap-lines': { const other = lines[m.other % lines.length]; [line.content, other.content] = [other.content, line.content]; break; }
            case 'insert': { const column = m.column % (line.content.length + 1); line.content = line.content.slice(0, column) + m.text + line.content.slice(column); break; }
            case 'cut': { const column = m.column % (line.content.length + 1); line.content = line.content.slice(0, column) + line.content.slice(column + m.length); break; }
        }
    }
    return join(lines);
}

const styles = {
    LF: (lines: Line[]) => lines.map(line => ({ ...line, eol: line.eol && '\n' })),
    CRLF: (lines: Line[]) => lines.map(line => ({ ...line, eol: line.eol && '\r\n' })),
    CR: (lines: Line[]) => lines.map(line => ({ ...line, eol: line.eol && '\r' })),
    mixed: (lines: Line[], choices: number[]) => lines.map((line, i) => ({ ...line, eol: line.eol && ['\n', '\r\n', '\r'][choices[i % choices.length] ?? 0] }))
} as const;

function input(style: keyof typeof styles) {
    return fc.record({
        example: fc.nat({ max: examples.length - 1 }),
        bom: fc.boolean(),
        mutations: fc.array(mutation, { maxLength: 10 }),
        choices: fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 7 }),
        first: fc.nat(),
        length: fc.nat({ max: 40 })
    }).map(({ example, bom, mutations, choices, first, length }) => {
        // Line endings last, so that blank lines and fragments follow the style too.
        const mutated = mutate(examples[example], mutations);
        const text = (bom ? '\uFEFF' : '') + join(styles[style](splitLines(mutated), choices));
        return { text, first, length };
    });
}

// ---- Helpers over the real LSP service ------------------------------------------------------------
function documentOf(text: string): LangiumDocument {
    return Coop.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///property-${counter++}.coop`));
}
function formatWhole(document: LangiumDocument): string {
    const edits = Coop.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
    return TextDocument.applyEdits(document.textDocument as TextDocument, edits as never);
}
function formatRange(document: LangiumDocument, range: Range): string {
    const edits = Coop.lsp.Formatter!.formatDocumentRange(document, { textDocument: { uri: document.uri.toString() }, options, range });
    return TextDocument.applyEdits(document.textDocument as TextDocument, edits as never);
}
const images = (text: string) => { const lexed = Coop.parser.Lexer.tokenize(text); return toSpans([...lexed.tokens, ...lexed.hidden]).map(span => span.image); };
const isSubsequence = (part: string[], whole: string[]) => { let i = 0; for (const item of whole) if (i < part.length && part[i] === item) i++; return i === part.length; };

describe.each(Object.keys(styles) as Array<keyof typeof styles>)('formatter properties, %s line endings', style => {
    it('is idempotent, and changes only spaces, tabs and line endings', () => {
        fc.assert(fc.property(input(style), ({ text }) => {
            const once = formatWhole(documentOf(text));
            expect(formatWhole(documentOf(once))).toBe(once);
            // Only ASCII spaces, tabs and line endings differ: tokens, NBSP, BOM and text blocks are intact.
            expect(once.replace(/[ \t\r\n]/g, '')).toBe(text.replace(/[ \t\r\n]/g, ''));
            expect(images(once)).toEqual(images(text));
            if (text.startsWith('\uFEFF')) expect(once.startsWith('\uFEFF')).toBe(true);
            // Line endings are kept, never converted: the output's are the input's, some dropped with
            // their blank line, plus possibly the input's last one added at the very end.
            const before = terminators(text);
            const after = terminators(once);
            expect(isSubsequence(after, before)
                || (isSubsequence(after.slice(0, -1), before) && after[after.length - 1] === (before[before.length - 1] ?? '\n'))).toBe(true);
        }), settings);
    });

    it('formats a range exactly as the whole document, restricted to the range', () => {
        fc.assert(fc.property(input(style), ({ text, first, length }) => {
            const document = documentOf(text);
            const lineCount = document.textDocument.lineCount;
            const start = first % lineCount;
            const end = Math.min(lineCount - 1, start + length);
            const ranged = formatRange(document, { start: { line: start, character: 0 }, end: { line: end, character: 1 } });
            const whole = formatWhole(document);
            // Outside the lines of the range, not one character changes.
            const startOffset = document.textDocument.offsetAt({ line: start, character: 0 });
            const endOffset = end + 1 < lineCount ? document.textDocument.offsetAt({ line: end + 1, character: 0 }) : text.length;
            expect(ranged.slice(0, startOffset)).toBe(text.slice(0, startOffset));
            expect(ranged.slice(ranged.length - (text.length - endOffset))).toBe(text.slice(endOffset));
            expect(ranged.replace(/[ \t\r\n]/g, '')).toBe(text.replace(/[ \t\r\n]/g, ''));
            // What it changed is what whole formatting changes: formatting the rest gives the same result.
            expect(formatWhole(documentOf(ranged))).toBe(whole);
            // The whole document as a range is whole-document formatting.
            const all = formatRange(document, { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) });
            expect(all).toBe(whole);
        }), settings);
    });
});
