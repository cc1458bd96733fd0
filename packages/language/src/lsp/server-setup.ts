// What the language server adds to Langium's, registered on the connection: the settings
// (settings-service.ts), the custom requests (coop-requests.ts, typed by protocol/coop-protocol.ts)
// and the watch of coop.config.json. Everything here only wires; the logic lives in those modules.
import { DocumentState, URI, UriUtils, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../config/config-file.js';
import {
    CasesRequest, ConformityRequest, CoopErrorCodes, DeclarationRequest, ExportRequest, isCasesParams, isDocumentParams, isExportParams, isPreviewParams, PreviewRequest,
    SettingsAppliedNotification, type CoopRequest
} from '../protocol/coop-protocol.js';
import { isCas } from '../generated/ast.js';
import type { CaseFile } from '../protocol/coop-protocol.js';
import { isBuiltinUri } from '../workspace/catalogue.js';
import { casesOf, conformityOf, CoopRequestFailure, declarationOf, exportOf, previewOf } from './coop-requests.js';
import { annualReportOf } from './annual-report-request.js';
import { AnnualReportRequest, isAnnualReportParams } from '../protocol/annual-report-protocol.js';
import { guardConnection } from './guarded-connection.js';
import { guardParser } from './parse-guard.js';
import type { CoopLspServices } from './coop-lsp-module.js';
import { CoopSettingsService } from './settings-service.js';

/**
 * Called when the services are created, before Langium registers its handlers on the connection
 * (`startLanguageServer`): the connection is guarded first (guarded-connection.ts).
 */
export function setUpServer(shared: LangiumSharedServices, Coop: CoopLspServices, connection: Connection): void {
    guardConnection(connection, shared);
    guardParser(Coop, text => connection.console.error(text));
    const settings = new CoopSettingsService({ Locale: Coop.i18n.Locale, RuleSettings: Coop.validation.RuleSettings });
    let configUri: URI | undefined;
    const logWarnings = () => settings.takeWarnings().forEach(warning => connection.console.warn(warning));

    /** Validates every document again (new rule levels or language), without re-reading them. */
    const revalidateAll = () => shared.workspace.WorkspaceLock.write(async token => {
        const builder = shared.workspace.DocumentBuilder;
        const documents = shared.workspace.LangiumDocuments.all.filter(document => !isBuiltinUri(document.uri)).toArray();
        for (const document of documents) {
            if (document.state >= DocumentState.Validated) builder.resetToState(document, DocumentState.IndexedReferences);
        }
        await builder.build(documents, { validation: true }, token);
    });
    /** After a change of the settings: every document validated again, then the client told. */
    const applyAndTell = (what: string) => revalidateAll()
        .then(() => connection.sendNotification(SettingsAppliedNotification.method, { locale: settings.effective.locale }))
        .catch(error => logError(what, error));

    shared.lsp.LanguageServer.onInitialize(params => {
        settings.initialize(params.initializationOptions, params.locale);
        logWarnings();
        const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
        if (typeof folder === 'string') {
            try {
                configUri = UriUtils.joinPath(URI.parse(folder), CONFIG_FILE_NAME);
            } catch {
                connection.console.warn(`Dossier de travail illisible (${folder}) : coop.config.json ne sera pas lu.`);
            }
        }
    });

    /** Reads coop.config.json; a problem is reported as a diagnostic on the file itself. */
    const loadConfigFile = async (): Promise<boolean> => {
        if (!configUri) return false;
        let text: string | undefined;
        try {
            text = await shared.workspace.FileSystemProvider.readFile(configUri);
        } catch {
            text = undefined;
        }
        const { diagnostics, changed } = settings.setConfigText(text);
        void connection.sendDiagnostics({ uri: configUri.toString(), diagnostics });
        return changed;
    };

    shared.lsp.LanguageServer.onInitialized(() => {
        // After the workspace (and the built-in catalogue) is loaded, so that no document is built without it.
        void shared.workspace.WorkspaceManager.ready.then(async () => {
            if (await loadConfigFile()) await revalidateAll();
        }).catch(error => logError('coop.config.json', error));
    });

    // The one path for a change of `coop.language` or `coop.rules`: applied live, every document
    // validated again, then the client is told (it refreshes the status bar and the previews).
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== 'coop') return;
        const changed = settings.update(update.configuration);
        logWarnings();
        if (!changed) return;
        void applyAndTell('coop.*');
    });

    connection.onDidChangeWatchedFiles(params => {
        const changes = Array.isArray(params?.changes) ? params.changes : [];
        const configChanged = configUri && changes.some(change => change?.uri === configUri!.toString());
        if (configChanged) {
            void loadConfigFile().then(() => applyAndTell('coop.config.json'), error => logError('coop.config.json', error));
        }
        shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles?.({ changes: changes.filter(change => typeof change?.uri === 'string') });
    });

    onCoopRequest(ConformityRequest, isDocumentParams, async params => {
        const document = await validatedDocument(shared, params.uri);
        return document ? conformityOf(document, Coop) : null;
    });
    onCoopRequest(CasesRequest, isCasesParams, async params => {
        let wanted: string | undefined;
        if (params.uri !== undefined) {
            try {
                wanted = URI.parse(params.uri).toString();
            } catch {
                return { files: [] };
            }
        }
        const files: CaseFile[] = [];
        for (const document of await validatedCaseDocuments(wanted)) {
            const file = casesOf(document, Coop);
            if (file) files.push(file);
        }
        return { files };
    });

    /**
     * The files of patient cases the server knows (or the one named), validated. Langium does not
     * fully build the workspace's files that are not open: those are built and validated here first.
     */
    async function validatedCaseDocuments(uri: string | undefined): Promise<LangiumDocument[]> {
        await shared.workspace.WorkspaceManager.ready;
        if (uri && !shared.workspace.LangiumDocuments.hasDocument(URI.parse(uri)) && shared.workspace.TextDocuments.get(uri)) {
            await shared.workspace.WorkspaceLock.read(() => undefined);
        }
        const documents = shared.workspace.LangiumDocuments.all
            .filter(document => isCas(document.parseResult.value) && (uri === undefined || document.uri.toString() === uri)).toArray();
        // The protocols they run on must be linked too: every document not yet validated is built.
        const pending = documents.length === 0 ? [] : shared.workspace.LangiumDocuments.all
            .filter(document => !isBuiltinUri(document.uri) && document.state < DocumentState.Validated).toArray();
        if (pending.length > 0) {
            await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.build(pending, { validation: true }, token));
        }
        return documents.filter(document => document.state >= DocumentState.Validated);
    }

    onCoopRequest(PreviewRequest, isPreviewParams, async params => {
        const document = await validatedDocument(shared, params.uri);
        return document ? previewOf(document, Coop, params) : null;
    });
    onCoopRequest(DeclarationRequest, isDocumentParams, async params => {
        const document = await validatedDocument(shared, params.uri);
        return document ? declarationOf(document, Coop) : null;
    });
    // The yearly report from the activity journal (issue 13, lsp/annual-report-request.ts).
    onCoopRequest(AnnualReportRequest, isAnnualReportParams, async params => {
        const document = await validatedDocument(shared, params.uri);
        return document ? annualReportOf(document, Coop, shared, params) : null;
    });
    onCoopRequest(ExportRequest, isExportParams, async params => {
        const document = await validatedDocument(shared, params.uri);
        return document ? exportOf(document, Coop, params.format, params.disposition === 'has-2012' ? 'has-2012' : 'exigences') : null;
    });

    /**
     * Registers a custom request: parameters that are not what the protocol says are answered with
     * InvalidParams; a failure is answered with a sentence for the user (never an internal error).
     */
    function onCoopRequest<P, R>(request: CoopRequest<P, R>, valid: (params: unknown) => params is P, handler: (params: P) => Promise<R>): void {
        connection.onRequest(request.method, async (params: unknown) => {
            if (!valid(params)) {
                return new ResponseError(ErrorCodes.InvalidParams, Coop.i18n.Locale.pick({
                    fr: `Paramètres invalides pour ${request.method} : ${describe(params)}.`,
                    en: `Invalid parameters for ${request.method}: ${describe(params)}.`
                }));
            }
            try {
                return await handler(params);
            } catch (error) {
                if (error instanceof ResponseError) throw error;
                if (error instanceof CoopRequestFailure) {
                    connection.console.error(`${request.method} : ${error.message}\n${error.detail ?? ''}`);
                    return new ResponseError(CoopErrorCodes.RenderFailed, error.message);
                }
                logError(request.method, error);
                return new ResponseError(CoopErrorCodes.RenderFailed, Coop.i18n.Locale.pick({
                    fr: `Le serveur coop n'a pas pu répondre à ${request.method} (${error instanceof Error ? error.message : String(error)}). Signalez ce problème.`,
                    en: `The coop server could not answer ${request.method} (${error instanceof Error ? error.message : String(error)}). Please report this problem.`
                }));
            }
        });
    }

    function logError(what: string, error: unknown): void {
        connection.console.error(`Erreur interne (${what}) : ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
}

function describe(params: unknown): string {
    const text = JSON.stringify(params) ?? String(params);
    return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/**
 * The document once validated, or undefined if the server does not know it. A request may arrive
 * just after the editor opened the document, before the server built it: wait for the workspace and
 * for the pending update first.
 */
export async function validatedDocument(shared: LangiumSharedServices, uri: string): Promise<LangiumDocument | undefined> {
    let parsed: URI;
    try {
        parsed = URI.parse(uri);
    } catch {
        return undefined;
    }
    await shared.workspace.WorkspaceManager.ready;
    if (!shared.workspace.LangiumDocuments.hasDocument(parsed) && shared.workspace.TextDocuments.get(parsed.toString())) {
        await shared.workspace.WorkspaceLock.read(() => undefined);
    }
    if (!shared.workspace.LangiumDocuments.hasDocument(parsed)) return undefined;
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed);
    return shared.workspace.LangiumDocuments.getDocument(parsed);
}
