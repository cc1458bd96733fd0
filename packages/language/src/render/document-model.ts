import type { LangiumDocument } from 'langium';
import type { CoopServices } from '../coop-module.js';
import { isBibliotheque, isProtocole } from '../generated/ast.js';
import { buildChecklist } from './builders/checklist.js';
import { buildConformity } from './builders/conformity.js';
import { ModelContext } from './builders/context.js';
import { annotateNotes, buildBanners, buildClosing, buildSignatures, isDraft } from './builders/dossier.js';
import { buildFiche } from './builders/fiche.js';
import { buildHeader } from './builders/header.js';
import { attachDiagnostics, buildSuppressions } from './builders/notes.js';
import { buildSections } from './builders/sections.js';
import { calendarDate } from './labels.js';
import type { BuildOptions, DocumentModel, NoteKind } from './model-types.js';
import { typesetModel } from './typography.js';

// The neutral document model of a validated protocol (what the HTML preview, the PDF and the DOCX
// show), built in parts:
//   model-types.ts        the model's types;
//   labels.ts             every word the document adds, in French and English;
//   builders/context.ts   what the builders share (anchors, names, delays, quantities…);
//   builders/header.ts    the title block; builders/sections.ts the sections in template order
//                         (model/sections.ts), built by presentation.ts, actors.ts, process.ts and
//                         organisation.ts;
//   builders/conformity.ts the conformity matrix; builders/notes.ts suppressions and diagnostics.

export * from './model-types.js';
export { contentMarkdown, escapeMarkdown, plain, stepLeadsTo } from './model-text.js';

/** The document given to `buildDocumentModel` holds no protocol (a library, or nothing readable). */
export class NotAProtocolError extends Error {
    constructor(readonly kind: 'library' | 'unreadable') {
        super(kind === 'library' ? 'Le document est une bibliothèque, pas un protocole.' : 'Le document ne contient aucun protocole lisible.');
    }
}

/**
 * Builds the submission document of a validated protocol: sections in the template order
 * (`SECTION_KINDS`), whatever their order in the file, the conformity matrix, the suppressions and
 * the diagnostics attached to the element they concern. The document must have been built with
 * validation (`loadAndValidate`, or the language server's workspace).
 */
export function buildDocumentModel(document: LangiumDocument, services: CoopServices, options: BuildOptions = {}): DocumentModel {
    const root = document.parseResult.value;
    if (!isProtocole(root)) {
        throw new NotAProtocolError(isBibliotheque(root) ? 'library' : 'unreadable');
    }
    const locale = options.locale ?? services.i18n.Locale.current;
    const diagnostics = document.diagnostics ?? [];
    const suppressed = services.validation.SuppressedDiagnostics.get(document);
    return build(new ModelContext(document, root, locale, diagnostics, suppressed), options);
}

function build(ctx: ModelContext, options: BuildOptions): DocumentModel {
    buildHeader(ctx);
    const sections = buildSections(ctx);
    const conformity = buildConformity(ctx, sections);
    sections.push(buildChecklist(ctx, sections));
    const suppressions = buildSuppressions(ctx);
    const all = attachDiagnostics(ctx);
    const count = (kind: NoteKind) => all.filter(note => note.kind === kind).length;
    const date = ctx.model.first('DateProtocole')?.valeur;
    annotateNotes(ctx, all, sections);
    const errors = count('error');
    const syntaxErrors = all.filter(note => note.code === 'syntaxe' || note.code === 'caractere-inconnu').length;
    const disposition = options.disposition ?? 'exigences';
    const model: DocumentModel = {
        locale: ctx.locale,
        title: ctx.header.title,
        line: ctx.protocolLine,
        meta: {
            identifier: ctx.model.first('Identifiant')?.valeur,
            version: ctx.model.first('Version')?.valeur,
            date: calendarDate(date) ? date : undefined,
            type: ctx.model.type,
            status: ctx.model.first('Statut')?.valeur
        },
        header: ctx.header,
        conformity,
        sections,
        suppressions,
        diagnostics: {
            errors,
            warnings: count('warning'),
            infos: count('info'),
            syntaxErrors,
            all
        },
        banners: buildBanners(ctx, errors, syntaxErrors),
        ...(isDraft(ctx) ? { draft: ctx.t('draftWatermark') } : {}),
        signatures: buildSignatures(ctx),
        closing: buildClosing(ctx),
        disposition,
        ...(disposition === 'has-2012' ? { fiche: buildFiche(ctx, sections) } : {}),
        withLines: options.withLines ?? false
    };
    // French spacing (« », ; ! ? :, 24 h) on every text of the model, in one place.
    return typesetModel(model, ctx.locale);
}
