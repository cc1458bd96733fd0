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

describe('whole-document formatting', () => {
    it('leaves a document refused for its size as it is (a text block of 10,001 lines, badly indented around it)', () => {
        const block = Array.from({ length: 10_001 }, (_, i) => `ligne ${i}`).join('\n');
        const text = `protocole "Trop long" {\n        contexte """${block}"""\n  lieu "Cabinet"\n}\n`;
        expect(formatWhole(text)).toBe(text);
        expect(formatRange(text, { start: { line: 0, character: 0 }, end: { line: 10_004, character: 0 } })).toBe(text);
        // One line fewer in the block: within the limits, the lines around it are re-indented.
        const within = text.replace('\nligne 10000', '');
        expect(formatWhole(within)).not.toBe(within);
    });

    it('re-indents by brace depth, trims trailing spaces, merges blank lines, ends with one line ending', () => {
        expect(formatWhole('\n\nprotocole "T" {\n\t type local  \t\n\n\n\n  patients {\ninclusion a : "x"\n      }\n}\n\n\n')).toBe(
            'protocole "T" {\n    type local\n\n    patients {\n        inclusion a : "x"\n    }\n}\n');
    });

    it('uses the editor settings (tabs, tab size) and ignores impossible ones', () => {
        const text = 'protocole "T" {\ntype local\n}';
        expect(formatWhole(text, { tabSize: 4, insertSpaces: false })).toBe('protocole "T" {\n\ttype local\n}\n');
        expect(formatWhole(text, { tabSize: 2, insertSpaces: true })).toBe('protocole "T" {\n  type local\n}\n');
        for (const tabSize of [0, -3, Number.NaN, 2.5, Infinity]) {
            expect(formatWhole(text, { tabSize, insertSpaces: true })).toBe('protocole "T" {\n    type local\n}\n');
        }
    });

    it('indents a line that continues an element by one more level', () => {
        const text = 'protocole "T" {\n    références {\n        référence r "Titre"\n    auteur "HAS" année 2021\n        référence s "Autre"\n    }\n    cadre msp,\n  cpts\n}\n';
        expect(formatWhole(text)).toBe('protocole "T" {\n    références {\n        référence r "Titre"\n            auteur "HAS" année 2021\n        référence s "Autre"\n    }\n    cadre msp,\n        cpts\n}\n');
    });

    it('keeps trailing spaces inside comments, strings and text blocks', () => {
        const text = 'protocole "T" {   \n  // note gardée   \n  objectifs """\n  a   \n   """  \n  /* bloc   \n  suite  */   \n}\n';
        expect(formatWhole(text)).toBe('protocole "T" {\n    // note gardée   \n    objectifs """\n  a   \n   """\n    /* bloc   \n  suite  */\n}\n');
    });

    for (const [name, eol] of Object.entries(eols)) {
        it(`keeps ${name} line endings, inside and outside text blocks`, () => {
            const text = withEol('protocole "T" {\n type local\n objectifs """\n   ligne 1\n     ligne 2\n """\n}', eol);
            expect(formatWhole(text)).toBe(withEol('protocole "T" {\n    type local\n    objectifs """\n   ligne 1\n     ligne 2\n """\n}\n', eol));
        });
    }

    it('keeps each line ending of a mixed document, and ends it with its last one', () => {
        const text = 'protocole "T" {\r\n type local\r  lieu "L"\n  objectifs """a\r\nb\rc\n"""\r\n}';
        expect(formatWhole(text)).toBe('protocole "T" {\r\n    type local\r    lieu "L"\n    objectifs """a\r\nb\rc\n"""\r\n}\r\n');
    });

    it('never joins a lone CR and the LF of the next line into one CRLF (found by the property tests)', () => {
        // Emptying the blank line ' ' would leave '\r\n': one line ending instead of two.
        const text = 'protocole "T" {\r type local\r \n\n\r\n  lieu "L"\r\n}\r';
        expect(formatWhole(text)).toBe('protocole "T" {\r    type local\r \n    lieu "L"\r\n}\r');
        const range = formatRange(text, { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } });
        expect(range).toBe(text);
        expect(formatWhole(formatRange(text, { start: { line: 2, character: 0 }, end: { line: 5, character: 0 } }))).toBe(formatWhole(text));
    });

    it('keeps a byte order mark, and non-ASCII spaces', () => {
        const text = '\uFEFF\nprotocole "T" {\n\u00A0 type local\n  lieu "Cabinet\u202Fdu\u00A0centre"\u00A0 \n   \u2003\n}\n';
        expect(formatWhole(text)).toBe('\uFEFFprotocole "T" {\n\u00A0 type local\n    lieu "Cabinet\u202Fdu\u00A0centre"\u00A0\n   \u2003\n}\n');
    });

    it('gives an empty or blank document no content', () => {
        expect(formatWhole('')).toBe('');
        expect(formatWhole(' \n\t\r\n\r')).toBe('');
        expect(formatWhole('\uFEFF  \n')).toBe('\uFEFF');
    });

    it('changes nothing when the document is already formatted', () => {
        const document = documentOf('protocole "T" {\n    type local\n}\n');
        expect(Coop.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options })).toEqual([]);
    });

    it('leaves every example as it is (they are written in the formatter\'s style)', () => {
        for (const name of readdirSync('examples').filter(file => file.endsWith('.coop'))) {
            const text = readFileSync(`examples/${name}`, 'utf8');
            expect(formatWhole(text), name).toBe(text);
        }
    });

    it('formats half-typed documents without throwing, and formats them again to the same text', () => {
        for (const text of ['protocole""parcours{étape', 'protocole{gestion risques signalement\nrevue', '{{{{\n}}}}}}\n}\n{', '"""\n  ouvert', 'protocole "T" {\n  acte a "\n  x\n}', '\u0000\n  \u0000 protocole', '/* non fermé\n  protocole {']) {
            const once = formatWhole(text);
            expect(formatWhole(once), JSON.stringify(text)).toBe(once);
        }
    });

    it('does not format a text it would make huge (thousands of unclosed braces)', () => {
        const text = '{\n'.repeat(3000) + 'x\n'.repeat(3000);
        expect(formatWhole(text)).toBe(text);
    });
});
