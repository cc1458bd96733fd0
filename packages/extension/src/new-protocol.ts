import * as vscode from 'vscode';
import { t } from './l10n.js';

/** Key of the whole-protocol skeleton in snippets/coop.json (also offered by completion). */
export const SKELETON_SNIPPET = 'Nouveau protocole';

interface SnippetFile {
    [name: string]: { prefix: string | string[]; body: string | string[]; description?: string };
}

/**
 * « Coop : Nouveau protocole » — opens an untitled protocol filled with the skeleton snippet,
 * its placeholders ready to be filled with Tab. The snippet file is the single source of the
 * skeleton. Returns the new editor (used by the tests).
 */
export async function newProtocol(extensionUri: vscode.Uri): Promise<vscode.TextEditor | undefined> {
    const body = await readSkeleton(extensionUri);
    const document = await vscode.workspace.openTextDocument({ language: 'coop', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    const inserted = await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(0, 0));
    if (!inserted) {
        void vscode.window.showErrorMessage(t('Could not insert the protocol skeleton.'));
        return undefined;
    }
    return editor;
}

async function readSkeleton(extensionUri: vscode.Uri): Promise<string> {
    const file = vscode.Uri.joinPath(extensionUri, 'snippets', 'coop.json');
    const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as SnippetFile;
    const skeleton = snippets[SKELETON_SNIPPET];
    if (!skeleton) {
        throw new Error(`snippet "${SKELETON_SNIPPET}" missing from ${file.toString()}`);
    }
    return Array.isArray(skeleton.body) ? skeleton.body.join('\n') : skeleton.body;
}
