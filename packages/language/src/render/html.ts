import type { Locale } from '../i18n/locale.js';
import { stepLeadsTo } from './document-model.js';
import type {
    Block, Cell, ConformityMatrix, Content, DocumentModel, Field, FieldsBlock, FigureBlock, GroupBlock, ListBlock, Note, ProseBlock, Section,
    TableBlock, TreeAction, TreeBlock, TreeStep
} from './document-model.js';
import { label, LABELS, type LabelKey } from './labels.js';
import { markdownToHtml } from './markdown.js';
import { typography } from './typography.js';
import { FICHE_SECTIONS } from './builders/fiche.js';
import { ACTION_COLORS, COLORS, css, FONTS, SIZES } from './theme.js';

export interface HtmlOptions {
    /** Nonce of the `<style>` and `<script>` elements (a VS Code webview passes its own). */
    nonce?: string;
    /** Source allowed by the Content-Security-Policy (`webview.cspSource`); none for a standalone file. */
    cspSource?: string;
    /** Script added at the end of the body (scroll sync, click-to-source); none by default. */
    script?: string;
    /** Address of a script file to load instead (a webview resource URI); allowed by `cspSource`. */
    scriptUri?: string;
    /** Language of the words the renderer adds (the model's by default). */
    locale?: Locale;
}

/**
 * Column widths as classes (`<col class="w34">`), not `style` attributes: a webview's
 * Content-Security-Policy allows the nonce'd style element but no inline style attribute.
 */
const COLUMN_WIDTHS = Array.from({ length: 100 }, (_, i) => `col.w${i + 1}{width:${i + 1}%}`).join('');

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string | undefined): string {
    return (text ?? '').replace(/[&<>"']/g, char => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', '\'': '#39' } as Record<string, string>)[char]};`);
}

const esc = escapeHtml;

/** A CSS string literal (for `@page` margin boxes): quotes, backslashes and `<` escaped. */
function cssString(text: string): string {
    return `"${(text ?? '').replace(/[\\"<>\n\r]/g, char => `\\${char.charCodeAt(0).toString(16)} `)}"`;
}

/** « Page {page} / {pages} » as CSS content with counters. */
function pageCounter(locale: Locale): string {
    return LABELS.page[locale].split(/(\{pages?\})/).filter(Boolean)
        .map(part => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part))).join(' ');
}

/**
 * Renders the submission document as one self-contained HTML page: inline CSS (screen and A4
 * print), no remote resource, no script unless one is given, every text escaped and every block
 * tagged with `data-line` (0-based source line) and a `coop-…` class.
 */
export function renderHtml(model: DocumentModel, options: HtmlOptions = {}): string {
    return new HtmlRenderer(model, options.locale ?? model.locale, options).render();
}

class HtmlRenderer {
    constructor(private readonly model: DocumentModel, private readonly locale: Locale, private readonly options: HtmlOptions) {}

    private t(key: LabelKey, args: Record<string, string | number> = {}): string {
        return typography(label(this.locale, key, args), this.locale);
    }

    render(): string {
        const { nonce, cspSource, script, scriptUri } = this.options;
        const nonceAttr = nonce ? ` nonce="${esc(nonce)}"` : '';
        const styleSource = nonce ? `'nonce-${nonce}'` : '\'unsafe-inline\'';
        const scriptSources = [
            ...(script || scriptUri ? [nonce ? `'nonce-${nonce}'` : script ? '\'unsafe-inline\'' : ''] : []),
            ...(scriptUri && cspSource ? [cspSource] : [])
        ].filter(Boolean);
        const scriptSource = scriptSources.length > 0 ? scriptSources.join(' ') : '\'none\'';
        const csp = [
            'default-src \'none\'',
            `img-src ${cspSource ? `${cspSource} ` : ''}data:`,
            `style-src ${cspSource ? `${cspSource} ` : ''}${styleSource}`,
            `font-src ${cspSource ?? '\'none\''}`,
            `script-src ${scriptSource}`
        ].join('; ');
        const model = this.model;
        const headerText = [model.title, model.meta.version ? `${this.t('version')} ${model.meta.version}` : ''].filter(Boolean).join(' — ');
        const pageCss = `@page { size: A4; margin: 18mm 15mm 18mm 15mm;
  @top-center { content: ${cssString(headerText.length > 110 ? headerText.slice(0, 107) + '…' : headerText)}; font: 8pt system-ui, sans-serif; color: ${css(COLORS.muted)}; }
  @bottom-center { content: ${pageCounter(this.locale)}; font: 8pt system-ui, sans-serif; color: ${css(COLORS.muted)}; } }`;
        const body = [
            model.draft ? `<div class="coop-watermark" aria-hidden="true">${esc(model.draft)}</div>` : '',
            this.header(),
            ...(model.layout === 'form' ? model.sections.map(section => this.section(section)) : [
                ...model.banners.map(banner => `<p class="coop-banner coop-banner-error coop-banner-${banner.kind}" role="alert" data-line="${model.line}"><strong>${esc(banner.text)}</strong>${banner.detail ? `<br><span class="coop-banner-detail">${esc(banner.detail)}</span>` : ''}</p>`),
                this.conformity(model.conformity),
                this.toc(),
                ...(model.fiche ? [this.fiche(model.fiche)] : model.sections.map(section => this.section(section))),
                this.signatures(),
                this.suppressions(),
                this.diagnostics()
            ]),
            `<footer class="coop-footer" data-line="${model.line}"><p>${esc(model.closing)}</p>${model.withLines ? `<p>${esc(this.t('sourceLines'))}</p>` : ''}</footer>`
        ].join('\n');
        return `<!DOCTYPE html>
<html lang="${this.locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="coop">
<title>${esc(model.title)}</title>
<style${nonceAttr}>
${STYLE}
${COLUMN_WIDTHS}
${pageCss}
</style>
</head>
<body class="coop-document">
<main class="coop-page">
${body}
</main>
${script ? `<script${nonceAttr}>${script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--')}</script>\n` : ''}${scriptUri ? `<script${nonceAttr} src="${esc(scriptUri)}"></script>\n` : ''}</body>
</html>
`;
    }

    // ----- pieces ------------------------------------------------------------------------------

    private content(content: Content | undefined, inline = true): string {
        if (content === undefined) return '';
        return typeof content === 'string' ? esc(content) : markdownToHtml(content.markdown, inline);
    }

    private cell(cell: Cell): string {
        if (typeof cell === 'string' || !Array.isArray(cell)) return this.content(cell as Content);
        const items = cell as readonly Content[];
        if (items.length === 0) return '';
        if (items.length === 1) return this.content(items[0]);
        return `<ul class="coop-cell-list">${items.map(item => `<li>${this.content(item)}</li>`).join('')}</ul>`;
    }

    private notes(notes: readonly Note[]): string {
        if (notes.length === 0) return '';
        return `<div class="coop-notes">${notes.map(note => this.note(note)).join('')}</div>`;
    }

    private note(note: Note): string {
        const kindLabel = this.t(note.kind === 'suppressed' ? 'suppressedNote' : note.kind);
        const justification = note.justification !== undefined
            ? ` <span class="coop-note-justification">${esc(this.t('justification'))}${this.t('colon')}${esc(note.justification)}</span>` : '';
        return `<aside class="coop-note coop-note-${note.kind}" data-line="${note.line}" role="note" title="${esc(this.t('viewSource', { line: note.line + 1 }))}">`
            + `<span class="coop-note-label">${esc(kindLabel)}</span> <span class="coop-note-message">${esc(note.message)}</span>${justification}`
            + (this.forAuthors ? ` <code class="coop-note-code">${esc(note.code)}</code> <span class="coop-note-line">${esc(this.t('lineShort', { line: note.line + 1 }))}</span>` : '')
            + '</aside>';
    }

    /** The editor's preview (a script is given) or `--avec-lignes`: codes and source lines shown. */
    private get forAuthors(): boolean {
        return this.model.withLines || !!this.options.script || !!this.options.scriptUri;
    }

    private header(): string {
        const header = this.model.header;
        const fields = header.fields.map(field => `<div class="coop-meta-item" data-line="${field.line}"><dt>${esc(field.label)}</dt><dd>${this.cell(field.value)}${this.notes(field.notes)}</dd></div>`).join('');
        const promoters = header.promoters ? this.table(header.promoters, 'h3') : '';
        return `<header class="coop-header" data-line="${header.line}">
<p class="coop-kicker">${esc(header.kicker)}</p>
<h1 class="coop-title">${esc(header.title)}</h1>
${fields ? `<dl class="coop-meta">${fields}</dl>` : ''}
${this.notes(header.notes)}
${promoters}
</header>`;
    }

    private signatures(): string {
        const block = this.model.signatures;
        const boxes = block.signatories.map(signatory => `<div class="coop-signatory"><p class="coop-signatory-role">${esc(signatory.role)}</p>`
            + `<p>${esc(this.t('signName'))}${this.t('colon')}${esc(signatory.name ?? '')}</p><p>${esc(this.t('signDate'))}${this.t('colon')}</p><p class="coop-sign-here">${esc(this.t('signHere'))}${this.t('colon')}</p></div>`).join('');
        return `<section class="coop-section coop-signatures" id="signatures" data-line="${this.model.line}" data-scroll-sync="off">
<h2>${esc(block.title)}</h2>
<p class="coop-intro">${esc(block.intro)}</p>
<div class="coop-signatory-grid">${boxes}</div>
</section>`;
    }

    private fiche(fiche: NonNullable<DocumentModel['fiche']>): string {
        const rows = fiche.items.map(item => `<tr class="coop-fiche-item" data-line="${item.line}"><th scope="row">${item.number}. ${esc(item.item)}</th>`
            + `<td class="coop-fiche-advice">${esc(item.advice)}</td><td>${item.answer.length > 0 ? item.answer.map(block => this.block(block, 4)).join('\n') : `<p class="coop-empty">${esc(this.t('notFilled'))}</p>`}${this.notes(item.notes)}</td></tr>`).join('\n');
        const others = this.model.sections.filter(section => !FICHE_SECTIONS.has(section.id));
        return `<section class="coop-section coop-fiche" id="fiche-projet" data-line="${this.model.line}">
<h2>${esc(fiche.title)}</h2>
<table class="coop-table coop-fiche-table"><colgroup><col class="w20"><col class="w22"><col class="w58"></colgroup>
<thead><tr>${fiche.columns.map(column => `<th>${esc(column)}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table>
</section>
<section class="coop-section coop-fiche-process" id="processus" data-line="${this.model.line}">
<h2>${esc(fiche.processTitle)}</h2>
${fiche.process.map(table => this.table(table, 'h3')).join('\n')}
</section>
${others.length > 0 ? `<h2 class="coop-fiche-complements">${esc(this.t('ficheComplements'))}</h2>\n${others.map(section => this.section(section)).join('\n')}` : ''}`;
    }

    private toc(): string {
        const items = this.model.sections.map(section => `<li><a href="#section-${esc(section.id)}">${section.number}. ${esc(section.title)}</a>${section.empty ? ' <span class="coop-toc-empty">—</span>' : ''}</li>`);
        return `<nav class="coop-toc" data-line="${this.model.line}" aria-label="${esc(this.t('contents'))}"><h2>${esc(this.t('contents'))}</h2><ol>${items.join('')}</ol></nav>`;
    }

    private conformity(matrix: ConformityMatrix): string {
        const state = matrix.met === matrix.total ? 'met' : 'missing';
        const rows = matrix.rows.map(row => `<tr class="coop-conformity-row coop-status-${row.status}" data-status="${row.status}" data-line="${row.line}">`
            + `<td class="coop-requirement">${esc(row.title)}</td><td class="coop-basis">${esc(row.legalBasis)}</td>`
            + `<td class="coop-status"><span class="coop-badge coop-badge-${row.status}">${esc(row.statusLabel)}</span></td>`
            + `<td class="coop-where">${esc(row.where)}${row.details.length > 0 ? `<ul class="coop-details">${row.details.map(detail => `<li>${esc(detail)}</li>`).join('')}</ul>` : ''}</td></tr>`).join('\n');
        return `<section class="coop-conformity" id="conformite" data-line="${matrix.line}">
<h2>${esc(matrix.title)}</h2>
<p class="coop-conformity-summary coop-summary-${state}">${esc(matrix.label)}</p>
<p class="coop-intro">${esc(matrix.intro)}</p>
<table class="coop-table coop-conformity-table">
<colgroup><col class="w34"><col class="w16"><col class="w18"><col class="w32"></colgroup>
<thead><tr><th>${esc(this.t('requirement'))}</th><th>${esc(this.t('legalBasis'))}</th><th>${esc(this.t('statusColumn'))}</th><th>${esc(this.t('where'))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
    }

    private section(section: Section): string {
        const body = section.empty
            ? `<p class="coop-empty" data-line="${section.line}">${esc(this.t('notFilled'))}</p>`
            : section.blocks.map(block => this.block(block, 3)).join('\n');
        return `<section class="coop-section coop-section-${esc(section.id)}${section.empty ? ' coop-section-empty' : ''}" id="section-${esc(section.id)}" data-line="${section.line}">
<h2><span class="coop-section-number">${section.number}.</span> ${esc(section.title)}</h2>
${this.notes(section.notes)}
${body}
</section>`;
    }

    private heading(level: number, text: string): string {
        const h = Math.min(level, 6);
        return `<h${h}>${esc(text)}</h${h}>`;
    }

    private block(block: Block, level: number): string {
        switch (block.type) {
            case 'fields': return this.fields(block, level);
            case 'prose': return this.prose(block, level);
            case 'list': return this.list(block, level);
            case 'table': return this.table(block, `h${Math.min(level + 1, 6)}`);
            case 'tree': return this.tree(block);
            case 'group': return this.group(block, level);
            case 'figure': return this.figure(block, level);
        }
    }

    private figure(block: FigureBlock, level: number): string {
        // The SVG is built by the tool (activity/charts.ts), never from the author's text unescaped.
        const svg = block.svg.replace(/^<\?xml[^>]*>\s*/, '').replace('<svg ', `<svg role="img" aria-label="${esc(block.alt)}" `);
        return `<figure class="coop-block coop-figure" data-line="${block.line}">${block.title ? this.heading(level + 1, block.title) : ''}${svg}${block.caption ? `<figcaption>${esc(block.caption)}</figcaption>` : ''}${this.notes(block.notes)}</figure>`;
    }

    private fields(block: FieldsBlock, level: number): string {
        const rows = block.fields.map((field: Field) => `<div class="coop-field" data-line="${field.line}"><dt>${esc(field.label)}</dt><dd>${this.cell(field.value)}${this.notes(field.notes)}</dd></div>`).join('');
        return `<div class="coop-block coop-fields${block.layout === 'sheet' ? ' coop-fields-sheet' : ''}" data-line="${block.line}">${block.title ? this.heading(level + 1, block.title) : ''}<dl>${rows}</dl>${this.notes(block.notes)}</div>`;
    }

    private prose(block: ProseBlock, level: number): string {
        return `<div class="coop-block coop-prose" data-line="${block.line}">${block.title ? this.heading(level + 1, block.title) : ''}${this.content(block.content, false)}${this.notes(block.notes)}</div>`;
    }

    private list(block: ListBlock, level: number): string {
        const items = block.items.map(item => `<li data-line="${item.line}">${this.content(item.content)}${item.tag ? ` <span class="coop-tag">${esc(item.tag)}</span>` : ''}${this.notes(item.notes)}</li>`).join('');
        return `<div class="coop-block coop-list" data-line="${block.line}">${block.title ? this.heading(level + 1, block.title) : ''}<ul>${items}</ul>${this.notes(block.notes)}</div>`;
    }

    private table(block: TableBlock, headingTag: string): string {
        const cols = block.widths.map(width => `<col class="w${Math.min(100, Math.max(1, Math.round(width)))}">`).join('');
        const head = block.columns.map(column => `<th>${esc(column)}</th>`).join('');
        const rows = block.rows.map(row => `<tr data-line="${row.line}">${row.cells.map((cell, index) => `<td>${this.cell(cell)}${index === row.cells.length - 1 ? this.notes(row.notes) : ''}</td>`).join('')}</tr>`).join('\n');
        const title = block.title ? `<${headingTag}>${esc(block.title)}</${headingTag}>` : '';
        return `<div class="coop-block coop-table-block coop-table-${block.role}" data-line="${block.line}">${title}
<table class="coop-table"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>${this.notes(block.notes)}</div>`;
    }

    private group(block: GroupBlock, level: number): string {
        return `<div class="coop-block coop-group" data-line="${block.line}">${this.heading(level, block.title)}${block.subtitle ? `<p class="coop-subtitle">${esc(block.subtitle)}</p>` : ''}${this.notes(block.notes)}
${block.blocks.map(child => this.block(child, level + 1)).join('\n')}
</div>`;
    }

    // ----- decision trees: a flowchart in HTML and CSS ---------------------------------------

    private tree(block: TreeBlock): string {
        const parts: string[] = [];
        block.steps.forEach((step, index) => {
            if (index > 0 && stepLeadsTo(block.steps[index - 1], step)) parts.push('<div class="coop-connector" aria-hidden="true"></div>');
            else if (index > 0) parts.push('<div class="coop-gap" aria-hidden="true"></div>');
            parts.push(this.step(step));
        });
        return `<div class="coop-block coop-tree" data-line="${block.line}" role="group" aria-label="${esc(this.t('tree'))}">
${parts.join('\n')}
${this.notes(block.notes)}</div>`;
    }

    private step(step: TreeStep): string {
        const meta = [
            step.who.length > 0 ? `<span class="coop-step-who"><b>${esc(this.t('who'))}</b> ${esc(step.who.join(', '))}</span>` : '',
            step.where ? `<span class="coop-step-where"><b>${esc(this.t('whereStep'))}</b> ${this.content(step.where)}</span>` : '',
            step.when ? `<span class="coop-step-when"><b>${esc(this.t('when'))}</b> ${this.content(step.when)}</span>` : ''
        ].filter(Boolean).join('');
        const branches = step.branches.map(branch => `<li class="coop-branch${branch.condition === undefined ? ' coop-branch-otherwise' : ''}" data-line="${branch.line}">`
            + `<div class="coop-condition">${esc(branch.conditionLabel)}</div>`
            + '<div class="coop-arrow" aria-hidden="true"></div>'
            + `<div class="coop-outcome">${this.action(branch.action)}${this.notes(branch.notes)}</div></li>`).join('\n');
        const risks = step.risks.length > 0
            ? `<ul class="coop-risks">${step.risks.map(risk => `<li class="coop-risk" data-line="${risk.line}"><span class="coop-risk-label"><b>${esc(this.t('risk'))}</b> ${esc(risk.label)}${risk.severity ? ` <span class="coop-severity">${esc(risk.severity)}</span>` : ''}</span>`
                + `${risk.mitigation ? `<span class="coop-risk-control"><b>${esc(this.t('riskControl'))}</b> ${this.content(risk.mitigation)}</span>` : ''}${this.notes(risk.notes)}</li>`).join('')}</ul>`
            : '';
        return `<article class="coop-step${step.entry ? ' coop-step-entry' : ''}" id="${esc(step.id)}" data-line="${step.line}">
<div class="coop-step-box"><div class="coop-step-head"><span class="coop-step-number">${step.number}</span><span class="coop-step-title">${esc(step.title)}</span>${step.entry ? `<span class="coop-step-badge">${esc(this.t('entry'))}</span>` : ''}</div>
${meta ? `<div class="coop-step-meta">${meta}</div>` : ''}${step.description ? `<div class="coop-step-description">${this.content(step.description, false)}</div>` : ''}${this.notes(step.notes)}</div>
${branches ? `<ul class="coop-branches">\n${branches}\n</ul>` : ''}
${risks}
</article>`;
    }

    private action(action: TreeAction): string {
        const kindLabel = this.t(({ perform: 'kindPerform', goto: 'kindGoto', refer: 'kindRefer', end: 'kindEnd' } as const)[action.kind]);
        const text = action.kind === 'goto' && action.target
            ? `<a href="#${esc(action.target.id)}">${esc(action.text)}</a>`
            : esc(action.text);
        const box = `<div class="coop-action coop-action-${action.kind}"><span class="coop-action-kind">${esc(kindLabel)}</span>`
            + `<span class="coop-action-text">${text}${action.delay ? ` <strong class="coop-delay">${esc(action.delay)}</strong>` : ''}</span>`
            + `${action.detail ? `<span class="coop-action-detail">${this.content(action.detail)}</span>` : ''}</div>`;
        if (!action.then) return box;
        return `${box}<div class="coop-then"><span>${esc(this.t('then'))}</span></div>${this.action(action.then)}`;
    }

    // ----- suppressions and diagnostics -------------------------------------------------------

    private suppressions(): string {
        const entries = this.model.suppressions;
        const body = entries.length === 0
            ? `<p class="coop-empty">${esc(this.t('noSuppression'))}</p>`
            : `<table class="coop-table"><colgroup><col class="w26"><col class="w20"><col class="w30"><col class="w24"></colgroup>
<thead><tr><th>${esc(this.t('rule'))}</th><th>${esc(this.t('scope'))}</th><th>${esc(this.t('justification'))}</th><th>${esc(this.t('findingsSetAside'))}</th></tr></thead><tbody>
${entries.map(entry => `<tr class="coop-suppression" data-line="${entry.line}"><td>${esc(entry.rule)}<br><code>${esc(entry.code)}</code></td><td>${esc(entry.scope)}</td><td>${esc(entry.justification)}</td>`
                + `<td>${entry.findings.length === 0 ? `<span class="coop-muted">${esc(this.t('noFindingSetAside'))}</span>` : `<ul class="coop-cell-list">${entry.findings.map(finding => `<li data-line="${finding.line}">${esc(finding.message)}</li>`).join('')}</ul>`}</td></tr>`).join('\n')}
</tbody></table>`;
        return `<section class="coop-section coop-suppressions" id="suppressions" data-line="${entries[0]?.line ?? this.model.line}">
<h2>${esc(this.t('suppressions'))}</h2>
<p class="coop-intro">${esc(this.t('suppressionsIntro'))}</p>
${body}
</section>`;
    }

    /** The notes for the reviewer: requirement, finding, section (and source line when asked). */
    private diagnostics(): string {
        const { all, errors, warnings, infos } = this.model.diagnostics;
        const withLines = this.forAuthors;
        const body = all.length === 0
            ? `<p class="coop-empty">${esc(this.t('annexNone'))}</p>`
            : `<p class="coop-intro">${esc(this.t('diagnosticsSummary', { errors, warnings, infos }))}</p>
<table class="coop-table"><colgroup>${(withLines ? [24, 12, 36, 20, 8] : [26, 12, 40, 22]).map(width => `<col class="w${width}">`).join('')}</colgroup>
<thead><tr><th>${esc(this.t('requirementColumn'))}</th><th>${esc(this.t('levelColumn'))}</th><th>${esc(this.t('findingColumn'))}</th><th>${esc(this.t('sectionColumn'))}</th>${withLines ? `<th>${esc(this.t('line'))}</th>` : ''}</tr></thead><tbody>
${all.map(note => `<tr class="coop-diagnostic coop-diagnostic-${note.kind}" data-line="${note.line}"><td>${esc(note.requirement ?? '')}</td><td><span class="coop-badge coop-badge-${note.kind}">${esc(this.t(note.kind === 'suppressed' ? 'suppressedNote' : note.kind))}</span></td><td>${esc(note.message)}</td><td>${esc(note.section ?? '')}</td>${withLines ? `<td>${note.line + 1}</td>` : ''}</tr>`).join('\n')}
</tbody></table>`;
        return `<section class="coop-section coop-diagnostics" id="remarques" data-line="${all[0]?.line ?? this.model.line}">
<h2>${esc(this.t('annex'))}</h2>
<p class="coop-intro">${esc(this.t('annexIntro'))}</p>
${body}
</section>`;
    }
}

/** The theme's colours as CSS variables (`--ok-bg`, `--perform-fill`…). */
function themeVariables(): string {
    const kebab = (name: string) => name.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
    const colours = Object.entries(COLORS).map(([name, color]) => `--${kebab(name)}: ${css(color)};`);
    const actions = Object.entries(ACTION_COLORS).flatMap(([kind, palette]) => Object.entries(palette).map(([part, color]) => `--${kind}-${part}: ${css(color)};`));
    return `:root { ${[...colours, ...actions].join(' ')} }`;
}

const STYLE = `
${themeVariables()}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body.coop-document { margin: 0; background: var(--desk); color: var(--ink); font: ${SIZES.html}pt/1.45 ${FONTS.html}; }
.coop-page { max-width: 210mm; margin: 16px auto; background: var(--white); padding: 18mm 16mm; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
h1, h2, h3, h4, h5, h6 { color: var(--brand); line-height: 1.25; margin: 1.1em 0 .45em; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 20pt; margin-top: .2em; }
h2 { font-size: 14pt; border-bottom: 2px solid var(--brand); padding-bottom: 3px; }
h3 { font-size: 12pt; }
h4 { font-size: 11pt; }
h5, h6 { font-size: 10.5pt; }
p { margin: .35em 0; }
a { color: var(--accent); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .88em; background: var(--soft); padding: 0 .25em; border-radius: 3px; }
ul, ol { margin: .3em 0; padding-left: 1.4em; }
.coop-header { border-bottom: 1px solid var(--line); padding-bottom: 10px; margin-bottom: 6px; }
.coop-kicker { text-transform: uppercase; letter-spacing: .04em; font-size: 8pt; color: var(--muted); margin: 0; }
.coop-title { font-size: 19pt; }
.coop-meta { margin: 8px 0; }
.coop-meta-item { display: grid; grid-template-columns: minmax(0, 28%) minmax(0, 1fr); gap: 10px; border-bottom: 1px dotted var(--line); padding: 2px 0; }
.coop-meta dt, .coop-fields dt { font-weight: 600; color: var(--muted); }
.coop-meta dd, .coop-fields dd { margin: 0; }
.coop-meta dd ul, .coop-fields dd ul { margin: 0; }
.coop-banner { padding: 8px 12px; border-radius: 4px; font-weight: 600; }
.coop-banner-error { background: var(--ko-bg); color: var(--ko); border-left: 4px solid var(--ko); }
.coop-banner-detail { font-weight: 400; }
.coop-watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 96pt; font-weight: 700; color: var(--ko); opacity: 0.07; transform: rotate(-30deg); pointer-events: none; z-index: 0; }
.coop-signatory-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.coop-signatory { border: 1px solid var(--line); padding: 8px 12px; break-inside: avoid; }
.coop-signatory p { margin: 4px 0; }
.coop-signatory-role { font-weight: 600; }
.coop-sign-here { min-height: 48px; }
.coop-fiche-advice { color: var(--muted); font-size: 9pt; }
.coop-toc { font-size: 9.5pt; columns: 2; column-gap: 24px; margin: 8px 0; }
.coop-toc h2 { column-span: all; font-size: 11pt; border: 0; margin: .4em 0; }
.coop-toc ol { list-style: none; padding: 0; margin: 0; }
.coop-toc li { break-inside: avoid; padding: 1px 0; }
.coop-toc a { text-decoration: none; color: var(--ink); }
.coop-toc-empty { color: var(--ko); }
.coop-intro { color: var(--muted); font-size: 9.5pt; }
.coop-conformity-summary { font-size: 12pt; font-weight: 700; margin: .2em 0; }
.coop-summary-met { color: var(--ok); }
.coop-summary-missing { color: var(--ko); }
.coop-table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 6px 0 10px; font-size: 9.5pt; }
.coop-figure { margin: 8px 0 14px; }
.coop-figure svg { max-width: 100%; height: auto; display: block; }
.coop-figure figcaption { font-size: 9pt; color: var(--muted); margin-top: 4px; }
.coop-table th, .coop-table td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
.coop-table thead th { background: var(--brand); color: var(--white); font-weight: 600; }
.coop-table tbody tr:nth-child(even) td { background: var(--zebra); }
.coop-table tr { break-inside: avoid; page-break-inside: avoid; }
.coop-table td > p:first-child { margin-top: 0; }
.coop-table td > p:last-child { margin-bottom: 0; }
.coop-cell-list { margin: 0; padding-left: 1.1em; }
.coop-details { margin: 3px 0 0; padding-left: 1.1em; color: var(--ko); font-size: 9pt; }
.coop-status-suppressed .coop-details { color: var(--sup); }
.coop-badge { display: inline-block; border-radius: 10px; padding: 1px 8px; font-size: 8.5pt; font-weight: 600; white-space: nowrap; }
.coop-badge-met { background: var(--ok-bg); color: var(--ok); }
.coop-badge-missing, .coop-badge-to-fix, .coop-badge-error { background: var(--ko-bg); color: var(--ko); }
.coop-badge-review { background: var(--warn-bg); color: var(--warn); white-space: normal; }
.coop-badge-suppressed { background: var(--sup-bg); color: var(--sup); white-space: normal; }
.coop-badge-warning { background: var(--warn-bg); color: var(--warn); }
.coop-badge-info { background: var(--info-bg); color: var(--info); }
.coop-section { margin-top: 6px; }
.coop-section-number { color: var(--muted); font-weight: 600; }
.coop-empty { color: var(--muted); font-style: italic; }
.coop-section-empty h2 { color: var(--muted); border-bottom-color: var(--line); }
.coop-block { margin: 6px 0; }
.coop-fields dl { margin: 0; }
.coop-field { display: grid; grid-template-columns: minmax(0, 30%) minmax(0, 1fr); gap: 10px; padding: 3px 0; border-bottom: 1px dotted var(--line); break-inside: avoid; }
/* The template's indicator sheet: a bordered two-column grid */
.coop-fields-sheet dl { border: 1px solid var(--line); border-bottom: 0; }
.coop-fields-sheet .coop-field { gap: 0; padding: 0; border-bottom: 1px solid var(--line); }
.coop-fields-sheet dt { background: var(--soft); padding: 3px 6px; border-right: 1px solid var(--line); }
.coop-fields-sheet dd { padding: 3px 6px; }
.coop-list ul { padding-left: 1.3em; }
.coop-list li { margin: 2px 0; break-inside: avoid; }
.coop-tag { color: var(--muted); font-size: 8.5pt; font-family: ui-monospace, Menlo, Consolas, monospace; }
.coop-group { border-left: 3px solid var(--line); padding-left: 10px; margin: 10px 0; }
.coop-group > h3, .coop-group > h4, .coop-group > h5 { margin-top: .3em; }
.coop-subtitle { color: var(--muted); font-size: 9pt; margin-top: -.3em; }
.coop-notes { margin: 4px 0; }
.coop-note { display: block; margin: 3px 0; padding: 4px 8px; border-left: 4px solid; border-radius: 0 4px 4px 0; font-size: 9pt; break-inside: avoid; }
.coop-note-error { background: var(--ko-bg); border-color: var(--ko); }
.coop-note-warning { background: var(--warn-bg); border-color: var(--warn-border); }
.coop-note-info { background: var(--info-bg); border-color: var(--info); }
.coop-note-suppressed { background: var(--sup-bg); border-color: var(--sup); }
.coop-note-label { font-weight: 700; }
.coop-note-error .coop-note-label { color: var(--ko); }
.coop-note-warning .coop-note-label { color: var(--warn); }
.coop-note-info .coop-note-label { color: var(--info); }
.coop-note-suppressed .coop-note-label { color: var(--sup); }
.coop-note-code { font-size: 8pt; }
.coop-note-line, .coop-muted { color: var(--muted); font-size: 8pt; }
.coop-note-justification { font-style: italic; }
/* Decision trees */
.coop-tree { margin: 8px 0 12px; }
.coop-step { border: 1px solid var(--step-border); border-radius: 8px; background: var(--white); break-inside: avoid; page-break-inside: avoid; overflow: hidden; }
.coop-step-entry { border-color: var(--brand); box-shadow: 0 0 0 1px var(--brand) inset; }
.coop-step-box { background: var(--step-head); padding: 6px 10px; border-bottom: 1px solid var(--step-border); }
.coop-step-head { display: flex; align-items: center; gap: 8px; }
.coop-step-number { display: inline-flex; align-items: center; justify-content: center; min-width: 22px; height: 22px; border-radius: 11px; background: var(--brand); color: var(--white); font-weight: 700; font-size: 9pt; }
.coop-step-title { font-weight: 700; color: var(--brand); font-size: 11pt; }
.coop-step-badge { margin-left: auto; font-size: 8pt; color: var(--brand); border: 1px solid var(--brand); border-radius: 10px; padding: 0 7px; }
.coop-step-meta { display: flex; flex-wrap: wrap; gap: 2px 16px; font-size: 9pt; margin-top: 3px; }
.coop-step-meta b { color: var(--muted); font-weight: 600; margin-right: 3px; }
.coop-step-description { font-size: 9.5pt; }
.coop-branches { list-style: none; margin: 0; padding: 6px 10px; }
.coop-branch { display: grid; grid-template-columns: minmax(0, 36%) 28px minmax(0, 1fr); align-items: center; margin: 5px 0; break-inside: avoid; }
.coop-condition { background: var(--condition); border: 1px solid var(--condition-border); border-radius: 6px; padding: 4px 8px; font-size: 9.5pt; }
.coop-branch-otherwise .coop-condition { background: var(--otherwise); border-color: var(--otherwise-border); font-style: italic; }
.coop-arrow { position: relative; height: 2px; background: var(--arrow); margin: 0 2px 0 4px; }
.coop-arrow::after { content: ""; position: absolute; right: -2px; top: -5px; border: 6px solid transparent; border-left: 8px solid var(--arrow); border-right: 0; }
.coop-outcome { min-width: 0; }
.coop-action { border-radius: 6px; padding: 4px 8px; border: 1px solid; font-size: 9.5pt; }
.coop-action-kind { display: inline-block; font-size: 7.5pt; text-transform: uppercase; letter-spacing: .04em; font-weight: 700; margin-right: 6px; }
.coop-action-detail { display: block; font-size: 9pt; color: var(--muted); }
.coop-action-perform { background: var(--perform-fill); border-color: var(--perform-border); }
.coop-action-perform .coop-action-kind { color: var(--perform-ink); }
.coop-action-goto { background: var(--goto-fill); border-color: var(--goto-border); }
.coop-action-goto .coop-action-kind { color: var(--muted); }
.coop-action-refer { background: var(--refer-fill); border-color: var(--refer-border); }
.coop-action-refer .coop-action-kind { color: var(--refer-ink); }
.coop-action-end { background: var(--end-fill); border-color: var(--end-border); }
.coop-action-end .coop-action-kind { color: var(--ok); }
.coop-delay { color: var(--refer-ink); }
.coop-then { display: flex; align-items: center; gap: 6px; height: 18px; padding-left: 18px; font-size: 8pt; color: var(--muted); }
.coop-then::before { content: ""; width: 2px; height: 100%; background: var(--arrow); }
.coop-risks { list-style: none; margin: 0; padding: 6px 10px; border-top: 1px dashed var(--risk-border); background: var(--risk); font-size: 9pt; }
.coop-risk { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
.coop-risk b { color: var(--risk-ink); margin-right: 3px; }
.coop-severity { display: inline-block; font-size: 8pt; border: 1px solid var(--risk-border); border-radius: 8px; padding: 0 6px; margin-left: 4px; }
.coop-connector { width: 2px; height: 22px; background: var(--arrow); margin: 0 auto; position: relative; }
.coop-connector::after { content: ""; position: absolute; left: -5px; bottom: -2px; border: 6px solid transparent; border-top: 8px solid var(--arrow); border-bottom: 0; }
.coop-gap { height: 12px; }
.coop-footer { margin-top: 18px; border-top: 1px solid var(--line); color: var(--muted); font-size: 8.5pt; }
[data-line] { scroll-margin-top: 12px; }
@media (max-width: 700px) {
  .coop-page { padding: 12px; margin: 0; }
  .coop-meta-item, .coop-field { grid-template-columns: 1fr; gap: 0; }
  .coop-branch { grid-template-columns: 1fr; }
  .coop-arrow { display: none; }
  .coop-toc { columns: 1; }
}
@media print {
  body.coop-document { background: var(--white); font-size: 10pt; }
  .coop-page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  a { color: inherit; text-decoration: none; }
  .coop-table thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
