import * as vscode from 'vscode';
import { t } from './l10n.js';

/**
 * « Coop : Nouvelle équipe depuis un protocole » (issue 12) — asks which protocol the team applies
 * (the national protocols of the catalogue and the local protocols of the workspace, as the
 * language server offers them in an empty file), then opens an untitled team file with the
 * protocol's roles ready to fill (a snippet: Tab goes from one field to the next). The server
 * builds the skeleton (coop-language, team/new-team.ts), so the CLI's `coop nouveau equipe` and
 * this command write the same file.
 */
export async function newTeam(): Promise<vscode.TextEditor | undefined> {
    const document = await vscode.workspace.openTextDocument({ language: 'coop', content: '' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 0));
    const teams = (list?.items ?? []).filter(item => {
        const text = item.insertText instanceof vscode.SnippetString ? item.insertText.value : item.insertText ?? '';
        return /(?:^|\n)équipe "/u.test(text);
    });
    if (teams.length === 0) {
        void vscode.window.showErrorMessage(t('No protocol to apply was found (is the coop language server running?).'));
        return undefined;
    }
    const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
    const picked = await vscode.window.showQuickPick(
        teams.map(item => ({ label: label(item).replace(/^[^—]*— /u, ''), description: typeof item.detail === 'string' ? item.detail : '', item })),
        { placeHolder: t('Protocol applied by the team'), matchOnDescription: true }
    );
    if (!picked) return undefined;
    const editor = await vscode.window.showTextDocument(document);
    const body = picked.item.insertText instanceof vscode.SnippetString ? picked.item.insertText : new vscode.SnippetString(String(picked.item.insertText ?? ''));
    if (!(await editor.insertSnippet(body, new vscode.Position(0, 0)))) {
        void vscode.window.showErrorMessage(t('Could not insert the team skeleton.'));
        return undefined;
    }
    return editor;
}
