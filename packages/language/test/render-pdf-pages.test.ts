import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { EmptyFileSystem, URI } from 'langium';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocumentModel, createCoopServices, loadAndValidate, renderPdf } from 'coop-language';

// Looks at the cystitis dossier as a reader would: its pages rendered to PNG with poppler's
// pdftoppm (Debian's poppler-utils, installed by .ci/run). Skipped with one line when pdftoppm is
// missing on a developer's machine; in CI (CI=true) a missing pdftoppm fails the test.

const CYSTITE = readFileSync(new URL('../../../examples/cystite-femme.coop', import.meta.url), 'utf8');
const hasPdftoppm = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).error === undefined;
const inCi = process.env.CI === 'true';
if (!hasPdftoppm && !inCi) console.log('render-pdf-pages: pdftoppm absent (apt-get install poppler-utils) — test des pages PDF ignoré.');

/** Width, height and the share of non-white pixels of an 8-bit RGB PNG (what pdftoppm writes). */
function inkOf(png: Buffer): { width: number; height: number; ink: number } {
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    let offset = 8;
    let width = 0, height = 0, bitDepth = 0, colorType = 0;
    const data: Buffer[] = [];
    while (offset < png.length) {
        const length = png.readUInt32BE(offset);
        const type = png.subarray(offset + 4, offset + 8).toString('latin1');
        const chunk = png.subarray(offset + 8, offset + 8 + length);
        if (type === 'IHDR') { width = chunk.readUInt32BE(0); height = chunk.readUInt32BE(4); bitDepth = chunk[8]; colorType = chunk[9]; }
        if (type === 'IDAT') data.push(chunk);
        offset += length + 12;
    }
    expect([bitDepth, colorType]).toEqual([8, 2]);
    const raw = inflateSync(Buffer.concat(data));
    const stride = width * 3;
    const previous = Buffer.alloc(stride);
    const line = Buffer.alloc(stride);
    let inked = 0;
    for (let y = 0; y < height; y++) {
        const start = y * (stride + 1);
        const filter = raw[start];
        for (let x = 0; x < stride; x++) {
            const value = raw[start + 1 + x];
            const left = x >= 3 ? line[x - 3] : 0, up = previous[x], upLeft = x >= 3 ? previous[x - 3] : 0;
            const p = left + up - upLeft;
            const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
            line[x] = (value + [0, left, up, (left + up) >> 1, paeth][filter]) & 0xff;
        }
        for (let x = 0; x < stride; x += 3) if (line[x] < 235 || line[x + 1] < 235 || line[x + 2] < 235) inked++;
        line.copy(previous);
    }
    return { width, height, ink: inked / (width * height) };
}

describe.skipIf(!hasPdftoppm && !inCi)('the cystitis dossier, page by page (pdftoppm)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'coop-pages-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('has an A4 cover with ink on it, a table of contents and its sections', async () => {
        expect(hasPdftoppm, 'pdftoppm (poppler-utils) est requis en CI').toBe(true);
        const { shared, Coop } = createCoopServices(EmptyFileSystem);
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/cystite-femme.coop'), text: CYSTITE }]);
        const pdf = await renderPdf(buildDocumentModel(result.document, Coop, { locale: 'fr' }));
        const file = join(folder, 'cystite.pdf');
        writeFileSync(file, pdf);
        const run = spawnSync('pdftoppm', ['-r', '40', '-png', file, join(folder, 'page')], { encoding: 'utf8' });
        expect(run.status, run.stderr).toBe(0);
        const pages = readdirSync(folder).filter(name => name.endsWith('.png')).sort();
        expect(pages.length).toBeGreaterThanOrEqual(6);
        expect(pages.length).toBeLessThanOrEqual(20);
        const measured = pages.map(name => inkOf(readFileSync(join(folder, name))));
        for (const page of measured) {
            // A4 at 40 dpi: 331 × 468 pixels (portrait).
            expect(Math.abs(page.width - 331)).toBeLessThanOrEqual(1);
            expect(Math.abs(page.height - 468)).toBeLessThanOrEqual(1);
        }
        // The cover carries the title block and the team's table: clearly not blank.
        expect(measured[0].ink).toBeGreaterThan(0.03);
        // The table of contents is text only, lighter than the cover but not empty.
        expect(measured[1].ink).toBeGreaterThan(0.01);
        // Every page has content, not only its running header, footer and a heading (a page with just
        // those measures under 0.01: a heading pushed away from its content).
        measured.forEach((page, index) => expect(page.ink, `page ${index + 1}`).toBeGreaterThan(0.02));
    });
});
