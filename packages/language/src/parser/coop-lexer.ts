import { DefaultLexer, type LexerResult, type LangiumCoreServices, type TokenizeOptions } from 'langium';
import { frameworkMessages } from '../i18n/framework-messages.js';
import { format, type LocaleSetting } from '../i18n/locale.js';
import type { CoopAddedServices } from '../coop-module.js';

type Token = LexerResult['tokens'][number];

/**
 * The last line of a quoted text that actually is the start of the next statement: indentation,
 * one to four words (a keyword and its words), a space and the opening quote of that statement's
 * text (« horaires " »). A text ending so was opened on an earlier line and never closed.
 */
const NEXT_STATEMENT_TAIL = /\n[ \t]*[\p{L}][\p{L}\d'’-]*(?:[ \t]+[\p{L}][\p{L}\d'’-]*){0,3}[ \t]+"$/u;

/** At most this many unclosed texts are mended in one document (each costs one more tokenisation). */
const MAX_MENDS = 20;

/**
 * And at most this many characters re-read by the mends together: a 50 kB protocol gets its twenty,
 * a 600 kB pasted file three (twenty tokenisations of it took most of a second).
 */
const MAX_MENDED_CHARACTERS = 2_000_000;

/**
 * Langium's lexer, with unclosed quoted texts read as such. A text between double quotes may span
 * lines, so a missing closing quote (« modalités "Le délégant est joignable ») makes the text run to
 * the next statement's opening quote, and every text after it is read inside out: dozens of errors
 * for one missing character. When a quoted text ends like the start of the next statement, the
 * quote it opened is taken to end with its line: one error says so, the rest of the file reads as
 * written.
 */
export class CoopLexer extends DefaultLexer {
    private readonly locale: LocaleSetting;

    constructor(services: LangiumCoreServices & CoopAddedServices) {
        super(services);
        this.locale = services.i18n.Locale;
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        let result = super.tokenize(text, options);
        const mended: Array<{ offset: number; end: number; token: Token }> = [];
        let patched = text;
        const refused = new Set<number>();
        const rounds = Math.min(MAX_MENDS, Math.max(1, Math.floor(MAX_MENDED_CHARACTERS / Math.max(1, text.length))));
        for (let round = 0; round < rounds; round++) {
            const unclosed = result.tokens.find(token => token.tokenType.name === 'STRING' && !refused.has(token.startOffset) && !mended.some(m => m.offset === token.startOffset)
                && token.image.includes('\n') && NEXT_STATEMENT_TAIL.test(token.image));
            if (!unclosed) break;
            const lineEnd = unclosed.startOffset + unclosed.image.search(/\r?\n/);
            // A text must have begun on that line: a lone quote is left to the general messages.
            if (!/\S/.test(text.slice(unclosed.startOffset + 1, lineEnd))) {
                refused.add(unclosed.startOffset);
                continue;
            }
            // Read the rest of the line as if the quote were not there, then replace it by one text.
            const attempt = patched.slice(0, unclosed.startOffset) + ' ' + patched.slice(unclosed.startOffset + 1);
            const next = super.tokenize(attempt, options);
            // Only when the rest of the line is self-contained (no text or comment running past it).
            const spills = [...next.tokens, ...next.hidden].some(token => token.startOffset > unclosed.startOffset && token.startOffset < lineEnd && token.endOffset! >= lineEnd);
            if (spills) {
                refused.add(unclosed.startOffset);
                continue;
            }
            mended.push({ offset: unclosed.startOffset, end: lineEnd, token: unclosed });
            patched = attempt;
            result = next;
        }
        if (mended.length === 0) return result;
        const inMended = (offset: number) => mended.some(m => offset >= m.offset && offset < m.end);
        const tokens = result.tokens.filter(token => !inMended(token.startOffset));
        const errors = result.errors.filter(error => !inMended(error.offset));
        const hidden = result.hidden.filter(token => !inMended(token.startOffset));
        for (const { offset, end, token } of mended) {
            const image = text.slice(offset, end).replace(/[ \t\r\u00A0\u202F\uFEFF]+$/, '');
            const replacement: Token = {
                ...token,
                image,
                startOffset: offset,
                endOffset: offset + image.length - 1,
                endLine: token.startLine,
                endColumn: (token.startColumn ?? 1) + image.length - 1
            };
            const at = tokens.findIndex(t => t.startOffset > offset);
            tokens.splice(at < 0 ? tokens.length : at, 0, replacement);
            const shown = image.length > 30 ? image.slice(0, 29) + '…' : image;
            errors.push({
                offset, length: 1, line: token.startLine, column: token.startColumn,
                message: format(this.locale.pick(frameworkMessages.unclosedString), { text: this.locale.current === 'fr' ? `« ${shown} »` : `'${shown}'` })
            });
        }
        errors.sort((a, b) => a.offset - b.offset);
        // `mended`: the formatter leaves such a text alone until the quote is closed.
        return Object.assign({ ...result, tokens, errors, hidden }, { mended: true });
    }
}
