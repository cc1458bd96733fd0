import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExportFormat } from '../../../src/preview/requests.js';
import { activateExtension, eventually, openAndWaitForDiagnostics, plainSpaces, serverHistory, workspaceUri, zipEntries } from './helpers.js';

describe('exports', () => {
    const source = workspaceUri('cystite-femme.coop');
    const folder = workspaceUri('exports');
    let title: string;

    before(async () => {
        const { editor } = await openAndWaitForDiagnostics(source);
        title = /^protocole "([^"]+)"/m.exec(editor.document.getText())?.[1] ?? '';
        assert.ok(title, 'the example has a title');
        // The server must have the document: right after a restart (the status bar test changes
        // coop.language), its custom requests answer null for a while (see the report).
        const api = await activateExtension();
        await eventually(() => api.client.sendRequest('coop/conformity', { uri: source.toString() }).catch(() => null), answer => answer !== null,
            () => 'the server to know the example (coop/conformity not null)');
    });
    after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    /** Runs the export command with a target (no dialog); on failure, says what the server answered. */
    async function exportTo(command: string, format: ExportFormat): Promise<Uint8Array> {
        const target = vscode.Uri.joinPath(folder, `cystite-femme.${format}`);
        const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, source, target);
        if (!written) {
            const api = await activateExtension();
            const why = api.exports.lastFailure;
            const answer = await api.client.sendRequest('coop/export', { uri: source.toString(), format }).then(
                result => `answer ${JSON.stringify(result)?.slice(0, 80)}…`,
                (error: Error) => `error: ${error.message}`
            );
            assert.fail(`${command} wrote nothing (${why}); asked again now, the server's coop/export gives ${answer}; ${serverHistory()}`);
        }
        assert.equal(written.toString(), target.toString());
        return vscode.workspace.fs.readFile(target);
    }

    it('« Exporter en HTML » writes a standalone page with the title', async () => {
        const html = new TextDecoder().decode(await exportTo('coop.exportHtml', 'html'));
        assert.match(html.trimStart(), /^<!DOCTYPE html>/i);
        assert.ok(plainSpaces(html).includes(title), 'the title is in the page');
        assert.ok(!/<script\b/i.test(html), 'no script in an exported document');
    });

    it('« Exporter en PDF » writes a PDF with pages', async () => {
        const bytes = await exportTo('coop.exportPdf', 'pdf');
        const text = Buffer.from(bytes).toString('latin1');
        assert.ok(text.startsWith('%PDF-'), `starts with ${JSON.stringify(text.slice(0, 8))}`);
        assert.match(text, /\/Type\s*\/Page(?!s)/, 'at least one page object');
        assert.match(text.slice(-64), /%%EOF\s*$/, 'ends with %%EOF');
    });

    it('« Exporter en DOCX » writes a Word document (zip with word/document.xml)', async () => {
        const bytes = await exportTo('coop.exportDocx', 'docx');
        assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'zip signature PK\\x03\\x04');
        const entries = zipEntries(bytes);
        assert.ok(entries.includes('word/document.xml'), JSON.stringify(entries));
        assert.ok(entries.includes('[Content_Types].xml'), JSON.stringify(entries));
    });

    it('fails with a message, not an exception, when the protocol does not exist', async () => {
        const target = vscode.Uri.joinPath(folder, 'absent.html');
        const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('coop.exportHtml', workspaceUri('absent.coop'), target);
        assert.equal(written, undefined);
        const api = await activateExtension();
        assert.match(api.exports.lastFailure ?? '', /absent\.coop/, 'the reason names the file');
        await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'nothing written');
    });
});
