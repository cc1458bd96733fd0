// Context keys that show the team commands only where they apply: `coop.teamFile` (the active
// editor holds a team file) and `coop.teamPreview` (the focused preview is one's).
import * as vscode from 'vscode';

/** A team file starts (after comments and blank lines) with `équipe "…" applique`. */
export function isTeamText(text: string): boolean {
    return /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*[ÉéEe]quipe\s+"/u.test(text.slice(0, 4000));
}

function isTeamDocument(uri: vscode.Uri | undefined): boolean {
    const document = uri && vscode.workspace.textDocuments.find(candidate => candidate.uri.toString() === uri.toString());
    return document !== undefined && document.languageId === 'coop' && isTeamText(document.getText());
}

export function setTeamPreviewContext(uri: vscode.Uri | undefined): void {
    void vscode.commands.executeCommand('setContext', 'coop.teamPreview', isTeamDocument(uri));
}

/** Keeps `coop.teamFile` up to date with the active editor. */
export function trackTeamFiles(): vscode.Disposable {
    const update = () => void vscode.commands.executeCommand('setContext', 'coop.teamFile', isTeamDocument(vscode.window.activeTextEditor?.document.uri));
    update();
    return vscode.Disposable.from(
        vscode.window.onDidChangeActiveTextEditor(update),
        vscode.workspace.onDidChangeTextDocument(event => {
            if (event.document === vscode.window.activeTextEditor?.document) update();
        })
    );
}
