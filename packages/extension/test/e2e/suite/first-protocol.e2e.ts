// The measured first-protocol scenario (issue 11 §8): from an empty file to a protocol with 0
// errors, in the real editor, using only completion and quick fixes and typing only the free
// text, as a nurse coordinator would. Every gesture is counted and the count printed:
//   - a new file, a completion accepted, a quick fix applied, a save: 1 action each;
//   - at each stop of a snippet: typing the free text (the field is selected, typing replaces it,
//     Tab goes on) is 1 action, keeping the proposed value (Tab alone) is 1 action.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { proposedSaveUri } from '../../../src/save-protocol.js';
import { activateExtension, describeDiagnostics, screenshot, serverHistory, waitFor, workspaceUri } from './helpers.js';

/**
 * What the author writes in each field, found by what precedes the field on its line (for a text
 * block, by the line that opens it). The first match wins.
 */
const ANSWERS: Array<[RegExp, string]> = [
    [/^protocole "$/, 'Cystite simple de la femme de 18 à 65 ans'],
    [/^\s*identifiant $/, 'PC-CYSTITE-MSP'],
    [/^\s*promoteur "$/, 'MSP des Tilleuls'],
    [/^\s*thème "$/, 'Infection urinaire basse de la femme'],
    [/besoin """$/, 'Délais de consultation de plus de 48 h pour des brûlures mictionnelles'],
    [/objectifs """$/, '- Traiter la cystite simple le jour même, sans passage aux urgences'],
    [/^\s*référence \S+ "$/, 'Cystite aiguë simple de la femme : antibiothérapie'],
    [/^\s*spécialité "$/, 'Médecine générale'],
    [/^\s*exclusion $/, 'fievre'],
    [/^\s*acte $/, 'atb'],
    [/^\s*acte \S+ "$/, 'Prescrire la fosfomycine-trométamol en dose unique'],
    [/^\s*lieu "$/, 'Cabinet infirmier de la MSP, salle de soins fermée'],
    [/^\s*théorie .* "$/, 'Cystite, antibiorésistance, bandelette urinaire'],
    [/^\s*pratique .* "$/, 'Cinq consultations supervisées par le médecin'],
    [/^\s*validation "$/, 'Attestation signée par le médecin délégant'],
    [/^\s*parcours \S+ "$/, 'Brûlures mictionnelles de la femme'],
    [/^\s*intégration "$/, 'Le médecin traitant reçoit le compte rendu le jour même'],
    [/^\s*transmission "$/, 'Compte rendu dans le dossier de la MSP'],
    [/^\s*situation $/, 'fievre-lombaire'],
    [/^\s*situation \S+ "$/, 'Fièvre ou douleur lombaire'],
    [/^\s*modalités "$/, 'Le médecin de garde de la MSP répond sur son portable'],
    [/^\s*document "$/, 'Fiche « Votre cystite » remise à la patiente'],
    [/^\s*refus "$/, 'La patiente peut refuser : rendez-vous avec son médecin'],
    [/^\s*traçabilité "$/, 'Chaque consultation est notée dans le dossier de la MSP'],
    [/^\s*signalement "$/, 'Tout événement indésirable est déclaré à la coordinatrice'],
    [/^\s*responsabilité civile "$/, 'Assurance RCP de chaque professionnel, étendue au protocole'],
    [/modèle économique """$/, 'Forfait de coopération de la MSP (ACI)']
];

/** The answer for the field at `selection`: by the text before it, or by the line opening its text block. */
function answerFor(document: vscode.TextDocument, selection: vscode.Selection): string | undefined {
    const prefix = document.lineAt(selection.start.line).text.slice(0, selection.start.character);
    const context = prefix.trim() === '' && selection.start.line > 0 ? document.lineAt(selection.start.line - 1).text : prefix;
    return ANSWERS.find(([pattern]) => pattern.test(context))?.[1];
}

/** Values proposed by the snippet that this author keeps (choices, professions). */
const KEPT = /^(national|local|msp|médecin|infirmier|dérogatoire à L4161-1|non dérogatoire|oral|écrit|rex|rmm|crex)$/;

describe('first protocol', () => {
    after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    it('goes from an empty file to 0 errors with completion, quick fixes and free text only', async () => {
        await activateExtension();
        const actions: string[] = [];
        const act = (what: string) => actions.push(what);

        // 1. A new file, in the coop language.
        const document = await vscode.workspace.openTextDocument({ language: 'coop', content: '' });
        const editor = await vscode.window.showTextDocument(document);
        act('nouveau fichier');

        // 2. Ctrl+Space in the empty file: the whole protocol.
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 0));
        const skeleton = list?.items.find(item => (typeof item.label === 'string' ? item.label : item.label.label) === 'Nouveau protocole (squelette complet)');
        assert.ok(skeleton, `the skeleton among ${JSON.stringify(list?.items.slice(0, 5).map(item => item.label))}; ${serverHistory()}`);
        const body = skeleton.insertText instanceof vscode.SnippetString ? skeleton.insertText : new vscode.SnippetString(String(skeleton.insertText));
        assert.ok(await editor.insertSnippet(body, new vscode.Position(0, 0)), 'the skeleton is inserted');
        act('complétion : Nouveau protocole');

        // 3. The stops of the snippet, in order: write the free text, keep the proposed choices.
        const typed: string[] = [];
        const trail: string[] = [];
        for (let step = 0; step < 80; step++) {
            const selection = editor.selection;
            const selected = document.getText(selection);
            if (selection.isEmpty) break; // the final position: the snippet is done
            if (KEPT.test(selected)) {
                act(`garder « ${selected} »`);
            } else {
                const answer = answerFor(document, selection);
                assert.ok(answer, `no answer for the field « ${selected} » on line ${selection.start.line + 1}: ${document.lineAt(selection.start.line).text}`);
                await vscode.commands.executeCommand('type', { text: answer });
                typed.push(answer);
                act(`écrire « ${answer} »`);
            }
            const before = editor.selection;
            await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
            if (editor.selection.isEqual(before)) {
                trail.push(`stop ${step + 1}: the snippet ended after « ${selected} » (line ${before.start.line + 1})`);
                break;
            }
        }
        await vscode.commands.executeCommand('leaveSnippet');

        // 4. What is left: quick fixes only.
        const errors = () => vscode.languages.getDiagnostics(document.uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error);
        // The server validates each change: wait for the diagnostics of the last version before
        // deciding that an error is left (the machine may be slow).
        const settle = () => waitFor(() => errors().length === 0, 'no error', 15_000).then(() => true, () => false);
        for (let round = 0; round < 10 && !(await settle()); round++) {
            const left = errors();
            const first = left[0]!;
            const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, first.range, vscode.CodeActionKind.QuickFix.value);
            const fix = fixes?.find(action => action.edit && action.isPreferred) ?? fixes?.find(action => action.edit);
            assert.ok(fix?.edit, `no quick fix for ${describeDiagnostics([first])}; left:\n${describeDiagnostics(left)}\n${trail.join('\n')}\n${actions.join('\n')}\n--- text ---\n${document.getText()}`);
            assert.ok(await vscode.workspace.applyEdit(fix.edit));
            act(`correction rapide : ${fix.title}`);
        }
        await waitFor(() => errors().length === 0, () => `0 errors, left:\n${describeDiagnostics(errors())}\n--- text ---\n${document.getText()}`, 30_000);

        // 5. Ctrl+S: the proposed name comes from the title, not from the first line of code.
        const proposed = proposedSaveUri(document);
        assert.equal(proposed.path.split('/').pop(), 'cystite-simple-de-la-femme-de-18-a-65-ans.coop');
        const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>('coop.saveNewProtocol', workspaceUri('cystite-simple-de-la-femme-de-18-a-65-ans.coop'));
        act('enregistrer');
        assert.equal(saved?.toString(), proposed.toString());
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), proposed.toString(), 'the saved file replaces the untitled editor');
        await screenshot('first-protocol');

        const warnings = vscode.languages.getDiagnostics(proposed).filter(d => d.severity === vscode.DiagnosticSeverity.Warning);
        // The driver prints the lines marked as the report's (REPORT_PREFIX of index.ts).
        const report = (text: string) => console.log(text.split('\n').map(line => `[coop-e2e] ${line}`).join('\n'));
        report(`first protocol: ${actions.length} actions (${typed.length} free texts typed, ${actions.filter(a => a.startsWith('garder')).length} proposals kept, ${actions.filter(a => a.startsWith('correction')).length} quick fixes), 0 errors, ${warnings.length} warnings`);
        report(actions.map((a, i) => `  ${i + 1}. ${a}`).join('\n'));
        assert.ok(actions.length < 40, `${actions.length} actions (aim: fewer than 40)`);
        await vscode.workspace.fs.delete(proposed);
    });
});
