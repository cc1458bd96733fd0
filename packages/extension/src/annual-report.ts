// « Coop : Rapport annuel » (issue 13): on a protocol, asks for the activity journal (CSV), the
// period, and optionally the satisfaction questionnaire and the team file; the server computes the
// report (`coop/annualReport`, the same computation as `coop rapport`) and it opens in a webview.
// The journal's bad rows go to the Problems panel (a DiagnosticCollection of this extension).
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { t } from './l10n.js';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AnnualReportRequest, type AnnualReportParams, type AnnualReportResult } from 'coop-language/annual-report-protocol';
import { defaultPeriod, isPeriod, journalProblems } from './annual-report-issues.js';
import { describeRequestError, sendCoopRequest, toUri, whenRunning } from './preview/requests.js';

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, information: vscode.DiagnosticSeverity.Information } as const;

export class AnnualReport implements vscode.Disposable {
    readonly diagnostics = vscode.languages.createDiagnosticCollection('coop-journal');
    private panel: vscode.WebviewPanel | undefined;
    private readonly disposables: vscode.Disposable[];
    /** The last result (for the tests). */
    lastResult: AnnualReportResult | null | undefined;

    constructor(private readonly client: LanguageClient) {
        this.disposables = [
            this.diagnostics,
            vscode.commands.registerCommand('coop.annualReport', (source?: unknown, options?: { journal?: unknown; period?: string; satisfaction?: unknown; team?: unknown }) => this.run(source, options))
        ];
    }

    /**
     * Arguments, all optional (the explorer passes the protocol; scripts and tests pass the rest):
     * the protocol (Uri or URI string; by default the active editor's), then
     * `{ journal, period, satisfaction, team }` which skip the questions.
     */
    async run(source?: unknown, options: { journal?: unknown; period?: string; satisfaction?: unknown; team?: unknown } = {}): Promise<AnnualReportResult | null | undefined> {
        const protocol = toUri(source) ?? vscode.window.activeTextEditor?.document.uri;
        if (!protocol || !protocol.path.endsWith('.coop')) {
            void vscode.window.showErrorMessage(t('Open a protocol (.coop file) first.'));
            return undefined;
        }
        const csv = { [t('CSV files')]: ['csv', 'txt'] };
        const journal = toUri(options.journal) ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: csv, title: t('Activity journal (CSV)'), defaultUri: vscode.Uri.joinPath(protocol, '..') }))?.[0];
        if (!journal) return undefined;
        const period = options.period ?? await vscode.window.showInputBox({
            title: t('Period of the report'),
            prompt: t('A year (2025), a month (2025-03) or yyyy-mm-dd..yyyy-mm-dd'),
            value: defaultPeriod(),
            validateInput: text => (isPeriod(text) ? undefined : t('Expected a year (2025), a month (2025-03) or yyyy-mm-dd..yyyy-mm-dd'))
        });
        if (!period) return undefined;
        let satisfaction = toUri(options.satisfaction);
        let team = toUri(options.team);
        if (options.journal === undefined) {
            const extras = await vscode.window.showQuickPick([
                { label: t('Add the professionals\' satisfaction questionnaire (CSV)'), id: 'satisfaction', picked: false },
                { label: t('Add the team file (checks the professionals, activity per délégué)'), id: 'team', picked: false }
            ], { canPickMany: true, title: t('Other files (optional)') });
            if (extras === undefined) return undefined;
            if (extras.some(item => item.id === 'satisfaction')) satisfaction = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: csv, title: t('Satisfaction questionnaire (CSV)') }))?.[0];
            if (extras.some(item => item.id === 'team')) team = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { coop: ['coop'] }, title: t('Team file') }))?.[0];
        }
        return this.compute(protocol, journal, period.trim(), satisfaction, team);
    }

    private async compute(protocol: vscode.Uri, journal: vscode.Uri, period: string, satisfaction?: vscode.Uri, team?: vscode.Uri): Promise<AnnualReportResult | null | undefined> {
        const read = async (uri: vscode.Uri) => ({ name: vscode.workspace.asRelativePath(uri, false), text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) });
        if (!(await whenRunning(this.client))) {
            void vscode.window.showErrorMessage(t('The coop language server is not running.'));
            return undefined;
        }
        let params: AnnualReportParams;
        try {
            if (team) await vscode.workspace.openTextDocument(team); // so that the server knows it
            params = { uri: protocol.toString(), journal: await read(journal), period, ...(satisfaction ? { satisfaction: await read(satisfaction) } : {}), ...(team ? { team: team.toString() } : {}) };
        } catch (error) {
            void vscode.window.showErrorMessage(t('Cannot read the file: {0}', error instanceof Error ? error.message : String(error)));
            return undefined;
        }
        const panel = this.panel ?? vscode.window.createWebviewPanel('coop.annualReport', t('Annual report'), vscode.ViewColumn.Beside, { enableScripts: false, enableFindWidget: true });
        if (!this.panel) {
            this.panel = panel;
            panel.onDidDispose(() => { this.panel = undefined; });
        }
        let result: AnnualReportResult | null;
        try {
            result = await sendCoopRequest(this.client, AnnualReportRequest, { ...params, cspSource: panel.webview.cspSource, nonce: randomUUID().replace(/-/g, '') }) as AnnualReportResult | null;
        } catch (error) {
            void vscode.window.showErrorMessage(describeRequestError(error, AnnualReportRequest.method));
            return undefined;
        }
        this.lastResult = result;
        if (!result) {
            void vscode.window.showErrorMessage(t('This file is not a protocol.'));
            panel.dispose();
            return result;
        }
        // The Problems panel: the journal's and the questionnaire's rows.
        const files = new Map([[params.journal.name, journal], ...(satisfaction && params.satisfaction ? [[params.satisfaction.name, satisfaction] as const] : [])]);
        for (const uri of files.values()) this.diagnostics.delete(uri);
        for (const [name, problems] of journalProblems(result.issues)) {
            const uri = files.get(name);
            if (!uri) continue;
            this.diagnostics.set(uri, problems.map(problem => {
                const diagnostic = new vscode.Diagnostic(new vscode.Range(problem.line, 0, problem.line, Number.MAX_SAFE_INTEGER), problem.message, SEVERITY[problem.severity]);
                diagnostic.source = 'coop';
                diagnostic.code = problem.code;
                return diagnostic;
            }));
        }
        if (result.refused || !result.html) {
            panel.dispose();
            void vscode.window.showErrorMessage(t('The journal was refused (see the Problems panel): no report.'));
            return result;
        }
        panel.title = t('Annual report {0}', period);
        panel.webview.html = result.html;
        panel.reveal(vscode.ViewColumn.Beside, true);
        if (result.alerts.length > 0) void vscode.window.showWarningMessage(t('{0} indicator(s) beyond the alert threshold: {1}', result.alerts.length, result.alerts.join(', ')));
        return result;
    }

    dispose(): void {
        this.panel?.dispose();
        this.disposables.forEach(disposable => disposable.dispose());
    }
}
