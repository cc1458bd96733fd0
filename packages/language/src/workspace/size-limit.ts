/**
 * Size limits of a coop document, checked on the raw text BEFORE the lexer runs (docs/design.md,
 * « Documents partiels et limites »). A protocol is a few hundred lines; a file far beyond the
 * limits is a mistake (a pasted export, a binary, a generated file) and would make the lexer or
 * the parser overflow its stack or run for minutes. Such a file is refused with ONE diagnostic
 * at its start and gets an empty syntax tree, so that no other check, renderer or editor feature
 * works on it.
 */

/** Largest accepted file: 2 MiB of UTF-8 (a long protocol is about 50 kB). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Longest accepted single token (a "…" string, a """…""" block, a comment, a word): 200,000 characters. */
export const MAX_TOKEN_CHARS = 200_000;

/** Most lines in a single token (a """…""" block, a /* … *\/ comment, a string spanning lines). */
export const MAX_TOKEN_LINES = 10_000;

export type SizeRefusal =
    | { readonly code: 'fichier-trop-volumineux'; readonly bytes: number }
    | { readonly code: 'texte-trop-long'; readonly offset: number; readonly line: number; readonly chars: number; readonly lines: number };

/** UTF-8 length of a text, stopping as soon as it exceeds `stopAbove` (no buffer allocated). */
export function utf8Length(text: string, stopAbove = Infinity): number {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x80) bytes += 1;
        else if (code < 0x800) bytes += 2;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
            const next = text.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        } else bytes += 3;
        if (bytes > stopAbove) return bytes;
    }
    return bytes;
}

function isSpace(code: number): boolean {
    // The characters the WS terminal (\s) skips that matter here: space, tab, line breaks, NBSP, BOM.
    return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029;
}

/** Whether the text holds at most `limit` line feeds and carriage returns together (an upper bound of its line breaks). */
function lineBreaksAtMost(text: string, limit: number): boolean {
    let count = 0;
    for (const character of ['\n', '\r']) {
        for (let at = text.indexOf(character); at >= 0; at = text.indexOf(character, at + 1)) {
            if (++count > limit) return false;
        }
    }
    return true;
}

/**
 * Why a text must not be parsed, or undefined when it is within the limits. One linear pass over
 * the characters, with the same token boundaries as the grammar's terminals: `"""…"""` blocks,
 * `"…"` strings (with `\` escapes, possibly over several lines, or unclosed to the end of the
 * file), `//` and `/* *\/` comments, and runs of other non-space characters (words, numbers).
 */
export function checkSizeLimits(text: string): SizeRefusal | undefined {
    // Characters are at least one byte each: a text longer than the limit in characters is over it.
    if (text.length > MAX_FILE_BYTES) return { code: 'fichier-trop-volumineux', bytes: utf8Length(text) };
    // Fast path (every file of a normal size): a token is a piece of the text, so a text shorter
    // than the longest token, with fewer lines than the most a token may span, has no token over
    // the limits; and at most 3 bytes a UTF-16 unit, it is far under the file limit.
    if (text.length <= MAX_TOKEN_CHARS && text.length * 3 <= MAX_FILE_BYTES && lineBreaksAtMost(text, MAX_TOKEN_LINES - 1)) return undefined;
    const bytes = utf8Length(text, MAX_FILE_BYTES);
    if (bytes > MAX_FILE_BYTES) return { code: 'fichier-trop-volumineux', bytes: utf8Length(text) };

    const length = text.length;
    let line = 0;
    let i = 0;
    /** Checks the token [start, end) that began on `startLine` and spans `lines` line breaks. */
    const tooLong = (start: number, end: number, startLine: number, lines: number): SizeRefusal | undefined =>
        end - start > MAX_TOKEN_CHARS || lines + 1 > MAX_TOKEN_LINES
            ? { code: 'texte-trop-long', offset: start, line: startLine + 1, chars: end - start, lines: lines + 1 }
            : undefined;
    while (i < length) {
        const code = text.charCodeAt(i);
        if (isSpace(code)) {
            if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) line++;
            i++;
            continue;
        }
        const start = i;
        const startLine = line;
        let breaks = 0;
        const step = (): void => {
            const c = text.charCodeAt(i);
            if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) breaks++;
            i++;
        };
        if (text.startsWith('"""', i)) {
            i += 3;
            while (i < length && !text.startsWith('"""', i)) step();
            i = Math.min(length, i + 3);
        } else if (code === 34 /* " */) {
            i++;
            while (i < length && text.charCodeAt(i) !== 34) {
                if (text.charCodeAt(i) === 92 /* \ */ && i + 1 < length) step();
                step();
            }
            i = Math.min(length, i + 1);
        } else if (text.startsWith('//', i)) {
            while (i < length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        } else if (text.startsWith('/*', i)) {
            i += 2;
            while (i < length && !text.startsWith('*/', i)) step();
            i = Math.min(length, i + 2);
        } else {
            while (i < length && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 34 && !text.startsWith('//', i) && !text.startsWith('/*', i)) i++;
        }
        const refusal = tooLong(start, i, startLine, breaks);
        if (refusal) return refusal;
        line += breaks;
    }
    return undefined;
}

/** The refusal of each refused document's (empty) syntax tree, read by the document validator. */
const refusals = new WeakMap<object, SizeRefusal>();

export function markRefused(root: object, refusal: SizeRefusal): void {
    refusals.set(root, refusal);
}

/** Why this document's syntax tree is empty: it was refused before the lexer (or undefined). */
export function refusalOf(root: object | undefined): SizeRefusal | undefined {
    return root ? refusals.get(root) : undefined;
}

/** « 50,0 Mo », « 2 Mo » / "50.0 MB". */
export function formatBytes(bytes: number, locale: 'fr' | 'en'): string {
    const megabytes = bytes / (1024 * 1024);
    const text = Number.isInteger(megabytes) ? String(megabytes) : megabytes.toFixed(1);
    return locale === 'fr' ? `${text.replace('.', ',')} Mo` : `${text} MB`;
}

/** « 200 000 » / "200,000". */
export function formatCount(count: number, locale: 'fr' | 'en'): string {
    return count.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-US').replace(/[\u202f\u00a0]/g, ' ');
}
