import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { buildDocumentModel, createCoopServices, loadAndValidate, renderPdf, type Locale } from 'coop-language';
import { protocol } from './helpers.js';

const CYSTITE = readFileSync(new URL('../../../examples/cystite-femme.coop', import.meta.url), 'utf8');

async function model(text: string, locale: Locale = 'fr') {
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    Coop.i18n.Locale.current = locale;
    const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/protocole.coop'), text }]);
    return buildDocumentModel(result.document, Coop);
}

/** The page objects of a PDF (`/Type /Page`, not `/Pages`), counted without a PDF library. */
function pageCount(pdf: Buffer): number {
    return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/** The text drawn in the PDF's content streams (hex glyph strings are not decoded: only checks the streams exist). */
function streams(pdf: Buffer): string[] {
    const text = pdf.toString('latin1');
    const result: string[] = [];
    for (const match of text.matchAll(/stream\r?\n/g)) {
        const start = match.index! + match[0].length;
        const end = text.indexOf('endstream', start);
        try {
            result.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
        } catch {
            // not a deflated stream (fonts are, content streams are; anything else is skipped)
        }
    }
    return result;
}

describe('PDF rendering', () => {
    it('writes an A4 PDF with pages, the fixed date of the protocol and its title in the metadata', async () => {
        const pdf = await renderPdf(await model(CYSTITE));
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
        expect(pageCount(pdf)).toBeGreaterThan(3);
        const text = pdf.toString('latin1');
        expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
        // CreationDate and ModDate (written as indirect objects): the protocol's date, not today's.
        expect(text.match(/\(D:20230309000000Z\)/g)).toHaveLength(2);
        expect(text).toMatch(/\/CreationDate \d+ 0 R/);
        expect(text).toMatch(/\/FontName \/[A-Z]{6}\+Roboto-Regular/);
        expect(streams(pdf).some(stream => /\bBT\b[\s\S]*\bTJ\b/.test(stream))).toBe(true);
    });

    it('gives the same bytes for the same protocol', async () => {
        const m = await model(CYSTITE);
        const first = await renderPdf(m);
        const second = await renderPdf(await model(CYSTITE));
        expect(Buffer.compare(first, second)).toBe(0);
    });

    it('renders a protocol with errors, markup and characters the font lacks', async () => {
        const text = protocol('', {
            'protocole "Test" {': 'protocole "<b>Titre</b> → suite ✓" {',
            'coordination { intégration "Médecin traitant informé"  transmission "Dossier partagé" }': '',
            'objectifs "Réduire les délais"': 'objectifs """\n        - **un** ⚠\n        - [lien](https://has-sante.fr)\n        """'
        });
        const pdf = await renderPdf(await model(text, 'en'));
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pageCount(pdf)).toBeGreaterThan(0);
        expect(pdf.toString('latin1').match(/\(D:20000101000000Z\)/g)).toHaveLength(2);
        expect(pdf.toString('latin1')).toContain('/URI (https://has-sante.fr)');
    });
});
