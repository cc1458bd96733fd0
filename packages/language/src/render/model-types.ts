import type { Locale } from '../i18n/locale.js';
import type { RequirementStatus } from '../rules/conformity.js';

// ---------------------------------------------------------------------------------------------
// The neutral document model: what the HTML preview, the PDF and the DOCX exports all show.
// Everything is already in the reader's words (labels in the chosen language, keyword values
// expanded, structured criteria in sentences); renderers only lay it out. Every item carries the
// 0-based line of its source, for scroll sync and click-to-source, and the diagnostics that
// concern it (`notes`), so each renderer shows them in place.
// ---------------------------------------------------------------------------------------------

/** Prose written by the authors: Markdown (renderers convert it, links limited to http(s)/mailto). */
export interface Markdown {
    readonly markdown: string;
}

/** Plain text (a string, shown as is) or Markdown prose. */
export type Content = string | Markdown;

/** A table cell or a field value: one content, or several (shown as a list). */
export type Cell = Content | readonly Content[];

export type NoteKind = 'error' | 'warning' | 'info' | 'suppressed';

/** A diagnostic shown next to the element it concerns. */
export interface Note {
    kind: NoteKind;
    code: string;
    message: string;
    /** 0-based line of the diagnostic. */
    line: number;
    /** For a suppressed diagnostic: why the team set the rule aside. */
    justification?: string;
    /** Documentation page of the rule. */
    documentation?: string;
    /** For the reviewer's annex: the requirement the rule checks (its title and legal basis). */
    requirement?: string;
    /** For the reviewer's annex: the section of the dossier the note is shown in. */
    section?: string;
}

export interface Anchored {
    /** 0-based line of the source element. */
    line: number;
    notes: Note[];
}

export interface Field extends Anchored {
    label: string;
    value: Cell;
}

export interface FieldsBlock extends Anchored {
    type: 'fields';
    title?: string;
    /** `sheet`: a form to read as a grid (the template's indicator sheet). */
    layout?: 'sheet';
    fields: Field[];
}

export interface ProseBlock extends Anchored {
    type: 'prose';
    title?: string;
    content: Content;
}

export interface ListItem extends Anchored {
    content: Content;
    /** Short name of the element (`fievre`), shown discreetly. */
    tag?: string;
}

export interface ListBlock extends Anchored {
    type: 'list';
    title?: string;
    items: ListItem[];
}

export interface TableRow extends Anchored {
    cells: Cell[];
}

export interface TableBlock extends Anchored {
    type: 'table';
    title?: string;
    /**
     * `process`: the template's « description du processus » table; `summary`: an overview;
     * `decision`: a structured step's decision table (inputs × situations → action).
     */
    role: 'data' | 'process' | 'summary' | 'decision';
    columns: string[];
    /** Relative column widths (they add up to 100). */
    widths: number[];
    rows: TableRow[];
}

export type ActionKind = 'perform' | 'goto' | 'refer' | 'end';

export interface TreeAction {
    kind: ActionKind;
    /** Short text of the action: the act's label, the step, the recipient, the end. */
    text: string;
    /** For `goto`: the step reached. */
    target?: { id: string; number: number };
    /** For `refer`: « sous 24 h ». */
    delay?: string;
    /** Reason of a referral, exit advice of an end. */
    detail?: Content;
    /** What follows an act (`réaliser … puis …`). */
    then?: TreeAction;
}

export interface TreeBranch extends Anchored {
    /** Situation as written (`undefined` for `sinon`). */
    condition?: string;
    /** « Si … », « Dans tous les autres cas », « Dans tous les cas ». */
    conditionLabel: string;
    action: TreeAction;
    /** The whole branch in one sentence, for tables and plain text. */
    summary: string;
}

export interface TreeRisk extends Anchored {
    label: string;
    severity?: string;
    mitigation?: Content;
}

export interface TreeStep extends Anchored {
    /** Anchor (`etape-3`), unique in the document. */
    id: string;
    /** 1-based number of the step in the protocol. */
    number: number;
    name: string;
    title: string;
    /** First step of its tree. */
    entry: boolean;
    who: string[];
    where?: Content;
    when?: Content;
    description?: Content;
    branches: TreeBranch[];
    risks: TreeRisk[];
}

export interface TreeBlock extends Anchored {
    type: 'tree';
    title?: string;
    steps: TreeStep[];
}

export interface GroupBlock extends Anchored {
    type: 'group';
    title: string;
    /** Secondary line under the title (`bibliothèque « … »`). */
    subtitle?: string;
    blocks: Block[];
}

/**
 * A chart or drawing as SVG (the yearly report's charts, activity/charts.ts): inline in HTML, drawn
 * by pdfmake in the PDF, an SVG image in the DOCX (with a PNG fallback from `DocxOptions.rasterize`).
 */
export interface FigureBlock extends Anchored {
    type: 'figure';
    title?: string;
    /** A self-contained SVG document (`<svg xmlns=… viewBox=…>`), in user units = CSS pixels. */
    svg: string;
    width: number;
    height: number;
    /** Text alternative: what the chart shows, in words. */
    alt: string;
    caption?: string;
}

export type Block = FieldsBlock | ProseBlock | ListBlock | TableBlock | TreeBlock | GroupBlock | FigureBlock;

/** One rubric of the template. */
export interface Section extends Anchored {
    /** Stable identifier: the AST type of the element it shows (`Patients`, `Parcours`…). */
    id: string;
    /** 1-based number in the document. */
    number: number;
    title: string;
    /** Nothing written for it: renderers show « Non renseigné. ». */
    empty: boolean;
    blocks: Block[];
}

export interface DocumentHeader extends Anchored {
    kicker: string;
    title: string;
    fields: Field[];
    promoters?: TableBlock;
}

export interface ConformityRow extends Anchored {
    id: string;
    legalBasis: string;
    title: string;
    status: RequirementStatus;
    statusLabel: string;
    /** The section that answers the requirement. */
    where: string;
    /** Missing: the findings; suppressed: the justifications. */
    details: string[];
}

export interface ConformityMatrix extends Anchored {
    title: string;
    intro: string;
    /** « Conformité : 16/16 exigences ». */
    label: string;
    met: number;
    total: number;
    suppressed: number;
    rows: ConformityRow[];
}

export interface SuppressionEntry extends Anchored {
    code: string;
    /** Title of the rule in the registry (the code itself for an unknown rule). */
    rule: string;
    justification: string;
    /** What the suppression covers: « Délégué « ide » », « Protocole entier ». */
    scope: string;
    /** The diagnostics it sets aside. */
    findings: Array<{ message: string; line: number }>;
}

export interface DocumentDiagnostics {
    errors: number;
    warnings: number;
    infos: number;
    /** Syntax and unknown-character errors: part of the text may be missing from the document. */
    syntaxErrors: number;
    /** Every diagnostic, in reading order (also attached in place). */
    all: Note[];
}

/** A banner at the top of the dossier: a draft, a dossier with errors, a partly read source. */
export interface Banner {
    kind: 'draft' | 'nonConforming' | 'syntax';
    text: string;
    detail?: string;
}

export interface Signatory {
    /** « Le directeur de l'établissement ». */
    role: string;
    /** Known from the protocol (a promoter's name and position). */
    name?: string;
}

/** The signature and date block, fitting the kind of protocol. */
export interface SignatureBlock {
    title: string;
    /** Who signs and why (the legal basis), in one sentence. */
    intro: string;
    signatories: Signatory[];
}

/** How the dossier is laid out: in the order of the requirements (default), or as the HAS 2012 form. */
export type Disposition = 'exigences' | 'has-2012';

/** One row of the HAS 2012 « fiche projet »: ITEMS | CONSEILS | ÉLÉMENTS DE RÉPONSE. */
export interface FicheItem extends Anchored {
    number: number;
    item: string;
    advice: string;
    /** The team's answer, as blocks of the model (the same blocks as the sections'). */
    answer: Block[];
}

export interface FicheProjet {
    title: string;
    columns: [string, string, string];
    items: FicheItem[];
    /** The « Description du processus de prise en charge du patient » tables (one per tree). */
    processTitle: string;
    process: TableBlock[];
}

export interface DocumentModel {
    locale: Locale;
    /**
     * `form`: a document to sign (team declaration packet, render/team/): only the header and the
     * sections, without the conformity matrix, the ignored rules and the diagnostics.
     */
    layout?: 'dossier' | 'form';
    title: string;
    /** 0-based line of `protocole`. */
    line: number;
    meta: {
        identifier?: string;
        version?: string;
        /** ISO date of the version (`date`), used as the fixed date of the exports' metadata. */
        date?: string;
        type?: string;
        status?: string;
    };
    header: DocumentHeader;
    conformity: ConformityMatrix;
    sections: Section[];
    suppressions: SuppressionEntry[];
    diagnostics: DocumentDiagnostics;
    /** Draft, errors, syntax errors: said at the top of the dossier. */
    banners: Banner[];
    /** The words and watermark of a draft (`statut brouillon`). */
    draft?: string;
    signatures: SignatureBlock;
    /** The last words of the dossier, addressed to the ARS. */
    closing: string;
    disposition: Disposition;
    /** The HAS 2012 form, when `disposition` is `has-2012`. */
    fiche?: FicheProjet;
    /** Show source line numbers in the annex and the notes (`--avec-lignes`). */
    withLines: boolean;
}

export interface BuildOptions {
    /** Language of the document; by default the services' (`services.i18n.Locale`). */
    locale?: Locale;
    /** Layout: `exigences` (default) or `has-2012`. */
    disposition?: Disposition;
    /** Source line numbers in the annex (for the authors; the ARS does not need them). */
    withLines?: boolean;
}
