import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { activateExtension, waitForDiagnostics, workspaceUri } from './helpers.js';

describe('language server resilience', () => {
    // Seen while writing the export tests: once an untitled protocol (« Coop : Nouveau
    // protocole ») has been closed, the next change of a workspace file made the server exit
    // (`The service registry contains no services for the extension ''`, in
    // DocumentBuilder.update), and the client restart it.
    it('survives an untitled protocol closed, then a file written in the workspace', async () => {
        const api = await activateExtension();
        const states: string[] = [];
        const listener = api.client.onDidChangeState(event => states.push(State[event.newState]));
        try {
            const document = await vscode.workspace.openTextDocument({ language: 'coop', content: 'protocole "Brouillon" {\n}\n' });
            await vscode.window.showTextDocument(document);
            await waitForDiagnostics(document.uri, diagnostics => diagnostics.length > 0);
            await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
            await vscode.workspace.fs.writeFile(workspaceUri('brouillons', 'notes.txt'), new TextEncoder().encode('notes'));
            // The server sees the file events, then answers a request about the example.
            await new Promise(resolve => setTimeout(resolve, 2_000));
            const answer = await api.client.sendRequest('coop/conformity', { uri: workspaceUri('cystite-femme.coop').toString() }).catch((error: Error) => error.message);
            assert.deepEqual(states, [], `the server stopped and restarted (answer after: ${JSON.stringify(answer)?.slice(0, 80)})`);
        } finally {
            listener.dispose();
        }
    });
});
