import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { t } from '../../../src/l10n.js';
import { activateExtension, openAndWaitForDiagnostics, workspaceUri } from './helpers.js';

describe('localization', () => {
    // Under code-server the editor is English (no language pack offline): the extension's own
    // strings are French all the same (coop.language: fr by default, issue 11 §6).
    afterEach(() => vscode.workspace.getConfiguration('coop').update('language', undefined, vscode.ConfigurationTarget.Global));

    it('shows its runtime strings in the language of the messages, French by default whatever the editor language', async () => {
        await openAndWaitForDiagnostics(workspaceUri('cystite-femme.coop'));
        await activateExtension();
        assert.equal(t('Protocol conformity'), 'Conformité du protocole', `editor language ${vscode.env.language}`);
        await vscode.workspace.getConfiguration('coop').update('language', 'en', vscode.ConfigurationTarget.Global);
        assert.equal(t('Protocol conformity'), 'Protocol conformity');
        await vscode.workspace.getConfiguration('coop').update('language', 'auto', vscode.ConfigurationTarget.Global);
        assert.equal(t('Protocol conformity'), vscode.env.language.startsWith('en') ? 'Protocol conformity' : 'Conformité du protocole');
    });

    it('passes the editor language and the coop.language setting (fr by default) to the server', async () => {
        const api = await activateExtension();
        // What the client sent at initialization (the server picks fr/en from it).
        const options = api.client.clientOptions.initializationOptions;
        const sent = typeof options === 'function' ? options() : options;
        assert.deepEqual({ locale: sent.locale, language: sent.language }, { locale: vscode.env.language, language: 'fr' });
    });
});
