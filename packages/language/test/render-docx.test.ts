import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { buildDocumentModel, createCoopServices, loadAndValidate, renderDocx, type Locale } from 'coop-language';
import { protocol } from './helpers.js';
import { spaces } from './render-spaces.js';

const CYSTITE = readFileSync(new URL('../../../examples/cystite-femme.coop', import.meta.url), 'utf8');

async function model(text: string, locale: Locale = 'fr') {
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    Coop.i18n.Locale.current = locale;
    const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/protocole.coop'), text }]);
    return buildDocumentModel(result.document, Coop);
}

/** The entries of a ZIP archive (fflate), with the DOS time and date of each local header. */
function unzip(archive: Buffer): Map<string, { data: Buffer; time: number; date: number }> {
    const stamps = new Map<string, { time: number; date: number }>();
    for (let offset = archive.indexOf('PK\u0003\u0004', 0, 'latin1'); offset >= 0; offset = archive.indexOf('PK\u0003\u0004', offset + 4, 'latin1')) {
        const nameLength = archive.readUInt16LE(offset + 26);
        stamps.set(archive.subarray(offset + 30, offset + 30 + nameLength).toString('utf8'), { time: archive.readUInt16LE(offset + 10), date: archive.readUInt16LE(offset + 12) });
    }
    const entries = new Map<string, { data: Buffer; time: number; date: number }>();
    for (const [name, data] of Object.entries(unzipSync(archive))) {
        entries.set(name, { data: Buffer.from(data), ...(stamps.get(name) ?? { time: -1, date: -1 }) });
    }
    return entries;
}

describe('DOCX rendering', () => {
    it('writes a Word document with the title, real headings and tables', async () => {
        const docx = await renderDocx(await model(CYSTITE));
        expect(docx.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
        const files = unzip(docx);
        expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml']));
        const document = spaces(files.get('word/document.xml')!.data.toString('utf8'));
        expect(document).toContain('Prise en charge de la pollakiurie et des brûlures mictionnelles non fébriles chez la femme de 16 à 65 ans');
        expect(document).toContain('<w:pStyle w:val="Title"/>');
        expect(document.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBeGreaterThanOrEqual(21);
        // Conformity matrix, promoters, references, acts, process, indicators…: real tables.
        expect(document.match(/<w:tbl>/g)?.length).toBeGreaterThan(15);
        expect(document).toContain('Contrôles automatiques : 16/16 exigences vérifiées');
        expect(document).toContain('Risques identifiés');
        expect(document).toContain('Seuil d&apos;alerte');
        expect(document).toContain('<w:tblHeader/>');
        const footer = spaces([...files.entries()].find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1].data.toString('utf8'));
        expect(footer).toContain('NUMPAGES');
        const core = files.get('docProps/core.xml')!.data.toString('utf8');
        expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-03-09T00:00:00Z</dcterms:created>');
        expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-03-09T00:00:00Z</dcterms:modified>');
        // Hyperlinks (reference URLs) have numbered, not random, relationship identifiers.
        const relations = files.get('word/_rels/document.xml.rels')!.data.toString('utf8');
        expect(relations).toContain('Id="rIdLink1"');
        expect(relations).toContain('Target="https://www.has-sante.fr/"');
        // Every entry carries the same fixed timestamp (2023-03-09 12:00, whatever the time zone).
        for (const entry of files.values()) expect([entry.date, entry.time]).toEqual([((2023 - 1980) << 9) | (3 << 5) | 9, 12 << 11]);
    });

    it('gives the same bytes for the same protocol', async () => {
        const first = await renderDocx(await model(CYSTITE));
        await new Promise(resolve => setTimeout(resolve, 1100));
        const second = await renderDocx(await model(CYSTITE));
        expect(Buffer.compare(first, second)).toBe(0);
    });

    it('escapes markup and renders a protocol with errors', async () => {
        const text = protocol('', {
            'protocole "Test" {': 'protocole "<script>x()</script> & <b>co</b>" {',
            'coordination { intégration "Médecin traitant informé"  transmission "Dossier partagé" }': ''
        });
        const files = unzip(await renderDocx(await model(text)));
        const document = spaces(files.get('word/document.xml')!.data.toString('utf8'));
        expect(document).toContain('&lt;script&gt;x()&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;');
        expect(document).not.toContain('<script>');
        // The findings are in the reviewer's annex, by requirement and section, without rule codes.
        expect(document).toContain('Annexe — Points relevés par la vérification automatique');
        expect(document).toContain('Intégration au parcours');
        expect(document).not.toContain('coordination-absente');
        expect(document).toContain('Contrôles automatiques : 14/16 exigences vérifiées, 1 à vérifier, 1 manquante');
    });
});
