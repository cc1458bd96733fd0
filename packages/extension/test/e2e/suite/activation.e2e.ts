import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, openAndWaitForDiagnostics, waitFor, workspaceUri } from './helpers.js';

describe('activation', () => {
    it('gives .coop files the coop language', async () => {
        const document = await vscode.workspace.openTextDocument(workspaceUri('cystite-femme.coop'));
        assert.equal(document.languageId, 'coop');
    });

    it('activates on a .coop file and starts the language server', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension, `${EXTENSION_ID} is loaded`);
        // Opening the file is enough (activationEvents: onLanguage:coop); nobody calls activate().
        await vscode.window.showTextDocument(workspaceUri('cystite-femme.coop'));
        await waitFor(() => extension.isActive, 'the activation of the extension');
        const api = await activateExtension();
        assert.ok(api.client.isRunning(), 'the language client is running');
        const capabilities = api.client.initializeResult?.capabilities;
        assert.ok(capabilities?.completionProvider, 'the server offers completion');
        assert.ok(capabilities?.hoverProvider, 'the server offers hovers');
    });

    it('reports no error on the valid example protocol', async () => {
        const { diagnostics } = await openAndWaitForDiagnostics(workspaceUri('cystite-femme.coop'));
        const errors = diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Error);
        assert.deepEqual(errors.map(d => `${d.range.start.line + 1}: ${d.message}`), []);
    });
});
