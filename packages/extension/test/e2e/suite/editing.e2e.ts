import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CoopExtensionApi } from '../../../src/extension.js';
import { activateExtension, codeOf, describeDiagnostics, openAndWaitForDiagnostics, waitFor, workspaceUri } from './helpers.js';

describe('editing', () => {
    let api: CoopExtensionApi;
    before(async () => {
        await openAndWaitForDiagnostics(workspaceUri('cystite-femme.coop'));
        api = await activateExtension();
    });
    afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    it('« Coop : Nouveau protocole » opens an untitled protocol that parses', async () => {
        // The document's URI is only known once the command is done, and the server may have
        // answered by then: note every diagnostics change from now on.
        const changed = new Set<string>();
        const listener = vscode.languages.onDidChangeDiagnostics(event => event.uris.forEach(uri => changed.add(uri.toString())));
        try {
            const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('coop.newProtocol');
            assert.ok(editor, 'the command returns the new editor');
            const document = editor.document;
            assert.equal(document.isUntitled, true);
            assert.equal(document.languageId, 'coop');
            assert.match(document.getText(), /^protocole "Titre du protocole" \{/);
            // The server answers for untitled documents too (documentSelector scheme '*'). Its
            // first answer may be about the still empty document (a syntax error): wait for the
            // answer about the skeleton.
            const broken = () => vscode.languages.getDiagnostics(document.uri).filter(d => ['syntaxe', 'caractere-inconnu', 'reference-inconnue'].includes(codeOf(d) ?? ''));
            await waitFor(() => changed.has(document.uri.toString()) && broken().length === 0, () => `clean diagnostics for the skeleton, got:\n${describeDiagnostics(broken())}`);
            const errors = vscode.languages.getDiagnostics(document.uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error);
            assert.deepEqual(errors.map(d => `${d.range.start.line + 1}: [${codeOf(d)}] ${d.message}`), [], 'the skeleton passes every rule');
        } finally {
            listener.dispose();
        }
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('status bar: shows the conformity summary when the server gives one, hidden otherwise', async () => {
        await openAndWaitForDiagnostics(workspaceUri('cystite-femme.coop'));
        await api.conformity.refresh();
        const uri = workspaceUri('cystite-femme.coop').toString();
        const answer = await api.client.sendRequest('coop/conformity', { uri }).then(
            result => result as { met: number; total: number; label: string },
            () => undefined
        );
        const state = api.conformity.state;
        if (answer) {
            assert.equal(state.visible, true);
            assert.ok(state.text.includes(answer.label), state.text);
        } else {
            assert.equal(state.visible, false, 'hidden while the server does not implement coop/conformity');
        }
    });

    it('closes a """ text block when its opening is typed', async () => {
        const document = await vscode.workspace.openTextDocument({ language: 'coop', content: 'protocole "t" {\n    objectifs \n}\n' });
        const editor = await vscode.window.showTextDocument(document);
        editor.selection = new vscode.Selection(1, 14, 1, 14);
        for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('type', { text: '"' });
        assert.equal(document.lineAt(1).text, '    objectifs """"""');
        assert.equal(editor.selection.active.character, 17, 'cursor between the quotes');
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('toggles line comments with //', async () => {
        const document = await vscode.workspace.openTextDocument({ language: 'coop', content: 'protocole "t" {\n}\n' });
        const editor = await vscode.window.showTextDocument(document);
        editor.selection = new vscode.Selection(0, 0, 0, 0);
        await vscode.commands.executeCommand('editor.action.commentLine');
        assert.equal(document.lineAt(0).text, '// protocole "t" {');
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
});
