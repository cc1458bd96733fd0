import {
    AlignmentType, BorderStyle, Document, ExternalHyperlink, ImageRun, Footer, Header, HeadingLevel, LevelFormat, LineRuleType, Packer, PageBreak, PageNumber, Paragraph, TableOfContents,
    ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, type ParagraphChild
} from 'docx';
import type { Locale } from '../i18n/locale.js';
import { stepLeadsTo } from './document-model.js';
import type {
    Block, Cell, Content, DocumentModel, FieldsBlock, FigureBlock, GroupBlock, ListBlock, Note, ProseBlock, Section, TableBlock,
    TreeAction, TreeBlock, TreeStep
} from './document-model.js';
import { label, type LabelKey } from './labels.js';
import { typography } from './typography.js';
import { FICHE_SECTIONS } from './builders/fiche.js';
import { ACTION_COLORS, COLORS, FONTS, halfPoints, NOTE_COLORS, SIZES, STATUS_COLORS } from './theme.js';
import { markdownToBlocks, plainBlock, type RichBlock, type Span } from './markdown.js';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

// The Word layout, loaded only when a DOCX is rendered (the docx library is large: `coop validate`
// and the language server never load it).

// A4 with 2 cm margins, in twentieths of a point.
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FONT = FONTS.docx;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** Builds the DOCX of the model, reproducible for a given `date`. */
export async function createDocx(model: DocumentModel, locale: Locale, date: Date, fallbacks: ReadonlyMap<string, Uint8Array> = new Map()): Promise<Buffer> {
    return reproducible(await Packer.toBuffer(new DocxBuilder(model, locale, fallbacks).document()), date);
}

/** A 1×1 white PNG: the fallback of an SVG image when no rasteriser is given (Word 2016+ shows the SVG). */
const BLANK_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

/** The figures of a model (for their PNG fallbacks). */
export function figuresOf(model: DocumentModel): FigureBlock[] {
    const found: FigureBlock[] = [];
    const visit = (blocks: Block[]) => {
        for (const block of blocks) {
            if (block.type === 'figure') found.push(block);
            else if (block.type === 'group') visit(block.blocks);
        }
    };
    for (const section of model.sections) visit(section.blocks);
    return found;
}

/**
 * Makes a DOCX reproducible: docx writes the current time in `docProps/core.xml` and in the ZIP
 * entries, and random identifiers for hyperlink relationships. They are replaced by the fixed date
 * and by numbered identifiers, and the archive is written again (fflate), every entry stamped with
 * the same time.
 */
function reproducible(archive: Buffer, date: Date): Buffer {
    const entries = unzipSync(archive);
    const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const renamed = new Map<string, string>();
    for (const [name, data] of Object.entries(entries)) {
        if (!name.endsWith('.rels')) continue;
        for (const match of strFromU8(data).matchAll(/Id="(rId[A-Za-z0-9_-]{12,})"/g)) {
            if (!renamed.has(match[1])) renamed.set(match[1], `rIdLink${renamed.size + 1}`);
        }
    }
    const mtime = zipTime(date);
    const rewritten: Zippable = {};
    for (const [name, data] of Object.entries(entries)) {
        let bytes = data;
        if (/\.(xml|rels)$/.test(name)) {
            let text = strFromU8(data);
            if (name === 'docProps/core.xml') {
                text = text.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
            }
            for (const [from, to] of renamed) text = text.split(`"${from}"`).join(`"${to}"`);
            if (name === 'word/document.xml') text = renumberBookmarks(text);
            bytes = strToU8(text);
        }
        rewritten[name] = [bytes, { level: 9, mtime }];
    }
    return Buffer.from(zipSync(rewritten));
}

/**
 * The bookmarks of the table of contents (`_Toc<n>`, one per heading) are numbered by the docx
 * library from a counter shared by every document of the process: numbered again from 1 here.
 */
function renumberBookmarks(xml: string): string {
    const names = new Map<string, string>();
    const ids = new Map<string, string>();
    return xml
        .replace(/_Toc\d+/g, name => names.get(name) ?? (names.set(name, `_Toc${names.size + 1}`), names.get(name)!))
        .replace(/(<w:bookmark(?:Start|End)\b[^>]*\bw:id=")(\d+)"/g, (_whole, head: string, id: string) => {
            if (!ids.has(id)) ids.set(id, String(ids.size + 1));
            return `${head}${ids.get(id)}"`;
        });
}

/**
 * The time written in the ZIP entries for `date` (read in UTC): noon of that day. ZIP stores local
 * times and fflate reads the `Date` in the machine's time zone, so the entries get a local `Date`
 * whose fields are that day at noon — the same bytes in every time zone (noon, unlike midnight,
 * exists on every day in every zone). ZIP can only store years 1980 to 2099 (fflate's range).
 */
export function zipTime(date: Date): Date {
    const valid = Number.isFinite(date.getTime());
    const year = valid ? Math.min(Math.max(date.getUTCFullYear(), 1980), 2099) : 2000;
    const local = new Date(2000, 0, 1, 12, 0, 0);
    local.setFullYear(year, valid ? date.getUTCMonth() : 0, valid ? date.getUTCDate() : 1);
    return local;
}

const percent = (widths: readonly number[]) => {
    const total = widths.reduce((sum, width) => sum + width, 0) || 1;
    return widths.map(width => Math.round((width / total) * CONTENT_WIDTH));
};

const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: COLORS.line };
const gridBorders = { top: thinBorder, bottom: thinBorder, left: thinBorder, right: thinBorder, insideHorizontal: thinBorder, insideVertical: thinBorder };
const noBorder = { style: BorderStyle.NONE, size: 0, color: COLORS.white };
const noBorders = { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder, insideHorizontal: noBorder, insideVertical: noBorder };
const cellMargins = { top: 50, bottom: 50, left: 90, right: 90 };

class DocxBuilder {
    /** Each Markdown ordered list is its own numbering instance (restarts at its start). */
    private orderedInstance = 0;

    constructor(private readonly model: DocumentModel, private readonly locale: Locale, private readonly fallbacks: ReadonlyMap<string, Uint8Array> = new Map()) {}

    private t(key: LabelKey, args: Record<string, string | number> = {}): string {
        return typography(label(this.locale, key, args), this.locale);
    }

    document(): Document {
        const model = this.model;
        const running = [model.draft, model.title, model.meta.version ? `${this.t('version')} ${model.meta.version}` : ''].filter(Boolean).join(' — ');
        const children: Array<Paragraph | Table | TableOfContents> = [
            ...this.header(),
            ...(model.layout === 'form' ? model.sections.flatMap(section => this.section(section)) : [
                // A real TOC field: Word fills it from the headings (it asks to update the fields on opening).
                new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun({ text: this.t('tableOfContents') })] }),
                new TableOfContents(this.t('tableOfContents'), { hyperlink: true, headingStyleRange: '1-2' }),
                new Paragraph({ children: [new PageBreak()] }),
                ...this.conformity(),
                ...(model.fiche ? this.fiche(model.fiche) : model.sections.flatMap(section => this.section(section))),
                ...this.signatures(),
                ...this.suppressions(),
                ...this.annex(),
                new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: model.closing, color: COLORS.muted, size: halfPoints(SIZES.small), italics: true })] }),
                ...(model.withLines ? [new Paragraph({ children: [new TextRun({ text: this.t('sourceLines'), color: COLORS.muted, size: halfPoints(SIZES.small), italics: true })] })] : [])
            ]),
        ];
        const pageLabel = this.t('page', { page: '\u0000', pages: '\u0001' }).split(/([\u0000\u0001])/);
        return new Document({
            features: { updateFields: true },
            creator: 'coop',
            lastModifiedBy: 'coop',
            title: model.title,
            subject: this.t('kicker'),
            ...(model.meta.identifier ? { keywords: model.meta.identifier } : {}),
            description: this.t('cover'),
            revision: 1,
            styles: {
                default: {
                    document: { run: { font: FONT, size: halfPoints(SIZES.body), color: COLORS.ink }, paragraph: { spacing: { after: 60, line: 264, lineRule: LineRuleType.AUTO } } },
                    title: { run: { font: FONT, size: halfPoints(SIZES.title), bold: true, color: COLORS.brand }, paragraph: { spacing: { before: 60, after: 200, line: 240, lineRule: LineRuleType.AUTO } } },
                    heading1: { run: { font: FONT, size: halfPoints(SIZES.h1), bold: true, color: COLORS.brand }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: COLORS.brand, space: 2 } } } },
                    heading2: { run: { font: FONT, size: halfPoints(SIZES.h2), bold: true, color: COLORS.brand }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true } },
                    heading3: { run: { font: FONT, size: halfPoints(SIZES.h3), bold: true, color: COLORS.brand }, paragraph: { spacing: { before: 180, after: 60 }, keepNext: true, keepLines: true } },
                    heading4: { run: { font: FONT, size: halfPoints(SIZES.body), bold: true, color: COLORS.brand }, paragraph: { spacing: { before: 120, after: 40 }, keepNext: true, keepLines: true } },
                    heading5: { run: { font: FONT, size: halfPoints(SIZES.body), bold: true, italics: true, color: COLORS.brand }, paragraph: { spacing: { before: 120, after: 40 }, keepNext: true } },
                    hyperlink: { run: { color: COLORS.accent, underline: {} } }
                }
            },
            numbering: {
                config: [
                    {
                        reference: 'coop-bullets',
                        levels: [0, 1, 2, 3].map(level => ({
                            level, format: LevelFormat.BULLET, text: level % 2 === 0 ? '•' : '–', alignment: AlignmentType.LEFT,
                            style: { paragraph: { indent: { left: 340 * (level + 1), hanging: 220 } } }
                        }))
                    },
                    {
                        reference: 'coop-ordered',
                        levels: [0, 1, 2, 3].map(level => ({
                            level, format: level % 2 === 0 ? LevelFormat.DECIMAL : LevelFormat.LOWER_LETTER, text: `%${level + 1}.`, alignment: AlignmentType.LEFT,
                            style: { paragraph: { indent: { left: 340 * (level + 1) + 60, hanging: 300 } } }
                        }))
                    }
                ]
            },
            sections: [{
                properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 } } },
                headers: {
                    default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: running, size: halfPoints(SIZES.tiny), color: COLORS.muted })] })] })
                },
                footers: {
                    default: new Footer({
                        children: [new Paragraph({
                            alignment: AlignmentType.RIGHT,
                            children: [
                                new TextRun({ text: model.meta.identifier ? `${model.meta.identifier}    ` : '', size: halfPoints(SIZES.tiny), color: COLORS.muted }),
                                new TextRun({
                                    size: halfPoints(SIZES.tiny), color: COLORS.muted,
                                    children: pageLabel.filter(Boolean).map(part => (part === '\u0000' ? PageNumber.CURRENT : part === '\u0001' ? PageNumber.TOTAL_PAGES : part))
                                })
                            ]
                        })]
                    })
                },
                children
            }]
        });
    }

    // ----- text --------------------------------------------------------------------------------

    private runs(spans: Span[], base: { size?: number; color?: string; bold?: boolean; italics?: boolean } = {}): ParagraphChild[] {
        return spans.map(span => {
            const run = new TextRun({
                text: span.text,
                ...base,
                ...(span.bold ? { bold: true } : {}),
                ...(span.italic ? { italics: true } : {}),
                ...(span.strike ? { strike: true } : {}),
                ...(span.code ? { font: FONTS.docxCode, shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.soft } } : {}),
                ...(span.link ? { style: 'Hyperlink' } : {}),
                ...(span.lineBreak ? { break: 1 } : {})
            });
            return span.link ? new ExternalHyperlink({ link: span.link, children: [run] }) : run;
        });
    }

    private rich(blocks: RichBlock[], options: { size?: number; color?: string } = {}, depth = 0): Paragraph[] {
        return blocks.flatMap(block => {
            switch (block.type) {
                case 'paragraph': return [new Paragraph({ children: this.runs(block.spans, options) })];
                case 'heading': return [new Paragraph({ children: this.runs(block.spans, { ...options, bold: true }) })];
                case 'list': {
                    const instance = block.ordered ? ++this.orderedInstance : undefined;
                    return block.items.flatMap(item => item.flatMap((child, index) => {
                        if (child.type === 'list') return this.rich([child], options, depth + 1);
                        const paragraphs = this.rich([child], options, depth);
                        return paragraphs.map((paragraph, position) => (index === 0 && position === 0
                            ? this.listParagraph(child, options, depth, block.ordered, instance)
                            : paragraph));
                    }));
                }
                case 'quote': return this.rich(block.blocks, { ...options, color: COLORS.muted }, depth);
                case 'code': return [new Paragraph({ children: [new TextRun({ text: block.text, font: FONTS.docxCode, size: options.size ?? 18 })] })];
                case 'rule': return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLORS.line, space: 1 } }, children: [] })];
            }
        });
    }

    private listParagraph(block: RichBlock, options: { size?: number; color?: string }, depth: number, ordered: boolean, instance: number | undefined): Paragraph {
        const spans = block.type === 'paragraph' || block.type === 'heading' ? block.spans : [{ text: block.type === 'code' ? block.text : '' }];
        return new Paragraph({
            children: this.runs(spans, options),
            numbering: ordered
                ? { reference: 'coop-ordered', level: Math.min(depth, 3), ...(instance !== undefined ? { instance } : {}) }
                : { reference: 'coop-bullets', level: Math.min(depth, 3) }
        });
    }

    private content(content: Content | undefined, options: { size?: number; color?: string; bold?: boolean } = {}): Paragraph[] {
        if (content === undefined) return [];
        if (typeof content === 'string') return [new Paragraph({ children: [new TextRun({ text: content, ...options })] })];
        const paragraphs = this.rich(markdownToBlocks(content.markdown), options);
        return paragraphs.length > 0 ? paragraphs : [new Paragraph({ children: [] })];
    }

    /** Inline runs of a content (a one-paragraph Markdown or plain text). */
    private inline(content: Content, options: { size?: number; color?: string; bold?: boolean; italics?: boolean } = {}): ParagraphChild[] {
        if (typeof content === 'string') return [new TextRun({ text: content, ...options })];
        const blocks = markdownToBlocks(content.markdown);
        return blocks.flatMap((block, index) => {
            const spans = block.type === 'paragraph' || block.type === 'heading' ? block.spans : [{ text: plainBlock(block) }];
            return [...(index > 0 ? [new TextRun({ text: ' ', ...options })] : []), ...this.runs(spans, options)];
        });
    }

    private cell(cell: Cell, options: { size?: number; color?: string; bold?: boolean } = {}): Paragraph[] {
        if (typeof cell === 'string' || !Array.isArray(cell)) return this.content(cell as Content, options);
        const items = cell as readonly Content[];
        if (items.length === 0) return [new Paragraph({ children: [] })];
        if (items.length === 1) return this.content(items[0], options);
        return items.map(item => new Paragraph({ children: this.inline(item, options), numbering: { reference: 'coop-bullets', level: 0 } }));
    }

    /**
     * Notes in place: none in the Word file, which is written for the reviewer — every note is in
     * the annex, with its requirement and its section (`annex`).
     */
    private notes(_notes: readonly Note[]): Paragraph[] {
        return [];
    }

    private banner(text: string, detail?: string): Paragraph {
        return new Paragraph({
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.koBg },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: COLORS.ko, space: 4 } },
            spacing: { before: 120, after: 120 },
            children: [
                new TextRun({ text, bold: true, color: COLORS.ko, size: halfPoints(SIZES.h3) }),
                ...(detail ? [new TextRun({ text: detail, color: COLORS.ko, size: halfPoints(SIZES.note), break: 1 })] : [])
            ]
        });
    }

    private heading(level: number, text: string): Paragraph {
        return new Paragraph({ heading: HEADINGS[Math.min(Math.max(level, 1), 6) - 1], children: [new TextRun({ text })] });
    }

    // ----- tables ------------------------------------------------------------------------------

    private tableCell(children: Array<Paragraph | Table>, options: { fill?: string; width?: number; span?: number; center?: boolean } = {}): TableCell {
        return new TableCell({
            children: children.length > 0 ? children : [new Paragraph({ children: [] })],
            margins: cellMargins,
            ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {}),
            ...(options.width !== undefined ? { width: { size: options.width, type: WidthType.DXA } } : {}),
            ...(options.span ? { columnSpan: options.span } : {}),
            ...(options.center ? { verticalAlign: VerticalAlignTable.CENTER } : {})
        });
    }

    private headerRow(columns: string[], widths: number[]): TableRow {
        return new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: columns.map((column, index) => this.tableCell(
                [new Paragraph({ keepNext: true, children: [new TextRun({ text: column, bold: true, color: COLORS.white, size: halfPoints(SIZES.table) })] })],
                { fill: COLORS.brand, width: widths[index] }
            ))
        });
    }

    /** A grid without a header row (the signature boxes). */
    private plainGrid(relative: readonly number[], rows: Array<Array<Array<Paragraph | Table>>>): Table {
        const widths = percent(relative);
        return new Table({
            width: { size: CONTENT_WIDTH, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            borders: gridBorders,
            rows: rows.map(cells => new TableRow({ cantSplit: true, children: cells.map((children, index) => this.tableCell(children, { width: widths[index] })) }))
        });
    }

    private grid(columns: string[], relative: readonly number[], rows: Array<Array<Array<Paragraph | Table>>>, fills: Array<Array<string | undefined>> = []): Table {
        const widths = percent(relative);
        return new Table({
            width: { size: CONTENT_WIDTH, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            borders: gridBorders,
            rows: [
                this.headerRow(columns, widths),
                ...rows.map((cells, rowIndex) => new TableRow({
                    cantSplit: true,
                    children: cells.map((children, index) => this.tableCell(children, { width: widths[index], fill: fills[rowIndex]?.[index] }))
                }))
            ]
        });
    }

    private spacer(): Paragraph {
        return new Paragraph({ spacing: { before: 0, after: 60 }, children: [] });
    }

    // ----- document parts ----------------------------------------------------------------------

    private fieldTable(block: { fields: FieldsBlock['fields'] }, sheet: boolean): Table {
        const widths = percent([30, 70]);
        return new Table({
            width: { size: CONTENT_WIDTH, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            borders: sheet ? gridBorders : { ...noBorders, insideHorizontal: thinBorder, bottom: thinBorder },
            rows: block.fields.map(field => new TableRow({
                cantSplit: true,
                children: [
                    this.tableCell([new Paragraph({ children: [new TextRun({ text: field.label, bold: true, color: COLORS.muted, size: halfPoints(SIZES.table) })] })], { width: widths[0], ...(sheet ? { fill: COLORS.soft } : {}) }),
                    this.tableCell([...this.cell(field.value, { size: halfPoints(SIZES.field) }), ...this.notes(field.notes)], { width: widths[1] })
                ]
            }))
        });
    }

    private header(): Array<Paragraph | Table> {
        const header = this.model.header;
        // The cover page: what the dossier is, its state, its identity, who carries it.
        return [
            new Paragraph({ spacing: { before: 1200 }, children: [new TextRun({ text: header.kicker.toUpperCase(), size: halfPoints(SIZES.tiny), color: COLORS.muted })] }),
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: header.title })] }),
            ...this.model.banners.map(banner => this.banner(banner.text, banner.detail)),
            ...(header.fields.length > 0 ? [this.fieldTable(header, false), this.spacer()] : []),
            ...this.notes(header.notes),
            ...(header.promoters ? [
                new Paragraph({ spacing: { before: 200, after: 80 }, children: [new TextRun({ text: header.promoters.title ?? this.t('contacts'), bold: true, color: COLORS.brand })] }),
                ...this.table({ ...header.promoters, title: undefined }, 2)
            ] : [])
        ];
    }

    // ----- signatures, annex, HAS 2012 fiche ----------------------------------------------------

    private signatures(): Array<Paragraph | Table> {
        const block = this.model.signatures;
        const small = (text: string, after = 160) => new Paragraph({ spacing: { after }, children: [new TextRun({ text, size: halfPoints(SIZES.note) })] });
        const box = (role: string, name?: string): Array<Paragraph | Table> => [
            new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [new TextRun({ text: role, bold: true, size: halfPoints(SIZES.table) })] }),
            small(`${this.t('signName')}${this.t('colon')}${name ?? ''}`),
            small(`${this.t('signDate')}${this.t('colon')}`),
            small(`${this.t('signHere')}${this.t('colon')}`, 720)
        ];
        const rows: Array<Array<Array<Paragraph | Table>>> = [];
        for (let index = 0; index < block.signatories.length; index += 2) {
            const [first, second] = [block.signatories[index], block.signatories[index + 1]];
            rows.push([box(first.role, first.name), second ? box(second.role, second.name) : [new Paragraph({ children: [] })]]);
        }
        return [
            this.heading(1, block.title),
            new Paragraph({ children: [new TextRun({ text: block.intro, size: halfPoints(SIZES.note), color: COLORS.muted })] }),
            this.plainGrid([50, 50], rows)
        ];
    }

    /** The notes for the reviewer: requirement, finding, section (and source line when asked). */
    private annex(): Array<Paragraph | Table> {
        const { all, errors, warnings, infos } = this.model.diagnostics;
        const intro = new Paragraph({ children: [new TextRun({ text: this.t('annexIntro'), size: halfPoints(SIZES.note), color: COLORS.muted })] });
        if (all.length === 0) return [this.heading(1, this.t('annex')), intro, new Paragraph({ children: [new TextRun({ text: this.t('annexNone'), italics: true, color: COLORS.muted })] })];
        const withLines = this.model.withLines;
        const text = (value: string, options: { bold?: boolean; color?: string } = {}) => [new Paragraph({ children: [new TextRun({ text: value, size: halfPoints(SIZES.table), ...options })] })];
        const rows = all.map(note => [
            text(note.requirement ?? ''),
            text(this.t(note.kind === 'suppressed' ? 'suppressedNote' : note.kind), { bold: true, color: NOTE_COLORS[note.kind].ink }),
            text(note.message),
            text(note.section ?? ''),
            ...(withLines ? [text(String(note.line + 1))] : [])
        ]);
        const columns = [this.t('requirementColumn'), this.t('levelColumn'), this.t('findingColumn'), this.t('sectionColumn'), ...(withLines ? [this.t('line')] : [])];
        return [
            this.heading(1, this.t('annex')), intro,
            new Paragraph({ children: [new TextRun({ text: this.t('diagnosticsSummary', { errors, warnings, infos }), size: halfPoints(SIZES.note), color: COLORS.muted })] }),
            this.grid(columns, withLines ? [24, 12, 36, 20, 8] : [26, 12, 40, 22], rows)
        ];
    }

    /** The HAS 2012 layout: the « fiche projet » table, the process tables, then the other sections. */
    private fiche(fiche: NonNullable<DocumentModel['fiche']>): Array<Paragraph | Table> {
        const rows = fiche.items.map(item => [
            [new Paragraph({ children: [new TextRun({ text: `${item.number}. ${item.item}`, bold: true, size: halfPoints(SIZES.table) })] })],
            [new Paragraph({ children: [new TextRun({ text: item.advice, color: COLORS.muted, size: halfPoints(SIZES.note) })] })],
            item.answer.length > 0
                ? item.answer.flatMap(block => this.block(block, 3))
                : [new Paragraph({ children: [new TextRun({ text: this.t('notFilled'), italics: true, color: COLORS.muted })] })]
        ]);
        const others = this.model.sections.filter(section => !FICHE_SECTIONS.has(section.id));
        return [
            this.heading(1, fiche.title),
            this.grid([...fiche.columns], [20, 22, 58], rows),
            this.heading(1, fiche.processTitle),
            ...fiche.process.flatMap(table => this.table(table, 2)),
            ...(others.length > 0 ? [this.heading(1, this.t('ficheComplements'))] : []),
            ...others.flatMap(section => this.section(section, 2))
        ];
    }

    private conformity(): Array<Paragraph | Table> {
        const matrix = this.model.conformity;
        const rows = matrix.rows.map(row => {
            const colors = STATUS_COLORS[row.status];
            return [
                [new Paragraph({ children: [new TextRun({ text: row.title, size: halfPoints(SIZES.table) })] })],
                [new Paragraph({ children: [new TextRun({ text: row.legalBasis, size: halfPoints(SIZES.table) })] })],
                [new Paragraph({ children: [new TextRun({ text: row.statusLabel, bold: true, color: colors.ink, size: halfPoints(SIZES.table) })] })],
                [
                    new Paragraph({ children: [new TextRun({ text: row.where, size: halfPoints(SIZES.table) })] }),
                    ...row.details.map(detail => new Paragraph({ numbering: { reference: 'coop-bullets', level: 0 }, children: [new TextRun({ text: detail, size: halfPoints(SIZES.small), color: colors.ink })] }))
                ]
            ];
        });
        const fills = matrix.rows.map(row => [undefined, undefined, STATUS_COLORS[row.status].fill, undefined]);
        return [
            this.heading(1, matrix.title),
            new Paragraph({ children: [new TextRun({ text: matrix.label, bold: true, size: halfPoints(SIZES.h2), color: matrix.met === matrix.total ? COLORS.ok : COLORS.ko })] }),
            new Paragraph({ children: [new TextRun({ text: matrix.intro, size: halfPoints(SIZES.note), color: COLORS.muted })] }),
            this.grid([this.t('requirement'), this.t('legalBasis'), this.t('statusColumn'), this.t('where')], [34, 15, 18, 33], rows, fills),
            this.spacer()
        ];
    }

    private section(section: Section, level = 1): Array<Paragraph | Table> {
        const body = section.empty
            ? [new Paragraph({ children: [new TextRun({ text: this.t('notFilled'), italics: true, color: COLORS.muted })] })]
            : section.blocks.flatMap(block => this.block(block, level + 1));
        return [this.heading(level, `${section.number}. ${section.title}`), ...this.notes(section.notes), ...body];
    }

    private block(block: Block, level: number): Array<Paragraph | Table> {
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

    /** A chart: an SVG image (Word 2016 and later draw it as vector graphics) with its PNG fallback. */
    private figure(block: FigureBlock, level: number): Array<Paragraph | Table> {
        const maxWidth = Math.round((CONTENT_WIDTH / 20) * (96 / 72));
        const scale = Math.min(1, maxWidth / block.width);
        const size = { width: Math.round(block.width * scale), height: Math.round(block.height * scale) };
        const image = new ImageRun({
            type: 'svg',
            data: Buffer.from(block.svg, 'utf8'),
            fallback: { type: 'png', data: this.fallbacks.get(block.svg) ?? BLANK_PNG },
            transformation: size,
            altText: { name: block.title ?? 'figure', title: block.title ?? '', description: block.alt }
        });
        return [
            ...(block.title ? [this.heading(level + 1, block.title)] : []),
            new Paragraph({ children: [image] }),
            ...(block.caption ? [new Paragraph({ children: [new TextRun({ text: typography(block.caption, this.locale), italics: true, color: COLORS.muted, size: halfPoints(SIZES.small) })] })] : []),
            ...this.notes(block.notes)
        ];
    }

    private fields(block: FieldsBlock, level: number): Array<Paragraph | Table> {
        return [...(block.title ? [this.heading(level + 1, block.title)] : []), this.fieldTable(block, block.layout === 'sheet'), ...this.notes(block.notes), this.spacer()];
    }

    private prose(block: ProseBlock, level: number): Array<Paragraph | Table> {
        return [...(block.title ? [this.heading(level + 1, block.title)] : []), ...this.content(block.content), ...this.notes(block.notes)];
    }

    private list(block: ListBlock, level: number): Array<Paragraph | Table> {
        return [
            ...(block.title ? [this.heading(level + 1, block.title)] : []),
            ...block.items.flatMap(item => [
                new Paragraph({
                    numbering: { reference: 'coop-bullets', level: 0 },
                    children: [...this.inline(item.content), ...(item.tag ? [new TextRun({ text: `  ${item.tag}`, color: COLORS.muted, size: halfPoints(SIZES.tiny) })] : [])]
                }),
                ...this.notes(item.notes)
            ]),
            ...this.notes(block.notes)
        ];
    }

    private table(block: TableBlock, level: number): Array<Paragraph | Table> {
        const size = block.role === 'process' ? 17 : 18;
        const rows = block.rows.map(row => row.cells.map((cell, index) => [
            ...this.cell(cell, { size }),
            ...(index === row.cells.length - 1 ? this.notes(row.notes) : [])
        ]));
        return [
            ...(block.title ? [this.heading(level, block.title)] : []),
            this.grid(block.columns, block.widths, rows),
            ...this.notes(block.notes),
            this.spacer()
        ];
    }

    private group(block: GroupBlock, level: number): Array<Paragraph | Table> {
        return [
            this.heading(level, block.title),
            ...(block.subtitle ? [new Paragraph({ children: [new TextRun({ text: block.subtitle, color: COLORS.muted, size: halfPoints(SIZES.note), italics: true })] })] : []),
            ...this.notes(block.notes),
            ...block.blocks.flatMap(child => this.block(child, level + 1))
        ];
    }

    // ----- decision trees: one table per step ------------------------------------------------

    private tree(block: TreeBlock): Array<Paragraph | Table> {
        return [
            ...block.steps.flatMap((step, index) => [
                ...(index > 0 ? [new Paragraph({
                    alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, keepNext: true,
                    children: [new TextRun({ text: stepLeadsTo(block.steps[index - 1], step) ? '▼' : ' ', color: COLORS.arrow, size: halfPoints(SIZES.table) })]
                })] : []),
                this.step(step)
            ]),
            ...this.notes(block.notes),
            this.spacer()
        ];
    }

    private step(step: TreeStep): Table {
        const widths = percent([36, 5, 59]);
        const meta: ParagraphChild[] = [];
        const addMeta = (key: LabelKey, value: Content | string[] | undefined) => {
            if (value === undefined || (Array.isArray(value) && value.length === 0)) return;
            if (meta.length > 0) meta.push(new TextRun({ text: '    ', size: halfPoints(SIZES.note) }));
            meta.push(new TextRun({ text: `${this.t(key)}${this.t('colon')}`, bold: true, color: COLORS.muted, size: halfPoints(SIZES.note) }));
            meta.push(...(Array.isArray(value) ? [new TextRun({ text: value.join(', '), size: halfPoints(SIZES.note) })] : this.inline(value as Content, { size: halfPoints(SIZES.note) })));
        };
        addMeta('who', step.who);
        addMeta('whereStep', step.where);
        addMeta('when', step.when);
        const head = this.tableCell([
            new Paragraph({
                keepNext: true,
                children: [
                    new TextRun({ text: `${this.t('stepN', { n: step.number })} — `, bold: true, color: COLORS.muted, size: halfPoints(SIZES.body) }),
                    new TextRun({ text: step.title, bold: true, color: COLORS.brand, size: halfPoints(SIZES.h3) }),
                    ...(step.entry ? [new TextRun({ text: `   (${this.t('entry').toLowerCase()})`, color: COLORS.brand, size: halfPoints(SIZES.small) })] : [])
                ]
            }),
            ...(meta.length > 0 ? [new Paragraph({ keepNext: true, children: meta })] : []),
            ...(step.description ? this.content(step.description, { size: halfPoints(SIZES.table) }) : []),
            ...this.notes(step.notes)
        ], { fill: COLORS.stepHead, span: 3 });
        const branchRows = step.branches.map(branch => new TableRow({
            cantSplit: true,
            children: [
                this.tableCell([new Paragraph({ children: [new TextRun({ text: branch.conditionLabel, italics: branch.condition === undefined, size: halfPoints(SIZES.table) })] })],
                    { fill: branch.condition === undefined ? COLORS.otherwise : COLORS.condition, width: widths[0], center: true }),
                this.tableCell([new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '→', color: COLORS.arrow, bold: true, size: halfPoints(SIZES.h3) })] })], { width: widths[1], center: true }),
                this.tableCell([...this.action(branch.action), ...this.notes(branch.notes)], { width: widths[2], fill: ACTION_COLORS[branch.action.kind].fill })
            ]
        }));
        const riskRow = step.risks.length > 0
            ? [new TableRow({
                cantSplit: true,
                children: [this.tableCell(step.risks.flatMap(risk => [
                    new Paragraph({
                        children: [
                            new TextRun({ text: `${this.t('risk')}${this.t('colon')}`, bold: true, color: COLORS.riskInk, size: halfPoints(SIZES.note) }),
                            new TextRun({ text: risk.label, size: halfPoints(SIZES.note) }),
                            ...(risk.severity ? [new TextRun({ text: ` (${risk.severity.toLowerCase()})`, color: COLORS.muted, size: halfPoints(SIZES.note) })] : [])
                        ]
                    }),
                    ...(risk.mitigation ? [new Paragraph({
                        children: [new TextRun({ text: `${this.t('riskControl')}${this.t('colon')}`, bold: true, color: COLORS.riskInk, size: halfPoints(SIZES.note) }), ...this.inline(risk.mitigation, { size: halfPoints(SIZES.note) })]
                    })] : []),
                    ...this.notes(risk.notes)
                ]), { fill: COLORS.risk, span: 3 })]
            })]
            : [];
        return new Table({
            width: { size: CONTENT_WIDTH, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            borders: { ...gridBorders, insideVertical: { style: BorderStyle.SINGLE, size: 4, color: COLORS.white } },
            rows: [new TableRow({ cantSplit: true, children: [head] }), ...branchRows, ...riskRow]
        });
    }

    private action(action: TreeAction): Paragraph[] {
        const colors = ACTION_COLORS[action.kind];
        const kind = this.t(({ perform: 'kindPerform', goto: 'kindGoto', refer: 'kindRefer', end: 'kindEnd' } as const)[action.kind]).toUpperCase();
        const paragraphs = [new Paragraph({
            children: [
                new TextRun({ text: `${kind}  `, bold: true, color: colors.ink, size: halfPoints(SIZES.micro) }),
                new TextRun({ text: action.text, size: halfPoints(SIZES.table) }),
                ...(action.delay ? [new TextRun({ text: ` ${action.delay}`, bold: true, color: ACTION_COLORS.refer.ink, size: halfPoints(SIZES.table) })] : [])
            ]
        })];
        if (action.detail) paragraphs.push(new Paragraph({ children: this.inline(action.detail, { size: halfPoints(SIZES.small), color: COLORS.muted }) }));
        if (action.then) {
            paragraphs.push(new Paragraph({ indent: { left: 200 }, children: [new TextRun({ text: `↓ ${this.t('then')}`, color: COLORS.muted, size: halfPoints(SIZES.micro) })] }));
            paragraphs.push(...this.action(action.then));
        }
        return paragraphs;
    }

    // ----- suppressions and diagnostics -------------------------------------------------------

    private suppressions(): Array<Paragraph | Table> {
        const entries = this.model.suppressions;
        const intro = [this.heading(1, this.t('suppressions')), new Paragraph({ children: [new TextRun({ text: this.t('suppressionsIntro'), size: halfPoints(SIZES.note), color: COLORS.muted })] })];
        if (entries.length === 0) return [...intro, new Paragraph({ children: [new TextRun({ text: this.t('noSuppression'), italics: true, color: COLORS.muted })] })];
        const rows = entries.map(entry => [
            [new Paragraph({ children: [new TextRun({ text: entry.rule, size: halfPoints(SIZES.table) }), new TextRun({ text: entry.code, size: halfPoints(SIZES.tiny), color: COLORS.muted, break: 1 })] })],
            [new Paragraph({ children: [new TextRun({ text: entry.scope, size: halfPoints(SIZES.table) })] })],
            [new Paragraph({ children: [new TextRun({ text: entry.justification, size: halfPoints(SIZES.table) })] })],
            entry.findings.length === 0
                ? [new Paragraph({ children: [new TextRun({ text: this.t('noFindingSetAside'), italics: true, color: COLORS.muted, size: halfPoints(SIZES.note) })] })]
                : entry.findings.map(finding => new Paragraph({ numbering: { reference: 'coop-bullets', level: 0 }, children: [new TextRun({ text: finding.message, size: halfPoints(SIZES.note) })] }))
        ]);
        return [...intro, this.grid([this.t('rule'), this.t('scope'), this.t('justification'), this.t('findingsSetAside')], [26, 20, 30, 24], rows), this.spacer()];
    }
}
