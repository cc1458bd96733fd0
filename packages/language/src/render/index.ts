// Submission document: one neutral model of a validated protocol, and its renderers (HTML for the
// preview and export, PDF and DOCX for the file sent to the ARS or the HAS). No VS Code dependency.
export {
    buildDocumentModel, NotAProtocolError, stepLeadsTo,
    type ActionKind, type Anchored, type Block, type BuildOptions, type Cell, type ConformityMatrix, type ConformityRow, type Content,
    type DocumentDiagnostics, type DocumentHeader, type DocumentModel, type Field, type FieldsBlock, type GroupBlock, type ListBlock,
    type ListItem, type Markdown, type Note, type NoteKind, type ProseBlock, type Section, type SuppressionEntry, type TableBlock,
    type TableRow, type TreeAction, type TreeBlock, type TreeBranch, type TreeRisk, type TreeStep,
    type Banner, type Disposition, type FicheItem, type FicheProjet, type Signatory, type SignatureBlock
} from './document-model.js';
export { typography, typographyMarkdown, NBSP, NNBSP } from './typography.js';
export { FICHE_ITEMS } from './builders/fiche.js';
export { escapeHtml, renderHtml, type HtmlOptions } from './html.js';
export { documentDate, renderPdf, type PdfOptions } from './pdf.js';
export { renderDocx, type DocxOptions } from './docx.js';
export { declarationPacket, documentsToSign, type PacketFile } from './team/declaration-packet.js';
export { buildTeamDocuments, buildTeamSummary, declarationRows, DECLARATION_COLUMNS, slug, type TeamDocument } from './team/team-documents.js';
