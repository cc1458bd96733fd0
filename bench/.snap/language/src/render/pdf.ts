import type { Locale } from '../i18n/locale.js';
import type { DocumentModel } from './document-model.js';

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
    return model.meta.date ? new Date(`${model.meta.date}T00:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
}

/**
 * Renders the submission document as an A4 PDF (pdfmake, fonts embedded from its package), with
 * the title and version at the top of every page and « Page x / y » at the bottom. The same model
 * always gives the same bytes.
 */
export async function renderPdf(model: DocumentModel, options: PdfOptions = {}): Promise<Buffer> {
    const { createPdf } = await import('./pdf-document.js');
    return createPdf(model, options.locale ?? model.locale, options.date ?? documentDate(model));
}
