import * as vscode from 'vscode';
import { newProtocolSnippet } from 'coop-language/skeletons';
import { t } from './l10n.js';

/**
 * « Coop : Nouveau protocole » — opens an untitled protocol filled with the whole-protocol skeleton,
 * the same snippet as the completion offers in an empty file (`newProtocolSnippet`, built from the
 * table of node kinds: tab stops only where the author writes or chooses, in document order).
 * Returns the new editor (used by the tests).
 */
export async function newProtocol(): Promise<vscode.TextEditor | undefined> {
    const document = await vscode.workspace.openTextDocument({ language: 'coop', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    const inserted = await editor.insertSnippet(new vscode.SnippetString(newProtocolSnippet()), new vscode.Position(0, 0));
    if (!inserted) {
        void vscode.window.showErrorMessage(t('Could not insert the protocol skeleton.'));
        return undefined;
    }
    return editor;
}
