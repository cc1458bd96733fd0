// The custom requests of the language server as plain functions: a validated document in, the
// payload of packages/language/src/protocol/coop-protocol.ts out. No connection here (see
// server-setup.ts for the registration), so they are unit-tested on documents built in memory.
import type { LangiumDocument } from 'langium';
import type { CoopServices } from '../coop-module.js';
import { isCas, isEquipe, isProtocole } from '../generated/ast.js';
import { caseOutcome } from '../logic/cases.js';
import { format, type Localized } from '../i18n/locale.js';
import type { CaseFile, ConformityResult, DeclarationResult, ExportFormat, ExportResult, PreviewParams, PreviewResult } from '../protocol/coop-protocol.js';
import { buildDocumentModel, buildTeamSummary, declarationPacket, renderDocx, renderHtml, renderPdf, type Disposition, type DocumentModel } from '../render/index.js';
import { teamData } from '../team/team-data.js';
import { computeConformity, conformityLabel } from '../rules/conformity.js';

/**
 * A request that was understood but cannot be answered (the document cannot be rendered…).
 * `message` is a sentence for the user in the message language; `detail` is for the server's log.
 */
export class CoopRequestFailure extends Error {
    constructor(message: string, readonly detail?: string) {
        super(message);
        this.name = 'CoopRequestFailure';
    }
}

/** `coop/conformity` of a validated document: null unless it is a protocol. */
export function conformityOf(document: LangiumDocument, services: CoopServices): ConformityResult | null {
    const root = document.parseResult.value;
    if (!isProtocole(root)) return null;
    const locale = services.i18n.Locale;
    const conformity = computeConformity(document.diagnostics ?? [], services.validation.SuppressedDiagnostics.get(document), root);
    return {
        met: conformity.met,
        total: conformity.total,
        suppressed: conformity.suppressed,
        verified: conformity.verified,
        toReview: conformity.toReview,
        missing: conformity.missing,
        label: conformityLabel(conformity, locale.current),
        items: conformity.items.map(item => ({
            id: item.requirement.id,
            legalBasis: item.requirement.legalBasis,
            title: locale.pick(item.requirement.title),
            status: item.status,
            line: item.diagnostics[0]?.range.start.line ?? item.suppressed[0]?.suppressionRange.start.line
        }))
    };
}

/**
 * `coop/cases` of a validated document: its patient cases, each run on its protocol among the
 * documents the server knows (the same code as `coop test`); null unless it is a file of cases.
 */
export function casesOf(document: LangiumDocument, services: CoopServices): CaseFile | null {
    const root = document.parseResult.value;
    if (!isCas(root)) return null;
    const documents = services.shared.workspace.LangiumDocuments;
    return {
        uri: document.uri.toString(),
        cases: root.cas.map(cas => {
            const { result, passed, problems } = caseOutcome(documents, cas, document.diagnostics ?? []);
            const range = cas.$cstNode?.range;
            return {
                title: cas.titre ?? '', protocol: cas.protocole ?? '',
                line: range?.start.line ?? 0, character: range?.start.character ?? 0,
                endLine: range?.end.line ?? 0, endCharacter: range?.end.character ?? 0,
                passed, expected: result.expected, actual: result.actual, trace: result.trace, problems
            };
        })
    };
}

/** `coop/preview` of a validated document: the dossier of a protocol, the summary of a team file; null otherwise. */
export function previewOf(document: LangiumDocument, services: CoopServices, params: Omit<PreviewParams, 'uri'> = {}): PreviewResult | null {
    const model = isEquipe(document.parseResult.value) ? teamModelOf(document, services) : modelOf(document, services);
    if (!model) return null;
    const html = attempt(services, 'html', () => renderHtml(model, { nonce: params.nonce, cspSource: params.cspSource, scriptUri: params.scriptUri }));
    return { html, title: model.title };
}

/** `coop/export` of a validated document: null unless it is a protocol; the bytes in base64. */
export async function exportOf(document: LangiumDocument, services: CoopServices, exportFormat: ExportFormat, disposition: Disposition = 'exigences'): Promise<ExportResult | null> {
    const model = modelOf(document, services, disposition);
    if (!model) return null;
    const bytes = await attemptAsync(services, exportFormat, async () => exportFormat === 'pdf' ? renderPdf(model)
        : exportFormat === 'docx' ? renderDocx(model)
            : Buffer.from(renderHtml(model), 'utf8'));
    return { data: Buffer.from(bytes).toString('base64') };
}

/** `coop/declaration` of a validated team file: the packet's files in base64; null unless it is a team file. */
export async function declarationOf(document: LangiumDocument, services: CoopServices): Promise<DeclarationResult | null> {
    const root = document.parseResult.value;
    if (!isEquipe(root)) return null;
    const data = attempt(services, 'declaration', () => teamData(root, services.shared.workspace.LangiumDocuments));
    const files = await attemptAsync(services, 'declaration', () => declarationPacket(data, services.i18n.Locale.current));
    return {
        files: files.map(file => ({ path: file.path, data: Buffer.from(file.data).toString('base64') })),
        errors: (document.diagnostics ?? []).filter(d => (d.severity ?? 1) === 1).length
    };
}

function teamModelOf(document: LangiumDocument, services: CoopServices): DocumentModel | null {
    const root = document.parseResult.value;
    if (!isEquipe(root)) return null;
    try {
        return buildTeamSummary(teamData(root, services.shared.workspace.LangiumDocuments), document.diagnostics ?? [], services.i18n.Locale.current);
    } catch (error) {
        throw failure(services, messages.model, {}, error);
    }
}

const messages = {
    model: {
        fr: 'Le document de soumission n\'a pas pu être construit ({detail}). Corrigez les erreurs signalées dans le protocole ; si elles sont toutes corrigées, signalez ce problème.',
        en: 'The submission document could not be built ({detail}). Fix the errors reported in the protocol; if there are none left, please report this problem.'
    },
    render: {
        fr: 'L\'export {format} n\'a pas pu être produit ({detail}). Vérifiez les valeurs du protocole (une date impossible, par exemple) ; si elles sont justes, signalez ce problème.',
        en: 'The {format} export could not be produced ({detail}). Check the values of the protocol (an impossible date, for instance); if they are right, please report this problem.'
    }
} satisfies Record<string, Localized>;

function modelOf(document: LangiumDocument, services: CoopServices, disposition: Disposition = 'exigences'): DocumentModel | null {
    if (!isProtocole(document.parseResult.value)) return null;
    try {
        return buildDocumentModel(document, services, { disposition });
    } catch (error) {
        throw failure(services, messages.model, {}, error);
    }
}

function attempt<T>(services: CoopServices, exportFormat: string, run: () => T): T {
    try {
        return run();
    } catch (error) {
        throw failure(services, messages.render, { format: exportFormat.toUpperCase() }, error);
    }
}

async function attemptAsync<T>(services: CoopServices, exportFormat: string, run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (error) {
        throw failure(services, messages.render, { format: exportFormat.toUpperCase() }, error);
    }
}

function failure(services: CoopServices, message: Localized, args: Record<string, string>, error: unknown): CoopRequestFailure {
    const detail = error instanceof Error ? error.message : String(error);
    const stack = error instanceof Error ? error.stack ?? detail : detail;
    return new CoopRequestFailure(format(services.i18n.Locale.pick(message), { ...args, detail }), stack);
}
