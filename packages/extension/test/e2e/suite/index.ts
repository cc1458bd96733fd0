// Test runner loaded by the editor's extension host (`extensionTestsPath`), under code-server
// (test/e2e/run.mjs) as under @vscode/test-electron (test/e2e/run-electron.mjs). It runs every
// `*.e2e.cjs` bundle beside it with mocha: adding a test is adding a `test/e2e/suite/*.e2e.ts` file.
//
// Environment (optional):
//   COOP_E2E_RESULTS  file where the counts are written as JSON, read by the driver
//   COOP_E2E_GREP     only run the tests whose title matches this regular expression
import { writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * Marks the lines of the report: the driver receives every console line of the workbench and
 * prints these ones (util.format-ed here, as the workbench forwards the raw arguments).
 */
export const REPORT_PREFIX = '[coop-e2e] ';

function report(...args: unknown[]): void {
    console.log(format(...args).split('\n').map(line => REPORT_PREFIX + line).join('\n'));
}

export async function run(): Promise<void> {
    Mocha.reporters.Base.consoleLog = report;
    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, slow: 5_000 });
    if (process.env.COOP_E2E_GREP) mocha.grep(new RegExp(process.env.COOP_E2E_GREP));
    const files = (await readdir(__dirname)).filter(name => name.endsWith('.e2e.cjs')).sort();
    files.forEach(name => mocha.addFile(join(__dirname, name)));

    const started = Date.now();
    const stats = await new Promise<{ passed: number; failed: number; pending: number }>(resolve => {
        const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0, pending: runner.stats?.pending ?? 0 }));
    });
    const summary = { ...stats, files: files.length, durationMs: Date.now() - started };
    report(`summary ${JSON.stringify(summary)}`);
    if (process.env.COOP_E2E_RESULTS) writeFileSync(process.env.COOP_E2E_RESULTS, JSON.stringify(summary));
    if (stats.failed > 0 || stats.passed === 0) {
        throw new Error(`${stats.failed} test(s) failed, ${stats.passed} passed`);
    }
}
