import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openAndWaitForDiagnostics, positionOf, workspaceUri } from './helpers.js';

describe('hover', () => {
    it('answers a hover request on a cross-reference', async () => {
        const { editor } = await openAndWaitForDiagnostics(workspaceUri('cystite-femme.coop'));
        // On « médecin » in « délégant mg : médecin ».
        const position = positionOf(editor.document, 'délégant mg : médecin', 'délégant mg : '.length + 2);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
        // Only the round trip is checked for now: the hover content (profession, article of the
        // CSP, rule documentation) is added by the server later, with its own assertions here.
        assert.ok(Array.isArray(hovers), 'the hover request succeeded');
    });
});
