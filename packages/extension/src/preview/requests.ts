// The custom requests of the coop language server used by the preview and the exports, and how
// their failures are told to the user. The server renders everything (packages/language
// src/render/); the extension only shows or writes what it gets.
import * as vscode from 'vscode';
import { ErrorCodes, LSPErrorCodes, ResponseError, State, type LanguageClient } from 'vscode-languageclient/node';
import { ExportRequest, PreviewRequest, type CoopRequest } from 'coop-language/protocol';

// The requests and their payloads are defined once, in the language package's protocol module
// (no Langium in it: importing it adds a few hundred bytes to the extension bundle).
export {
    ConformityRequest, ExportRequest, isConformityResult, isExportResult, isPreviewResult, PreviewRequest, SettingsAppliedNotification,
    type ConformityResult, type CoopInitializationOptions, type DocumentParams, type ExportFormat, type ExportParams, type ExportResult, type PreviewParams, type PreviewResult
} from 'coop-language/protocol';
import { t } from '../l10n.js';

/** `coop/preview`, `coop/export`: method names (the request objects carry their types). */
export const PREVIEW_REQUEST = PreviewRequest.method;
export const EXPORT_REQUEST = ExportRequest.method;

/** Sends a coop request, typed by the protocol module. The answer is still checked by the caller (is…Result). */
export function sendCoopRequest<P, R>(client: LanguageClient, request: CoopRequest<P, R>, params: P): Promise<R | unknown> {
    return client.sendRequest<unknown>(request.method, params);
}

/** The error is the server saying it does not know the request (an older server). */
export function isMethodNotFound(error: unknown): boolean {
    return error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound;
}

/**
 * The request failed because the server stopped or restarted meanwhile (after a crash), or gave
 * up on it for a newer change: worth asking again.
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
        return t('The coop language server does not support this yet ({0}).', method);
    }
    if (error instanceof ResponseError && error.code === ErrorCodes.ConnectionInactive) {
        return t('The coop language server is not running.');
    }
    const message = error instanceof Error ? error.message : String(error);
    return t('The coop language server could not answer ({0}): {1}', method, message);
}

/**
 * Waits until the client runs (activation may still be starting it, or the client restarting a
 * server that stopped). Resolves with false if it does not within `timeout` ms.
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
