import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ConformityRequest, isConformityResult, sendCoopRequest, type ConformityResult, type DocumentParams } from './preview/requests.js';
import { t } from './l10n.js';

export type { ConformityResult } from './preview/requests.js';

/** Delay between the last diagnostics change of the active protocol and a new request. */
const REFRESH_DELAY_MS = 250;

/**
 * Status bar item with the conformity summary of the active `.coop` editor. It asks the server
 * (`coop/conformity`) when the active editor changes and when the diagnostics of its document
 * change (i.e. after each validation). The item is hidden when no protocol is active, and when
 * the request fails (a server without the request, a file that is not a protocol…).
 */
export class ConformityStatus implements vscode.Disposable {
    private readonly item: vscode.StatusBarItem;
    private readonly disposables: vscode.Disposable[] = [];
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** Incremented at each request, so that a late answer never overwrites a newer one. */
    private generation = 0;
    private current: Promise<void> = Promise.resolve();
    private visible = false;

    constructor(private readonly client: LanguageClient) {
        this.item = vscode.window.createStatusBarItem('coop.conformity', vscode.StatusBarAlignment.Left, 100);
        this.item.name = t('Protocol conformity');
        this.item.command = 'workbench.actions.view.problems';
    }

    /** Starts following the active editor. Call once the client is running. */
    start(): void {
        this.disposables.push(
            vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
            vscode.languages.onDidChangeDiagnostics(event => {
                const uri = activeProtocol()?.uri.toString();
                if (uri && event.uris.some(changed => changed.toString() === uri)) {
                    this.schedule();
                }
            })
        );
        this.refresh();
    }

    /** Whether the item is shown, and its text (for tests). */
    get state(): { visible: boolean; text: string; tooltip: string | undefined } {
        return { visible: this.visible, text: this.item.text, tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : undefined };
    }

    /** Resolves when the request in flight (if any) has been answered and applied. */
    settled(): Promise<void> {
        return this.current;
    }

    /** Asks the server again for the active editor (hides the item when there is nothing to show). */
    refresh(): Promise<void> {
        clearTimeout(this.timer);
        this.timer = undefined;
        const document = activeProtocol();
        const generation = ++this.generation;
        if (!document || !this.client.isRunning()) {
            this.hide();
            this.current = Promise.resolve();
            return this.current;
        }
        const params: DocumentParams = { uri: document.uri.toString() };
        this.current = sendCoopRequest(this.client, ConformityRequest, params).then(
            result => {
                if (generation !== this.generation) return;
                if (!isConformityResult(result)) {
                    this.hide();
                    return;
                }
                this.show(result);
            },
            () => {
                // Method not found (server without the request), cancelled, server stopped…:
                // nothing to show, and nothing worth bothering the user with.
                if (generation === this.generation) this.hide();
            }
        );
        return this.current;
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.disposables.forEach(disposable => disposable.dispose());
        this.item.dispose();
    }

    private schedule(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
    }

    private show(result: ConformityResult): void {
        const verified = result.verified ?? result.met;
        const complete = result.total > 0 && verified >= result.total;
        this.item.text = `$(${complete ? 'pass' : 'checklist'}) ${result.label}`;
        this.item.tooltip = t('Automatic checks: {0} of {1} requirements verified, {2} to be checked by the reviewer. They do not replace the reviewer. Click to open the Problems panel.', verified, result.total, result.toReview ?? 0);
        this.item.show();
        this.visible = true;
    }

    private hide(): void {
        this.item.hide();
        this.visible = false;
    }
}

function activeProtocol(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'coop' ? document : undefined;
}
