import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openAndWaitForDiagnostics, positionOf, serverHistory, workspaceUri } from './helpers.js';

/** Labels of the proposals of one kind (leaves out the editor's own word-based proposals). */
function labels(list: vscode.CompletionList | undefined, kind: vscode.CompletionItemKind): string[] {
    return (list?.items ?? []).filter(item => item.kind === kind).map(item => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe('completion', () => {
    it('proposes the section keywords inside a protocol', async () => {
        const { editor } = await openAndWaitForDiagnostics(workspaceUri('cystite-femme.coop'));
        // At the start of the line of the `patients` section: any section keyword may come.
        const position = positionOf(editor.document, '    patients {', 4);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
        // A section comes as its snippet, under its keyword (issue 11 §3); other keywords as keywords.
        const proposed = [...labels(list, vscode.CompletionItemKind.Keyword), ...labels(list, vscode.CompletionItemKind.Snippet)];
        for (const keyword of ['patients', 'acte', 'formation', 'parcours']) {
            assert.ok(proposed.includes(keyword), `"${keyword}" missing from ${JSON.stringify(proposed.slice(0, 40))}`);
            // Once: the extension contributes no static snippet beside the server's skeleton.
            assert.equal(proposed.filter(label => label === keyword).length, 1, `"${keyword}" proposed more than once: ${JSON.stringify(proposed)}`);
        }
    });

    it('proposes the professions of the catalogue after « délégant x : »', async () => {
        const { editor } = await openAndWaitForDiagnostics(workspaceUri('cystite-femme.coop'));
        const position = positionOf(editor.document, 'délégant mg : ', 'délégant mg : '.length);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
        const proposed = labels(list, vscode.CompletionItemKind.Reference);
        assert.ok(proposed.includes('médecin'), `${JSON.stringify(proposed.slice(0, 40))}; all ${list?.items.length} items: ${JSON.stringify((list?.items ?? []).slice(0, 10).map(item => [item.label, item.kind]))}; ${serverHistory()}`);
    });
});
