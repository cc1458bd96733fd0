// The patient cases (`cas "…" pour PC-… { … }`, issue 9 §5) in VS Code's Testing view. The server
// finds and runs them (`coop/cases`: logic/cases.ts caseOutcome, the same code as `coop test`); the
// extension shows one item per file of cases and one per case, at the case's location, and a failing
// case's expected outcome, outcome and path taken as the test message.
import * as vscode from 'vscode';
import { t } from '../l10n.js';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CasesRequest, isCasesResult, type CaseEntry, type CaseFile, type CasesParams } from 'coop-language/protocol';
import { describeRequestError, isTransient, sendCoopRequest, whenRunning } from '../preview/requests.js';

/** Delay between the last validation of a file and the update of its items. */
const REFRESH_DELAY_MS = 300;

/** The result of one case in the last run (for the end-to-end tests and the status of a run). */
export interface CaseRunResult {
    readonly id: string;
    readonly label: string;
    readonly passed: boolean;
    /** The test message shown for a failing case. */
    readonly message?: string;
}

/** One case item as the Testing view shows it (for the end-to-end tests). */
export interface CaseItemSnapshot {
    readonly id: string;
    readonly label: string;
    readonly description?: string;
    readonly uri?: string;
    /** 0-based line of the item. */
    readonly line?: number;
    readonly children: CaseItemSnapshot[];
}

/** Items of the cases of one file: stable across edits (title and rank among the same titles). */
export function caseIds(file: CaseFile): string[] {
    const seen = new Map<string, number>();
    return file.cases.map(entry => {
        const rank = seen.get(entry.title) ?? 0;
        seen.set(entry.title, rank + 1);
        return `${file.uri}#${entry.title}#${rank}`;
    });
}

/** A failing case's message: what was expected, what the protocol gives, the path taken, the errors inside. */
export function failureText(entry: CaseEntry): string {
    const lines = [
        t('Expected: {0}', entry.expected),
        t('Got: {0}', entry.actual || t('no outcome'))
    ];
    if (entry.trace) lines.push(t('Path taken: {0}', entry.trace));
    lines.push(...entry.problems);
    return lines.join('\n');
}

function rangeOf(entry: CaseEntry): vscode.Range {
    return new vscode.Range(entry.line, entry.character, entry.endLine, entry.endCharacter);
}

export class CaseTests implements vscode.Disposable {
    readonly controller: vscode.TestController;
    private readonly disposables: vscode.Disposable[] = [];
    private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
    private readonly runEmitter = new vscode.EventEmitter<CaseRunResult[]>();
    /** Fired at the end of each run with the result of every case it ran. */
    readonly onDidRun = this.runEmitter.event;
    private discovery: Promise<void> | undefined;
    /** Why the last request to the server failed (also logged): for the tests. */
    lastFailure: string | undefined;

    constructor(private readonly client: LanguageClient) {
        this.controller = vscode.tests.createTestController('coop.cases', t('Patient cases (coop)'));
        this.controller.resolveHandler = async item => {
            if (!item) await this.discover();
        };
        this.controller.refreshHandler = () => this.discover();
        this.controller.createRunProfile(t('Run the patient cases'), vscode.TestRunProfileKind.Run, async (request, token) => { await this.run(request, token); }, true);
        this.disposables.push(this.controller, this.runEmitter);
    }

    /** Follows the validations (a file of cases changed, created or deleted). Call once the client is running. */
    start(): void {
        this.disposables.push(
            vscode.languages.onDidChangeDiagnostics(event => {
                for (const uri of event.uris) if (uri.path.endsWith('.coop')) this.schedule(uri.toString());
            }),
            vscode.workspace.onDidDeleteFiles(event => {
                for (const uri of event.files) this.controller.items.delete(uri.toString());
            })
        );
        void this.discover();
    }

    /** Asks the server for every file of cases of the workspace and shows them. */
    discover(): Promise<void> {
        this.discovery = this.fetch({}).then(files => {
            if (!files) return;
            this.controller.items.replace(files.filter(file => file.cases.length > 0).map(file => this.fileItem(file)));
        });
        return this.discovery;
    }

    /** Resolves once the discovery in flight (if any) is done. */
    async discovered(): Promise<void> {
        await (this.discovery ?? this.discover());
    }

    /** The items of the Testing view (for the end-to-end tests). */
    snapshot(): CaseItemSnapshot[] {
        const snap = (item: vscode.TestItem): CaseItemSnapshot => {
            const children: CaseItemSnapshot[] = [];
            item.children.forEach(child => { children.push(snap(child)); });
            return { id: item.id, label: item.label, description: item.description, uri: item.uri?.toString(), line: item.range?.start.line, children };
        };
        const items: CaseItemSnapshot[] = [];
        this.controller.items.forEach(item => { items.push(snap(item)); });
        return items;
    }

    private schedule(uri: string): void {
        clearTimeout(this.timers.get(uri));
        this.timers.set(uri, setTimeout(() => {
            this.timers.delete(uri);
            void this.refreshFile(uri);
        }, REFRESH_DELAY_MS));
    }

    /** Updates the items of one file (removed when it holds no case any more). */
    async refreshFile(uri: string): Promise<void> {
        const files = await this.fetch({ uri });
        if (!files) return;
        const file = files.find(candidate => candidate.uri === uri);
        if (file && file.cases.length > 0) this.controller.items.add(this.fileItem(file));
        else this.controller.items.delete(uri);
    }

    private fileItem(file: CaseFile): vscode.TestItem {
        const uri = vscode.Uri.parse(file.uri);
        const item = this.controller.items.get(file.uri) ?? this.controller.createTestItem(file.uri, vscode.workspace.asRelativePath(uri), uri);
        const ids = caseIds(file);
        item.children.replace(file.cases.map((entry, index) => {
            const child = item.children.get(ids[index]) ?? this.controller.createTestItem(ids[index], entry.title || t('Untitled case'), uri);
            child.label = entry.title || t('Untitled case');
            child.description = entry.protocol ? t('for {0}', entry.protocol) : undefined;
            child.range = rangeOf(entry);
            return child;
        }));
        return item;
    }

    /** `coop/cases`, asked again once if the server restarted meanwhile; undefined when it fails. */
    private async fetch(params: CasesParams): Promise<CaseFile[] | undefined> {
        for (let attempt = 0; attempt < 2; attempt++) {
            if (!await whenRunning(this.client)) return this.fail(t('The coop language server is not running.'));
            try {
                const result = await sendCoopRequest(this.client, CasesRequest, params);
                if (!isCasesResult(result)) return this.fail(t('Unexpected answer of the coop language server to {0}.', CasesRequest.method));
                this.lastFailure = undefined;
                return result.files;
            } catch (error) {
                if (attempt === 0 && isTransient(error, this.client)) continue;
                return this.fail(describeRequestError(error, CasesRequest.method));
            }
        }
        return undefined;
    }

    private fail(reason: string): undefined {
        this.lastFailure = reason;
        this.client.outputChannel.appendLine(`[cases] ${reason}`);
        return undefined;
    }

    /** Runs the requested cases (all by default), file by file, on the server. */
    async run(request: vscode.TestRunRequest, token?: vscode.CancellationToken): Promise<CaseRunResult[]> {
        const run = this.controller.createTestRun(request);
        const excluded = new Set((request.exclude ?? []).map(item => item.id));
        const byFile = new Map<string, vscode.TestItem[]>();
        const add = (item: vscode.TestItem) => {
            if (excluded.has(item.id)) return;
            if (item.children.size > 0) { item.children.forEach(add); return; }
            const file = item.uri?.toString() ?? '';
            byFile.set(file, [...(byFile.get(file) ?? []), item]);
        };
        if (request.include) request.include.forEach(add);
        else this.controller.items.forEach(add);
        const results: CaseRunResult[] = [];
        try {
            for (const [uri, items] of byFile) {
                if (token?.isCancellationRequested) break;
                items.forEach(item => run.enqueued(item));
                const started = Date.now();
                const files = await this.fetch({ uri });
                const file = files?.find(candidate => candidate.uri === uri);
                const entries = new Map<string, CaseEntry>();
                if (file) caseIds(file).forEach((id, index) => entries.set(id, file.cases[index]));
                const duration = Date.now() - started;
                for (const item of items) {
                    run.started(item);
                    const entry = entries.get(item.id);
                    if (!entry) {
                        const message = this.lastFailure ?? t('This case is no longer in its file: refresh the Testing view.');
                        run.errored(item, new vscode.TestMessage(message));
                        results.push({ id: item.id, label: item.label, passed: false, message });
                        continue;
                    }
                    item.range = rangeOf(entry);
                    if (entry.passed) {
                        run.passed(item, duration);
                        results.push({ id: item.id, label: item.label, passed: true });
                        continue;
                    }
                    const message = failureText(entry);
                    // The readable text, not an expected/actual diff: the editor would show « … != … » inline.
                    const testMessage = new vscode.TestMessage(message);
                    testMessage.location = new vscode.Location(vscode.Uri.parse(uri), rangeOf(entry));
                    run.failed(item, testMessage, duration);
                    results.push({ id: item.id, label: item.label, passed: false, message });
                }
            }
        } finally {
            run.end();
        }
        this.runEmitter.fire(results);
        return results;
    }

    dispose(): void {
        this.timers.forEach(timer => clearTimeout(timer));
        this.disposables.forEach(disposable => disposable.dispose());
    }
}
