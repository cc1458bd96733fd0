// The custom requests of the coop language server used by the preview and the exports, and how
// their failures are told to the user. The server renders everything (packages/language
// src/render/); the extension only shows or writes what it gets.
import * as vscode from 'vscode';
import { ErrorCodes, LSPErrorCodes, ResponseError, State, type LanguageClient } from 'vscode-languageclient/node';

/** `coop/preview`: the submission document of a protocol as one complete HTML page. */
export const PREVIEW_REQUEST = 'coop/preview';

export interface PreviewParams {
    uri: string;
    /** Nonce of the page's `<script>` (and `<style>`) elements, for its Content-Security-Policy. */
    nonce: string;
    /** `webview.cspSource`, allowed for images and styles by the page's policy. */
    cspSource: string;
    /** Webview URI of media/preview.js, loaded by `<script nonce="…" src="…">`. */
    scriptUri: string;
}

export interface PreviewResult {
    html: string;
    /** Title of the protocol (plain text), for the panel's tab. */
    title: string;
}

/** `coop/export`: the submission document as a file. */
export const EXPORT_REQUEST = 'coop/export';

export type ExportFormat = 'html' | 'pdf' | 'docx';

export interface ExportParams {
    uri: string;
    format: ExportFormat;
}

export interface ExportResult {
    /** The file's bytes, base64. */
    data: string;
}

export function isPreviewResult(value: unknown): value is PreviewResult {
    const result = value as Partial<PreviewResult> | null | undefined;
    return typeof result?.html === 'string' && typeof result.title === 'string';
}

export function isExportResult(value: unknown): value is ExportResult {
    return typeof (value as Partial<ExportResult> | null | undefined)?.data === 'string';
}

/** The error is the server saying it does not know the request (an older server). */
export function isMethodNotFound(error: unknown): boolean {
    return error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound;
}

/**
 * The request failed because the server stopped or restarted meanwhile (a change of
 * `coop.language` restarts it), or gave up on it for a newer change: worth asking again.
 */
export function isTransient(error: unknown, client: LanguageClient): boolean {
    if (error instanceof ResponseError && [
        ErrorCodes.PendingResponseRejected, ErrorCodes.ConnectionInactive,
        LSPErrorCodes.RequestCancelled, LSPErrorCodes.ServerCancelled, LSPErrorCodes.ContentModified
    ].includes(error.code)) {
        return true;
    }
    return !client.isRunning();
}

/** A sentence for the user about a failed request (the technical detail goes to the output channel). */
export function describeRequestError(error: unknown, method: string): string {
    if (isMethodNotFound(error)) {
        return vscode.l10n.t('The coop language server does not support this yet ({0}).', method);
    }
    if (error instanceof ResponseError && error.code === ErrorCodes.ConnectionInactive) {
        return vscode.l10n.t('The coop language server is not running.');
    }
    const message = error instanceof Error ? error.message : String(error);
    return vscode.l10n.t('The coop language server could not answer ({0}): {1}', method, message);
}

/**
 * Waits until the client runs (activation may still be starting it, or a change of
 * `coop.language` restarting it). Resolves with false if it does not within `timeout` ms.
 */
export function whenRunning(client: LanguageClient, timeout = 20_000): Promise<boolean> {
    if (client.isRunning()) return Promise.resolve(true);
    return new Promise(resolve => {
        const timer = setTimeout(() => {
            subscription.dispose();
            resolve(client.isRunning());
        }, timeout);
        const subscription = client.onDidChangeState(event => {
            if (event.newState === State.Running) {
                clearTimeout(timer);
                subscription.dispose();
                resolve(true);
            }
        });
    });
}

/**
 * A command argument naming a file: a `Uri` (explorer context menu, editor title), or a URI
 * string (code lens, tests). Anything else (the explorer's list of selected files, a webview's
 * context object…) is not one.
 */
export function toUri(value: unknown): vscode.Uri | undefined {
    if (value instanceof vscode.Uri) return value;
    if (typeof value === 'string' && value.length > 0) {
        // `/abs/path` or `C:\…` is a file path; anything with a scheme is a URI.
        return /^[a-z][a-z0-9+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
    }
    return undefined;
}
