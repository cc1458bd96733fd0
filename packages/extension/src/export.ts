// « Coop : Exporter en HTML / PDF / DOCX »: the submission document of a protocol as a file. The
// server renders the bytes (`coop/export`); the extension asks where to write them (a save dialog
// next to the source), writes them, and offers to open the file.
import { homedir } from 'node:os';
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PreviewManager } from './preview/preview-manager.js';
import { describeRequestError, EXPORT_REQUEST, ExportRequest, isExportResult, isTransient, sendCoopRequest, toUri, whenRunning, type ExportFormat, type ExportParams } from './preview/requests.js';
import { t } from './l10n.js';

export const EXPORT_FORMATS: Record<ExportFormat, { extension: string; label: string }> = {
    html: { extension: 'html', label: 'HTML' },
    pdf: { extension: 'pdf', label: 'PDF' },
    docx: { extension: 'docx', label: 'DOCX' }
};

/**
 * Registers the three export commands. Arguments, all optional:
 * 1. the protocol: a Uri (explorer context menu) or a URI string; by default the active
 *    preview's protocol, else the active editor's;
 * 2. where to write: a Uri or URI string, which skips the save dialog (scripts, tests). The
 *    explorer passes the list of selected files there: it is ignored.
 * Each command returns the written file's Uri, or undefined (cancelled or failed).
 */
export class Exporter implements vscode.Disposable {
    /** Why the last export failed (also told to the user, and logged): for the tests. */
    lastFailure: string | undefined;
    private readonly disposables: vscode.Disposable[];

    constructor(private readonly client: LanguageClient, private readonly previews: PreviewManager) {
        const run = (format: ExportFormat) => (source?: unknown, target?: unknown) => this.run(format, source, target);
        this.disposables = [
            vscode.commands.registerCommand('coop.exportHtml', run('html')),
            vscode.commands.registerCommand('coop.exportPdf', run('pdf')),
            vscode.commands.registerCommand('coop.exportDocx', run('docx'))
        ];
    }

    run(format: ExportFormat, source?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
        this.lastFailure = undefined;
        return exportProtocol(this.client, this.previews, format, source, target, reason => {
            this.lastFailure = reason;
            this.client.outputChannel.appendLine(`[export] ${format}: ${reason}`);
        });
    }

    dispose(): void {
        this.disposables.forEach(disposable => disposable.dispose());
    }
}

/** The layout of the dossier chosen in the settings (`coop.export.disposition`) for this protocol. */
export function exportDisposition(source: vscode.Uri): 'exigences' | 'has-2012' {
    return vscode.workspace.getConfiguration('coop', source).get<string>('export.disposition') === 'has-2012' ? 'has-2012' : 'exigences';
}

/** `report.coop` → `report.html` in the same folder (an untitled protocol: in the first workspace folder). */
export function defaultExportUri(source: vscode.Uri, format: ExportFormat): vscode.Uri {
    const extension = EXPORT_FORMATS[format].extension;
    if (source.scheme === 'untitled') {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const name = `${safeFileName(source.path) || 'protocole'}.${extension}`;
        return vscode.Uri.joinPath(folder ?? vscode.Uri.file(homedir()), name);
    }
    const base = posix.basename(source.path, posix.extname(source.path)) || 'protocole';
    return vscode.Uri.joinPath(source, '..', `${base}.${extension}`);
}

async function exportProtocol(
    client: LanguageClient,
    previews: PreviewManager,
    format: ExportFormat,
    sourceArg: unknown,
    targetArg: unknown,
    report: (reason: string) => void
): Promise<vscode.Uri | undefined> {
    const { label } = EXPORT_FORMATS[format];
    const source = toUri(sourceArg) ?? previews.active?.uri ?? activeProtocol()?.uri;
    if (!source) {
        report('no protocol to export');
        void vscode.window.showInformationMessage(t('Open a protocol (.coop file) to export it.'));
        return undefined;
    }
    const name = posix.basename(source.path);
    try {
        // The server knows the open documents (with their unsaved changes) and the workspace's files.
        const document = await vscode.workspace.openTextDocument(source);
        if (document.languageId !== 'coop') {
            report(`${source.toString()} is not a coop file`);
            void vscode.window.showInformationMessage(t('{0} is not a protocol (.coop file).', name));
            return undefined;
        }
    } catch (error) {
        report(`cannot open ${source.toString()}: ${error instanceof Error ? error.message : String(error)}`);
        void vscode.window.showErrorMessage(t('Cannot open {0}: {1}', name, error instanceof Error ? error.message : String(error)));
        return undefined;
    }

    let target = Array.isArray(targetArg) ? undefined : toUri(targetArg);
    if (!target) {
        target = await vscode.window.showSaveDialog({
            defaultUri: defaultExportUri(source, format),
            filters: { [label]: [EXPORT_FORMATS[format].extension] },
            saveLabel: t('Export'),
            title: t('Export {0} to {1}', name, label)
        });
        if (!target) {
            report('cancelled');
            return undefined;
        }
    }

    const failed = (reason: string) => {
        report(reason);
        void vscode.window.showErrorMessage(t('Could not export {0} to {1}: {2}', name, label, reason));
        return undefined;
    };
    let bytes: Uint8Array;
    try {
        bytes = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: t('Exporting {0} to {1}…', name, label) },
            async () => {
                if (!(await whenRunning(client))) throw new Error(t('The coop language server is not running.'));
                const params: ExportParams = { uri: source.toString(), format, disposition: exportDisposition(source) };
                const request = () => sendCoopRequest(client, ExportRequest, params);
                let result: unknown;
                try {
                    // Once more if the server was restarting (after a crash) or dropped the request.
                    result = await request().catch(async (error: unknown) => {
                        if (isTransient(error, client) && (await whenRunning(client))) return request();
                        throw error;
                    });
                } catch (error) {
                    client.outputChannel.appendLine(`[export] ${EXPORT_REQUEST} ${params.uri} ${format}: ${error instanceof Error ? error.message : String(error)}`);
                    throw new Error(describeRequestError(error, EXPORT_REQUEST));
                }
                if (result === null || result === undefined) {
                    throw new Error(t('{0} holds no protocol to export: it is a library of shared definitions, or its text cannot be read.', name));
                }
                if (!isExportResult(result) || result.data.length === 0) {
                    throw new Error(t('The coop language server sent an answer the extension does not understand.'));
                }
                return Buffer.from(result.data, 'base64');
            }
        );
    } catch (error) {
        return failed(error instanceof Error ? error.message : String(error));
    }
    try {
        await vscode.workspace.fs.writeFile(target, bytes);
    } catch (error) {
        return failed(t('cannot write {0} ({1})', target.fsPath, error instanceof Error ? error.message : String(error)));
    }
    const written = target;
    const open = t('Open');
    void vscode.window.showInformationMessage(t('{0} exported to {1}.', name, posix.basename(written.path)), open).then(choice => {
        if (choice === open) void openExported(written);
    });
    return written;
}

/** Opens the file with the system's application (browser, PDF reader, word processor), or in the editor when remote. */
async function openExported(file: vscode.Uri): Promise<void> {
    const local = vscode.env.remoteName === undefined && file.scheme === 'file';
    const opened = local ? await vscode.env.openExternal(file) : false;
    if (!opened) await vscode.commands.executeCommand('vscode.open', file);
}

function activeProtocol(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'coop' ? document : undefined;
}

/** `Untitled-1` → `Untitled-1`; anything unfit for a file name removed. */
function safeFileName(path: string): string {
    return posix.basename(path).replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._ -]+/gu, '').trim();
}
