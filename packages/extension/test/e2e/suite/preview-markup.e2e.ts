import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WebviewDump } from '../../../src/preview/protocol-preview.js';
import { activateExtension, openAndWaitForDiagnostics, pageScripts, plainSpaces, waitForPreview, workspaceUri } from './helpers.js';

describe('preview: markup in the protocol', () => {
    // The example with a title holding markup (made by test/e2e/workspace.mjs).
    const uri = workspaceUri('titre-script.coop');
    const title = 'Titre <script>alert(1)</script> & « guillemets »';

    after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    it('shows a title with <script> as text, and runs no script but its own', async () => {
        await openAndWaitForDiagnostics(uri);
        const api = await activateExtension();
        // As the code lens on the header does: the URI as a string.
        await vscode.commands.executeCommand('coop.openPreview', uri.toString());
        const shown = await waitForPreview(uri, snapshot => snapshot.kind === 'document', 'to show the document');
        // The dossier's typography puts no-break spaces inside « »: compare with plain spaces.
        assert.equal(plainSpaces(shown.title), title);
        assert.ok(shown.html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'escaped in the page');
        assert.ok(!shown.html.includes('<script>alert(1)'), 'never as markup');

        const preview = api.previews.get(uri);
        assert.ok(preview);
        const page = await preview.test<WebviewDump>('dump');
        assert.ok(plainSpaces(page.text).includes(title), 'shown as text');
        assert.ok(plainSpaces(page.title).includes(title), `document title ${JSON.stringify(page.title)}`);
        const scripts = pageScripts(page);
        assert.equal(scripts.length, 1, `only the preview script: ${JSON.stringify(page.scripts)}`);
        assert.match(scripts[0]!, /\/media\/preview\.js(\?|$)/);
    });
});
