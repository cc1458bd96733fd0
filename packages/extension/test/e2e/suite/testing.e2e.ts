import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CaseRunResult } from '../../../src/testing/case-tests.js';
import { activateExtension, openAndWaitForDiagnostics, screenshot, serverHistory, waitFor, withTimeout, workspaceUri, WAIT_MS } from './helpers.js';

// A file of patient cases for the example protocol (PC-CYSTITE), written by the test: one case that
// passes, one whose expectation is wrong (the délégué prescribes, the case expects a referral).
const CASES = `// Cas patients écrits par le test de la vue Tests.
cas "Cystite simple : antibiotique prescrit" pour PC-CYSTITE {
    données âge 32 ans, sexe féminin, debut 1 jour, temperature 37,2 °C, frissons non, douleur-lombaire non,
        grossesse-possible non, refus-patiente non, bandelette positive
    attendu réaliser bu, prescription-atb puis fin
}

cas "Attente erronée : orientée vers le médecin" pour PC-CYSTITE {
    données âge 40 ans, sexe féminin, debut 1 jour, temperature 37 °C, frissons non, douleur-lombaire non,
        grossesse-possible non, refus-patiente non, bandelette positive
    attendu réaliser bu puis orienter vers mg sous 48 h
}
`;

describe('Testing view: patient cases', () => {
    const file = workspaceUri('cas-vue-tests.coop');

    before(async () => {
        await openAndWaitForDiagnostics(workspaceUri('cystite-femme.coop'));
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(CASES));
        await openAndWaitForDiagnostics(file);
    });
    after(async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    });

    it('shows the cases of the workspace in the Testing view, at their location', async () => {
        const api = await activateExtension();
        await vscode.commands.executeCommand('workbench.view.testing.focus');
        const find = () => api.tests.snapshot().find(item => item.uri === file.toString());
        await waitFor(() => (find()?.children.length ?? 0) === 2,
            () => `the Testing view to show the 2 cases of ${file.path}: ${JSON.stringify(api.tests.snapshot())} (${api.tests.lastFailure ?? 'no failure'}; ${serverHistory()})`);
        const item = find()!;
        assert.equal(item.label, 'cas-vue-tests.coop');
        assert.deepEqual(item.children.map(child => [child.label, child.line]), [
            ['Cystite simple : antibiotique prescrit', 1],
            ['Attente erronée : orientée vers le médecin', 7]
        ]);
        // French whatever the editor's language (coop.language: fr by default, issue 11 §6).
        assert.equal(item.children[0].description, 'pour PC-CYSTITE');
        await screenshot('testing-view');
    });

    it('runs them from the Testing view: the passing one passes, the failing one shows its trace', async () => {
        const api = await activateExtension();
        await api.tests.discovered();
        await waitFor(() => api.tests.snapshot().some(item => item.uri === file.toString()), 'the cases file in the Testing view');
        const ran = new Promise<CaseRunResult[]>(resolve => {
            const subscription = api.tests.onDidRun(results => {
                if (results.some(result => result.id.startsWith(file.toString()))) {
                    subscription.dispose();
                    resolve(results);
                }
            });
        });
        await vscode.commands.executeCommand('testing.runAll');
        const results = (await withTimeout(ran, WAIT_MS, `a run of the cases (${api.tests.lastFailure ?? 'no failure'})`))
            .filter(result => result.id.startsWith(file.toString()));
        assert.deepEqual(results.map(result => [result.label, result.passed]), [
            ['Cystite simple : antibiotique prescrit', true],
            ['Attente erronée : orientée vers le médecin', false]
        ]);
        const message = results[1].message ?? '';
        assert.ok(message.includes('Attendu : réaliser bu puis orienter vers mg sous 2 jours'), message);
        assert.ok(message.includes('Obtenu : réaliser bu, prescription-atb puis fin'), message);
        assert.match(message, /accueil \(.*\) → .*decision \(bandelette = positive\)/);
        await screenshot('testing-run');
    });
});
