import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { CoopExtensionApi } from '../../../src/extension.js';
import { activateExtension, codeOf, describeDiagnostics, openAndWaitForDiagnostics, screenshot, serverHistory, waitFor, workspaceUri } from './helpers.js';

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
            // The texts of the skeleton left as inserted count as absent (texte-a-completer, issue 10):
            // they are the only errors, one per text to write.
            const errors = vscode.languages.getDiagnostics(document.uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error && codeOf(d) !== 'texte-a-completer');
            assert.deepEqual(errors.map(d => `${d.range.start.line + 1}: [${codeOf(d)}] ${d.message}`), [], 'the skeleton passes every rule but its texts to write');
        } finally {
            listener.dispose();
        }
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('status bar: shows the conformity summary of the protocol, in the language of the messages', async () => {
        await openAndWaitForDiagnostics(workspaceUri('cystite-femme.coop'));
        await api.conformity.refresh();
        // The editor is English under code-server, the summary French all the same (coop.language:
        // fr by default, issue 11 §6); the example meets every requirement.
        assert.equal(api.conformity.state.visible, true, `the summary is shown (${serverHistory()})`);
        assert.equal(api.conformity.state.text, '$(pass) Contrôles automatiques : 16/16 exigences vérifiées');
        assert.match(api.conformity.state.tooltip ?? '', /16 exigences vérifiées sur 16/);
        await screenshot('status-bar', '.statusbar-item');

        // coop.language: en is applied live by the server (no restart), whose summary is then English,
        // and so is the tooltip of the extension.
        await changeLanguage('en');
        try {
            await waitFor(() => api.conformity.state.text === '$(pass) Automatic checks: 16/16 requirements verified',
                () => `the English summary, got ${JSON.stringify(api.conformity.state)}; ${serverHistory()}; diagnostics of the example:\n${describeDiagnostics(vscode.languages.getDiagnostics(workspaceUri('cystite-femme.coop')))}`);
            assert.match(api.conformity.state.tooltip ?? '', /16 of 16/);
        } finally {
            await changeLanguage(undefined);
        }
        await waitFor(() => api.conformity.state.text === '$(pass) Contrôles automatiques : 16/16 exigences vérifiées',
            () => `the French summary again, got ${JSON.stringify(api.conformity.state)}; ${serverHistory()}; diagnostics of the example:\n${describeDiagnostics(vscode.languages.getDiagnostics(workspaceUri('cystite-femme.coop')))}`);
    });

    /** Sets `coop.language` and waits until the server has applied it, live: the server does not restart. */
    async function changeLanguage(value: string | undefined): Promise<void> {
        let applied = false;
        let stopped = false;
        const notification = api.onDidApplySettings(() => { applied = true; });
        const states = api.client.onDidChangeState(event => {
            if (event.newState === State.Stopped) stopped = true;
        });
        try {
            await vscode.workspace.getConfiguration('coop').update('language', value, vscode.ConfigurationTarget.Global);
            await waitFor(() => applied, `the server applied coop.language = ${value}`);
            assert.equal(stopped, false, `the server did not restart (${serverHistory()})`);
        } finally {
            notification.dispose();
            states.dispose();
        }
    }

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
