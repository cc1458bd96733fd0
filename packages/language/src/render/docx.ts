import type { Locale } from '../i18n/locale.js';
import type { DocumentModel } from './document-model.js';
import { documentDate, validDate } from './pdf.js';

export interface DocxOptions {
    /** Language of the words the renderer adds (the model's by default). */
    locale?: Locale;
    /** Date of the document's properties and of the ZIP entries (by default the protocol's `date`, or 2000-01-01). */
    date?: Date;
    /**
     * Draws an SVG figure as PNG (the fallback Word shows when it cannot draw SVG; the CLI passes
     * one built on resvg). Without it, figures get a blank fallback.
     */
    rasterize?: (svg: string, width: number) => Promise<Uint8Array> | Uint8Array;
}

/**
 * Renders the submission document as a Word file that ARS staff can edit: real headings (the
 * navigation pane shows the template's rubrics), real tables for the conformity matrix, the
 * process, the indicators, and lists. The bytes depend only on the model: fixed document
 * properties and ZIP timestamps, and no random identifiers.
 */
export async function renderDocx(model: DocumentModel, options: DocxOptions = {}): Promise<Buffer> {
    const { createDocx, figuresOf } = await import('./docx-document.js');
    const fallbacks = new Map<string, Uint8Array>();
    if (options.rasterize) {
        for (const figure of figuresOf(model)) {
            if (!fallbacks.has(figure.svg)) fallbacks.set(figure.svg, await options.rasterize(figure.svg, figure.width * 2));
        }
    }
    return createDocx(model, options.locale ?? model.locale, validDate(options.date) ?? documentDate(model), fallbacks);
}
