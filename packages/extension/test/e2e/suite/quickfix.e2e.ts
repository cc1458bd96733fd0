import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describeDiagnostics, openAndWaitForDiagnostics, screenshot, waitFor, waitForDiagnostics, workspaceUri } from './helpers.js';

describe('quick fixes', () => {
    // The example without its `lieu "…"` line (made by test/e2e/workspace.mjs).
    const uri = workspaceUri('sans-lieu.coop');
    const hasMissingPlace = (diagnostics: vscode.Diagnostic[]) => diagnostics.some(d => codeOf(d) === 'lieu-absent');

    after(async () => {
        // Leave the file as it was for the other tests.
        const document = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
        if (document?.isDirty) {
            await vscode.window.showTextDocument(document);
            await vscode.commands.executeCommand('workbench.action.files.revert');
        }
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('adds the missing « lieu » section and its diagnostic goes away', async () => {
        const { editor, diagnostics } = await openAndWaitForDiagnostics(uri, hasMissingPlace);
        const missing = diagnostics.find(d => codeOf(d) === 'lieu-absent');
        assert.ok(missing, describeDiagnostics(diagnostics));

        const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
            'vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value
        );
        // The API command does not return the actions' diagnostics: recognise the fix by its edit
        // (its title is in the language of the messages).
        const insertsPlace = (action: vscode.CodeAction) => (action.edit?.entries() ?? [])
            .some(([target, edits]) => target.toString() === uri.toString() && edits.some(edit => /^[ \t]*lieu "/m.test(edit.newText)));
        const fix = (actions ?? []).find((action): action is vscode.CodeAction => 'edit' in action && insertsPlace(action as vscode.CodeAction));
        assert.ok(fix?.edit, `no quick fix inserting « lieu » among: ${JSON.stringify(actions)}`);
        assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
        assert.equal(fix.isPreferred, true, 'offered as the preferred fix (Ctrl+.)');

        const fixed = waitForDiagnostics(uri, current => !hasMissingPlace(current), { fresh: true });
        assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
        const after = await fixed;
        assert.match(editor.document.getText(), /^[ \t]*lieu "/m, 'a `lieu "…"` line was inserted');
        assert.ok(!hasMissingPlace(after), describeDiagnostics(after));
        const errors = after.filter(d => d.severity === vscode.DiagnosticSeverity.Error);
        // Its text, left as inserted, is the one to write (texte-a-completer, issue 10): no other error.
        assert.deepEqual(errors.filter(d => codeOf(d) !== 'texte-a-completer').map(d => `${d.range.start.line + 1}: [${codeOf(d)}] ${d.message}`), [], 'the skeleton brings no new error but its text to write');

        // The author writes the place over the skeleton's text; the summary is back to 16/16.
        const placeholder = /(^[ \t]*lieu ")([^"\n]*)"/m.exec(editor.document.getText());
        assert.ok(placeholder, 'the inserted « lieu » line');
        const start = editor.document.positionAt(placeholder.index + placeholder[1]!.length);
        assert.ok(await editor.edit(edit => edit.replace(new vscode.Range(start, start.translate(0, placeholder[2]!.length)), 'Cabinet de la MSP, salle de soins fermée')));
        // Picture: the inserted section in the editor, the summary back to 16/16.
        const api = await activateExtension();
        await waitFor(() => api.conformity.state.text.includes('16/16'), () => `the status bar at 16/16, got ${api.conformity.state.text}`);
        const inserted = editor.document.positionAt(editor.document.getText().search(/^[ \t]*lieu "/m));
        const shown = await vscode.window.showTextDocument(editor.document, { selection: new vscode.Selection(inserted, inserted.translate(1, 0)) });
        shown.revealRange(new vscode.Range(inserted, inserted), vscode.TextEditorRevealType.InCenter);
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await vscode.commands.executeCommand('notifications.clearAll');
        await screenshot('quickfix');
    });
});
