// The language server never dies of what a client sends. Before Langium registers its handlers,
// the connection's registration methods are wrapped so that:
// - a document notification (didOpen, didChange…) whose parameters are not what LSP says (a text
//   that is null or a number, no URI…) is ignored with a line in the server's log;
// - a request about a document (hover, completion, rename…) with invalid parameters is answered
//   InvalidParams; about a document the server does not know, an empty result (null or []),
//   never an ENOENT; and an internal error of a feature is logged and answered with the empty
//   result too, never with an internal-error object.
import { URI, type LangiumSharedCoreServices } from 'langium';
import { ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

type Handler = (params: unknown, ...rest: unknown[]) => unknown;
type Registration = (handler: Handler) => unknown;

/** Requests about one document, and their empty answer. */
const DOCUMENT_REQUESTS: Record<string, { method: string; empty: null | []; position?: boolean }> = {
    onHover: { method: 'textDocument/hover', empty: null, position: true },
    onCompletion: { method: 'textDocument/completion', empty: null, position: true },
    onSignatureHelp: { method: 'textDocument/signatureHelp', empty: null, position: true },
    onDefinition: { method: 'textDocument/definition', empty: null, position: true },
    onDeclaration: { method: 'textDocument/declaration', empty: null, position: true },
    onTypeDefinition: { method: 'textDocument/typeDefinition', empty: null, position: true },
    onImplementation: { method: 'textDocument/implementation', empty: null, position: true },
    onReferences: { method: 'textDocument/references', empty: [], position: true },
    onDocumentHighlight: { method: 'textDocument/documentHighlight', empty: [], position: true },
    onDocumentSymbol: { method: 'textDocument/documentSymbol', empty: [] },
    onCodeAction: { method: 'textDocument/codeAction', empty: [] },
    onCodeLens: { method: 'textDocument/codeLens', empty: [] },
    onDocumentLinks: { method: 'textDocument/documentLink', empty: [] },
    onDocumentFormatting: { method: 'textDocument/formatting', empty: [] },
    onDocumentRangeFormatting: { method: 'textDocument/rangeFormatting', empty: [] },
    onDocumentOnTypeFormatting: { method: 'textDocument/onTypeFormatting', empty: [], position: true },
    onRenameRequest: { method: 'textDocument/rename', empty: null, position: true },
    onPrepareRename: { method: 'textDocument/prepareRename', empty: null, position: true },
    onFoldingRanges: { method: 'textDocument/foldingRange', empty: [] },
    onSelectionRanges: { method: 'textDocument/selectionRange', empty: [] }
};

const LANGUAGE_REQUESTS: Record<string, Record<string, { method: string; empty: null | []; position?: boolean }>> = {
    semanticTokens: {
        on: { method: 'textDocument/semanticTokens/full', empty: null },
        onDelta: { method: 'textDocument/semanticTokens/full/delta', empty: null },
        onRange: { method: 'textDocument/semanticTokens/range', empty: null }
    },
    inlayHint: { on: { method: 'textDocument/inlayHint', empty: [] } },
    callHierarchy: { onPrepare: { method: 'textDocument/prepareCallHierarchy', empty: null, position: true } },
    typeHierarchy: { onPrepare: { method: 'textDocument/prepareTypeHierarchy', empty: null, position: true } }
};

/**
 * Longest document (in characters) the server analyses; longer ones get one diagnostic. A guard
 * of the server's own, well above the language's documented size limit.
 */
export const MAX_DOCUMENT_LENGTH = 10_000_000;

/** Errors a client expects and handles (cancellation, a newer change): passed on as they are. */
const PASSED_ON: number[] = [LSPErrorCodes.RequestCancelled, LSPErrorCodes.ServerCancelled, LSPErrorCodes.ContentModified, ErrorCodes.InvalidParams];

/**
 * Wraps the registration methods of `connection` in place (and returns it). Call it before the
 * handlers are registered (before `startLanguageServer`). `shared` tells which documents exist.
 */
export function guardConnection(connection: Connection, shared: LangiumSharedCoreServices): Connection {
    const log = (text: string) => {
        try {
            connection.console.warn(text);
        } catch {
            // The connection itself is gone: nothing to tell.
        }
    };
    const known = (uri: string): boolean => {
        let parsed: URI;
        try {
            parsed = URI.parse(uri);
        } catch {
            return false;
        }
        return shared.workspace.LangiumDocuments.hasDocument(parsed)
            || (shared.workspace as { TextDocuments?: { get(uri: string): unknown } }).TextDocuments?.get(parsed.toString()) !== undefined;
    };

    const inWorkspace = (uri: string): boolean => {
        try {
            return shared.workspace.LangiumDocuments.hasDocument(URI.parse(uri));
        } catch {
            return false;
        }
    };

    const guardRequest = (method: string, empty: null | [], position: boolean | undefined, handler: Handler): Handler => async (params, ...rest) => {
        const problem = documentProblem(params, position);
        if (problem) return new ResponseError(ErrorCodes.InvalidParams, `Paramètres invalides pour ${method} : ${problem}.`);
        const uri = (params as { textDocument: { uri: string } }).textDocument.uri;
        if (!known(uri)) return empty === null ? null : [];
        try {
            // A document the editor has just opened, before its first build was even queued behind
            // the workspace's: Langium would answer ServerCancelled (« No document found »), and the
            // editor show nothing — the first Ctrl+Space after start-up. Wait for the pending writes.
            if (!inWorkspace(uri)) {
                await shared.workspace.WorkspaceManager.ready;
                await shared.workspace.WorkspaceLock.read(() => undefined);
            }
            const result = await handler(params, ...rest);
            if (result instanceof ResponseError && !PASSED_ON.includes(result.code)) {
                log(`${method} sur ${uri} : erreur interne ignorée (réponse vide) : ${result.message}`);
                return empty === null ? null : [];
            }
            return result;
        } catch (error) {
            if (error instanceof ResponseError && PASSED_ON.includes(error.code)) throw error;
            log(`${method} sur ${uri} : erreur interne ignorée (réponse vide) : ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
            return empty === null ? null : [];
        }
    };
    const wrap = (target: Record<string, unknown>, name: string, guard: (handler: Handler) => Handler) => {
        const original = target[name];
        if (typeof original !== 'function') return;
        const bound = (original as Registration).bind(target);
        target[name] = (handler: Handler) => bound(guard(handler));
    };

    const target = connection as unknown as Record<string, unknown>;
    for (const [name, { method, empty, position }] of Object.entries(DOCUMENT_REQUESTS)) {
        wrap(target, name, handler => guardRequest(method, empty, position, handler));
    }
    const languages = (connection as unknown as { languages?: Record<string, Record<string, unknown> | undefined> }).languages;
    for (const [feature, requests] of Object.entries(LANGUAGE_REQUESTS)) {
        const object = languages?.[feature];
        if (!object) continue;
        for (const [name, { method, empty, position }] of Object.entries(requests)) {
            wrap(object, name, handler => guardRequest(method, empty, position, handler));
        }
    }

    const guardNotification = (method: string, check: (params: unknown) => string | undefined) => (handler: Handler): Handler => (params, ...rest) => {
        const problem = check(params);
        if (problem) {
            log(`${method} ignoré : ${problem}.`);
            return undefined;
        }
        try {
            return handler(params, ...rest);
        } catch (error) {
            log(`${method} : erreur interne ignorée : ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
            return undefined;
        }
    };
    // Documents over MAX_DOCUMENT_LENGTH are not given to Langium (a 50 MB text keeps the server
    // busy for a minute): one diagnostic says so; a later full change under the limit opens them.
    const oversized = new Map<string, { languageId: string }>();
    let openHandler: Handler | undefined;
    let closeHandler: Handler | undefined;
    const tooLarge = (uri: string, length: number) => {
        const megabytes = (length / 1_000_000).toFixed(1);
        log(`${uri} : document de ${megabytes} Mo non analysé (limite du serveur : ${MAX_DOCUMENT_LENGTH / 1_000_000} Mo).`);
        void connection.sendDiagnostics({
            uri, diagnostics: [{
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: 'coop', code: 'document-trop-volumineux',
                message: `Document trop volumineux (${megabytes} Mo) : le serveur coop n'analyse pas les documents de plus de ${MAX_DOCUMENT_LENGTH / 1_000_000} Mo. Découpez le protocole en plusieurs fichiers (bibliothèques).`
            }]
        });
    };
    wrap(target, 'onDidOpenTextDocument', handler => {
        openHandler = handler;
        return guardNotification('textDocument/didOpen', openProblem)((params, ...rest) => {
            const document = (params as { textDocument: { uri: string; text: string; languageId: string } }).textDocument;
            if (document.text.length > MAX_DOCUMENT_LENGTH) {
                oversized.set(document.uri, { languageId: document.languageId });
                tooLarge(document.uri, document.text.length);
                return undefined;
            }
            oversized.delete(document.uri);
            return handler(params, ...rest);
        });
    });
    wrap(target, 'onDidChangeTextDocument', handler => guardNotification('textDocument/didChange', changeProblem)((params, ...rest) => {
        const { textDocument, contentChanges } = params as { textDocument: { uri: string; version: number }; contentChanges: Array<{ text: string; range?: unknown }> };
        const last = contentChanges[contentChanges.length - 1];
        const full = last && last.range === undefined ? last : undefined;
        const skipped = oversized.get(textDocument.uri);
        if (skipped) {
            // Back under the limit with a full text: opened again; incremental changes of a text the server never had are ignored.
            if (full && full.text.length <= MAX_DOCUMENT_LENGTH) {
                oversized.delete(textDocument.uri);
                void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
                return openHandler?.({ textDocument: { uri: textDocument.uri, languageId: skipped.languageId, version: textDocument.version, text: full.text } });
            }
            return undefined;
        }
        if (contentChanges.some(change => change.text.length > MAX_DOCUMENT_LENGTH)) {
            oversized.set(textDocument.uri, { languageId: 'coop' });
            tooLarge(textDocument.uri, Math.max(...contentChanges.map(change => change.text.length)));
            return closeHandler?.({ textDocument: { uri: textDocument.uri } });
        }
        return handler(params, ...rest);
    }));
    wrap(target, 'onDidCloseTextDocument', handler => {
        closeHandler = handler;
        return guardNotification('textDocument/didClose', params => documentProblem(params, false))((params, ...rest) => {
            const uri = (params as { textDocument: { uri: string } }).textDocument.uri;
            if (oversized.delete(uri)) {
                void connection.sendDiagnostics({ uri, diagnostics: [] });
                return undefined;
            }
            return handler(params, ...rest);
        });
    });
    for (const [name, method] of [['onDidSaveTextDocument', 'didSave'], ['onWillSaveTextDocument', 'willSave']] as const) {
        wrap(target, name, guardNotification(`textDocument/${method}`, params => documentProblem(params, false)));
    }
    wrap(target, 'onWillSaveTextDocumentWaitUntil', handler => guardRequest('textDocument/willSaveWaitUntil', [], false, handler));
    return connection;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): boolean {
    return isObject(value) && Number.isInteger(value.line) && Number.isInteger(value.character)
        && (value.line as number) >= 0 && (value.character as number) >= 0;
}

function isRange(value: unknown): boolean {
    return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

/** What is wrong with the parameters of a request about one document, if anything. */
export function documentProblem(params: unknown, position: boolean | undefined): string | undefined {
    if (!isObject(params)) return `un objet est attendu, reçu ${describe(params)}`;
    if (!isObject(params.textDocument) || typeof params.textDocument.uri !== 'string') return 'textDocument.uri manque ou n\'est pas un texte';
    if (position && !isPosition(params.position)) return `position invalide (${describe(params.position)})`;
    if ('range' in params && params.range !== undefined && !isRange(params.range)) return `plage invalide (${describe(params.range)})`;
    return undefined;
}

/** What is wrong with a `didOpen`, if anything. */
export function openProblem(params: unknown): string | undefined {
    const problem = documentProblem(params, false);
    if (problem) return problem;
    const document = (params as { textDocument: Record<string, unknown> }).textDocument;
    if (typeof document.text !== 'string') return `le texte du document ${String(document.uri)} n'est pas un texte (${describe(document.text)})`;
    if (typeof document.languageId !== 'string') return `languageId manque pour ${String(document.uri)}`;
    if (typeof document.version !== 'number') return `version invalide pour ${String(document.uri)} (${describe(document.version)})`;
    return undefined;
}

/** What is wrong with a `didChange`, if anything. */
export function changeProblem(params: unknown): string | undefined {
    const problem = documentProblem(params, false);
    if (problem) return problem;
    const { textDocument, contentChanges } = params as { textDocument: Record<string, unknown>; contentChanges?: unknown };
    if (typeof textDocument.version !== 'number') return `version invalide pour ${String(textDocument.uri)} (${describe(textDocument.version)})`;
    if (!Array.isArray(contentChanges)) return `contentChanges n'est pas une liste (${describe(contentChanges)})`;
    for (const change of contentChanges) {
        if (!isObject(change) || typeof change.text !== 'string') return `une modification sans texte (${describe(change)})`;
        if (change.range !== undefined && !isRange(change.range)) return `une modification de plage invalide (${describe(change.range)})`;
    }
    return undefined;
}

function describe(value: unknown): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
