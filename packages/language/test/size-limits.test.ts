import { EmptyFileSystem, URI } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { createCoopServices, loadAndValidate } from 'coop-language';
import { checkSizeLimits, MAX_FILE_BYTES, MAX_TOKEN_CHARS, MAX_TOKEN_LINES, utf8Length } from '../src/workspace/size-limit.js';
import { protocol } from './helpers.js';
import { createLspTestServices } from './lsp-helpers.js';

async function diagnosticsOf(text: string) {
    const { shared } = createCoopServices(EmptyFileSystem);
    const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/gros.coop'), text }]);
    return result;
}

/** A protocol whose objectives are one string of the given length. */
const withString = (length: number) => protocol('', { 'objectifs "Réduire les délais"': `objectifs "${'a'.repeat(length)}"` });

describe('size limits, checked before the lexer', () => {
    it('refuses a 50 MB document with one French diagnostic at the start of the file, and an empty tree', async () => {
        const body = protocol();
        const text = body.repeat(Math.ceil((50 * 1024 * 1024) / body.length));
        const { document, diagnostics } = await diagnosticsOf(text);
        expect(diagnostics).toHaveLength(1);
        const [diagnostic] = diagnostics;
        expect(diagnostic.code).toBe('fichier-trop-volumineux');
        expect(diagnostic.severity).toBe(1);
        expect(diagnostic.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
        expect(diagnostic.message).toMatch(/^Le fichier fait 5\d,\d Mo : coop n'analyse pas les fichiers de plus de 2 Mo\./);
        expect(document.parseResult.value.$type).toBe('Protocole');
        expect((document.parseResult.value as unknown as { elements: unknown[] }).elements).toEqual([]);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
    });

    it('measures the file in UTF-8 bytes: accented text counts double', async () => {
        // 1.1 million characters, mostly « é »: 2.2 MB of UTF-8.
        const text = protocol('', { 'objectifs "Réduire les délais"': `objectifs "${`${'é'.repeat(99)} `.repeat(11_000)}"` });
        expect(text.length).toBeLessThan(MAX_FILE_BYTES);
        expect(utf8Length(text)).toBeGreaterThan(MAX_FILE_BYTES);
        const { diagnostics } = await diagnosticsOf(text);
        expect(diagnostics.map(d => d.code)).toEqual(['fichier-trop-volumineux']);
    });

    it('refuses a 4 MB string (it used to overflow the lexer\'s stack) as a too large file', async () => {
        const { diagnostics } = await diagnosticsOf(withString(4 * 1024 * 1024));
        expect(diagnostics.map(d => d.code)).toEqual(['fichier-trop-volumineux']);
    });

    it('refuses a single string over 200,000 characters, naming its line', async () => {
        const { diagnostics } = await diagnosticsOf(withString(MAX_TOKEN_CHARS + 1));
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0].code).toBe('texte-trop-long');
        expect(diagnostics[0].message).toContain('Le texte qui commence ligne 5 compte 200 003 caractères sur 1 lignes');
        expect(diagnostics[0].message).toContain('plus de 200 000 caractères ou de 10 000 lignes');
        expect(diagnostics[0].range.start).toEqual({ line: 0, character: 0 });
    });

    it('accepts a string of exactly the limit', async () => {
        const { diagnostics } = await diagnosticsOf(withString(MAX_TOKEN_CHARS - 2));
        expect(diagnostics.map(d => d.code)).not.toContain('texte-trop-long');
        expect(diagnostics.map(d => d.code)).not.toContain('fichier-trop-volumineux');
    });

    it('refuses a """ block of 130,000 lines (it used to crash the value converter)', async () => {
        const block = '"""\n' + 'x\n'.repeat(130_000) + '"""';
        const { diagnostics } = await diagnosticsOf(protocol('', { 'objectifs "Réduire les délais"': `objectifs ${block}` }));
        expect(diagnostics.map(d => d.code)).toEqual(['texte-trop-long']);
        expect(diagnostics[0].message).toContain('sur 130 002 lignes');
    });

    it('refuses an unclosed quote followed by a long text, and hints at it', async () => {
        const { diagnostics } = await diagnosticsOf('protocole "T" {\n objectifs "' + 'mot '.repeat(60_000) + '\n}');
        expect(diagnostics.map(d => d.code)).toEqual(['texte-trop-long']);
        expect(diagnostics[0].message).toContain('un guillemet non fermé ?');
    });

    it('finds long words, comments and block comments too, with CRLF and CR line counts', () => {
        expect(checkSizeLimits('protocole "T" {\n' + 'a'.repeat(MAX_TOKEN_CHARS + 1) + '\n}')).toMatchObject({ code: 'texte-trop-long', line: 2 });
        expect(checkSizeLimits('// ' + 'x'.repeat(MAX_TOKEN_CHARS))).toMatchObject({ code: 'texte-trop-long', line: 1 });
        expect(checkSizeLimits('\r\n\r\n/*' + '\r\n'.repeat(MAX_TOKEN_LINES) + '*/')).toMatchObject({ code: 'texte-trop-long', line: 3, lines: MAX_TOKEN_LINES + 1 });
        expect(checkSizeLimits('\r\r"' + 'x\r'.repeat(MAX_TOKEN_LINES) + '"')).toMatchObject({ code: 'texte-trop-long', line: 3 });
        // Escaped quotes stay inside the string; many short tokens are fine.
        expect(checkSizeLimits('"a\\"b" ' + 'mot '.repeat(100_000))).toBeUndefined();
        expect(checkSizeLimits(protocol())).toBeUndefined();
    });

    it('reads a text that is not a string (null, a number) as text instead of throwing', async () => {
        const { shared } = createCoopServices(EmptyFileSystem);
        const factory = shared.workspace.LangiumDocumentFactory;
        const empty = factory.fromString(null as unknown as string, URI.file('/ws/null.coop'));
        expect(empty.parseResult.value).toBeDefined();
        const number = factory.fromString(42 as unknown as string, URI.file('/ws/nombre.coop'));
        expect(number.parseResult.parserErrors.length + number.parseResult.lexerErrors.length).toBeGreaterThan(0);
    });

    it('answers in English with --lang en', async () => {
        const { shared, Coop } = createCoopServices(EmptyFileSystem);
        Coop.i18n.Locale.current = 'en';
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/big.coop'), text: withString(MAX_TOKEN_CHARS + 10) }]);
        expect(result.diagnostics[0].message).toMatch(/^The text starting on line 5 has 200,012 characters over 1 lines/);
    });

    it('keeps the editor features quiet on a refused document', async () => {
        const services = await createLspTestServices();
        const document = await parseHelper(services.Coop)(withString(MAX_TOKEN_CHARS + 1), { validation: true });
        expect(document.diagnostics?.map(d => d.code)).toEqual(['texte-trop-long']);
        const textDocument = { uri: document.uri.toString() };
        const position = { line: 4, character: 20 };
        const lsp = services.Coop.lsp;
        expect(await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument })).toEqual([]);
        expect(await lsp.HoverProvider!.getHoverContent(document, { textDocument, position })).toBeUndefined();
        expect(await lsp.CodeLensProvider!.provideCodeLens(document, { textDocument })).toBeUndefined();
        expect(await lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument })).toEqual([]);
        const actions = await lsp.CodeActionProvider!.getCodeActions(document, { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: document.diagnostics ?? [] } });
        expect(actions).toEqual([]);
    });
});
