// « Coop : Écrire le dossier de déclaration de l'équipe » (issue 12 §5): from a team file (or its
// preview), the server builds the packet `coop declaration` writes (`coop/declaration`: CSV, JSON and
// the documents to sign); the extension asks for the folder, writes the files and offers to open it.
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { t } from './l10n.js';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DeclarationRequest, isDeclarationResult } from 'coop-language/protocol';
import type { PreviewManager } from './preview/preview-manager.js';
import { describeRequestError, isTransient, sendCoopRequest, toUri, whenRunning } from './preview/requests.js';

/**
 * Arguments, both optional: the team file (Uri or URI string; by default the active preview's, else
 * the active editor's) and the folder to write to (skips the dialog: scripts, tests). Returns the
 * folder written, or undefined (cancelled or failed).
 */
export async function writeDeclaration(client: LanguageClient, previews: PreviewManager, sourceArg?: unknown, targetArg?: unknown): Promise<vscode.Uri | undefined> {
    const active = vscode.window.activeTextEditor?.document;
    const source = toUri(sourceArg) ?? previews.active?.uri ?? (active?.languageId === 'coop' ? active.uri : undefined);
    if (!source) {
        void vscode.window.showInformationMessage(t('Open a team file (.coop file starting with « équipe ») to write its declaration packet.'));
        return undefined;
    }
    const name = posix.basename(source.path);
    const failed = (reason: string) => {
        client.outputChannel.appendLine(`[declaration] ${source.toString()}: ${reason}`);
        void vscode.window.showErrorMessage(t('Could not write the declaration packet of {0}: {1}', name, reason));
        return undefined;
    };
    let result: unknown;
    try {
        await vscode.workspace.openTextDocument(source);
        if (!(await whenRunning(client))) return failed(t('The coop language server is not running.'));
        const request = () => sendCoopRequest(client, DeclarationRequest, { uri: source.toString() });
        result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Preparing the declaration packet of {0}…', name) },
            () => request().catch(async (error: unknown) => {
                if (isTransient(error, client) && (await whenRunning(client))) return request();
                throw error;
            }));
    } catch (error) {
        return failed(describeRequestError(error, DeclarationRequest.method));
    }
    if (result === null || result === undefined) return failed(t('{0} is not a team file (« équipe "…" applique … »).', name));
    if (!isDeclarationResult(result)) return failed(t('The coop language server sent an answer the extension does not understand.'));

    let folder = toUri(targetArg);
    if (!folder) {
        const base = posix.basename(source.path, posix.extname(source.path)) || 'equipe';
        const picked = await vscode.window.showSaveDialog({
            defaultUri: source.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(source, '..', `${base}-declaration`),
            saveLabel: t('Write the packet here'),
            title: t('Folder of the declaration packet of {0}', name)
        });
        if (!picked) return undefined;
        folder = picked;
    }
    try {
        for (const file of result.files) {
            await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, ...file.path.split('/')), Buffer.from(file.data, 'base64'));
        }
    } catch (error) {
        return failed(error instanceof Error ? error.message : String(error));
    }
    const documents = result.files.filter(file => file.path.endsWith('.pdf')).length;
    const message = result.errors > 0
        ? t('Declaration packet written to {0} ({1} document(s) to sign), but {2} still has {3} error(s): fix them before declaring.', folder.fsPath, documents, name, result.errors)
        : t('Declaration packet written to {0}: declaration.csv, declaration.json and {1} document(s) to sign.', folder.fsPath, documents);
    const open = t('Open the folder');
    void (result.errors > 0 ? vscode.window.showWarningMessage(message, open) : vscode.window.showInformationMessage(message, open)).then(choice => {
        if (choice === open) void vscode.commands.executeCommand('revealFileInOS', folder);
    });
    return folder;
}
