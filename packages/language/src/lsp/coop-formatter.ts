import { CstUtils, type AstNode, type LangiumDocument, type LangiumParser, type Lexer } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { checkSizeLimits } from '../workspace/size-limit.js';

/** A token of the text (comments included, whitespace excluded), by offsets. */
export interface Span { start: number; end: number; image: string }

/**
 * One change of the formatter: inside one line (its indentation, its trailing spaces, the spaces of a
 * blank line), or the deletion of a run of blank lines (always the whole run past its first line, so
 * that a range never deletes half of one and joins a lone CR to a following LF).
 */
export interface LineEdit {
    /** First line of the original text the change touches (0-based, as LSP counts lines: LF, CRLF or CR end a line). */
    line: number;
    /** Last line it touches (the same line, except for the deletion of a run of blank lines). */
    lastLine: number;
    start: number;
    end: number;
    newText: string;
}

/**
 * What the formatter needs to know of the syntax tree: for the token starting at `offset`, the start
 * offsets of the elements that contain it (innermost first, the root excluded). A line whose first token
 * belongs to an element begun on an earlier line, at the same brace depth, is a continuation line.
 */
export type Structure = (offset: number) => number[];

/** The services the formatter uses (the core services are enough: the CLI and the fuzz suite use it too). */
export interface FormatterServices {
    parser: { Lexer: Lexer; LangiumParser: LangiumParser };
}

/** Formatting gives up (changes nothing) rather than make a text more than twice as long plus this. */
const GROWTH_ALLOWANCE = 65_536;

/**
 * The formatter changes indentation and nothing else that could matter:
 * - each line is indented by its brace depth (4 spaces, or the editor's settings); a line that
 *   continues an element begun on the line before (`auteur …` under `référence …`) gets one level more;
 * - trailing spaces and tabs are removed, except inside a comment, a string or a `"""` block;
 * - blank lines at the start and the end of the file are removed, runs of blank lines shrink to one,
 *   and the file ends with one line ending;
 * - a line that starts inside a multi-line token (a `"""` block, a string, a comment) is left as it is;
 *   a line whose indentation holds a non-ASCII space (NBSP…) or another Unicode space keeps it;
 * - line endings are never converted (LF, CRLF, CR and mixed files keep each of theirs), a BOM stays.
 * Lines are never joined or split, so one-line blocks (`{ non dérogatoire  par ide }`) stay as written.
 * Formatting is deterministic and idempotent, and range formatting applies exactly the changes that
 * whole-document formatting makes on the lines of the range.
 */
export class CoopFormatter implements Formatter {
    constructor(private readonly services: FormatterServices) {}

    formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        const text = document.textDocument.getText();
        const edits = this.lineEdits(text, params?.options, document);
        if (!edits || edits.length === 0) return [];
        // One edit replacing the whole text: editors compute the minimal change themselves.
        const end = document.textDocument.positionAt(text.length);
        return [{ range: { start: { line: 0, character: 0 }, end }, newText: applyLineEdits(text, edits) }];
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const text = document.textDocument.getText();
        const edits = this.lineEdits(text, params?.options, document);
        if (!edits || edits.length === 0 || !params?.range) return [];
        const { first, last } = rangeLines(params.range);
        const kept = mergeTouching(edits.filter(edit => edit.line >= first && edit.lastLine <= last));
        return kept.map(edit => ({
            range: { start: document.textDocument.positionAt(edit.start), end: document.textDocument.positionAt(edit.end) },
            newText: edit.newText
        }));
    }

    /** No on-type formatting: whole-document and range formatting only. */
    readonly formatOnTypeOptions = undefined;

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): TextEdit[] {
        return [];
    }

    /** The formatted text (the whole document), or the text itself when there is nothing to change. */
    format(text: string, options?: Partial<FormattingOptions>): string {
        const edits = this.lineEdits(text, options);
        return edits ? applyLineEdits(text, edits) : text;
    }

    /**
     * The changes of whole-document formatting, or undefined when the text cannot be formatted safely
     * (the lexer failed, or did not account for every character).
     */
    lineEdits(text: string, options?: Partial<FormattingOptions>, document?: LangiumDocument): LineEdit[] | undefined {
        if (typeof text !== 'string') return undefined;
        // A document refused for its size (workspace/size-limit.ts) is not formatted either: nothing
        // else reads it, and lexing a 400,000-character text only to leave it as it is took seconds.
        if (checkSizeLimits(text)) return undefined;
        let spans: Span[];
        let lexerErrors: number;
        try {
            const lexed = this.services.parser.Lexer.tokenize(text);
            // An unclosed quote the lexer read up to its line's end (parser/coop-lexer.ts): the
            // author has not finished the text; moving lines around it would not be stable.
            if ((lexed as { mended?: boolean }).mended) return undefined;
            spans = toSpans(lexed.tokens.concat(lexed.hidden));
            if (!accountsForEveryCharacter(text, spans, lexed.errors)) return undefined;
            lexerErrors = lexed.errors.length;
        } catch {
            return undefined;
        }
        return formattingEdits(text, spans, options, this.structure(text, lexerErrors, document));
    }

    /**
     * Where statements start, for continuation lines. Only from a text that parses without error:
     * the parser's recovery reads a garbled text differently once its lines are re-indented, and a
     * second formatting would then move lines again (found by the fuzz suite).
     */
    private structure(text: string, lexerErrors: number, document?: LangiumDocument): Structure | undefined {
        // The lexer already found errors: the parse could only be rejected below, so it is not run
        // (half of the formatter's time on a 600,000-character garbled text, found by the fuzz suite).
        if (lexerErrors > 0) return undefined;
        let result: { value: AstNode; parserErrors: unknown[]; lexerErrors: unknown[] };
        if (document?.parseResult?.value?.$cstNode?.root.fullText === text) {
            result = document.parseResult;
        } else {
            try {
                result = this.services.parser.LangiumParser.parse(text);
            } catch {
                return undefined;
            }
        }
        if (result.parserErrors.length > 0 || result.lexerErrors.length > 0) return undefined;
        return structureOf(result.value);
    }
}

/** The tokens of a lexer result as spans, sorted, whitespace left out. */
export function toSpans(tokens: Array<{ startOffset: number; image: string }>): Span[] {
    const spans: Span[] = [];
    for (const token of tokens) {
        const image = token.image;
        if (image.length === 0 || isWhitespace(image, 0, image.length)) continue;
        spans.push({ start: token.startOffset, end: token.startOffset + image.length, image });
    }
    return sortedByStart(spans);
}

/** The spans sorted by start: as they are when they already are (the usual case), else a sorted copy. */
function sortedByStart(spans: Span[]): Span[] {
    for (let k = 1; k < spans.length; k++) {
        if (spans[k].start < spans[k - 1].start) return [...spans].sort((a, b) => a.start - b.start);
    }
    return spans;
}

/** True when `text` holds only whitespace (as `\s` means it) from `from` to `to`. */
function isWhitespace(text: string, from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
        const code = text.charCodeAt(i);
        if (code === 0x20 || (code >= 0x09 && code <= 0x0D)) continue;
        if (code < 0x80 || !/\s/.test(text[i])) return false;
    }
    return true;
}

/** Structure callback from a parsed root (see {@link Structure}). */
export function structureOf(root: AstNode | undefined): Structure | undefined {
    const cst = root?.$cstNode;
    if (!cst) return undefined;
    return offset => {
        const leaf = CstUtils.findLeafNodeAtOffset(cst, offset);
        const starts: number[] = [];
        for (let node: AstNode | undefined = leaf?.astNode; node?.$container; node = node.$container) {
            if (node.$cstNode) starts.push(node.$cstNode.offset);
        }
        return starts;
    };
}

/**
 * True when every character that is not whitespace is inside a token or a reported lexer error.
 * Otherwise the token list does not describe the text (a lexer that gave up) and formatting could
 * move characters inside a string or a comment: the formatter then changes nothing.
 */
function accountsForEveryCharacter(text: string, spans: Span[], errors: Array<{ offset: number; length: number }>): boolean {
    // Spans are sorted (toSpans); errors are few: the two are walked together, in text order.
    const errorSpans = errors.map(error => ({ start: error.offset, end: error.offset + Math.max(1, error.length) })).sort((a, b) => a.start - b.start);
    let position = 0;
    let s = 0;
    let e = 0;
    while (s < spans.length || e < errorSpans.length) {
        const next = e >= errorSpans.length || (s < spans.length && spans[s].start <= errorSpans[e].start) ? spans[s++] : errorSpans[e++];
        if (next.start > position && !isWhitespace(text, position, next.start)) return false;
        position = Math.max(position, next.end);
    }
    return position >= text.length || isWhitespace(text, position, text.length);
}

/** Formats a whole text given its tokens (and, optionally, its structure for continuation lines). */
export function formatText(text: string, tokens: Span[], options?: Partial<FormattingOptions>, structure?: Structure): string {
    const edits = formattingEdits(text, tokens, options, structure);
    return edits ? applyLineEdits(text, edits) : text;
}

/** Applies line edits (sorted, not overlapping, as {@link formattingEdits} returns them). */
export function applyLineEdits(text: string, edits: LineEdit[]): string {
    const parts: string[] = [];
    let position = 0;
    for (const edit of edits) {
        parts.push(text.slice(position, edit.start), edit.newText);
        position = edit.end;
    }
    parts.push(text.slice(position));
    return parts.join('');
}

/** The lines a range covers: a range that ends at the start of a line does not include that line. */
export function rangeLines(range: Range): { first: number; last: number } {
    const first = Math.max(0, range.start.line);
    let last = range.end.line;
    if (range.end.character === 0 && last > first) last--;
    return { first, last: Math.max(first, last) };
}

function mergeTouching(edits: LineEdit[]): LineEdit[] {
    const merged: LineEdit[] = [];
    for (const edit of edits) {
        const previous = merged[merged.length - 1];
        if (previous && previous.end === edit.start) {
            merged[merged.length - 1] = { line: previous.line, lastLine: edit.lastLine, start: previous.start, end: edit.end, newText: previous.newText + edit.newText };
        } else {
            merged.push({ ...edit });
        }
    }
    return merged;
}

function indentUnit(options?: Partial<FormattingOptions>): string {
    if (options?.insertSpaces === false) return '\t';
    const size = options?.tabSize;
    const width = typeof size === 'number' && Number.isInteger(size) && size >= 1 ? Math.min(size, 16) : 4;
    return ' '.repeat(width);
}

const isSpaceOrTab = (code: number) => code === 0x20 || code === 0x09;

/**
 * The changes that format a text, line by line, in text order; undefined when the result would be
 * unreasonably larger than the text (thousands of unclosed braces).
 */
export function formattingEdits(text: string, tokens: Span[], options?: Partial<FormattingOptions>, structure?: Structure): LineEdit[] | undefined {
    const unit = indentUnit(options);
    const spans = sortedByStart(tokens);

    // Lines as LSP counts them: LF, CRLF and a lone CR each end a line.
    const lineStart: number[] = [];
    const contentEnd: number[] = [];
    const lineEnd: number[] = [];
    const bom = text.charCodeAt(0) === 0xFEFF ? 1 : 0;
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
        const code = i < text.length ? text.charCodeAt(i) : -1;
        if (code === 0x0A || code === 0x0D || code === -1) {
            lineStart.push(lineStart.length === 0 ? bom : start);
            contentEnd.push(i);
            if (code === 0x0D && text.charCodeAt(i + 1) === 0x0A) i++;
            lineEnd.push(code === -1 ? i : i + 1);
            start = i + 1;
        }
    }
    const lines = lineStart.length;

    // The token containing an offset (binary search over sorted, non-overlapping spans).
    const spanAt = (offset: number): Span | undefined => {
        let low = 0;
        let high = spans.length - 1;
        while (low <= high) {
            const middle = (low + high) >> 1;
            const span = spans[middle];
            if (span.end <= offset) low = middle + 1;
            else if (span.start > offset) high = middle - 1;
            else return span;
        }
        return undefined;
    };
    // Brace depth before each token, and a lookup of the depth at any offset.
    const depthBefore: number[] = new Array(spans.length + 1);
    let depth = 0;
    for (let k = 0; k < spans.length; k++) {
        depthBefore[k] = depth;
        if (spans[k].image === '{') depth++;
        else if (spans[k].image === '}') depth = Math.max(0, depth - 1);
    }
    depthBefore[spans.length] = depth;
    const depthAt = (offset: number): number => {
        let low = 0;
        let high = spans.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (spans[middle].start < offset) low = middle + 1; else high = middle;
        }
        return depthBefore[low];
    };

    const startsInside = (line: number) => {
        const span = spanAt(lineStart[line]);
        return span !== undefined && span.start < lineStart[line];
    };
    // A line is blank when it holds nothing but spaces and tabs outside any token.
    const blank: boolean[] = new Array(lines);
    for (let line = 0; line < lines; line++) {
        let position = lineStart[line];
        while (position < contentEnd[line] && isSpaceOrTab(text.charCodeAt(position))) position++;
        blank[line] = position === contentEnd[line] && !startsInside(line);
    }
    let lastContent = lines - 1;
    while (lastContent >= 0 && blank[lastContent]) lastContent--;

    const edits: LineEdit[] = [];
    let growth = 0;
    const change = (line: number, from: number, to: number, newText: string, lastLine = line) => {
        if (text.slice(from, to) === newText) return;
        edits.push({ line, lastLine, start: from, end: to, newText });
        growth += newText.length - (to - from);
    };
    const terminator = (line: number) => text.slice(contentEnd[line], lineEnd[line]);
    let seenContent = false;
    for (let line = 0; line < lines; line++) {
        const from = lineStart[line];
        const end = contentEnd[line];
        if (blank[line]) {
            let runEnd = line;
            while (runEnd + 1 < lines && blank[runEnd + 1]) runEnd++;
            // The empty line after a final line ending holds nothing: a range need not reach it.
            const lastTouched = runEnd > line && lineStart[runEnd] === text.length ? runEnd - 1 : runEnd;
            if (!seenContent || line > lastContent) {
                // Blank lines before the first and after the last line of content go.
                change(line, from, lineEnd[runEnd], '', lastTouched);
            } else {
                // A run keeps its first line, emptied, unless emptying it would join the lone CR that
                // ends the line before to the LF that ends it (two line endings would become one CRLF).
                if (!(terminator(line - 1) === '\r' && terminator(line) === '\n')) change(line, from, end, '');
                if (runEnd > line) change(line + 1, lineStart[line + 1], lineEnd[runEnd], '', lastTouched);
            }
            line = runEnd;
            continue;
        }
        seenContent = true;
        const inside = startsInside(line);
        let first = from;
        if (!inside) {
            while (first < end && isSpaceOrTab(text.charCodeAt(first))) first++;
            // Indentation holding another kind of space (NBSP, BOM, form feed…) is the author's: kept.
            if (!/\s/.test(text[first])) {
                const lineDepth = depthAt(from);
                const closing = text[first] === '}';
                let level = Math.max(0, lineDepth - (closing ? 1 : 0));
                if (!closing && structure && continues(structure, first, from, lineDepth, depthAt)) level++;
                change(line, from, first, unit.repeat(level));
            }
        }
        // Trailing spaces and tabs go, unless they belong to a token (a comment, a string, a text block).
        let last = end;
        while (last > first && isSpaceOrTab(text.charCodeAt(last - 1))) last--;
        if (last < end && spanAt(end - 1) === undefined) change(line, last, end, '');
        // The last line of content ends with a line ending: the file's own (its last one), else LF.
        if (line === lastContent && lineEnd[line] === end) {
            change(line, end, end, line > 0 ? terminator(line - 1) : '\n');
        }
        if (growth > text.length + GROWTH_ALLOWANCE) return undefined;
    }
    return edits;
}

/** A line continues an element when the element began on an earlier line at the same brace depth. */
function continues(structure: Structure, offset: number, lineStart: number, lineDepth: number, depthAt: (offset: number) => number): boolean {
    let starts: number[];
    try {
        starts = structure(offset);
    } catch {
        return false;
    }
    return starts.some(start => start < lineStart && depthAt(start) === lineDepth);
}
