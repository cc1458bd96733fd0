/**
 * Message language of the tool. French is the default: the users are French-speaking protocol
 * authors and reviewers; English is available for engineers (`--lang en`, or the editor's locale).
 */
export type Locale = 'fr' | 'en';

export const DEFAULT_LOCALE: Locale = 'fr';

/** Maps a BCP-47 tag such as `fr-FR`, `en`, `en-GB` to a supported locale (French otherwise). */
export function toLocale(tag: string | undefined | null): Locale {
    return tag && tag.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** A text in both languages. */
export interface Localized {
    fr: string;
    en: string;
}

/** Replaces `{name}` placeholders by the given values; unknown placeholders stay visible. */
export function format(template: string, args: Record<string, string | number> = {}): string {
    return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}

/** Holds the current message language of one set of services (one CLI run, one language server). */
export class LocaleSetting {
    current: Locale = DEFAULT_LOCALE;

    pick(text: Localized): string {
        return text[this.current];
    }
}
