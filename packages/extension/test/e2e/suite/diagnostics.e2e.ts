import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, openAndWaitForDiagnostics, positionOf, screenshot, waitForDiagnostics, workspaceUri } from './helpers.js';

describe('diagnostics', () => {
    const defective = workspaceUri('defectueux.coop');
    const hasCodes = (...codes: string[]) => (diagnostics: vscode.Diagnostic[]) => codes.every(code => diagnostics.some(d => codeOf(d) === code));

    it('reports an unknown profession and a syntax error with their codes', async () => {
        const { editor, diagnostics } = await openAndWaitForDiagnostics(defective, hasCodes('reference-inconnue', 'syntaxe'));
        const unknown = diagnostics.find(d => codeOf(d) === 'reference-inconnue');
        assert.ok(unknown, describeDiagnostics(diagnostics));
        assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
        // The fixture's délégant is a « sorcier », which the catalogue does not know.
        assert.equal(editor.document.getText(unknown.range), 'sorcier');
        const syntax = diagnostics.find(d => codeOf(d) === 'syntaxe');
        assert.ok(syntax && syntax.severity === vscode.DiagnosticSeverity.Error, describeDiagnostics(diagnostics));
        assert.ok(diagnostics.every(d => d.source === undefined || typeof d.source === 'string'));

        // Picture for humans: the defective file with its squiggles and the Problems panel.
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        // Cursor before the unknown name, so that its squiggle stays visible.
        await vscode.window.showTextDocument(editor.document, { preview: false, selection: new vscode.Range(unknown.range.start, unknown.range.start) });
        await screenshot('diagnostics', '.monaco-editor .squiggly-error');
    });

    it('updates the diagnostics when the text is fixed', async () => {
        const { editor } = await openAndWaitForDiagnostics(defective, hasCodes('reference-inconnue'));
        const start = positionOf(editor.document, 'mg : sorcier', 'mg : '.length);
        const fixed = waitForDiagnostics(defective, diagnostics => !diagnostics.some(d => codeOf(d) === 'reference-inconnue'), { fresh: true });
        assert.ok(await editor.edit(edit => edit.replace(new vscode.Range(start, start.translate(0, 'sorcier'.length)), 'médecin')));
        await fixed;
        // Leave the fixture as it was for the other tests.
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await waitForDiagnostics(defective, hasCodes('reference-inconnue'));
    });
});
