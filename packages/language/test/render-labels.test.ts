import { readdirSync, readFileSync } from 'node:fs';
import { AstUtils, EmptyFileSystem, URI } from 'langium';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocumentModel, createCoopServices, loadAndValidate, renderDocx, renderHtml, type DocumentModel } from 'coop-language';
import { LABELS, VALUE_LABELS } from '../src/render/labels.js';

// Readers see labels, never identifiers: the short names of a protocol (`mg`, `ide`, `accueil`,
// criterion and act names) stay in the source. Every example's HTML and DOCX text is scanned for
// them, as whole words. A short name that is also a word of the authors' own prose (a step named
// `accueil` titled « Accueil », a withdrawal criterion `refus` beside the rubric « Droit de refus »)
// is no leak and is not looked for.

const EXAMPLES = new URL('../../../examples/', import.meta.url);
const files = readdirSync(EXAMPLES).filter(name => name.endsWith('.coop')).sort();

async function loadExamples() {
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    const results = await loadAndValidate(shared, files.map(name => ({ uri: URI.file(`/examples/${name}`), text: readFileSync(new URL(name, EXAMPLES), 'utf8') })));
    return { Coop, results };
}

/** The words the document itself adds (its labels), in French. */
const DOCUMENT_WORDS = [...Object.values(LABELS), ...Object.values(VALUE_LABELS).flatMap(values => Object.values(values))].map(label => label.fr).join(' ');

const fold = (text: string) => text.normalize('NFC').toLowerCase();
const words = (text: string) => new Set(fold(text).split(/[^\p{L}\p{N}_-]+/u).filter(Boolean));

function htmlText(html: string): string {
    return html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ')
        .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code))).replace(/&nbsp;/g, ' ')
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function docxText(docx: Buffer): string {
    const entries = unzipSync(docx);
    return Object.entries(entries).filter(([name]) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name))
        .map(([, data]) => [...strFromU8(data).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(match => match[1]).join(' ')).join(' ')
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&');
}

describe('labels instead of identifiers', async () => {
    const { Coop, results } = await loadExamples();
    const protocols = results.filter(result => AstUtils.streamAst(result.document.parseResult.value).head()?.$type === 'Protocole');

    it('has protocols to scan', () => {
        expect(protocols.length).toBeGreaterThanOrEqual(4);
    });

    for (const result of protocols) {
        const name = result.document.uri.path.split('/').pop() ?? '';
        it(`${name}: no short name in the HTML and DOCX text`, async () => {
            const root = result.document.parseResult.value;
            const source = result.document.textDocument.getText();
            // The authors' own words: every string of the file.
            const prose = words([...source.matchAll(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"/g)].map(match => match[0]).join(' ') + ' ' + DOCUMENT_WORDS);
            const identifiers = new Set<string>();
            for (const node of AstUtils.streamAst(root)) {
                const id = (node as { name?: unknown }).name;
                if (typeof id === 'string' && id.trim() && !prose.has(fold(id))) identifiers.add(fold(id));
            }
            expect(identifiers.size).toBeGreaterThan(3);
            const model: DocumentModel = buildDocumentModel(result.document, Coop, { locale: 'fr' });
            for (const [format, text] of [['HTML', htmlText(renderHtml(model))], ['DOCX', docxText(await renderDocx(model))]] as const) {
                const seen = words(text);
                const leaks = [...identifiers].filter(identifier => seen.has(identifier));
                expect(leaks, `${format} of ${name}`).toEqual([]);
            }
        });
    }

    it('writes the professions in words: « le médecin généraliste délégant »', async () => {
        const cystite = protocols.find(result => result.document.uri.path.endsWith('cystite-femme.coop'));
        expect(cystite).toBeDefined();
        const text = htmlText(renderHtml(buildDocumentModel(cystite!.document, Coop, { locale: 'fr' }))).replace(/[\u00A0\u202F]/g, ' ');
        expect(text).toContain('le médecin généraliste délégant');
        expect(text).toContain('Infirmier délégué');
        expect(text).toContain('Délégant : médecin généraliste');
    });
});
