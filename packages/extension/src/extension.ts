// Client side of the coop extension: starts the bundled language server (dist/server.cjs) over
// Node IPC, shows the conformity summary of the active protocol in the status bar, creates new
// protocols from the skeleton snippet, shows the submission document in a preview webview
// (src/preview/, `coop/preview`), exports it (src/export.ts, `coop/export`) and shows the patient
// cases in the Testing view (src/testing/, `coop/cases`). Everything about
// the language itself (diagnostics, completion, hover, quick fixes, rendering) lives in the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { AnnualReport } from './annual-report.js';
import { ConformityStatus } from './conformity-status.js';
import { Exporter } from './export.js';
import { newProtocol } from './new-protocol.js';
import { writeDeclaration } from './declaration.js';
import { trackTeamFiles } from './team-context.js';
import { newTeam } from './new-team.js';
import { saveNewProtocol } from './save-protocol.js';
import { PreviewManager } from './preview/preview-manager.js';
import { SettingsAppliedNotification, type CoopInitializationOptions } from './preview/requests.js';
import { CaseTests } from './testing/case-tests.js';
import { t } from './l10n.js';

export const LANGUAGE_ID = 'coop';

/** What `activate` returns: used by the end-to-end tests, and by other extensions if ever needed. */
export interface CoopExtensionApi {
    /** The language client, started (activation waits for it). */
    readonly client: LanguageClient;
    /** The status bar item showing the conformity summary of the active protocol. */
    readonly conformity: ConformityStatus;
    /** The preview panels (one per protocol). */
    readonly previews: PreviewManager;
    /** The export commands. */
    readonly exports: Exporter;
    /** The patient cases in the Testing view (src/testing/). */
    readonly tests: CaseTests;
    /** « Rapport annuel » (issue 13). */
    readonly annualReport: AnnualReport;
    /** Fired when the server has applied new settings (`coop.language`, rule levels) and validated again. */
    readonly onDidApplySettings: vscode.Event<void>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CoopExtensionApi> {
    client = createClient(context);
    const languageClient = client;
    const conformity = new ConformityStatus(client);
    // Registered before the server starts: VS Code restores the previews of the last session
    // (serializer) as soon as the extension is active, and they wait for the server.
    const previews = new PreviewManager(context.extensionUri, client).register();
    const exports = new Exporter(client, previews);
    const tests = new CaseTests(client);
    const annualReport = new AnnualReport(client);
    const settingsApplied = new vscode.EventEmitter<void>();
    context.subscriptions.push(
        settingsApplied,
        conformity,
        previews,
        exports,
        tests,
        annualReport,
        vscode.commands.registerCommand('coop.newProtocol', () => newProtocol()),
        vscode.commands.registerCommand('coop.newTeam', () => newTeam()),
        vscode.commands.registerCommand('coop.declaration', (source?: unknown, target?: unknown) => writeDeclaration(languageClient, previews, source, target)),
        trackTeamFiles(),
        vscode.commands.registerCommand('coop.saveNewProtocol', (target?: vscode.Uri) => saveNewProtocol(target instanceof vscode.Uri ? target : undefined)),
        // The one path for a change of `coop.language` or `coop.rules`: the client sends the `coop`
        // section (synchronize below), the server applies it live, validates again and says so.
        client.onNotification(SettingsAppliedNotification.method, () => {
            void conformity.refresh();
            previews.refreshAll();
            settingsApplied.fire();
        })
    );
    await client.start();
    conformity.start();
    tests.start();
    return { client, conformity, previews, exports, tests, annualReport, onDidApplySettings: settingsApplied.event };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
    const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.cjs').fsPath;
    // Set COOP_SERVER_DEBUG=1 (or DEBUG_BREAK=1 to stop on the first line) in the environment of
    // the editor to attach a Node debugger to the server on port 6009.
    const debugExecArgv = process.env.DEBUG_BREAK ? ['--nolazy', '--inspect-brk=6009'] : ['--nolazy', '--inspect=6009'];
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: debugExecArgv } }
    };
    const clientOptions: LanguageClientOptions = {
        // Scheme '*': untitled documents (« Nouveau protocole ») and virtual files are served too.
        documentSelector: [{ scheme: '*', language: LANGUAGE_ID }],
        // Re-evaluated at each (re)start of the server; later changes come by didChangeConfiguration.
        initializationOptions: () => initializationOptions(),
        // Sends `workspace/didChangeConfiguration` with the `coop` section (rules, language…).
        synchronize: { configurationSection: 'coop' }
    };
    return new LanguageClient(LANGUAGE_ID, t('Cooperation protocols (coop)'), serverOptions, clientOptions, process.env.COOP_SERVER_DEBUG === '1');
}

/**
 * Options the server reads at initialization:
 * - `locale`: the display language of the editor (BCP 47, e.g. `fr`, `en`, `en-gb`);
 * - `language`: the `coop.language` setting, `fr` (the default), `en` or `auto` (follow `locale`);
 * - `rules`: the `coop.rules` setting (rule code → error | warning | info | off).
 */
export function initializationOptions(): Required<CoopInitializationOptions> & { locale: string; language: string; rules: Record<string, string> } {
    const configuration = vscode.workspace.getConfiguration('coop');
    return {
        locale: vscode.env.language,
        language: configuration.get<string>('language', 'fr'),
        rules: configuration.get<Record<string, string>>('rules', {})
    };
}
