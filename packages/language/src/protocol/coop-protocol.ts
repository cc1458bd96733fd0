// The custom protocol between the coop language server and its clients (the VS Code extension),
// and the shapes the CLI's report shares with it. ONE definition, imported by the server
// (src/lsp/), the extension (packages/extension/src/) and the CLI (packages/cli/src/report.ts).
//
// This module imports nothing (no Langium, no Node, no vscode-jsonrpc): the extension bundles it
// without pulling the language into its bundle. A request is a typed method name; each side sends
// or registers it with its own JSON-RPC library (`client.sendRequest(request.method, params)`,
// `connection.onRequest(request.method, handler)`), the types say what travels.

/** A custom request: its method name, and (types only) what it takes and answers. */
export interface CoopRequest<P, R> {
    readonly method: string;
    /** Never set: carries the parameter type. */
    readonly _params?: P;
    /** Never set: carries the result type. */
    readonly _result?: R;
}

export type RequestParams<T> = T extends CoopRequest<infer P, unknown> ? P : never;
export type RequestResult<T> = T extends CoopRequest<unknown, infer R> ? R : never;

function request<P, R>(method: string): CoopRequest<P, R> {
    return { method };
}

/** Every request about one document names it by URI. */
export interface DocumentParams {
    uri: string;
}

// ---------------------------------------------------------------------------------------------
// coop/conformity

/** One essential requirement of the decree and how the protocol stands on it. */
export interface RequirementEntry {
    /** Stable identifier of the requirement (e.g. `objet`, `formation`). */
    id: string;
    /** The article it rests on (e.g. « R. 4011-1, 2° »). */
    legalBasis: string;
    /** Its title in the message language. */
    title: string;
    /** `review`: no error, points a reviewer must read; `to-fix`: the section holds a syntax error. */
    status: 'met' | 'review' | 'missing' | 'suppressed' | 'to-fix';
}

/** The figures of a conformity summary (status bar, code lens, CLI report). */
export interface ConformitySummary {
    /** Essential requirements the protocol meets. */
    met: number;
    /** Essential requirements that apply to the protocol. */
    total: number;
    /** Requirements whose findings are ignored (`ignorer`) with a justification. */
    suppressed: number;
    /** Requirements verified by the automatic checks (met, or met through a justified suppression). */
    verified?: number;
    /** Requirements with no error but points only a reviewer can judge. */
    toReview?: number;
    /** Requirements missing (or whose section is to fix). */
    missing?: number;
    /** Short text, in the message language of the server (« Contrôles automatiques : 16/16 exigences vérifiées »). */
    label: string;
}

export interface ConformityResult extends ConformitySummary {
    items: Array<RequirementEntry & {
        /** 0-based line of the first finding (or suppression) about the requirement. */
        line?: number;
    }>;
}

/** `coop/conformity`: the conformity summary of a protocol; null for a library or an unknown document. */
export const ConformityRequest = request<DocumentParams, ConformityResult | null>('coop/conformity');

// ---------------------------------------------------------------------------------------------
// coop/preview

export interface PreviewParams extends DocumentParams {
    /** Nonce of the page's `<script>` (and `<style>`) elements, for its Content-Security-Policy. */
    nonce?: string;
    /** `webview.cspSource`, allowed for images and styles by the page's policy. */
    cspSource?: string;
    /** Webview URI of the page's script, loaded by `<script nonce="…" src="…">`. */
    scriptUri?: string;
}

export interface PreviewResult {
    /** One complete HTML page. */
    html: string;
    /** Title of the protocol (plain text), for the panel's tab. */
    title: string;
}

/** `coop/preview`: the submission document as HTML; null for a library or an unknown document. */
export const PreviewRequest = request<PreviewParams, PreviewResult | null>('coop/preview');

// ---------------------------------------------------------------------------------------------
// coop/export

export const EXPORT_FORMATS = ['html', 'pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportParams extends DocumentParams {
    format: ExportFormat;
    /** Layout of the dossier (setting `coop.export.disposition`): `exigences` (default) or `has-2012`. */
    disposition?: 'exigences' | 'has-2012';
}

export interface ExportResult {
    /** The file's bytes, base64. */
    data: string;
}

/**
 * `coop/export`: the submission document as a file; null for a library or an unknown document.
 * A document that cannot be rendered is answered with an error whose message is a sentence for
 * the user, in the message language of the server (code {@link CoopErrorCodes.RenderFailed}).
 */
export const ExportRequest = request<ExportParams, ExportResult | null>('coop/export');

// ---------------------------------------------------------------------------------------------
// coop/declaration

export interface DeclarationResult {
    /** The files of the packet, paths relative to the folder the user chooses (`documents/01-….pdf`). */
    files: Array<{ path: string; data: string }>;
    /** Errors the team file still has: the packet is written anyway, the user is told. */
    errors: number;
}

/**
 * `coop/declaration`: the declaration packet of a team file (CSV, JSON and the documents to sign,
 * base64), as `coop declaration` writes it; null unless the document is a team file.
 */
export const DeclarationRequest = request<DocumentParams, DeclarationResult | null>('coop/declaration');

export function isDeclarationResult(value: unknown): value is DeclarationResult {
    const files = (value as DeclarationResult | undefined)?.files;
    return Array.isArray(files) && files.every(file => typeof file?.path === 'string' && typeof file?.data === 'string'
        && !file.path.split('/').some(part => part === '..' || part === '') && !file.path.startsWith('/'))
        && typeof (value as DeclarationResult).errors === 'number';
}

// ---------------------------------------------------------------------------------------------
// coop/cases

/** Without `uri`: every file of patient cases the server knows (the workspace's). */
export interface CasesParams {
    uri?: string;
}

/** One patient case (`cas "…" pour PC-… { … }`) and its result, as `coop test` computes it. */
export interface CaseEntry {
    title: string;
    /** The identifier of the protocol it runs on (`PC-CYSTITE`). */
    protocol: string;
    /** 0-based range of the case in its file. */
    line: number;
    character: number;
    endLine: number;
    endCharacter: number;
    passed: boolean;
    /** « réaliser bu, prescription-atb puis fin » */
    expected: string;
    /** What the protocol gives (empty: no outcome). */
    actual: string;
    /** « accueil (sinon) → examen (sinon) → decision (bandelette = positive) » */
    trace: string;
    /** Errors inside the case (unknown datum, wrong value, unknown protocol…), « 3:12 message ». */
    problems: string[];
}

export interface CaseFile {
    uri: string;
    cases: CaseEntry[];
}

export interface CasesResult {
    files: CaseFile[];
}

/** `coop/cases`: the patient cases of a file (or of the workspace), run on their protocols. */
export const CasesRequest = request<CasesParams, CasesResult>('coop/cases');

/** Error codes of the coop requests, besides JSON-RPC's (InvalidParams −32602…). */
export const CoopErrorCodes = {
    /** LSP's RequestFailed: the request was valid but the document could not be rendered. */
    RenderFailed: -32803
} as const;

// ---------------------------------------------------------------------------------------------
// Settings

/** A notification: its method name and (types only) its parameters. */
export interface CoopNotification<P> {
    readonly method: string;
    /** Never set: carries the parameter type. */
    readonly _params?: P;
}

export interface SettingsAppliedParams {
    /** The message language now used by the server. */
    locale: 'fr' | 'en';
}

/**
 * `coop/settingsApplied`, server → client: a change of the `coop` settings (`coop.language`,
 * `coop.rules`) or of coop.config.json is applied and every document validated again; what the
 * client shows from the server (status bar, previews) is worth asking again.
 */
export const SettingsAppliedNotification: CoopNotification<SettingsAppliedParams> = { method: 'coop/settingsApplied' };

/** The `coop.language` setting: follow the editor's display language, or a fixed one. */
export type LanguageSetting = 'auto' | 'fr' | 'en';
export type RuleLevelSetting = 'error' | 'warning' | 'info' | 'off';

/** The `coop` section of the client's settings (`workspace/didChangeConfiguration`). */
export interface CoopSettings {
    /** `coop.language`. */
    language?: LanguageSetting | string;
    /** `coop.rules`: rule code → level. */
    rules?: Record<string, RuleLevelSetting | string>;
}

/** `initializationOptions` of `initialize`: the settings, and the editor's display language. */
export interface CoopInitializationOptions extends CoopSettings {
    /** The display language of the editor (BCP 47: `fr`, `en`, `en-gb`…). */
    locale?: string;
}

// ---------------------------------------------------------------------------------------------
// Checks of what travels (each side receives JSON it did not type itself)

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parameters naming a document: an object with a string `uri`. */
export function isDocumentParams(value: unknown): value is DocumentParams {
    return isObject(value) && typeof value.uri === 'string';
}

export function isPreviewParams(value: unknown): value is PreviewParams {
    return isDocumentParams(value)
        && (['nonce', 'cspSource', 'scriptUri'] as const).every(key => {
            const field = (value as unknown as Record<string, unknown>)[key];
            return field === undefined || typeof field === 'string';
        });
}

export function isExportParams(value: unknown): value is ExportParams {
    return isDocumentParams(value) && (EXPORT_FORMATS as readonly unknown[]).includes((value as unknown as Record<string, unknown>).format);
}

export function isCasesParams(value: unknown): value is CasesParams {
    return isObject(value) && (value.uri === undefined || typeof value.uri === 'string');
}

export function isCasesResult(value: unknown): value is CasesResult {
    return isObject(value) && Array.isArray(value.files)
        && value.files.every(file => isObject(file) && typeof file.uri === 'string' && Array.isArray(file.cases));
}

export function isConformityResult(value: unknown): value is ConformityResult {
    return isObject(value) && typeof value.met === 'number' && typeof value.total === 'number' && typeof value.label === 'string';
}

export function isPreviewResult(value: unknown): value is PreviewResult {
    return isObject(value) && typeof value.html === 'string' && typeof value.title === 'string';
}

export function isExportResult(value: unknown): value is ExportResult {
    return isObject(value) && typeof value.data === 'string';
}
