// The extension's own runtime strings in the language of the messages (`coop.language`, read at
// each call: a change applies at once). See l10n-core.ts.
import * as vscode from 'vscode';
import { effectiveLanguage, translate, type MessageLanguage } from './l10n-core.js';

export type { MessageLanguage } from './l10n-core.js';

/** The effective language now. */
export function messageLanguage(): MessageLanguage {
    return effectiveLanguage(vscode.workspace.getConfiguration('coop').get<string>('language', 'fr'), vscode.env.language);
}

/** `message` (English, the key of l10n/bundle.l10n.fr.json) in the language of the messages. */
export function t(message: string, ...args: Array<string | number | boolean>): string {
    return translate(messageLanguage(), message, args);
}
