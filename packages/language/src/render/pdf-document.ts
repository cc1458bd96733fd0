import pdfmake from 'pdfmake';
import vfs from 'pdfmake/build/vfs_fonts.js';
import type { Content as PdfContent, ContentCanvas, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Locale } from '../i18n/locale.js';
import { stepLeadsTo } from './document-model.js';
import type {
    Block, Cell, Content, DocumentModel, Field, FieldsBlock, FigureBlock, GroupBlock, ListBlock, Note, NoteKind, ProseBlock, Section, TableBlock,
    TreeAction, TreeBlock, TreeStep
} from './document-model.js';
import { label, type LabelKey } from './labels.js';
import { typography, withoutNarrowSpace } from './typography.js';
import { FICHE_SECTIONS } from './builders/fiche.js';
import {
    ACTION_COLORS as THEME_ACTION_COLORS, COLORS as THEME_COLORS, cssPalette, FONTS, NOTE_COLORS as THEME_NOTE_COLORS, PDF_SIZES, STATUS_COLORS as THEME_STATUS_COLORS, TABLE
} from './theme.js';
import { markdownToBlocks, plainBlock, type RichBlock, type Span } from './markdown.js';

// The PDF layout, loaded only when a PDF is rendered (pdfmake, pdfkit and the fonts weigh a few
// megabytes: `coop validate` and the language server never load them).

/** Renders the model with pdfmake; `date` is written in the metadata. */
export async function createPdf(model: DocumentModel, locale: Locale, date: Date): Promise<Buffer> {
    setUpPdfmake();
    // Keeping headings with what follows: pdfmake's own answer (a `pageBreakBefore` returning
    // true) lays the document out again over the same objects, which breaks nested tables. So
    // each layout only notes the headings left alone at the bottom of a page, and the document is
    // laid out afresh with a page break before them, until none is left (at most a few passes).
    const breaks = new Set<string>();
    for (let pass = 0; ; pass++) {
        const orphans = new Set<string>();
        const pdf = pdfmake.createPdf(new PdfBuilder(model, locale).definition(date, breaks, orphans));
        await pdf.getStream(); // laid out and drawn, not yet written
        // Only the first: moving it shifts everything after it, which often settles the others.
        const added = [...orphans].filter(id => !breaks.has(id)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
        if (added.length === 0 || pass === MAX_LAYOUT_PASSES - 1) return pdf.getBuffer();
        breaks.add(added[0]);
        // A heading left alone is followed only by headings: the next one, if it already starts a
        // page, now moves with it (else the heading would sit alone on its new page).
        breaks.delete(`h${Number(added[0].slice(1)) + 1}`);
    }
}

const MAX_LAYOUT_PASSES = 6;

/** Headline level of the running header and footer (ignored when keeping headings with content). */
const RUNNING = 9;

// A4 in points, and the margins of the page body.
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN_X = 48;
const MARGIN_TOP = 58;
const MARGIN_BOTTOM = 52;
/** Room a heading needs under it (its rule and two lines), or it moves to the next page. */
const KEEP_WITH_NEXT = 62;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;

const COLORS = cssPalette(THEME_COLORS);
const ACTION_COLORS = Object.fromEntries(Object.entries(THEME_ACTION_COLORS).map(([kind, colors]) => [kind, cssPalette(colors)])) as Record<TreeAction['kind'], { fill: string; ink: string; border: string }>;
const NOTE_COLORS = Object.fromEntries(Object.entries(THEME_NOTE_COLORS).map(([kind, colors]) => [kind, cssPalette(colors)])) as Record<NoteKind, { fill: string; ink: string }>;

/**
 * Characters the embedded Roboto font lacks, replaced by ones it has (a missing glyph would
 * silently disappear from the PDF).
 */
const GLYPH_FALLBACKS: Record<string, string> = {
    '→': '->', '⇒': '=>', '➔': '->', '←': '<-', '⇐': '<=', '↔': '<->', '↑': '^', '↓': 'v', '▶': '>', '▸': '>', '►': '>',
    '✓': '√', '✔': '√', '✗': 'x', '✘': 'x', '✕': 'x', '⚠': '(!)', '☐': '[ ]', '☑': '[x]', '□': '[ ]', '◆': '•', '◇': '•', '★': '*', '☆': '*'
};

function glyphSafe(text: string): string {
    // Roboto has no narrow no-break space (U+202F): the no-break space keeps « » with their word.
    return withoutNarrowSpace(text).replace(/[→⇒➔←⇐↔↑↓▶▸►✓✔✗✘✕⚠☐☑□◆◇★☆]/g, char => GLYPH_FALLBACKS[char] ?? char);
}

let fontsReady = false;

/** Loads Roboto from pdfmake's own virtual file system: no system font, no file read. */
function setUpPdfmake(): void {
    if (fontsReady) return;
    const files = ['Roboto-Regular.ttf', 'Roboto-Medium.ttf', 'Roboto-Italic.ttf', 'Roboto-MediumItalic.ttf'];
    const virtualfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } }).virtualfs;
    const fonts = vfs as unknown as Record<string, string>;
    // Each font is named in the virtual file system by its PostScript name (« Roboto-Regular »):
    // pdfmake's SVG text (the yearly report's charts) asks PDFKit for the font by that name, and
    // PDFKit then finds the font already loaded under it instead of looking for a file on disk.
    const names = files.map(file => file.replace(/\.ttf$/, ''));
    files.forEach((file, index) => virtualfs.writeFileSync(names[index], Buffer.from(fonts[file], 'base64')));
    pdfmake.setFonts({ Roboto: { normal: names[0], bold: names[1], italics: names[2], bolditalics: names[3] } });
    // The document never loads anything: no URL, no local file.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    fontsReady = true;
}

// ----- layouts ---------------------------------------------------------------------------------

const gridLayout: CustomTableLayout = {
    hLineWidth: () => TABLE.lineWidth,
    vLineWidth: () => TABLE.lineWidth,
    hLineColor: () => COLORS.line,
    vLineColor: () => COLORS.line,
    paddingLeft: () => TABLE.padding.x,
    paddingRight: () => TABLE.padding.x,
    paddingTop: () => TABLE.padding.y,
    paddingBottom: () => TABLE.padding.y,
    fillColor: (row: number) => (row > 0 && row % 2 === 0 ? COLORS.zebra : null)
};

const fieldsLayout: CustomTableLayout = {
    hLineWidth: (index: number, node) => (index === 0 || index === node.table.body.length ? 0 : 0.5),
    vLineWidth: () => 0,
    hLineColor: () => COLORS.line,
    paddingLeft: (index: number) => (index === 0 ? 0 : 8),
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3
};

const sheetLayout: CustomTableLayout = {
    ...gridLayout,
    fillColor: (_row: number, _node, column: number) => (column === 0 ? COLORS.soft : null)
};

/** A sheet whose first row is its title: no border or fill around the title. */
const titledSheetLayout: CustomTableLayout = {
    ...gridLayout,
    fillColor: (row: number, _node, column: number) => (row > 0 && column === 0 ? COLORS.soft : null)
};

const noteLayout = (color: string): CustomTableLayout => ({
    hLineWidth: () => 0,
    vLineWidth: (index: number) => (index === 0 ? 3 : 0),
    vLineColor: () => color,
    paddingLeft: () => 6,
    paddingRight: () => 6,
    paddingTop: () => 2,
    paddingBottom: () => 2
});

const boxLayout: CustomTableLayout = {
    hLineWidth: () => 0.8,
    vLineWidth: () => 0.8,
    hLineColor: () => COLORS.stepBorder,
    vLineColor: () => COLORS.stepBorder,
    paddingLeft: () => 0,
    paddingRight: () => 0,
    paddingTop: () => 0,
    paddingBottom: () => 0
};

const branchLayout: CustomTableLayout = {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: () => 0,
    paddingRight: () => 0,
    paddingTop: () => 2,
    paddingBottom: () => 2
};

const boxedCell = (border: string): CustomTableLayout => ({
    hLineWidth: () => 0.7,
    vLineWidth: () => 0.7,
    hLineColor: () => border,
    vLineColor: () => border,
    paddingLeft: () => 5,
    paddingRight: () => 5,
    paddingTop: () => 3,
    paddingBottom: () => 3
});

// ----- builder ---------------------------------------------------------------------------------

class PdfBuilder {
    constructor(private readonly model: DocumentModel, private readonly locale: Locale) {}

    private t(key: LabelKey, args: Record<string, string | number> = {}): string {
        return glyphSafe(typography(label(this.locale, key, args), this.locale));
    }

    /** Heading identifiers, in document order (`pageBreak` decisions refer to them). */
    private headings = 0;
    private breaks: ReadonlySet<string> = new Set();

    /**
     * The pdfmake definition. `breaks`: headings that start a new page; `orphans` receives the
     * headings this layout leaves at the bottom of a page with nothing after them.
     */
    definition(date: Date, breaks: ReadonlySet<string> = new Set(), orphans: Set<string> = new Set()): TDocumentDefinitions {
        this.headings = 0;
        this.breaks = breaks;
        const model = this.model;
        const running = glyphSafe(model.title.length > 95 ? `${model.title.slice(0, 92)}…` : model.title);
        const version = model.meta.version ? `${this.t('version')} ${model.meta.version}` : '';
        return {
            pageSize: 'A4',
            pageMargins: [MARGIN_X, MARGIN_TOP, MARGIN_X, MARGIN_BOTTOM],
            info: {
                title: model.title,
                subject: this.t('kicker'),
                creator: 'coop',
                producer: 'coop (pdfmake)',
                creationDate: date,
                modDate: date,
                ...(model.meta.identifier ? { keywords: model.meta.identifier } : {})
            },
            language: this.locale === 'fr' ? 'fr-FR' : 'en-GB',
            displayTitle: true,
            defaultStyle: { font: FONTS.pdf, fontSize: PDF_SIZES.body, lineHeight: 1.2, color: COLORS.ink },
            styles: {
                kicker: { fontSize: PDF_SIZES.tiny, color: COLORS.muted, characterSpacing: 0.3 },
                title: { fontSize: PDF_SIZES.title, bold: true, color: COLORS.brand, lineHeight: 1.1, margin: [0, 4, 0, 10] },
                h2: { fontSize: PDF_SIZES.h2, bold: true, color: COLORS.brand, margin: [0, 14, 0, 2] },
                h3: { fontSize: PDF_SIZES.h3, bold: true, color: COLORS.brand, margin: [0, 8, 0, 4] },
                h4: { fontSize: PDF_SIZES.h4, bold: true, color: COLORS.brand, margin: [0, 6, 0, 3] },
                h5: { fontSize: PDF_SIZES.h5, bold: true, color: COLORS.brand, margin: [0, 5, 0, 2] },
                th: { bold: true, color: COLORS.white, fillColor: COLORS.brand },
                label: { bold: true, color: COLORS.muted },
                muted: { color: COLORS.muted },
                intro: { color: COLORS.muted, fontSize: PDF_SIZES.note, margin: [0, 0, 0, 4] },
                running: { fontSize: PDF_SIZES.tiny, color: COLORS.muted },
                small: { fontSize: PDF_SIZES.small }
            },
            header: () => ({
                margin: [MARGIN_X, 24, MARGIN_X, 0],
                stack: [
                    { columns: [{ text: running, style: 'running', headlineLevel: RUNNING }, { text: version, style: 'running', alignment: 'right', width: 'auto', headlineLevel: RUNNING }], columnGap: 12 },
                    { canvas: [{ type: 'line', x1: 0, y1: 3, x2: CONTENT_WIDTH, y2: 3, lineWidth: 0.5, lineColor: COLORS.line }], headlineLevel: RUNNING }
                ]
            }),
            footer: (currentPage: number, pageCount: number) => ({
                margin: [MARGIN_X, 16, MARGIN_X, 0],
                columns: [
                    { text: glyphSafe(model.meta.identifier ?? ''), style: 'running', headlineLevel: RUNNING },
                    { text: this.t('page', { page: currentPage, pages: pageCount }), style: 'running', alignment: 'right', headlineLevel: RUNNING }
                ]
            }),
            // Keeps a heading with what follows it: a heading followed on its page only by other
            // headings, their rules and the running header and footer (all marked with a
            // headline level) moves to the next page. Containers (stacks, tables) are not content.
            pageBreakBefore: (node, queries) => {
                const id = (node as { id?: string }).id;
                // A node that pdfmake moved to the next page (a row that did not fit) keeps its first
                // position too: only nodes laid out on one page tell where they are.
                if (node.headlineLevel !== 1 || !id || node.pageNumbers.length !== 1) return false;
                const page = node.pageNumbers[0];
                // Too close to the bottom for a line of what follows, or followed on its page only by
                // other headings, rules and the running header and footer.
                const nearBottom = node.startPosition.top > PAGE_HEIGHT - MARGIN_BOTTOM - KEEP_WITH_NEXT;
                const alone = queries.getFollowingNodesOnPage()
                    .filter(following => (following.text !== undefined || following.canvas !== undefined)
                        && following.pageNumbers.length === 1 && following.pageNumbers[0] === page)
                    .every(following => following.headlineLevel !== undefined);
                if (nearBottom || alone) orphans.add(id);
                return false;
            },
            ...(model.draft ? { watermark: { text: model.draft, color: COLORS.ko, opacity: 0.07, bold: true, fontSize: 110 } } : {}),
            content: [
                this.header(),
                ...(model.layout === 'form' ? model.sections.flatMap(section => this.section(section)) : <PdfContent[]>[
                    this.tableOfContents(),
                    ...this.conformity(),
                    ...(model.fiche ? this.fiche(model.fiche) : model.sections.flatMap(section => this.section(section))),
                    ...this.signatures(),
                    ...this.suppressions(),
                    ...this.annex(),
                    { text: glyphSafe(model.closing), style: 'intro', margin: [0, 16, 0, 0] },
                    ...(model.withLines ? [{ text: this.t('sourceLines'), style: 'intro' } as PdfContent] : [])
                ]),
            ]
        };
    }

    // ----- text --------------------------------------------------------------------------------

    private spans(spans: Span[]): PdfContent[] {
        return spans.map(span => {
            const text = glyphSafe(span.text) + (span.lineBreak ? '\n' : '');
            return {
                text,
                ...(span.bold ? { bold: true } : {}),
                ...(span.italic ? { italics: true } : {}),
                ...(span.strike ? { decoration: 'lineThrough' as const } : {}),
                ...(span.code ? { background: COLORS.soft } : {}),
                ...(span.link ? { link: span.link, color: COLORS.accent, decoration: 'underline' as const } : {})
            };
        });
    }

    private rich(blocks: RichBlock[]): PdfContent[] {
        return blocks.map(block => {
            switch (block.type) {
                case 'paragraph': return { text: this.spans(block.spans), margin: [0, 0, 0, 2] };
                case 'heading': return { text: this.spans(block.spans), bold: true, margin: [0, 2, 0, 2] };
                case 'list': {
                    const items = block.items.map(item => ({ stack: this.rich(item) }));
                    return block.ordered ? { ol: items, start: block.start, margin: [0, 0, 0, 2] } : { ul: items, margin: [0, 0, 0, 2] };
                }
                case 'quote': return { stack: this.rich(block.blocks), margin: [10, 0, 0, 2], color: COLORS.muted };
                case 'code': return { text: glyphSafe(block.text), background: COLORS.soft, preserveLeadingSpaces: true, margin: [0, 0, 0, 2] };
                case 'rule': return { canvas: [{ type: 'line', x1: 0, y1: 2, x2: 120, y2: 2, lineWidth: 0.5, lineColor: COLORS.line }] };
            }
        });
    }

    private content(content: Content | undefined): PdfContent {
        if (content === undefined) return '';
        if (typeof content === 'string') return { text: glyphSafe(content) };
        const blocks = markdownToBlocks(content.markdown);
        if (blocks.length === 1 && blocks[0].type === 'paragraph') return { text: this.spans(blocks[0].spans) };
        const stack = this.rich(blocks);
        return stack.length === 0 ? '' : { stack };
    }

    private cell(cell: Cell): PdfContent {
        if (typeof cell === 'string' || !Array.isArray(cell)) return this.content(cell as Content);
        const items = cell as readonly Content[];
        if (items.length === 0) return '';
        if (items.length === 1) return this.content(items[0]);
        return { ul: items.map(item => this.content(item)), margin: [0, 0, 0, 0] };
    }

    /**
     * Notes in place: none in the PDF, which is written for the reviewer — every note is in the
     * annex, with its requirement and its section (`annex`).
     */
    private notes(_notes: readonly Note[]): PdfContent[] {
        return [];
    }

    private banner(text: string, detail?: string): PdfContent {
        return {
            table: { widths: ['*'], body: [[{ stack: [{ text: glyphSafe(text), bold: true, fontSize: PDF_SIZES.h3 }, ...(detail ? [{ text: glyphSafe(detail), fontSize: PDF_SIZES.small }] : [])], color: COLORS.ko, fillColor: COLORS.koBg }]] },
            layout: noteLayout(COLORS.ko), margin: [0, 4, 0, 6]
        };
    }

    /** The table of contents (page numbers) on its own page; its entries are also the PDF's bookmarks. */
    private tableOfContents(): PdfContent {
        return {
            toc: { title: { text: this.t('tableOfContents'), style: 'h2' }, outlines: true, numberStyle: { color: COLORS.muted } },
            pageBreak: 'after'
        } as PdfContent;
    }

    private heading(level: number, text: string, withRule = false): PdfContent[] {
        const style = `h${Math.min(Math.max(level, 2), 5)}`;
        const id = `h${++this.headings}`;
        // Sections (level 2) are the entries of the table of contents and the PDF's bookmarks.
        const heading: PdfContent = {
            text: glyphSafe(text), style, headlineLevel: 1, id, ...(level <= 2 ? { tocItem: true } : {}),
            ...(this.breaks.has(id) ? { pageBreak: 'before' as const } : {})
        };
        return withRule
            ? [heading, { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1.2, lineColor: COLORS.brand }], margin: [0, 0, 0, 6], headlineLevel: 2 }]
            : [heading];
    }

    // ----- document parts ----------------------------------------------------------------------

    private header(): PdfContent {
        const header = this.model.header;
        const rows: TableCell[][] = header.fields.map(field => [
            { text: glyphSafe(field.label), style: 'label' },
            { stack: [this.cell(field.value), ...this.notes(field.notes)] }
        ]);
        // The cover page: what the dossier is, its state, its identity, who carries it.
        return {
            stack: [
                { text: glyphSafe(header.kicker.toUpperCase()), style: 'kicker', margin: [0, 40, 0, 0] },
                { text: glyphSafe(header.title), style: 'title', fontSize: PDF_SIZES.title + 6, margin: [0, 10, 0, 18] },
                ...this.model.banners.map(banner => this.banner(banner.text, banner.detail)),
                rows.length > 0 ? { table: { widths: ['28%', '*'], body: rows }, layout: fieldsLayout, margin: [0, 6, 0, 10] } : '',
                ...this.notes(header.notes),
                ...(header.promoters ? this.coverContacts(header.promoters) : [])
            ],
            pageBreak: 'after'
        };
    }

    private coverContacts(promoters: TableBlock): PdfContent[] {
        return [{ text: glyphSafe(promoters.title ?? this.t('contacts')), style: 'h4', margin: [0, 8, 0, 4] }, ...this.table({ ...promoters, title: undefined }, 3)];
    }

    // ----- signatures, annex, HAS 2012 fiche ----------------------------------------------------

    private signatures(): PdfContent[] {
        const block = this.model.signatures;
        const box = (role: string, name?: string): TableCell => ({
            stack: [
                { text: glyphSafe(role), bold: true, margin: [0, 0, 0, 6] },
                { text: `${this.t('signName')}${this.t('colon')}${name ? glyphSafe(name) : ''}`, fontSize: PDF_SIZES.small, margin: [0, 0, 0, 10] },
                { text: `${this.t('signDate')}${this.t('colon')}`, fontSize: PDF_SIZES.small, margin: [0, 0, 0, 10] },
                { text: `${this.t('signHere')}${this.t('colon')}`, fontSize: PDF_SIZES.small, margin: [0, 0, 0, 34] }
            ]
        });
        const cells = block.signatories.map(signatory => box(signatory.role, signatory.name));
        const rows: TableCell[][] = [];
        for (let index = 0; index < cells.length; index += 2) rows.push([cells[index], cells[index + 1] ?? { text: '', border: [false, false, false, false] }]);
        return [
            ...this.heading(2, block.title, true),
            { text: glyphSafe(block.intro), style: 'intro' },
            { table: { widths: ['50%', '50%'], body: rows, dontBreakRows: true }, layout: gridLayout, unbreakable: rows.length <= 2 } as PdfContent
        ];
    }

    /** The notes for the reviewer: requirement, finding, section (and source line when asked). */
    private annex(): PdfContent[] {
        const { all, errors, warnings, infos } = this.model.diagnostics;
        const heading = [...this.heading(2, this.t('annex'), true), { text: this.t('annexIntro'), style: 'intro' } as PdfContent];
        if (all.length === 0) return [...heading, { text: this.t('annexNone'), italics: true, color: COLORS.muted }];
        const withLines = this.model.withLines;
        const columns = [this.t('requirementColumn'), this.t('levelColumn'), this.t('findingColumn'), this.t('sectionColumn'), ...(withLines ? [this.t('line')] : [])];
        const body: TableCell[][] = [
            columns.map(text => ({ text, style: 'th' })),
            ...all.map(note => [
                { text: glyphSafe(note.requirement ?? '') },
                { text: this.t(note.kind === 'suppressed' ? 'suppressedNote' : note.kind), bold: true, color: NOTE_COLORS[note.kind].ink },
                { text: glyphSafe(note.message) },
                { text: glyphSafe(note.section ?? '') },
                ...(withLines ? [{ text: String(note.line + 1) }] : [])
            ] as TableCell[])
        ];
        return [
            ...heading,
            { text: this.t('diagnosticsSummary', { errors, warnings, infos }), style: 'intro' },
            { table: { headerRows: 1, dontBreakRows: true, widths: withLines ? ['24%', '12%', '36%', '20%', '8%'] : ['26%', '12%', '40%', '22%'], body }, layout: gridLayout, fontSize: PDF_SIZES.note }
        ];
    }

    /** The HAS 2012 layout: the « fiche projet » table, the process tables, then the other sections. */
    private fiche(fiche: NonNullable<DocumentModel['fiche']>): PdfContent[] {
        const title = this.heading(2, fiche.title, true);
        const body: TableCell[][] = [
            fiche.columns.map(text => ({ text: glyphSafe(text), style: 'th' })),
            ...fiche.items.map(item => [
                { text: `${item.number}. ${glyphSafe(item.item)}`, bold: true },
                { text: glyphSafe(item.advice), color: COLORS.muted, fontSize: PDF_SIZES.small },
                { stack: item.answer.length > 0 ? item.answer.flatMap(block => this.block(block, 4)) : [{ text: this.t('notFilled'), italics: true, color: COLORS.muted }] }
            ] as TableCell[])
        ];
        const others = this.model.sections.filter(section => !FICHE_SECTIONS.has(section.id));
        return [
            ...title,
            { table: { headerRows: 1, widths: ['20%', '22%', '58%'], body }, layout: gridLayout, fontSize: PDF_SIZES.note, margin: [0, 0, 0, 8] },
            ...this.heading(2, fiche.processTitle, true),
            ...fiche.process.flatMap(table => this.table(table, 3)),
            ...(others.length > 0 ? this.heading(2, this.t('ficheComplements'), true) : []),
            ...others.flatMap(section => this.section(section, 3))
        ];
    }

    private conformity(): PdfContent[] {
        const matrix = this.model.conformity;
        const body: TableCell[][] = [
            [this.t('requirement'), this.t('legalBasis'), this.t('statusColumn'), this.t('where')].map(text => ({ text, style: 'th' })),
            ...matrix.rows.map(row => {
                const colors = cssPalette(THEME_STATUS_COLORS[row.status]);
                return [
                    { text: glyphSafe(row.title) },
                    { text: row.legalBasis },
                    { text: row.statusLabel, bold: true, color: colors.ink, fillColor: colors.fill },
                    {
                        stack: [
                            { text: glyphSafe(row.where) },
                            ...(row.details.length > 0 ? [{ ul: row.details.map(detail => ({ text: glyphSafe(detail), fontSize: PDF_SIZES.small, color: colors.ink })) }] : [])
                        ]
                    }
                ] as TableCell[];
            })
        ];
        const allMet = matrix.met === matrix.total;
        return [
            ...this.heading(2, matrix.title, true),
            { text: matrix.label, bold: true, fontSize: PDF_SIZES.h3, color: allMet ? COLORS.ok : COLORS.ko, margin: [0, 0, 0, 2] },
            { text: matrix.intro, style: 'intro' },
            { table: { headerRows: 1, dontBreakRows: true, widths: ['34%', '15%', '18%', '33%'], body }, layout: gridLayout, fontSize: PDF_SIZES.note }
        ];
    }

    private section(section: Section, level = 2): PdfContent[] {
        // The heading first: heading identifiers follow the document order (`createPdf` relies on it).
        const heading = this.heading(level, `${section.number}. ${section.title}`, level <= 2);
        const body: PdfContent[] = section.empty
            ? [{ text: this.t('notFilled'), italics: true, color: COLORS.muted }]
            : section.blocks.flatMap(block => this.block(block, level + 1));
        return [...heading, ...this.notes(section.notes), ...body];
    }

    private block(block: Block, level: number): PdfContent[] {
        switch (block.type) {
            case 'fields': return this.fields(block, level);
            case 'prose': return this.prose(block, level);
            case 'list': return this.list(block, level);
            case 'table': return this.table(block, level + 1);
            case 'tree': return this.tree(block);
            case 'group': return this.group(block, level);
            case 'figure': return this.figure(block, level);
        }
    }

    /** A chart: pdfmake draws the SVG as vector graphics, scaled to the text width at most. */
    private figure(block: FigureBlock, level: number): PdfContent[] {
        const width = Math.min(CONTENT_WIDTH, block.width * 0.75);
        return [
            ...(block.title ? this.heading(level + 1, block.title) : []),
            { svg: block.svg, width, margin: [0, 2, 0, 2] } as PdfContent,
            ...(block.caption ? [{ text: glyphSafe(block.caption), fontSize: 8, color: COLORS.muted, margin: [0, 0, 0, 6] } as PdfContent] : []),
            ...this.notes(block.notes)
        ];
    }

    private fieldRows(block: FieldsBlock): TableCell[][] {
        return block.fields.map((field: Field) => [
            { text: glyphSafe(field.label), style: 'label' },
            { stack: [this.cell(field.value), ...this.notes(field.notes)] }
        ]);
    }

    private fields(block: FieldsBlock, level: number): PdfContent[] {
        return [
            ...(block.title ? this.heading(level + 1, block.title) : []),
            { table: { widths: ['30%', '*'], body: this.fieldRows(block), dontBreakRows: true }, layout: block.layout === 'sheet' ? sheetLayout : fieldsLayout, margin: [0, 0, 0, 4] },
            ...this.notes(block.notes)
        ];
    }

    /**
     * An indicator sheet: its title is the table's first row, so title and sheet move to the next
     * page together (and the title repeats if a long sheet is split).
     */
    private sheet(group: GroupBlock, block: FieldsBlock, level: number): PdfContent[] {
        const title: TableCell[] = [{
            colSpan: 2, border: [false, false, false, true], style: `h${Math.min(Math.max(level, 2), 5)}`, margin: [-5, 4, 0, 2],
            text: [glyphSafe(group.title), ...(group.subtitle ? [{ text: `   ${glyphSafe(group.subtitle)}`, fontSize: PDF_SIZES.small, bold: false, color: COLORS.muted }] : [])]
        }, {}];
        const rows = this.fieldRows(block);
        return [
            { table: { widths: ['30%', '*'], body: [title, ...rows], headerRows: 1, keepWithHeaderRows: Math.min(rows.length, 12), dontBreakRows: true }, layout: titledSheetLayout, margin: [0, 0, 0, 6] },
            ...this.notes(group.notes),
            ...this.notes(block.notes)
        ];
    }

    private prose(block: ProseBlock, level: number): PdfContent[] {
        return [...(block.title ? this.heading(level + 1, block.title) : []), this.content(block.content), ...this.notes(block.notes)];
    }

    private list(block: ListBlock, level: number): PdfContent[] {
        return [
            ...(block.title ? this.heading(level + 1, block.title) : []),
            {
                ul: block.items.map(item => ({
                    stack: [
                        item.tag ? { text: [...this.inlineOf(item.content), { text: `  ${item.tag}`, color: COLORS.muted, fontSize: PDF_SIZES.micro }] } : this.content(item.content),
                        ...this.notes(item.notes)
                    ]
                } as PdfContent)),
                margin: [0, 0, 0, 4]
            },
            ...this.notes(block.notes)
        ];
    }

    /** The inline text of a content (a one-paragraph Markdown or plain text). */
    private inlineOf(content: Content): PdfContent[] {
        if (typeof content === 'string') return [glyphSafe(content)];
        const blocks = markdownToBlocks(content.markdown);
        return blocks.flatMap((block, index) => {
            const spans = block.type === 'paragraph' || block.type === 'heading' ? this.spans(block.spans) : [glyphSafe(plainBlock(block))];
            return index > 0 ? ['\n', ...spans] : spans;
        });
    }

    private table(block: TableBlock, level: number): PdfContent[] {
        const header: TableCell[] = block.columns.map(column => ({ text: glyphSafe(column), style: 'th' }));
        const rows: TableCell[][] = block.rows.map(row => row.cells.map((cell, index) => (index === row.cells.length - 1 && row.notes.length > 0
            ? { stack: [this.cell(cell), ...this.notes(row.notes)] }
            : this.cell(cell)) as TableCell));
        return [
            ...(block.title ? this.heading(level, block.title) : []),
            {
                table: { headerRows: 1, dontBreakRows: true, widths: block.widths.map(width => `${width}%`), body: [header, ...rows] },
                layout: gridLayout,
                fontSize: block.role === 'process' ? 8 : 8.5,
                margin: [0, 0, 0, 6]
            },
            ...this.notes(block.notes)
        ];
    }

    private group(block: GroupBlock, level: number): PdfContent[] {
        const [only] = block.blocks;
        if (block.blocks.length === 1 && only.type === 'fields' && only.layout === 'sheet' && !only.title) return this.sheet(block, only, level);
        return [
            ...this.heading(level, block.title),
            ...(block.subtitle ? [{ text: glyphSafe(block.subtitle), style: 'intro' } as PdfContent] : []),
            ...this.notes(block.notes),
            ...block.blocks.flatMap(child => this.block(child, level + 1))
        ];
    }

    // ----- decision trees ----------------------------------------------------------------------

    private tree(block: TreeBlock): PdfContent[] {
        const parts: PdfContent[] = [];
        block.steps.forEach((step, index) => {
            if (index > 0) parts.push(stepLeadsTo(block.steps[index - 1], step) ? downArrow() : { text: '', margin: [0, 4, 0, 0] });
            parts.push(this.step(step));
        });
        return [{ stack: parts, margin: [0, 2, 0, 8] }, ...this.notes(block.notes)];
    }

    private step(step: TreeStep): PdfContent {
        const meta: PdfContent[] = [];
        const addMeta = (key: LabelKey, value: Content | string[] | undefined) => {
            if (value === undefined || (Array.isArray(value) && value.length === 0)) return;
            if (meta.length > 0) meta.push({ text: '    ' });
            meta.push({ text: `${this.t(key)}${this.t('colon')}`, bold: true, color: COLORS.muted });
            meta.push(...(Array.isArray(value) ? [glyphSafe(value.join(', '))] : this.inlineOf(value as Content)));
        };
        addMeta('who', step.who);
        addMeta('whereStep', step.where);
        addMeta('when', step.when);
        const head: PdfContent = {
            stack: [
                {
                    columns: [
                        { text: [{ text: `${this.t('stepN', { n: step.number })}  `, color: COLORS.muted, fontSize: PDF_SIZES.note }, { text: glyphSafe(step.title), color: COLORS.brand, fontSize: PDF_SIZES.h4 }], bold: true, width: '*' },
                        step.entry ? { text: this.t('entry'), width: 'auto', fontSize: PDF_SIZES.micro, color: COLORS.brand } : { text: '', width: 0 }
                    ],
                    columnGap: 6
                },
                ...(meta.length > 0 ? [{ text: meta, fontSize: PDF_SIZES.small, margin: [0, 2, 0, 0] } as PdfContent] : []),
                ...(step.description ? [{ stack: [this.content(step.description)], fontSize: PDF_SIZES.note, margin: [0, 2, 0, 0] } as PdfContent] : []),
                ...this.notes(step.notes)
            ]
        };
        const branches: TableCell[][] = step.branches.map(branch => [
            {
                table: { widths: ['*'], body: [[{ text: glyphSafe(branch.conditionLabel), italics: branch.condition === undefined, fillColor: branch.condition === undefined ? COLORS.otherwise : COLORS.condition }]] },
                layout: boxedCell(branch.condition === undefined ? COLORS.otherwiseBorder : COLORS.conditionBorder)
            },
            { ...rightArrow(), verticalAlignment: 'middle' },
            { stack: [...this.action(branch.action), ...this.notes(branch.notes)] }
        ] as TableCell[]);
        const risks: PdfContent[] = step.risks.map(risk => ({
            columns: [
                { text: [{ text: `${this.t('risk')}${this.t('colon')}`, bold: true, color: COLORS.riskInk }, glyphSafe(risk.label), ...(risk.severity ? [{ text: ` (${risk.severity.toLowerCase()})`, color: COLORS.muted }] : [])], width: '*' },
                { text: [{ text: `${this.t('riskControl')}${this.t('colon')}`, bold: true, color: COLORS.riskInk }, ...(risk.mitigation ? this.inlineOf(risk.mitigation) : ['—'])], width: '*' }
            ],
            columnGap: 10, fontSize: PDF_SIZES.small, margin: [0, 1, 0, 1]
        } as PdfContent));
        const body: TableCell[][] = [
            [{ stack: [head], fillColor: COLORS.stepHead, margin: [6, 4, 6, 4] }],
            ...(branches.length > 0 ? [[{ table: { widths: ['36%', 18, '*'], body: branches }, layout: branchLayout, margin: [6, 3, 6, 3] } as TableCell]] : []),
            ...(risks.length > 0 ? [[{ stack: [...risks, ...step.risks.flatMap(risk => this.notes(risk.notes))], fillColor: COLORS.risk, margin: [6, 3, 6, 3] } as TableCell]] : [])
        ];
        // The step's head repeats on the next page when a long step is split.
        return { table: { widths: ['*'], body, dontBreakRows: true, headerRows: 1, keepWithHeaderRows: 1 }, layout: boxLayout };
    }

    private action(action: TreeAction): PdfContent[] {
        const colors = ACTION_COLORS[action.kind];
        const kind = this.t(({ perform: 'kindPerform', goto: 'kindGoto', refer: 'kindRefer', end: 'kindEnd' } as const)[action.kind]).toUpperCase();
        const text: PdfContent[] = [
            { text: `${kind}  `, bold: true, color: colors.ink, fontSize: PDF_SIZES.nano, characterSpacing: 0.3 },
            { text: glyphSafe(action.text) },
            ...(action.delay ? [{ text: ` ${action.delay}`, bold: true, color: ACTION_COLORS.refer.ink }] : [])
        ];
        const box: PdfContent = {
            table: {
                widths: ['*'],
                body: [[{
                    stack: [{ text }, ...(action.detail ? [{ text: this.inlineOf(action.detail), color: COLORS.muted, fontSize: PDF_SIZES.small } as PdfContent] : [])],
                    fillColor: colors.fill
                }]]
            },
            layout: boxedCell(colors.ink)
        };
        if (!action.then) return [box];
        return [box, { text: this.t('then'), fontSize: PDF_SIZES.micro, color: COLORS.muted, margin: [14, 0, 0, 0] }, ...this.action(action.then)];
    }

    // ----- suppressions and diagnostics -------------------------------------------------------

    private suppressions(): PdfContent[] {
        const entries = this.model.suppressions;
        const heading = [...this.heading(2, this.t('suppressions'), true), { text: this.t('suppressionsIntro'), style: 'intro' } as PdfContent];
        if (entries.length === 0) return [...heading, { text: this.t('noSuppression'), italics: true, color: COLORS.muted }];
        const body: TableCell[][] = [
            [this.t('rule'), this.t('scope'), this.t('justification'), this.t('findingsSetAside')].map(text => ({ text, style: 'th' })),
            ...entries.map(entry => [
                { text: [glyphSafe(entry.rule), { text: `\n${entry.code}`, color: COLORS.muted, fontSize: PDF_SIZES.micro }] },
                { text: glyphSafe(entry.scope) },
                { text: glyphSafe(entry.justification) },
                entry.findings.length === 0
                    ? { text: this.t('noFindingSetAside'), color: COLORS.muted, italics: true }
                    : { ul: entry.findings.map(finding => glyphSafe(finding.message)) }
            ] as TableCell[])
        ];
        return [...heading, { table: { headerRows: 1, dontBreakRows: true, widths: ['26%', '20%', '30%', '24%'], body }, layout: gridLayout, fontSize: PDF_SIZES.note }];
    }
}

function rightArrow(): ContentCanvas {
    return {
        canvas: [
            { type: 'line', x1: 2, y1: 5, x2: 11, y2: 5, lineWidth: 1.4, lineColor: COLORS.arrow },
            { type: 'polyline', points: [{ x: 10, y: 1.5 }, { x: 16, y: 5 }, { x: 10, y: 8.5 }], closePath: true, color: COLORS.arrow, lineColor: COLORS.arrow }
        ]
    };
}

function downArrow(): PdfContent {
    const x = CONTENT_WIDTH / 2;
    return {
        canvas: [
            { type: 'line', x1: x, y1: 0, x2: x, y2: 10, lineWidth: 1.4, lineColor: COLORS.arrow },
            { type: 'polyline', points: [{ x: x - 4, y: 9 }, { x: x + 4, y: 9 }, { x, y: 15 }], closePath: true, color: COLORS.arrow, lineColor: COLORS.arrow }
        ],
        margin: [0, 1, 0, 1]
    };
}
