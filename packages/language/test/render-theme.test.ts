import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { buildDocumentModel, createCoopServices, loadAndValidate, renderDocx, renderHtml } from 'coop-language';
import { ACTION_COLORS, COLORS, css } from '../src/render/theme.js';

const RENDERERS = ['html.ts', 'pdf-document.ts', 'docx-document.ts'];
const CYSTITE = readFileSync(new URL('../../../examples/cystite-femme.coop', import.meta.url), 'utf8');

async function model() {
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    Coop.i18n.Locale.current = 'fr';
    const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/protocole.coop'), text: CYSTITE }]);
    return buildDocumentModel(result.document, Coop);
}

describe('one theme for the three renderers', () => {
    it('keeps every colour in theme.ts: no colour literal in a renderer', () => {
        for (const file of RENDERERS) {
            const source = readFileSync(new URL(`../src/render/${file}`, import.meta.url), 'utf8');
            expect({ file, colours: source.match(/#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|'[0-9a-fA-F]{6}'/g) ?? [] }).toEqual({ file, colours: [] });
        }
    });

    it('writes the theme colours in the HTML and the DOCX', async () => {
        const document = await model();
        const html = renderHtml(document);
        expect(html).toContain(`--brand: ${css(COLORS.brand)};`);
        expect(html).toContain(`--ok-bg: ${css(COLORS.okBg)};`);
        expect(html).toContain(`--refer-ink: ${css(ACTION_COLORS.refer.ink)};`);
        const files = unzipSync(await renderDocx(document));
        const styles = strFromU8(files['word/styles.xml']).toLowerCase();
        expect(styles).toContain(`w:color w:val="${COLORS.brand}"`);
        const body = strFromU8(files['word/document.xml']).toLowerCase();
        expect(body).toContain(`w:fill="${COLORS.brand}"`);
        expect(body).toContain(`w:color="${COLORS.line}"`);
    });
});
