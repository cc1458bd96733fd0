import type { Locale } from '../i18n/locale.js';

// French typography of the submission document, in ONE place: every text the document model
// emits goes through `typography` (plain text) or `typographyMarkdown` (the authors' prose), and
// the renderers pass the words they add themselves through the same function. Code identifiers
// (rule codes, anchors, short names), URLs, Markdown code spans and link targets are left alone.
//
//   « texte »       narrow no-break space (U+202F) inside the guillemets;
//   mot ; mot ! ?   narrow no-break space before ; ! ?;
//   mot : mot       no-break space (U+00A0) before :;
//   24 h, 38 °C     no-break space between a number and its unit (and after ≥ ≤ < > before a
//                   number, and inside thousands: 1 000).
//
// The functions are idempotent: a text already spaced stays as it is. English text only gets the
// number–unit rule (English puts no space before punctuation).

/** Narrow no-break space (espace fine insécable). */
export const NNBSP = '\u202F';
/** No-break space (espace insécable). */
export const NBSP = '\u00A0';

/** Horizontal spaces, the no-break ones included (never a line break). */
const SPACE = '[ \\t\\u00A0\\u202F\\u2009]';

/** Units written after a number (a word boundary follows them). */
const UNITS = [
    '°C', '°', '%', '‰', '€',
    'heures?', 'h', 'min', 'minutes?', 'secondes?', 's', 'jours?', 'j', 'semaines?', 'sem', 'mois', 'ans?', 'années?',
    'mg', 'µg', 'g', 'kg', 'ml', 'mL', 'cl', 'l', 'L', 'dl', 'dL', 'mmol', 'µmol', 'UI', 'U', 'mmHg', 'bpm', 'cm', 'mm', 'm', 'km',
    'cas', 'fois', 'patients?', 'patientes?', 'actes?', 'séances?', 'points?', 'ETP'
].join('|');

const RULES_FR: Array<[RegExp, string]> = [
    // « texte »: narrow no-break space inside, whatever was there.
    [new RegExp(`«${SPACE}*`, 'g'), `«${NNBSP}`],
    [new RegExp(`${SPACE}*»`, 'g'), `${NNBSP}»`],
    // Before ; ! ? (a run of them counts as one), after a word, a closing sign or a digit. A
    // Markdown escape (`\!`) keeps its backslash next to its sign. Followed by a space or the end
    // only, so that `?a=1` in an address is never touched.
    [new RegExp(`(^|[\\p{L}\\p{N})\\]»"'’*_])${SPACE}*(\\\\?[;!?](?:\\\\?[;!?])*)(?=\\s|$|[)»"’*_])`, 'gu'), `$1${NNBSP}$2`],
    // Before : (no-break space), same conditions (never `https:` nor `10:30`).
    [new RegExp(`(^|[\\p{L}\\p{N})\\]»"'’*_])${SPACE}*:(?=\\s|$)`, 'gu'), `$1${NBSP}:`]
];

const RULES_ALL: Array<[RegExp, string]> = [
    // 24 h, 38 °C, 10 %, 1 000: no line break inside.
    [new RegExp(`(\\d)${SPACE}+(${UNITS})(?![\\p{L}\\p{N}])`, 'gu'), `$1${NBSP}$2`],
    [new RegExp(`(\\d)${SPACE}+(?=\\d{3}(?!\\d))`, 'g'), `$1${NBSP}`],
    // ≥ 38: the sign stays with its number.
    [new RegExp(`([≥≤<>=±~])${SPACE}+(?=\\d)`, 'g'), `$1${NBSP}`]
];

/** Parts of a text never changed: URLs. */
const URL = /(?:https?:\/\/|mailto:|www\.)[^\s<>]+/giu;

/** Parts of Markdown never changed: code, link targets, autolinks, URLs. */
const MARKDOWN_LITERAL = /```[\s\S]*?```|~~~[\s\S]*?~~~|`[^`\n]*`|\]\([^)\n]*\)|<(?:https?:|mailto:)[^>\n]*>|(?:https?:\/\/|mailto:|www\.)[^\s<>)\]]+/giu;

function applyRules(text: string, locale: Locale): string {
    let result = text;
    if (locale === 'fr') for (const [pattern, replacement] of RULES_FR) result = result.replace(pattern, replacement);
    for (const [pattern, replacement] of RULES_ALL) result = result.replace(pattern, replacement);
    return result;
}

function outside(text: string, literal: RegExp, change: (part: string) => string): string {
    let result = '';
    let last = 0;
    for (const match of text.matchAll(literal)) {
        result += change(text.slice(last, match.index)) + match[0];
        last = (match.index ?? 0) + match[0].length;
    }
    return result + change(text.slice(last));
}

/** A plain text in the typography of `locale` (URLs untouched). */
export function typography(text: string, locale: Locale = 'fr'): string {
    if (text === '') return text;
    return outside(text, new RegExp(URL.source, URL.flags), part => applyRules(part, locale));
}

/** Markdown prose in the typography of `locale` (code, link targets and URLs untouched). */
export function typographyMarkdown(markdown: string, locale: Locale = 'fr'): string {
    if (markdown === '') return markdown;
    return outside(markdown, new RegExp(MARKDOWN_LITERAL.source, MARKDOWN_LITERAL.flags), part => applyRules(part, locale));
}

/**
 * Keys of the document model whose strings are identifiers, codes or raw values, never typeset
 * (the `meta` block holds the raw values of the header).
 */
const LITERAL_KEYS = new Set(['code', 'id', 'name', 'tag', 'documentation', 'link', 'locale', 'kind', 'type', 'role', 'layout', 'status', 'meta', 'disposition', 'svg']);

/**
 * Typesets every text of a document model in place: strings, and Markdown (`{ markdown }`) as
 * Markdown, except under `LITERAL_KEYS`. Returns the model.
 */
export function typesetModel<T extends object>(model: T, locale: Locale): T {
    const visit = (value: unknown): unknown => {
        if (typeof value === 'string') return typography(value, locale);
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) value[index] = visit(value[index]);
            return value;
        }
        if (value && typeof value === 'object') {
            const record = value as Record<string, unknown>;
            for (const key of Object.keys(record)) {
                if (LITERAL_KEYS.has(key)) continue;
                const item = record[key];
                record[key] = key === 'markdown' && typeof item === 'string' ? typographyMarkdown(item, locale) : visit(item);
            }
        }
        return value;
    };
    visit(model);
    return model;
}

/** Characters a font lacks replaced by the nearest it has: Roboto (the PDF's font) has no U+202F. */
export function withoutNarrowSpace(text: string): string {
    return text.replace(/\u202F/g, NBSP);
}
