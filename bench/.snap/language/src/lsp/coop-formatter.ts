import type { LangiumDocument, Lexer } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import type { CoopLspServices } from './coop-lsp-module.js';

interface Span { start: number; end: number; image: string }

/**
 * The formatter keeps the author's line structure and changes only whitespace between lines:
 * - each line is indented by its brace depth (4 spaces, or the editor's tab settings);
 * - trailing spaces are removed, runs of blank lines shrink to one, the file ends with one newline;
 * - nothing inside a token moves: strings, """ blocks and comments are kept character for
 *   character (a line that starts inside a multi-line token is left as it is).
 * It is deterministic and idempotent (formatting twice changes nothing more), and it never joins
 * or splits lines: one-line blocks such as `{ non dérogatoire  par ide }` stay as written.
 */
export class CoopFormatter implements Formatter {
    private readonly lexer: Lexer;

    constructor(services: CoopLspServices) {
        this.lexer = services.parser.Lexer;
    }

    formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document, params.options);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        return this.edits(document, params.options, params.range);
    }

    /** No on-type formatting: whole-document and range formatting only. */
    readonly formatOnTypeOptions = undefined;

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): TextEdit[] {
        return [];
    }

    private edits(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const text = document.textDocument.getText();
        const formatted = formatText(text, this.tokens(text), options);
        if (formatted === text) return [];
        if (!range) {
            const end = document.textDocument.positionAt(text.length);
            return [{ range: { start: { line: 0, character: 0 }, end }, newText: formatted }];
        }
        // Range formatting: replace the whole lines of the range by their formatted version.
        const original = text.split('\n');
        const result = formatted.split('\n');
        if (original.length !== result.length) {
            // Blank lines were merged: fall back to formatting the whole document.
            const end = document.textDocument.positionAt(text.length);
            return [{ range: { start: { line: 0, character: 0 }, end }, newText: formatted }];
        }
        const edits: TextEdit[] = [];
        for (let line = range.start.line; line <= Math.min(range.end.line, original.length - 1); line++) {
            if (original[line] !== result[line]) {
                edits.push({ range: { start: { line, character: 0 }, end: { line, character: original[line].length } }, newText: result[line] });
            }
        }
        return edits;
    }

    private tokens(text: string): Span[] {
        const { tokens, hidden } = this.lexer.tokenize(text);
        return [...tokens, ...hidden]
            .map(token => ({ start: token.startOffset, end: token.startOffset + token.image.length, image: token.image }))
            .filter(span => !/^\s+$/.test(span.image))
            .sort((a, b) => a.start - b.start);
    }
}

/** Formats a whole text given its tokens (exported for tests and the CLI). */
export function formatText(text: string, tokens: Span[], options: FormattingOptions = { tabSize: 4, insertSpaces: true }): string {
    const unit = options.insertSpaces ? ' '.repeat(options.tabSize) : '\t';
    const lines = text.split(/\r?\n/);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    // Offsets of line starts, to know which lines begin inside a multi-line token.
    const lineStarts: number[] = [];
    let offset = 0;
    for (const line of text.split('\n')) {
        lineStarts.push(offset);
        offset += line.length + 1;
    }
    const lineOf = (position: number) => {
        let low = 0;
        let high = lineStarts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (lineStarts[middle] <= position) low = middle; else high = middle - 1;
        }
        return low;
    };
    // Lines that begin inside a multi-line token, and lines whose end is inside one (no trimming).
    const insideToken = new Set<number>();
    const opensToken = new Set<number>();
    for (const token of tokens) {
        if (!token.image.includes('\n')) continue;
        const first = lineOf(token.start);
        opensToken.add(first);
        for (let line = first + 1; line < lineStarts.length && lineStarts[line] < token.end; line++) insideToken.add(line);
    }
    // Brace depth at the start of each line.
    const depthAt: number[] = new Array(lines.length).fill(0);
    let depth = 0;
    let tokenIndex = 0;
    for (let line = 0; line < lines.length; line++) {
        depthAt[line] = depth;
        const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : Infinity;
        while (tokenIndex < tokens.length && tokens[tokenIndex].start < lineEnd) {
            const image = tokens[tokenIndex].image;
            if (image === '{') depth++;
            else if (image === '}') depth = Math.max(0, depth - 1);
            tokenIndex++;
        }
    }
    const out: string[] = [];
    let blank = 0;
    for (let line = 0; line < lines.length; line++) {
        if (insideToken.has(line)) {
            out.push(lines[line]);
            blank = 0;
            continue;
        }
        const content = lines[line].trim();
        if (content === '') {
            blank++;
            if (blank === 1 && out.length > 0) out.push('');
            continue;
        }
        blank = 0;
        const level = Math.max(0, depthAt[line] - (content.startsWith('}') ? 1 : 0));
        out.push(unit.repeat(level) + (opensToken.has(line) ? lines[line].replace(/^[ \t]+/, '') : content));
    }
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out.join(eol) + eol;
}
