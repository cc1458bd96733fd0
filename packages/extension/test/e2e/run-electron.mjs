#!/usr/bin/env node
// Runs the same end-to-end tests (out/test/e2e/index.cjs) in a desktop VS Code downloaded by
// @vscode/test-electron, for machines with access to the VS Code download site (not this
// project's offline machines: use run.mjs there).
//
//   npm run test:vscode -w coop-vscode          (after `npm run build` at the root)
//   VSCODE_VERSION=1.100.3 npm run test:vscode  (default: stable)
//   VSCODE_LOCALE=fr npm run test:vscode         (display language, checks the French bundles)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { cacheDir, extensionRoot } from './lib/environment.mjs';
import { prepareWorkspace } from './workspace.mjs';

const extensionTestsPath = join(extensionRoot, 'out', 'test', 'e2e', 'index.cjs');
if (!existsSync(extensionTestsPath) || !existsSync(join(extensionRoot, 'dist', 'server.cjs'))) {
    console.error('e2e: lancer `npm run build -w coop-vscode` (après `npm run build` à la racine) avant les tests.');
    process.exit(1);
}

const base = mkdtempSync(join(tmpdir(), 'coop-vsc-'));
const workspace = prepareWorkspace(join(base, 'ws'));
let code = 1;
try {
    code = await runTests({
        version: process.env.VSCODE_VERSION || 'stable',
        // Downloaded VS Code builds go to the e2e cache, not into the repository.
        cachePath: join(cacheDir(), 'vscode-test'),
        extensionDevelopmentPath: extensionRoot,
        extensionTestsPath,
        extensionTestsEnv: { COOP_E2E_RESULTS: join(base, 'results.json') },
        launchArgs: [
            workspace,
            '--disable-extensions',
            '--disable-workspace-trust',
            '--skip-welcome',
            '--skip-release-notes',
            `--user-data-dir=${join(base, 'u')}`,
            `--extensions-dir=${join(base, 'x')}`,
            ...(process.env.VSCODE_LOCALE ? [`--locale=${process.env.VSCODE_LOCALE}`] : [])
        ]
    }).then(() => 0);
} catch (error) {
    console.error(`e2e: ${error?.message ?? error}`);
} finally {
    let summary = { passed: 0, failed: 0 };
    try {
        summary = JSON.parse(readFileSync(join(base, 'results.json'), 'utf8'));
    } catch {
        // VS Code could not start, or the runner crashed before writing its counts.
    }
    rmSync(base, { recursive: true, force: true, maxRetries: 3 });
    // A run that stopped early counts as one failure.
    const failed = code !== 0 && summary.failed === 0 ? 1 : summary.failed;
    console.log(`${summary.passed} passed, ${failed} failed`);
    process.exit(code);
}
