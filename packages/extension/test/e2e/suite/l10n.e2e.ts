import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openAndWaitForDiagnostics, workspaceUri } from './helpers.js';

describe('localization', () => {
    // Under code-server the editor is English (no language pack offline); with test-electron,
    // VSCODE_LOCALE=fr npm run test:vscode checks the French bundle.
    it('translates the runtime strings into the editor language', async () => {
        await openAndWaitForDiagnostics(workspaceUri('cystite-femme.coop'));
        await activateExtension();
        const expected = vscode.env.language.startsWith('fr') ? 'Conformité du protocole' : 'Protocol conformity';
        assert.equal(vscode.l10n.t('Protocol conformity'), expected, `language ${vscode.env.language}`);
    });

    it('passes the editor language and the coop.language setting to the server', async () => {
        const api = await activateExtension();
        // What the client sent at initialization (the server picks fr/en from it).
        const options = api.client.clientOptions.initializationOptions;
        const sent = typeof options === 'function' ? options() : options;
        assert.deepEqual({ locale: sent.locale, language: sent.language }, { locale: vscode.env.language, language: 'auto' });
    });
});
