// Shared helpers of the end-to-end tests (bundled into each *.e2e.cjs).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CoopExtensionApi } from '../../../src/extension.js';
import type { PreviewSnapshot, WebviewDump } from '../../../src/preview/protocol-preview.js';

export const EXTENSION_ID = 'coop.coop-vscode';

/** Default time limit of the waits below; each test has 60 s (see index.ts). */
export const WAIT_MS = 20_000;

/** A file of the test workspace (prepared by test/e2e/workspace.mjs). */
export function workspaceUri(...segments: string[]): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('the tests need a workspace folder (see test/e2e/workspace.mjs)');
    return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Activates the extension (if needed) and returns its API, the language client being started. */
export async function activateExtension(): Promise<CoopExtensionApi> {
    const extension = vscode.extensions.getExtension<CoopExtensionApi>(EXTENSION_ID);
    if (!extension) throw new Error(`extension ${EXTENSION_ID} not found`);
    const api = extension.isActive ? extension.exports : await withTimeout(Promise.resolve(extension.activate()), WAIT_MS, 'extension activation');
    recordServerStates(api);
    return api;
}

const serverStates: string[] = [];
let recording = false;

/** Notes the language client's state changes (a restart after a server crash shows there). */
function recordServerStates(api: CoopExtensionApi): void {
    if (recording) return;
    recording = true;
    const names: Record<number, string> = { 1: 'stopped', 2: 'running', 3: 'starting' };
    api.client.onDidChangeState(event => serverStates.push(`${names[event.newState] ?? event.newState} at ${new Date().toISOString().slice(11, 23)}`));
}

/** The server's state changes since the tests activated the extension, for failure messages. */
export function serverHistory(): string {
    return serverStates.length === 0 ? 'server never restarted' : `server states: ${serverStates.join(' → ')}`;
}

/** Waits until `condition()` holds, checking every 50 ms (for states that have no event). */
export async function waitFor(condition: () => boolean, what: string | (() => string), timeout = WAIT_MS): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timeout after ${timeout} ms waiting for ${typeof what === 'string' ? what : what()}`);
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

/** Rejects with a clear message when `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Code of a diagnostic as a string (`reference-inconnue`…), whether or not it has a link. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = diagnostic.code;
    if (code === undefined) return undefined;
    return typeof code === 'object' ? String(code.value) : String(code);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
    return diagnostics.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} [${codeOf(d)}] ${d.message}`).join('\n') || '(none)';
}

/**
 * Waits until the diagnostics of `uri` satisfy `predicate`, checking now and at each change.
 * With `fresh`, the current diagnostics do not count: only a change published after the call
 * (use it right after opening or editing a document, to wait for the server's answer).
 */
export function waitForDiagnostics(
    uri: vscode.Uri,
    predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
    options: { timeout?: number; fresh?: boolean } = {}
): Promise<vscode.Diagnostic[]> {
    const key = uri.toString();
    return new Promise((resolve, reject) => {
        const finish = (error?: Error) => {
            clearTimeout(timer);
            subscription.dispose();
            if (error) reject(error);
            else resolve(vscode.languages.getDiagnostics(uri));
        };
        const subscription = vscode.languages.onDidChangeDiagnostics(event => {
            if (event.uris.some(changed => changed.toString() === key) && predicate(vscode.languages.getDiagnostics(uri))) finish();
        });
        const timeout = options.timeout ?? WAIT_MS;
        const timer = setTimeout(
            () => finish(new Error(`timeout after ${timeout} ms waiting for the diagnostics of ${uri.path}; current:\n${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`)),
            timeout
        );
        if (!options.fresh && predicate(vscode.languages.getDiagnostics(uri))) finish();
    });
}

/** Opens a document in an editor and waits for the server's first diagnostics about it. */
export async function openAndWaitForDiagnostics(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean = () => true): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
    // Subscribe before opening: the answer may come before `showTextDocument` resolves.
    const diagnostics = waitForDiagnostics(uri, predicate, { fresh: !vscode.workspace.textDocuments.some(d => d.uri.toString() === uri.toString()) });
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    return { editor, diagnostics: await diagnostics };
}

/** Position of the first occurrence of `text` in the document (+ `offset` characters). */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
    const index = document.getText().indexOf(text);
    if (index < 0) throw new Error(`"${text}" not found in ${document.uri.path}`);
    return document.positionAt(index + offset);
}

/**
 * Asks the driver for a screenshot of the workbench as it is now, and waits until it is taken.
 * `selector`: a CSS selector the driver waits for first (e.g. `.squiggly-error`), so that what the
 * extension host already knows is also painted. Does nothing when no driver listens (test-electron).
 */
export async function screenshot(name: string, selector?: string): Promise<void> {
    const dir = process.env.COOP_E2E_SCREENSHOTS;
    if (!dir) return;
    const request = join(dir, `${name}.request.json`);
    writeFileSync(request, JSON.stringify({ name, selector }));
    await withTimeout(
        new Promise<void>(resolve => {
            // The driver deletes the request once the picture is written.
            const check = () => (existsSync(request) ? setTimeout(check, 100) : resolve());
            check();
        }),
        WAIT_MS,
        `screenshot ${name}`
    );
    const failure = join(dir, `${name}.error.txt`);
    if (existsSync(failure)) console.warn(`screenshot ${name}: ${readFileSync(failure, 'utf8')}`);
}

/** What `coop._previewContent` returns: the preview of `uri` as the extension last set it. */
export function previewContent(uri: vscode.Uri): Promise<PreviewSnapshot | undefined> {
    return Promise.resolve(vscode.commands.executeCommand<PreviewSnapshot | undefined>('coop._previewContent', uri.toString()));
}

/** How long a message page may stay before `waitForPreview` gives up. */
const MESSAGE_PAGE_MS = 3_000;

/**
 * Waits until the preview of `uri` satisfies `predicate` (checked every 100 ms). On timeout the
 * error tells what the preview shows instead (a message page says why: server error…).
 */
export async function waitForPreview(uri: vscode.Uri, predicate: (snapshot: PreviewSnapshot) => boolean, what: string, timeout = WAIT_MS): Promise<PreviewSnapshot> {
    const deadline = Date.now() + timeout;
    let last: PreviewSnapshot | undefined;
    /** Since when the preview shows a message page (no document, server failure). */
    let messageSince: number | undefined;
    for (;;) {
        last = await previewContent(uri);
        if (last && predicate(last)) return last;
        messageSince = last?.kind === 'message' ? (messageSince ?? Date.now()) : undefined;
        // A message page that stays is the server's answer (an error, no such request):
        // no need to wait for the whole timeout.
        if (Date.now() > deadline || (messageSince !== undefined && Date.now() - messageSince > MESSAGE_PAGE_MS)) {
            const shows = last
                ? `kind ${last.kind}, ${last.refreshes} refresh(es), title ${JSON.stringify(last.title)}${last.message ? `, message: ${last.message}` : ''}`
                : 'no preview';
            throw new Error(`waiting for the preview of ${uri.path} ${what}; it shows: ${shows}`);
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

/** Polls `probe` until `predicate` holds on its result (for asynchronous states like the webview's scroll). */
export async function eventually<T>(probe: () => Promise<T>, predicate: (value: T) => boolean, what: (last: T | undefined) => string, timeout = WAIT_MS): Promise<T> {
    const deadline = Date.now() + timeout;
    let last: T | undefined;
    for (;;) {
        last = await probe();
        if (predicate(last)) return last;
        if (Date.now() > deadline) throw new Error(`timeout after ${timeout} ms waiting for ${what(last)}`);
        await new Promise(resolve => setTimeout(resolve, 150));
    }
}

/** Names of the entries of a zip file, read from its central directory (enough to check a .docx). */
export function zipEntries(bytes: Uint8Array): string[] {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // End of central directory record: signature 0x06054b50, at least 22 bytes from the end
    // (more when the archive has a comment, up to 65 535 bytes).
    let end = -1;
    for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
        if (view.getUint32(offset, true) === 0x06054b50) {
            end = offset;
            break;
        }
    }
    if (end < 0) throw new Error('not a zip file: no end of central directory record');
    const count = view.getUint16(end + 10, true);
    let offset = view.getUint32(end + 16, true);
    const names: string[] = [];
    const decoder = new TextDecoder();
    for (let i = 0; i < count; i++) {
        if (view.getUint32(offset, true) !== 0x02014b50) throw new Error(`bad central directory entry ${i} at ${offset}`);
        const nameLength = view.getUint16(offset + 28, true);
        const extraLength = view.getUint16(offset + 30, true);
        const commentLength = view.getUint16(offset + 32, true);
        names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
}

/**
 * The scripts of a preview page other than VS Code's own (`_vscodeApiScript`, which defines
 * acquireVsCodeApi): their `src`, or `inline`.
 */
export function pageScripts(page: WebviewDump): string[] {
    return page.scripts.filter(script => script.id !== '_vscodeApiScript').map(script => script.src ?? 'inline');
}

/** The dossier's French typography puts no-break spaces (« 16 à 65 ans »): compare with plain spaces. */
export function plainSpaces(text: string | undefined): string {
    return (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
}
