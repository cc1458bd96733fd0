// The extension's own runtime strings (status bar, messages, tooltips, prompts) in the language of
// the messages, `coop.language`: French by default whatever the editor's display language, English
// on request, or `auto` (the editor's language: English if it is English, French otherwise).
// `vscode.l10n.t` would follow the editor's display language only; this follows the setting, with
// the same bundle (l10n/bundle.l10n.fr.json: English message → French text), so that the
// server's messages and the extension's strings are always in one language.
//
// What it cannot reach: the static contributions of package.json (command titles, settings titles
// and descriptions, menus) are translated by the editor itself from package.nls.<display language>.json;
// VS Code offers no way to choose them by a setting. See docs (README of the extension).
// No `vscode` import here: unit-tested on its own (test/unit/i18n.test.ts); src/l10n.ts reads the settings.
import french from '../l10n/bundle.l10n.fr.json' with { type: 'json' };

export type MessageLanguage = 'fr' | 'en';

const FRENCH: Readonly<Record<string, string>> = french;

/** The effective language of the messages for `setting` (`coop.language`) and the editor's display language. */
export function effectiveLanguage(setting: unknown, displayLanguage: string): MessageLanguage {
    if (setting === 'en') return 'en';
    if (setting === 'auto') return /^en\b/i.test(displayLanguage) ? 'en' : 'fr';
    return 'fr';
}

/** `message` (English, the bundle's key) in `language`, `{0}`, `{1}`… replaced by `args`. */
export function translate(language: MessageLanguage, message: string, args: ReadonlyArray<string | number | boolean> = []): string {
    const template = language === 'fr' ? FRENCH[message] ?? message : message;
    return template.replace(/\{(\d+)\}/g, (whole, index: string) => (args[Number(index)] === undefined ? whole : String(args[Number(index)])));
}
