import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, Range } from 'vscode-languageserver';
import { createCoopLspServices, type CoopLspServices } from 'coop-language';

let Coop: CoopLspServices;
let counter = 0;
beforeAll(() => { Coop = createCoopLspServices(EmptyFileSystem).Coop; });

const options: FormattingOptions = { tabSize: 4, insertSpaces: true };
function documentOf(text: string): LangiumDocument {
    return Coop.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///formatter-${counter++}.coop`));
}
/** Whole-document formatting through the LSP service, applied. */
function formatWhole(text: string, opts: FormattingOptions = options): string {
    const document = documentOf(text);
    const edits = Coop.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: opts }) as ReturnType<NonNullable<CoopLspServices['lsp']['Formatter']>['formatDocument']>;
    return TextDocument.applyEdits(document.textDocument as TextDocument, edits as never);
}
/** Range formatting through the LSP service, applied. */
function formatRange(text: string, range: Range): string {
    const document = documentOf(text);
    const edits = Coop.lsp.Formatter!.formatDocumentRange(document, { textDocument: { uri: document.uri.toString() }, options, range });
    return TextDocument.applyEdits(document.textDocument as TextDocument, edits as never);
}
const eols = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;
const withEol = (text: string, eol: string) => text.replace(/\n/g, eol);
const count = (text: string, part: string) => text.split(part).length - 1;

const sample = 'protocole "T" {\n  type local\n        lieu "Cabinet"   \n  patients {\ninclusion a : "texte"\n  }\n}\n';

describe('range formatting (issue 15: it duplicated lines of CRLF and CR documents)', () => {
    for (const [name, eol] of Object.entries(eols)) {
        it(`formats the lines of a range and nothing else, without duplicating any line (${name})`, () => {
            const text = withEol(sample, eol);
            const once = formatRange(text, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } });
            expect(count(once, 'lieu "Cabinet"')).toBe(1);
            expect(once).toBe(withEol('protocole "T" {\n  type local\n    lieu "Cabinet"\n  patients {\ninclusion a : "texte"\n  }\n}\n', eol));
            const twice = formatRange(once, { start: { line: 0, character: 0 }, end: { line: 6, character: 1 } });
            expect(count(twice, 'lieu "Cabinet"')).toBe(1);
            expect(twice).toBe(formatWhole(text));
        });
    }

    it('does not copy the whole document into its first line (lone CR lines, the last one CRLF)', () => {
        // The old formatter split on LF only: this document was one line to it, and range formatting
        // from line 0 replaced the editor's first line with the whole formatted document.
        const text = ' ' + withEol(sample, '\r').replace(/\r$/, '\r\n');
        const once = formatRange(text, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } });
        expect(count(once, 'lieu "Cabinet"')).toBe(1);
        expect(once).toBe('protocole "T" {\r    type local\r    lieu "Cabinet"\r  patients {\rinclusion a : "texte"\r  }\r}\r\n');
        const twice = formatRange(once, { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } });
        expect(count(twice, 'lieu "Cabinet"')).toBe(1);
        expect(twice).toBe(formatWhole(text));
    });
});
