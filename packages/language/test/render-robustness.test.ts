import { readdirSync, readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import {
    buildDocumentModel, createCoopServices, isProtocole, loadAndValidate, renderDocx, renderHtml, renderPdf,
    type DocumentModel, type Locale
} from 'coop-language';

// Renderers never throw on a partial syntax tree (issue 15): the reproducers found by fuzzing, and
// every example with each of its elements removed or cut in the middle.

const EXAMPLES = new URL('../../../examples/', import.meta.url);
const exampleFiles = readdirSync(EXAMPLES).filter(name => name.endsWith('.coop')).sort();
const library = readFileSync(new URL('bibliotheque-cpts.coop', EXAMPLES), 'utf8');

async function model(text: string, locale: Locale = 'fr', withLibrary = false): Promise<DocumentModel> {
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    Coop.i18n.Locale.current = locale;
    const files = [{ uri: URI.file('/ws/protocole.coop'), text }, ...(withLibrary ? [{ uri: URI.file('/ws/bibliotheque-cpts.coop'), text: library }] : [])];
    const [result] = await loadAndValidate(shared, files);
    return buildDocumentModel(result.document, Coop);
}

/**
 * Every string the model writes itself (labels, cells, titles…); diagnostic messages (`notes`,
 * conformity details, findings) come from the rules and are left to their own tests.
 */
function strings(value: unknown, into: string[] = []): string[] {
    if (typeof value === 'string') into.push(value);
    else if (Array.isArray(value)) value.forEach(item => strings(item, into));
    else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) if (!['notes', 'details', 'findings', 'diagnostics'].includes(key)) strings(child, into);
    }
    return into;
}

/** Text the model adds must never show a lost value: « undefined », « NaN », « Infinity », « Invalid Date ». */
function expectNoLostValue(model: DocumentModel): void {
    expect(JSON.stringify(strings(model).filter(text => /\bundefined\b|\bNaN\b|\bInfinity\b|Invalid Date/.test(text)))).toBe('[]');
}

const REPRODUCERS: Record<string, string> = {
    'a step cut after its keyword': 'protocole""parcours{étape',
    'a review cut after its keyword': 'protocole{gestion risques signalement\nrevue',
    'an impossible date': 'protocole""date 1234-56-78',
    'a date before the ZIP epoch': 'protocole "Ancien" {\n  date 1975-02-30\n}',
    'a valid date before 1980': 'protocole "Ancien" {\n  date 1975-02-03\n}',
    'a delegant lost to a syntax error': 'protocole "T" {\n  délégant : médecin { spécialité "MG" }\n  délégué ide { }\n}',
    'an age criterion without unit': 'protocole "T" {\n  patients {\n    inclusion a : âge de 8 à 12\n    inclusion : âge >=\n  }\n}',
    'an indicator without name': 'protocole "T" {\n  indicateur { objectif >= }\n}',
    'a governance act cut': 'protocole{type local cadre établissement\ngouvernance avis',
    'a governance decision cut': 'protocole""type local\ncadre établissement\ngouvernance{Décision',
    'an ignore without its code': 'protocole "T" {\n  ignorer\n}'
};

describe('renderers on partial syntax trees', { timeout: 120_000 }, () => {
    for (const [name, text] of Object.entries(REPRODUCERS)) {
        it(`builds the model and renders HTML, PDF and DOCX: ${name}`, async () => {
            for (const locale of ['fr', 'en'] as const) {
                const document = await model(text, locale);
                expectNoLostValue(document);
                const html = renderHtml(document);
                expect(html).toContain('<!DOCTYPE html>');
                expect(html).not.toMatch(/>undefined<|\bNaN\b|Invalid Date/);
                const pdf = await renderPdf(document);
                expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
                const docx = await renderDocx(document);
                expect(docx.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
            }
        });
    }

    it('shows an impossible date as written and keeps it out of the metadata', async () => {
        const document = await model('protocole "T" {\n  date 1234-56-78\n}');
        expect(document.meta.date).toBeUndefined();
        expect(document.header.fields.find(field => field.label === 'Date de la version')?.value).toBe('1234-56-78');
        const february = await model('protocole "T" {\n  date 2023-02-30\n}');
        expect(february.meta.date).toBeUndefined();
        expect(february.header.fields.find(field => field.label === 'Date de la version')?.value).toBe('2023-02-30');
        const valid = await model('protocole "T" {\n  date 2024-02-29\n}');
        expect(valid.meta.date).toBe('2024-02-29');
        expect(valid.header.fields.find(field => field.label === 'Date de la version')?.value).toBe('29 février 2024');
    });

    it('names an element lost to a syntax error by its profession or kind, never « undefined »', async () => {
        const document = await model(REPRODUCERS['a delegant lost to a syntax error']);
        const titles = strings(document.sections.find(section => section.id === 'Delegant'));
        expect(titles.some(text => /^Délégant\s:\smédecin spécialiste en MG$/.test(text))).toBe(true);
        const age = await model(REPRODUCERS['an age criterion without unit']);
        const criteria = strings(age.sections.find(section => section.id === 'Patients'));
        expect(criteria).toContain('Âge de 8 à 12');
    });
});

/** The top-level elements of a protocol, as [start, end) offsets of the text. */
async function elementRanges(text: string): Promise<Array<[number, number]>> {
    const { shared } = createCoopServices(EmptyFileSystem);
    const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/protocole.coop'), text }]);
    const root = result.document.parseResult.value;
    if (!isProtocole(root)) return [];
    return root.elements.flatMap(element => (element.$cstNode ? [[element.$cstNode.offset, element.$cstNode.end] as [number, number]] : []));
}

/**
 * Builds the model of one variant after another in the same workspace (the catalogue and the
 * library are loaded once; each variant replaces the previous protocol).
 */
async function variantBuilder(): Promise<(text: string, locale: Locale) => Promise<DocumentModel>> {
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    await loadAndValidate(shared, [{ uri: URI.file('/ws/bibliotheque-cpts.coop'), text: library }]);
    let count = 0;
    return async (text, locale) => {
        const previous = URI.file(`/ws/protocole-${count}.coop`);
        if (shared.workspace.LangiumDocuments.hasDocument(previous)) shared.workspace.LangiumDocuments.deleteDocument(previous);
        const uri = URI.file(`/ws/protocole-${++count}.coop`);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        return buildDocumentModel(document, Coop, { locale });
    };
}

describe('every example with each element removed or cut', { timeout: 600_000 }, () => {
    for (const file of exampleFiles) {
        it(file, async () => {
            const text = readFileSync(new URL(file, EXAMPLES), 'utf8');
            const ranges = await elementRanges(text);
            if (ranges.length === 0) {
                expect(text).toMatch(/^\s*(bibliothèque|équipe)/m); // a library or a team file: no submission document
                return;
            }
            const variants: string[] = [];
            for (const [start, end] of ranges) {
                variants.push(text.slice(0, start) + text.slice(end)); // removed
                variants.push(text.slice(0, start + Math.ceil((end - start) / 2))); // cut in the middle, end of file lost
                variants.push(text.slice(0, start) + text.slice(start, end).replace(/"[^"]*"/g, '') + text.slice(end)); // strings removed
            }
            const variantsOf = await variantBuilder();
            // The two binary formats on two of them (a PDF is laid out several times: seconds each).
            const sample = new Set([1, Math.floor(variants.length / 2) | 1]);
            for (const [index, variant] of variants.entries()) {
                const document = await variantsOf(variant, index % 2 === 0 ? 'fr' : 'en');
                expectNoLostValue(document);
                expect(renderHtml(document)).toContain('<!DOCTYPE html>');
                if (sample.has(index)) {
                    expect((await renderDocx(document)).length).toBeGreaterThan(0);
                    expect((await renderPdf(document)).length).toBeGreaterThan(0);
                }
            }
        });
    }
});
