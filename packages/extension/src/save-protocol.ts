import * as vscode from 'vscode';
import { protocolFileName } from './file-name.js';
import { t } from './l10n.js';

/**
 * « Enregistrer » (Ctrl+S) on a new, untitled protocol: proposes a file name taken from the title
 * (`cystite-simple-de-la-femme.coop`), in the workspace folder, where VS Code would propose the
 * first line of code (`protocole "Titre du protocole" {.coop`). The untitled editor is replaced by
 * the saved file. `target` (tests) skips the dialog. Returns the file written, if any.
 */
export async function saveNewProtocol(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const editor = vscode.window.activeTextEditor;
    const document = editor?.document;
    if (!document || document.languageId !== 'coop') return undefined;
    if (!document.isUntitled) {
        await document.save();
        return document.uri;
    }
    const uri = target ?? await vscode.window.showSaveDialog({
        defaultUri: proposedSaveUri(document),
        filters: { [t('Cooperation protocol')]: ['coop'] },
        saveLabel: t('Save'),
        title: t('Save the new protocol')
    });
    if (!uri) return undefined;
    try {
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(document.getText()));
    } catch (error) {
        void vscode.window.showErrorMessage(t('Could not save {0}: {1}', uri.fsPath, error instanceof Error ? error.message : String(error)));
        return undefined;
    }
    const selection = editor.selection;
    const column = editor.viewColumn;
    // The untitled buffer is written: close it without asking, and open the file in its place.
    await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const saved = await vscode.window.showTextDocument(uri, { viewColumn: column, selection });
    return saved.document.uri;
}

/** Where « Enregistrer » proposes to write `document`: its title as file name, in the workspace folder. */
export function proposedSaveUri(document: vscode.TextDocument): vscode.Uri {
    const name = protocolFileName(document.getText());
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(name);
}
