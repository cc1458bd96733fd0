import type { Locale } from '../i18n/locale.js';
import type { DocumentModel } from './document-model.js';
import { calendarDate } from './labels.js';

export interface PdfOptions {
    /** Language of the words the renderer adds (the model's by default). */
    locale?: Locale;
    /**
     * Date written in the PDF's metadata. Fixed so that the same protocol always gives the same
     * bytes: by default the protocol's `date`, or 2000-01-01 when it has none.
     */
    date?: Date;
}

/** The fixed date of the exports' metadata: the protocol's date, or 2000-01-01. */
export function documentDate(model: DocumentModel): Date {
    const date = calendarDate(model.meta.date);
    if (!date) return new Date(Date.UTC(2000, 0, 1));
    const utc = new Date(0);
    utc.setUTCFullYear(date.year, date.month - 1, date.day); // years 0–99 stay themselves (Date.UTC would add 1900)
    return utc;
}

/** `date` when it is a real date (an invalid `Date` never reaches the renderers). */
export function validDate(date: Date | undefined): Date | undefined {
    return date && Number.isFinite(date.getTime()) ? date : undefined;
}

/**
 * Renders the submission document as an A4 PDF (pdfmake, fonts embedded from its package), with
 * the title and version at the top of every page and « Page x / y » at the bottom. The same model
 * always gives the same bytes.
 */
export async function renderPdf(model: DocumentModel, options: PdfOptions = {}): Promise<Buffer> {
    const { createPdf } = await import('./pdf-document.js');
    return createPdf(model, options.locale ?? model.locale, validDate(options.date) ?? documentDate(model));
}
