// One preview panel: the submission document of one protocol, rendered by the language server
// (`coop/preview`), refreshed after edits, scrolled with its editor, and clicked back to the source.
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createNonce, messagePage } from './message-page.js';
import { describeRequestError, isMethodNotFound, isPreviewResult, isTransient, PREVIEW_REQUEST, PreviewRequest, sendCoopRequest, whenRunning, type PreviewParams } from './requests.js';
import { t } from '../l10n.js';

/** What the serializer stores for a panel (the webview script's `vscode.setState`). */
export interface PreviewState {
    uri: string;
    /** Source line at the top of the preview when it was last scrolled. */
    line?: number;
}

/** What a preview shows, as the extension last set it (for the tests, `coop._previewContent`). */
export interface PreviewSnapshot {
    uri: string;
    /** Title of the panel's tab. */
    panelTitle: string;
    /** Title of the protocol, as the server gave it (none for a message page). */
    title: string | undefined;
    /** `document`: the server's rendering; `message`: the extension's page (no preview, failure). */
    kind: 'document' | 'message' | undefined;
    /** The message page's text. */
    message: string | undefined;
    html: string;
    visible: boolean;
    viewColumn: vscode.ViewColumn | undefined;
    /** Completed refreshes (answered or failed requests). */
    refreshes: number;
}

/** What the preview script reports about the page it shows (test channel, see media/preview.js). */
export interface WebviewDump {
    title: string;
    text: string;
    html: string;
    /** Every script element of the page (VS Code adds one, `_vscodeApiScript`). */
    scripts: Array<{ id: string; src: string | undefined }>;
    /** Source line of the first block at the top of the view. */
    topLine: number | undefined;
    /** The last `scroll` message: the editor's top line, and the line of the block the page scrolled from. */
    lastScroll: { line: number; anchor: number | undefined } | undefined;
    scrollY: number;
    /** The rows of the conformity matrix (`.coop-requirement`). */
    requirements: Array<{ line: number | undefined; status: string | undefined; text: string }>;
}

/** What a preview needs from its manager. */
export interface PreviewHost {
    readonly client: LanguageClient;
    /** extension/media: the only folder the webview may load from. */
    readonly mediaUri: vscode.Uri;
    log(line: string): void;
    /** Tells the user once per `key` (the same failure is not repeated at every keystroke). */
    notify(key: string, message: string): void;
}

export const PREVIEW_VIEW_TYPE = 'coop.preview';

/** After a click in the preview moved the editor, the editor's scrolling is not sent back for this long. */
const SCROLL_ECHO_MS = 500;
const TEST_TIMEOUT_MS = 15_000;
/** A request dropped by a restarting server is asked again after this long, at most this many times in a row. */
const TRANSIENT_RETRY_MS = 500;
const MAX_TRANSIENT_RETRIES = 5;

/** The webview and panel options of every preview (the serializer's panels come with them). */
export function webviewOptions(host: PreviewHost): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
        enableScripts: true,
        localResourceRoots: [host.mediaUri],
        enableFindWidget: true,
        retainContextWhenHidden: false
    };
}

export class ProtocolPreview implements vscode.Disposable {
    private readonly disposables: vscode.Disposable[] = [];
    /** One nonce for the panel's life: the same answer gives the same page, which is not reloaded. */
    private readonly nonce = createNonce();
    private html: string | undefined;
    private kind: 'document' | 'message' | undefined;
    private title: string | undefined;
    private message: string | undefined;
    private generation = 0;
    private refreshes = 0;
    private transientRetries = 0;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private current: Promise<void> = Promise.resolve();
    /**
     * The page said `ready` since it was last set. (Shown again after being hidden, a page loads
     * anew and says it again: unanswered test questions are then asked again.)
     */
    private ready = false;
    private readyWaiters: Array<() => void> = [];
    /** Test messages waiting for their answer; posted again when the page (re)loads. */
    private readonly pendingTests = new Map<number, { message: object; resolve: (result: unknown) => void }>();
    private nextTestId = 1;
    private scrollEchoUntil = 0;
    private disposed = false;
    private readonly disposeEmitter = new vscode.EventEmitter<void>();
    readonly onDidDispose = this.disposeEmitter.event;

    constructor(
        readonly panel: vscode.WebviewPanel,
        private documentUri: vscode.Uri,
        private readonly host: PreviewHost,
        /** Column of the source editor, where a click in the preview shows the source if no editor is visible. */
        private sourceColumn: vscode.ViewColumn | undefined
    ) {
        // A restored panel has its options already; setting them again reloads the webview.
        const current = panel.webview.options;
        if (!current.enableScripts || current.localResourceRoots?.length !== 1 || current.localResourceRoots[0]?.toString() !== host.mediaUri.toString()) {
            panel.webview.options = { enableScripts: true, localResourceRoots: [host.mediaUri] };
        }
        panel.iconPath = vscode.Uri.joinPath(host.mediaUri, 'preview-icon.svg');
        panel.title = t('Preview: {0}', posix.basename(documentUri.path));
        this.disposables.push(
            panel.webview.onDidReceiveMessage(message => this.onMessage(message)),
            panel.onDidDispose(() => this.cleanUp())
        );
    }

    get uri(): vscode.Uri {
        return this.documentUri;
    }

    /** The source file was renamed or moved. */
    retarget(uri: vscode.Uri): void {
        this.documentUri = uri;
        void this.refresh();
    }

    /** Resolves when the refresh in flight (if any) is done. */
    settled(): Promise<void> {
        return this.current;
    }

    /** Asks the server for the page now (after a save, or when asked). */
    refresh(): Promise<void> {
        clearTimeout(this.timer);
        this.timer = undefined;
        const generation = ++this.generation;
        this.current = this.render(generation).catch(error => this.host.log(`preview ${this.documentUri.toString()}: ${String(error)}`));
        return this.current;
    }

    /** Refreshes after `delay` ms without another call (typing). */
    schedule(delay: number): void {
        if (this.disposed) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), delay);
    }

    /** The source editor's top line changed: scroll the preview to it. */
    scrollTo(line: number): void {
        if (this.disposed || Date.now() < this.scrollEchoUntil) return;
        void this.panel.webview.postMessage({ type: 'scroll', line });
    }

    /** Remembers where the source editor is, for clicks in the preview when it is no longer visible. */
    noteEditor(editor: vscode.TextEditor): void {
        if (editor.viewColumn !== undefined) this.sourceColumn = editor.viewColumn;
    }

    snapshot(): PreviewSnapshot {
        return {
            uri: this.documentUri.toString(),
            panelTitle: this.panel.title,
            title: this.title,
            kind: this.kind,
            message: this.message,
            html: this.html ?? '',
            visible: this.panel.visible,
            viewColumn: this.panel.viewColumn,
            refreshes: this.refreshes
        };
    }

    /**
     * Test channel: asks the page's script for its content (`dump`), to click an element
     * (`click`, the element being `document.querySelectorAll(selector)[index]`) or to scroll one
     * to the top (`show`).
     */
    async test<T = unknown>(action: 'dump' | 'click' | 'show', args: { selector?: string; index?: number } = {}, timeout = TEST_TIMEOUT_MS): Promise<T> {
        const deadline = Date.now() + timeout;
        await this.whenReady(timeout);
        const id = this.nextTestId++;
        return new Promise<T>((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pendingTests.delete(id);
                reject(new Error(`the preview of ${this.documentUri.path} did not answer "${action}" within ${timeout} ms`));
            }, Math.max(1, deadline - Date.now()));
            const message = { type: 'test', id, action, ...args };
            this.pendingTests.set(id, {
                message,
                resolve: result => {
                    clearTimeout(timer);
                    resolve(result as T);
                }
            });
            void this.panel.webview.postMessage(message);
        });
    }

    dispose(): void {
        this.panel.dispose();
    }

    // ------------------------------------------------------------------------------------------

    private async render(generation: number): Promise<void> {
        const stale = () => generation !== this.generation || this.disposed;
        try {
            // Makes sure the server has the document (a preview restored after a reload, a
            // file outside the workspace): the client syncs every open coop document.
            await vscode.workspace.openTextDocument(this.documentUri);
        } catch (error) {
            if (stale()) return;
            this.refreshes++;
            this.showMessage(t('Preview unavailable'), t('Cannot open {0}.', posix.basename(this.documentUri.path)), errorText(error));
            return;
        }
        if (!(await whenRunning(this.host.client))) {
            if (stale()) return;
            this.refreshes++;
            if (this.kind !== 'document') this.showMessage(t('Preview unavailable'), t('The coop language server is not running.'));
            return;
        }
        if (stale()) return;
        const webview = this.panel.webview;
        const params: PreviewParams = {
            uri: this.documentUri.toString(),
            nonce: this.nonce,
            cspSource: webview.cspSource,
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.host.mediaUri, 'preview.js')).toString()
        };
        let result: unknown;
        try {
            result = await sendCoopRequest(this.host.client, PreviewRequest, params);
        } catch (error) {
            if (stale()) return;
            this.host.log(`${PREVIEW_REQUEST} ${params.uri}: ${errorText(error)}`);
            if (isTransient(error, this.host.client) && this.transientRetries < MAX_TRANSIENT_RETRIES) {
                // The server restarted or dropped the request for a newer change: ask again
                // (the manager also refreshes every preview when the server runs again).
                this.transientRetries++;
                this.schedule(TRANSIENT_RETRY_MS);
                return;
            }
            this.refreshes++;
            const message = describeRequestError(error, PREVIEW_REQUEST);
            this.host.notify(isMethodNotFound(error) ? `${PREVIEW_REQUEST}:method-not-found` : `${PREVIEW_REQUEST}:${message}`, message);
            // A failure while typing keeps the last good page; with none, say why.
            if (this.kind !== 'document') this.showMessage(t('Preview unavailable'), message);
            return;
        }
        if (stale()) return;
        this.refreshes++;
        this.transientRetries = 0;
        if (result === null || result === undefined) {
            this.title = undefined;
            this.showMessage(
                t('No preview'),
                t('{0} holds no protocol to preview: it is a library of shared definitions, or its text cannot be read.', posix.basename(this.documentUri.path))
            );
        } else if (!isPreviewResult(result)) {
            this.host.log(`${PREVIEW_REQUEST} ${params.uri}: unexpected answer ${JSON.stringify(result).slice(0, 200)}`);
            this.showMessage(t('Preview unavailable'), t('The coop language server sent an answer the extension does not understand.'));
        } else {
            this.title = result.title;
            this.message = undefined;
            this.panel.title = t('Preview: {0}', result.title || posix.basename(this.documentUri.path));
            this.setHtml(result.html, 'document');
        }
    }

    private showMessage(heading: string, message: string, detail?: string): void {
        this.message = message;
        const webview = this.panel.webview;
        this.setHtml(messagePage({
            nonce: this.nonce,
            cspSource: webview.cspSource,
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.host.mediaUri, 'preview.js')).toString(),
            language: vscode.env.language,
            heading,
            message,
            detail
        }), 'message');
    }

    private setHtml(html: string, kind: 'document' | 'message'): void {
        this.kind = kind;
        if (html === this.html || this.disposed) return;
        this.html = html;
        this.ready = false;
        this.panel.webview.html = html;
    }

    private onMessage(message: unknown): void {
        // The page is ours, but its content comes from the document: check every field.
        if (typeof message !== 'object' || message === null) return;
        const { type } = message as { type?: unknown };
        if (type === 'ready') {
            this.ready = true;
            const waiters = this.readyWaiters;
            this.readyWaiters = [];
            waiters.forEach(resolve => resolve());
            void this.panel.webview.postMessage({ type: 'init', uri: this.documentUri.toString(), line: this.editorTopLine() });
            // A page that (re)loaded meanwhile (new content, or shown again after being hidden:
            // retainContextWhenHidden is false) lost the questions asked to the previous one.
            this.pendingTests.forEach(({ message: question }) => void this.panel.webview.postMessage(question));
        } else if (type === 'reveal') {
            const line = (message as { line?: unknown }).line;
            if (typeof line === 'number' && Number.isInteger(line) && line >= 0) void this.revealSource(line);
        } else if (type === 'test-result') {
            const { id, result } = message as { id?: unknown; result?: unknown };
            const pending = typeof id === 'number' ? this.pendingTests.get(id) : undefined;
            if (pending) {
                this.pendingTests.delete(id as number);
                pending.resolve(result);
            }
        }
    }

    /** Top line of the visible editor of the source, if there is one. */
    private editorTopLine(): number | undefined {
        const editor = this.sourceEditor();
        return editor?.visibleRanges[0]?.start.line;
    }

    private sourceEditor(): vscode.TextEditor | undefined {
        const key = this.documentUri.toString();
        const editors = vscode.window.visibleTextEditors.filter(editor => editor.document.uri.toString() === key);
        return editors.find(editor => editor.viewColumn === this.sourceColumn) ?? editors[0];
    }

    /** A click in the preview: shows the source line in the source editor's column. */
    private async revealSource(line: number): Promise<void> {
        try {
            const document = await vscode.workspace.openTextDocument(this.documentUri);
            const target = Math.min(line, Math.max(0, document.lineCount - 1));
            const position = new vscode.Position(target, document.lineAt(target).firstNonWhitespaceCharacterIndex);
            const visible = this.sourceEditor();
            const column = visible?.viewColumn ?? this.sourceColumn ?? vscode.ViewColumn.One;
            this.scrollEchoUntil = Date.now() + SCROLL_ECHO_MS;
            const editor = await vscode.window.showTextDocument(document, {
                viewColumn: column,
                selection: new vscode.Selection(position, position),
                preserveFocus: false,
                preview: false
            });
            editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
            this.noteEditor(editor);
        } catch (error) {
            this.host.log(`preview: cannot show line ${line + 1} of ${this.documentUri.toString()}: ${errorText(error)}`);
        }
    }

    private whenReady(timeout: number): Promise<void> {
        if (this.ready) return Promise.resolve();
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.readyWaiters = this.readyWaiters.filter(waiter => waiter !== done);
                reject(new Error(`the preview of ${this.documentUri.path} did not load within ${timeout} ms (visible: ${this.panel.visible})`));
            }, timeout);
            const done = () => {
                clearTimeout(timer);
                resolve();
            };
            this.readyWaiters.push(done);
        });
    }

    private cleanUp(): void {
        if (this.disposed) return;
        this.disposed = true;
        clearTimeout(this.timer);
        this.generation++;
        this.disposables.forEach(disposable => disposable.dispose());
        this.disposeEmitter.fire();
        this.disposeEmitter.dispose();
    }
}

function errorText(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
