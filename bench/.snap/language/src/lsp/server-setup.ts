import { DocumentState, URI, UriUtils, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, ConfigError, parseConfig, type CoopConfig } from '../config/config-file.js';
import type { RuleLevel } from '../config/rule-settings.js';
import { isProtocole } from '../generated/ast.js';
import { toLocale } from '../i18n/locale.js';
import { isBuiltinUri } from '../workspace/catalogue.js';
import { buildDocumentModel, renderDocx, renderHtml, renderPdf } from '../render/index.js';
import { computeConformity, conformityLabel } from '../rules/conformity.js';
import type { CoopLspServices } from './coop-lsp-module.js';

/** Parameters of the custom request `coop/conformity`. */
export interface DocumentRequestParams {
    uri: string;
}

/** `coop/preview`: the submission document as HTML, for a webview with its own CSP nonce and script. */
export interface PreviewParams extends DocumentRequestParams {
    nonce?: string;
    cspSource?: string;
    scriptUri?: string;
}

/** `coop/export`: the submission document as a file, base64-encoded. */
export interface ExportParams extends DocumentRequestParams {
    format: 'html' | 'pdf' | 'docx';
}

export interface ConformityResult {
    met: number;
    total: number;
    suppressed: number;
    label: string;
    items: Array<{ id: string; legalBasis: string; title: string; status: 'met' | 'missing' | 'suppressed'; line?: number }>;
}

/**
 * What the language server adds to Langium's: the message language (client locale, or the
 * `coop.language` setting), the rule levels of the workspace (`coop.config.json`, then the
 * `coop.rules` setting), and the custom requests of the extension.
 */
export function setUpServer(shared: LangiumSharedServices, Coop: CoopLspServices, connection: Connection): void {
    let clientLocale: string | undefined;
    let languageSetting = 'auto';
    let fileRules: Record<string, RuleLevel> = {};
    let settingRules: Record<string, RuleLevel> = {};
    let configUri: URI | undefined;

    const applySettings = () => {
        Coop.i18n.Locale.current = toLocale(languageSetting === 'auto' ? clientLocale : languageSetting);
        Coop.validation.RuleSettings.set({ ...fileRules, ...settingRules });
    };
    /** Validates every document again (new rule levels or language), without re-reading them. */
    const revalidateAll = () => shared.workspace.WorkspaceLock.write(async token => {
        const builder = shared.workspace.DocumentBuilder;
        const documents = shared.workspace.LangiumDocuments.all.filter(document => !isBuiltinUri(document.uri)).toArray();
        for (const document of documents) {
            if (document.state >= DocumentState.Validated) builder.resetToState(document, DocumentState.IndexedReferences);
        }
        await builder.build(documents, { validation: true }, token);
    });

    shared.lsp.LanguageServer.onInitialize(params => {
        // The VS Code extension passes its UI language and the `coop.*` settings; other clients send `locale`.
        const options = params.initializationOptions as { locale?: string; language?: string; rules?: Record<string, RuleLevel> } | undefined;
        clientLocale = options?.locale ?? params.locale;
        languageSetting = options?.language ?? languageSetting;
        settingRules = options?.rules ?? settingRules;
        const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
        if (folder) configUri = UriUtils.joinPath(URI.parse(folder), CONFIG_FILE_NAME);
        applySettings();
    });

    /** Reads coop.config.json; a problem is reported as a diagnostic on the file itself. */
    const loadConfigFile = async () => {
        if (!configUri) return;
        let text: string | undefined;
        try {
            text = await shared.workspace.FileSystemProvider.readFile(configUri);
        } catch {
            text = undefined;
        }
        const diagnostics: Diagnostic[] = [];
        let config: CoopConfig = { rules: {} };
        if (text !== undefined) {
            try {
                config = parseConfig(text, Coop.i18n.Locale);
            } catch (error) {
                if (!(error instanceof ConfigError)) throw error;
                const position = { line: error.line - 1, character: error.column - 1 };
                diagnostics.push({ range: { start: position, end: position }, severity: 1, source: 'coop', message: error.message });
            }
        }
        fileRules = config.rules;
        applySettings();
        void connection.sendDiagnostics({ uri: configUri.toString(), diagnostics });
    };

    shared.lsp.LanguageServer.onInitialized(() => {
        // After the workspace (and the built-in catalogue) is loaded, so that no document is built without it.
        void shared.workspace.WorkspaceManager.ready.then(async () => {
            await loadConfigFile();
            if (Object.keys(fileRules).length > 0) await revalidateAll();
        });
    });

    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== 'coop') return;
        const configuration = update.configuration as { language?: string; rules?: Record<string, RuleLevel> } | undefined;
        languageSetting = configuration?.language ?? 'auto';
        settingRules = configuration?.rules ?? {};
        applySettings();
        void revalidateAll();
    });

    connection.onDidChangeWatchedFiles(params => {
        const configChanged = configUri && params.changes.some(change => change.uri === configUri!.toString());
        if (configChanged) void loadConfigFile().then(revalidateAll);
        shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles?.(params);
    });

    connection.onRequest('coop/conformity', async (params: DocumentRequestParams): Promise<ConformityResult | null> => {
        const document = await validatedDocument(shared, params.uri);
        if (!document || !isProtocole(document.parseResult.value)) return null;
        const conformity = computeConformity(document.diagnostics ?? [], Coop.validation.SuppressedDiagnostics.get(document), document.parseResult.value);
        return {
            met: conformity.met,
            total: conformity.total,
            suppressed: conformity.suppressed,
            label: conformityLabel(conformity, Coop.i18n.Locale.current),
            items: conformity.items.map(item => ({
                id: item.requirement.id,
                legalBasis: item.requirement.legalBasis,
                title: Coop.i18n.Locale.pick(item.requirement.title),
                status: item.status,
                line: item.diagnostics[0]?.range.start.line ?? item.suppressed[0]?.suppressionRange.start.line
            }))
        };
    });

    connection.onRequest('coop/preview', async (params: PreviewParams): Promise<{ html: string; title: string } | null> => {
        const model = await documentModel(params.uri);
        if (!model) return null;
        const html = renderHtml(model, { nonce: params.nonce, cspSource: params.cspSource, scriptUri: params.scriptUri });
        return { html, title: model.title };
    });

    connection.onRequest('coop/export', async (params: ExportParams): Promise<{ data: string } | null> => {
        const model = await documentModel(params.uri);
        if (!model) return null;
        const bytes = params.format === 'pdf' ? await renderPdf(model)
            : params.format === 'docx' ? await renderDocx(model)
                : Buffer.from(renderHtml(model), 'utf8');
        return { data: Buffer.from(bytes).toString('base64') };
    });

    /** The submission model of a validated protocol, or null for a library or an unknown document. */
    async function documentModel(uri: string) {
        const document = await validatedDocument(shared, uri);
        if (!document || !isProtocole(document.parseResult.value)) return null;
        return buildDocumentModel(document, Coop);
    }
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
