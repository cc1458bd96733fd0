import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CoopExtensionApi } from '../../../src/extension.js';
import { webviewOptions, type ProtocolPreview, type WebviewDump } from '../../../src/preview/protocol-preview.js';
import { activateExtension, eventually, openAndWaitForDiagnostics, pageScripts, plainSpaces, positionOf, screenshot, waitFor, waitForPreview, workspaceUri } from './helpers.js';

/** Tabs of preview panels (their view type is prefixed by the workbench). */
function previewTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs).filter(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('coop.preview'));
}

describe('preview', () => {
    const uri = workspaceUri('cystite-femme.coop');
    let api: CoopExtensionApi;
    let editor: vscode.TextEditor;
    let title: string;

    before(async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        ({ editor } = await openAndWaitForDiagnostics(uri));
        api = await activateExtension();
        title = /^protocole "([^"]+)"/m.exec(editor.document.getText())?.[1] ?? '';
    });
    after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    function preview(): ProtocolPreview {
        const found = api.previews.get(uri);
        assert.ok(found, 'the protocol has a preview');
        return found;
    }
    const dump = () => preview().test<WebviewDump>('dump');

    /** The editor's top line once it stopped moving. */
    async function editorTop(): Promise<number> {
        let previous = -1;
        return eventually(async () => {
            await new Promise(resolve => setTimeout(resolve, 100));
            const top = editor.visibleRanges[0]?.start.line ?? -1;
            const stable = top === previous ? top : -1;
            previous = top;
            return stable;
        }, top => top >= 0, () => 'the editor to stop scrolling');
    }

    it('opens beside the editor with the title and the conformity matrix', async () => {
        await vscode.commands.executeCommand('coop.openPreviewToSide');
        const shown = await waitForPreview(uri, snapshot => snapshot.kind === 'document', 'to show the document');
        assert.equal(plainSpaces(shown.title), title);
        assert.ok(plainSpaces(shown.panelTitle).includes(title), shown.panelTitle);
        await waitFor(() => preview().panel.viewColumn === vscode.ViewColumn.Two, () => `the preview beside the editor (column ${preview().panel.viewColumn})`);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the focus stays in the editor');
        // The page's policy: nothing but the nonce'd script, nothing remote.
        assert.match(shown.html, /http-equiv="Content-Security-Policy"/);
        assert.match(shown.html, /default-src (&#39;|')none/);
        assert.match(shown.html, /script-src (&#39;|')nonce-/);

        const page = await dump();
        assert.ok(plainSpaces(page.text).includes(title), 'the webview shows the title');
        const scripts = pageScripts(page);
        assert.equal(scripts.length, 1, `one script: ${JSON.stringify(page.scripts)}`);
        assert.match(scripts[0]!, /\/media\/preview\.js(\?|$)/);

        const conformity = await api.client.sendRequest<{ met: number; total: number }>('coop/conformity', { uri: uri.toString() });
        assert.equal(page.requirements.length, conformity.total, 'one matrix row per requirement');
        assert.ok(page.requirements.every(row => row.status === 'met'), JSON.stringify(page.requirements.map(row => row.status)));
        assert.ok(page.requirements.every(row => typeof row.line === 'number'), 'every row points at its source');

        // Pictures for humans: the editor and its preview, then the conformity matrix.
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await vscode.commands.executeCommand('notifications.clearAll');
        await screenshot('preview', '.webview.ready');
        await preview().test('show', { selector: '.coop-conformity' });
        await screenshot('preview-matrix', '.webview.ready');
        await preview().test('show', { selector: 'body' });
    });

    it('follows the scrolling of the editor', async () => {
        editor = await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
        const reveal = async (text: string) => {
            const line = positionOf(editor.document, text).line;
            editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
            const top = await editorTop();
            // The page got the editor's top line and scrolled to the block of that line (or the
            // last one before it).
            return eventually(dump, page => page.lastScroll?.line === top,
                page => `the preview to follow the editor to line ${top + 1}; its last scroll: ${JSON.stringify(page?.lastScroll)}`);
        };
        const training = await reveal('    formation ');
        assert.ok(training.scrollY > 0, 'scrolled down');
        assert.ok(training.lastScroll?.anchor !== undefined && training.lastScroll.anchor <= training.lastScroll.line, JSON.stringify(training.lastScroll));
        const indicators = await reveal('    indicateur ');
        assert.ok(indicators.scrollY > training.scrollY, `further down for a later line (${indicators.scrollY} > ${training.scrollY})`);
        assert.ok(indicators.topLine !== undefined && indicators.topLine > training.lastScroll!.line - 15, `top block at line ${indicators.topLine}`);
        editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
        await eventually(dump, page => page.scrollY === 0, page => `the preview back at the top (scrollY ${page?.scrollY})`);
    });

    it('shows the source of a clicked conformity row in the editor', async () => {
        const rows = (await dump()).requirements;
        const current = editor.selection.active.line;
        const index = rows.findIndex(row => row.line !== undefined && row.line !== current && row.line > 10);
        assert.ok(index >= 0, JSON.stringify(rows));
        const line = rows[index]!.line!;
        const clicked = await preview().test<{ clicked: boolean; line?: number }>('click', { selector: '.coop-requirement', index });
        assert.deepEqual(clicked, { clicked: true, count: rows.length, line });
        await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor.selection.active.line === line,
            () => `the editor at line ${line + 1}; active: ${vscode.window.activeTextEditor?.document.uri.path}:${(vscode.window.activeTextEditor?.selection.active.line ?? -1) + 1}`);
        assert.equal(vscode.window.activeTextEditor?.viewColumn, vscode.ViewColumn.One, 'in the column of the source editor');
        assert.equal(previewTabs().length, 1, 'the preview stays open');
    });

    it('shows the source of a clicked block of a section', async () => {
        const clicked = await preview().test<{ clicked: boolean; line?: number }>('click', { selector: '.coop-section [data-line]', index: 3 });
        assert.ok(clicked.clicked && clicked.line !== undefined, JSON.stringify(clicked));
        await waitFor(() => vscode.window.activeTextEditor?.selection.active.line === clicked.line,
            () => `the editor at line ${clicked.line! + 1}, not ${(vscode.window.activeTextEditor?.selection.active.line ?? -1) + 1}`);
    });

    it('refreshes after an edit (debounced) and on save', async () => {
        const before = await waitForPreview(uri, snapshot => snapshot.kind === 'document', 'to show the document');
        editor = await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One });
        const end = positionOf(editor.document, `"${title}"`, title.length + 1);
        const added = ' (modifié)';
        assert.ok(await editor.edit(edit => edit.insert(end, added)));
        const changed = await waitForPreview(uri, snapshot => plainSpaces(snapshot.title) === `${title}${added}`, 'to show the new title');
        assert.ok(changed.refreshes > before.refreshes);
        assert.ok(plainSpaces((await dump()).text).includes(`${title}${added}`), 'the webview shows the new title');
        // Typing several characters in a row: one refresh after the last one.
        const burst = changed.refreshes;
        for (const _ of '123') {
            assert.ok(await editor.edit(edit => edit.insert(end.translate(0, added.length), '!')));
        }
        // French typography puts a (thin no-break) space before « ! »: compare without it.
        await waitForPreview(uri, snapshot => plainSpaces(snapshot.title).replace(/ (?=!)/g, '') === `${title}${added}!!!`, 'to show the burst');
        const afterBurst = (await waitForPreview(uri, () => true, '')).refreshes;
        assert.ok(afterBurst - burst <= 2, `a burst of 3 edits gave ${afterBurst - burst} refreshes`);
        // Back to the original text, then saved: refreshed at once.
        assert.ok(await editor.edit(edit => edit.delete(new vscode.Range(end, end.translate(0, added.length + 3)))));
        assert.ok(await editor.document.save(), 'saved');
        await waitForPreview(uri, snapshot => plainSpaces(snapshot.title) === title, 'to show the title again');
    });

    it('keeps one panel per protocol (code lens argument: a URI string)', async () => {
        const first = preview();
        await vscode.commands.executeCommand('coop.openPreview', uri.toString());
        assert.equal(api.previews.get(uri), first, 'the same preview');
        assert.equal(previewTabs().length, 1);
    });

    it('comes back after a window reload (serializer state: the document URI)', async () => {
        // What VS Code does at a reload: a new panel of the view type, with the options it had,
        // handed to the serializer with the state the page saved (`{ uri }`).
        const other = workspaceUri('titre-script.coop');
        const panel = vscode.window.createWebviewPanel('coop.preview', 'restauré', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(api.previews));
        await api.previews.revive(panel, { uri: other.toString() });
        assert.equal(api.previews.get(other)?.panel, panel, 'the serializer adopted the panel');
        const restored = await waitForPreview(other, snapshot => snapshot.kind === 'document', 'restored');
        assert.ok(restored.title?.startsWith('Titre <script>'), restored.title);
        assert.ok(restored.panelTitle.includes('Titre <script>'), restored.panelTitle);
        assert.match(restored.html, /<script nonce="[^"]+" src="[^"]*\/media\/preview\.js"/, 'the page loads the preview script');
        // (Its page is not asked to `dump`: under code-server, the page of a panel created by
        // the tests themselves never starts, its webview waiting for a service worker; panels
        // VS Code or the extension create do. The other tests check the running page.)
        panel.dispose();

        // A state without a document: nothing to restore, the panel is closed.
        const empty = vscode.window.createWebviewPanel('coop.preview', 'vide', { viewColumn: vscode.ViewColumn.Two, preserveFocus: true }, {});
        let closed = false;
        empty.onDidDispose(() => (closed = true));
        await api.previews.revive(empty, undefined);
        assert.ok(closed, 'disposed');
    });
});
