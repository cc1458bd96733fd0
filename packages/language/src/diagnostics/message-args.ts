import type { Locale, LocaleSetting } from '../i18n/locale.js';
import { nodeKind } from '../model/node-kinds.js';

/** A value given to a message placeholder; a partial syntax tree may leave it undefined. */
export type MessageArg = string | number | undefined | null;
export type MessageArgs = Record<string, MessageArg>;

/**
 * A value that must never be printed: missing (a name lost to a syntax error), empty, or a number
 * that is not a finite value (`NaN`, `Infinity` from a bound that could not be read), or the text
 * of such a value.
 */
export function isMissingArg(value: MessageArg): value is undefined | null | '' {
    if (value === undefined || value === null) return true;
    if (typeof value === 'number') return !Number.isFinite(value);
    const text = value.trim();
    return text === '' || text === 'undefined' || text === 'null' || text === 'NaN' || text === 'Infinity' || text === '-Infinity';
}

/** Longest value a message quotes whole: a longer one (a pasted text, a garbled block) is cut. */
export const MAX_QUOTED_CHARS = 200;

/**
 * A value as a message quotes it: on one line, and cut after MAX_QUOTED_CHARS characters with « … »
 * (a message quoting a whole 100,000-character text would fill the Problems panel).
 */
export function shortenForMessage(text: string): string {
    // Only the head is read: a value may be a whole pasted file.
    const oneLine = text.slice(0, MAX_QUOTED_CHARS * 4).replace(/\s*[\r\n]+\s*/g, ' ');
    return oneLine.length > MAX_QUOTED_CHARS || text.length > MAX_QUOTED_CHARS * 4 ? `${oneLine.slice(0, MAX_QUOTED_CHARS - 20).trimEnd()}…` : oneLine;
}

/** Placeholders that name the kind of the element (« Le délégant », « L'acte »). */
const KIND_KEYS = new Set(['kind', 'role']);

const UNNAMED: Record<Locale, string> = { fr: 'sans nom', en: '(unnamed)' };
const UNKNOWN: Record<Locale, string> = { fr: '…', en: '…' };

/** « Le délégant » for a Delegant, from the table of node kinds (or its section title). */
export function kindLabel(type: string | undefined, locale: Locale): string {
    const kind = type ? nodeKind(type) : undefined;
    const label = kind?.name?.label ?? kind?.label;
    if (label) return label[locale];
    return locale === 'fr' ? 'L\'élément' : 'Element';
}

/**
 * Fills a message template (`{placeholders}`) for an element of the given AST type. This is the
 * ONE place where a value lost to a syntax error is replaced, so no message ever reads
 * « undefined », « NaN », « Infinity » or a bare « {name} »:
 * - `{kind}` / `{role}` missing → the element's kind (« Le délégant ») from model/node-kinds.ts;
 * - a quoted name (« « {name} » » in French, `"{name}"` in English) missing → « sans nom »
 *   (« Le délégant sans nom n'a ni qualification… », « l'acte sans nom »);
 * - any other missing value (inside an example, a bound, a unit) → « … »;
 * - a placeholder the caller did not give at all is treated as missing too.
 */
export function fillMessage(template: string, args: MessageArgs, type: string | undefined, locale: Locale): string {
    const fallback = (key: string): string => (KIND_KEYS.has(key) ? kindLabel(type, locale) : UNKNOWN[locale]);
    const value = (key: string): string | undefined => {
        const given = args[key];
        return isMissingArg(given) ? undefined : shortenForMessage(String(given));
    };
    // Quoted placeholders whose value is missing: the quotes go too (« Le délégant sans nom »).
    const quoted = locale === 'fr' ? /«[\s\u00a0\u202f]*\{(\w+)\}[\s\u00a0\u202f]*»/g : /"\{(\w+)\}"/g;
    const unquoted = template.replace(quoted, (whole, key: string) => (value(key) === undefined && !KIND_KEYS.has(key) ? UNNAMED[locale] : whole));
    return unquoted.replace(/\{(\w+)\}/g, (_whole, key: string) => value(key) ?? fallback(key));
}

/** Same, in the current language of a set of services. */
export function fillLocalized(locale: LocaleSetting, template: { fr: string; en: string }, args: MessageArgs, type: string | undefined): string {
    return fillMessage(locale.pick(template), args, type, locale.current);
}
