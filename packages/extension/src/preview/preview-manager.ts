// « Coop : Ouvrir l'aperçu » / « … sur le côté »: one preview panel per protocol, refreshed after
// edits (debounced by `coop.preview.refreshDelay`) and at once on save, scrolled with the
// editor, restored after a window reload (WebviewPanelSerializer).
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { setTeamPreviewContext } from '../team-context.js';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { toUri } from './requests.js';
import { PREVIEW_VIEW_TYPE, ProtocolPreview, webviewOptions, type PreviewHost, type PreviewSnapshot, type PreviewState } from './protocol-preview.js';
import { t } from '../l10n.js';

const DEFAULT_REFRESH_DELAY_MS = 300;
const MAX_REFRESH_DELAY_MS = 5_000;

export class PreviewManager implements vscode.Disposable, PreviewHost {
    readonly mediaUri: vscode.Uri;
    private readonly previews = new Map<string, ProtocolPreview>();
    /** The preview panel focused last (the target of the export commands from its title bar). */
    private lastActive: ProtocolPreview | undefined;
    private readonly notified = new Set<string>();
    private readonly disposables: vscode.Disposable[] = [];

    constructor(extensionUri: vscode.Uri, readonly client: LanguageClient) {
        this.mediaUri = vscode.Uri.joinPath(extensionUri, 'media');
    }

    /** Registers the commands, the serializer and the listeners. Call once, during activation. */
    register(): this {
        this.disposables.push(
            vscode.commands.registerCommand('coop.openPreview', (uri?: unknown) => this.open(uri, false)),
            vscode.commands.registerCommand('coop.openPreviewToSide', (uri?: unknown) => this.open(uri, true)),
            // Test-only: what the preview of `uri` (or the active one) shows, as last set.
            vscode.commands.registerCommand('coop._previewContent', (uri?: unknown) => this.snapshot(uri)),
            vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
                deserializeWebviewPanel: (panel, state: unknown) => this.revive(panel, state)
            }),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.contentChanges.length === 0) return;
                this.get(event.document.uri)?.schedule(refreshDelay(event.document.uri));
            }),
            vscode.workspace.onDidSaveTextDocument(document => void this.get(document.uri)?.refresh()),
            // New diagnostics: the protocol changed, or what it uses (a library, the rule levels).
            vscode.languages.onDidChangeDiagnostics(event => {
                for (const uri of event.uris) this.get(uri)?.schedule(refreshDelay(uri));
            }),
            vscode.window.onDidChangeTextEditorVisibleRanges(event => {
                const preview = this.get(event.textEditor.document.uri);
                const top = event.visibleRanges[0];
                if (!preview || !top) return;
                preview.noteEditor(event.textEditor);
                preview.scrollTo(top.start.line);
            }),
            vscode.workspace.onDidRenameFiles(event => {
                for (const { oldUri, newUri } of event.files) {
                    const preview = this.get(oldUri);
                    if (!preview || this.get(newUri)) continue;
                    this.previews.delete(oldUri.toString());
                    this.previews.set(newUri.toString(), preview);
                    preview.retarget(newUri);
                }
            }),
            vscode.workspace.onDidDeleteFiles(event => event.files.forEach(uri => this.get(uri)?.dispose())),
            // The server restarted (after a crash): the pages are asked again.
            this.client.onDidChangeState(event => {
                if (event.newState === State.Running) this.refreshAll();
            })
        );
        return this;
    }

    /** Asks every preview again (the server's settings changed: `coop.language`, rule levels). */
    refreshAll(): void {
        this.previews.forEach(preview => void preview.refresh());
    }

    /** The preview of a document, if it has one. */
    get(uri: vscode.Uri): ProtocolPreview | undefined {
        return this.previews.get(uri.toString());
    }

    /** The preview panel that is active (focused) now, if any. */
    get active(): ProtocolPreview | undefined {
        return this.lastActive?.panel.active ? this.lastActive : undefined;
    }

    /**
     * Opens (or reveals) the preview of `arg` (a Uri or URI string: code lens, explorer), or of
     * the active protocol. `toSide`: beside the editor, keeping the focus in it.
     */
    async open(arg: unknown, toSide: boolean): Promise<ProtocolPreview | undefined> {
        const uri = toUri(arg) ?? this.active?.uri ?? activeProtocol()?.uri;
        if (!uri) {
            void vscode.window.showInformationMessage(t('Open a protocol (.coop file) to preview it.'));
            return undefined;
        }
        let document: vscode.TextDocument;
        try {
            document = await vscode.workspace.openTextDocument(uri);
        } catch (error) {
            void vscode.window.showErrorMessage(t('Cannot open {0}: {1}', posix.basename(uri.path), error instanceof Error ? error.message : String(error)));
            return undefined;
        }
        if (document.languageId !== 'coop') {
            void vscode.window.showInformationMessage(t('{0} is not a protocol (.coop file).', posix.basename(uri.path)));
            return undefined;
        }
        const sourceEditor = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors]
            .find(editor => editor?.document.uri.toString() === document.uri.toString());
        const sourceColumn = sourceEditor?.viewColumn ?? vscode.window.activeTextEditor?.viewColumn;
        const column = toSide ? vscode.ViewColumn.Beside : (sourceColumn ?? vscode.ViewColumn.Active);

        const existing = this.get(document.uri);
        if (existing) {
            existing.panel.reveal(existing.panel.visible ? existing.panel.viewColumn : column, toSide);
            return existing;
        }
        const panel = vscode.window.createWebviewPanel(
            PREVIEW_VIEW_TYPE,
            t('Preview: {0}', posix.basename(document.uri.path)),
            { viewColumn: column, preserveFocus: toSide },
            webviewOptions(this)
        );
        return this.adopt(panel, document.uri, sourceColumn);
    }

    /** What the preview of `arg` (or the active or only one) shows: see `coop._previewContent`. */
    snapshot(arg?: unknown): PreviewSnapshot | undefined {
        const uri = toUri(arg);
        const preview = uri ? this.get(uri) : (this.active ?? this.lastActive ?? [...this.previews.values()][0]);
        return preview?.snapshot();
    }

    log(line: string): void {
        this.client.outputChannel.appendLine(`[preview] ${line}`);
    }

    notify(key: string, message: string): void {
        if (this.notified.has(key)) return;
        this.notified.add(key);
        void vscode.window.showWarningMessage(message);
    }

    dispose(): void {
        [...this.previews.values()].forEach(preview => preview.dispose());
        this.disposables.forEach(disposable => disposable.dispose());
    }

    /** The serializer's entry point, public for the tests (a window reload cannot be run from them). */
    async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        const uri = toUri((state as Partial<PreviewState> | undefined)?.uri);
        if (!uri || this.get(uri)) {
            // Nothing to show, or the document already has its preview.
            panel.dispose();
            return;
        }
        this.adopt(panel, uri, undefined);
    }

    private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, sourceColumn: vscode.ViewColumn | undefined): ProtocolPreview {
        const preview = new ProtocolPreview(panel, uri, this, sourceColumn);
        this.previews.set(uri.toString(), preview);
        if (panel.active) this.lastActive = preview;
        if (panel.active) setTeamPreviewContext(uri);
        const viewState = panel.onDidChangeViewState(event => {
            if (event.webviewPanel.active) this.lastActive = preview;
            if (event.webviewPanel.active) setTeamPreviewContext(preview.uri);
        });
        preview.onDidDispose(() => {
            viewState.dispose();
            const key = preview.uri.toString();
            if (this.previews.get(key) === preview) this.previews.delete(key);
            if (this.lastActive === preview) this.lastActive = undefined;
        });
        void preview.refresh();
        return preview;
    }
}

function activeProtocol(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'coop' ? document : undefined;
}

function refreshDelay(uri: vscode.Uri): number {
    const value = vscode.workspace.getConfiguration('coop.preview', uri).get<number>('refreshDelay', DEFAULT_REFRESH_DELAY_MS);
    return Number.isFinite(value) ? Math.min(Math.max(0, value), MAX_REFRESH_DELAY_MS) : DEFAULT_REFRESH_DELAY_MS;
}
