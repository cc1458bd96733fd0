#!/usr/bin/env node
// Runs the extension's end-to-end tests in a real VS Code (1.100, served by code-server) opened in
// headless Chromium. The workbench is opened with a `payload` that loads this folder as an
// extension under development and runs out/test/e2e/index.cjs in its extension host (as
// @vscode/test-electron does with a desktop VS Code); the extension host reports the end
// through `window.codeAutomationExit(code)`, which this driver exposes to the page.
//
//   node test/e2e/run.mjs          (npm run test:e2e -w coop-vscode, after `npm run build`)
//
// Environment: CI=true (a missing tool is a failure), COOP_E2E_CACHE (tools, see
// scripts/e2e/setup.sh), COOP_E2E_TIMEOUT (s, whole run, default 180), COOP_E2E_GREP (mocha grep),
// COOP_E2E_KEEP=1 (keep the temporary folders), COOP_E2E_VERBOSE=1 (print all browser output).
// The editor runs in English: code-server only switches its language with a language pack,
// which cannot be installed offline.
// Screenshots: test-results/e2e/*.png (git-ignored). Last line: `N passed, N failed`.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { extensionRoot, requireTools } from './lib/environment.mjs';
import { EditorSession } from './lib/session.mjs';
import { prepareWorkspace } from './workspace.mjs';

const RUN_TIMEOUT_MS = Number(process.env.COOP_E2E_TIMEOUT ?? 180) * 1000;
const SELECTOR_TIMEOUT_MS = 10_000;
const verbose = process.env.COOP_E2E_VERBOSE === '1';

const tools = requireTools();
const testsModule = join(extensionRoot, 'out', 'test', 'e2e', 'index.cjs');
for (const file of [join(extensionRoot, 'dist', 'extension.cjs'), join(extensionRoot, 'dist', 'server.cjs'), testsModule]) {
    if (!existsSync(file)) {
        console.error(`e2e: ${file} manque : lancer \`npm run build -w coop-vscode\` (après \`npm run build\` à la racine).`);
        console.log('0 passed, 1 failed');
        process.exit(1);
    }
}

const screenshots = join(extensionRoot, 'test-results', 'e2e');
rmSync(screenshots, { recursive: true, force: true });
mkdirSync(screenshots, { recursive: true });

const session = new EditorSession(tools, { keep: process.env.COOP_E2E_KEEP === '1' });
const results = join(session.base, 'results.json');
// The tests ask for pictures by dropping `<name>.request.json` here (helpers.ts `screenshot`):
// a folder of this run only, so that two runs at once never serve each other's requests.
const requests = join(session.base, 'screenshots');
mkdirSync(requests, { recursive: true });
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
        stopping = true;
        console.error(`e2e: ${signal}, arrêt`);
        void session.close().finally(() => process.exit(130));
    });
}

/** Marker of the report lines of the tests (REPORT_PREFIX in suite/index.ts). */
const REPORT_PREFIX = '[coop-e2e] ';
/** Errors of an offline workbench that say nothing about the extension. */
const OFFLINE_NOISE = /ENOTFOUND|open-vsx|marketplace|Failed to load resource|net::ERR_|vsda/i;

/**
 * Console output of the workbench and of the extension host, as VS Code forwards it to
 * `window.codeAutomationLog(type, args)`: the tests' report always, errors unless they are
 * offline noise, everything with COOP_E2E_VERBOSE=1.
 */
function onAutomationLog(type, args) {
    const values = Array.isArray(args) ? args : [args];
    // Drop the workbench's styling (`%c INFO`, `color: #33f`) before formatting.
    const text = typeof values[0] === 'string' && values[0].startsWith('%c')
        ? format(...values.slice(2)).replace(/^\s+/, '')
        : format(...values);
    for (const line of text.replace(/\s+$/, '').split('\n')) {
        const index = line.indexOf(REPORT_PREFIX);
        if (index >= 0) console.log(`  │ ${line.slice(index + REPORT_PREFIX.length)}`);
        else if (verbose) console.log(`  [${type} ${session.elapsed()}] ${line}`);
        else if (type === 'error' && !OFFLINE_NOISE.test(text)) console.log(`  [${type}] ${line}`);
    }
}

/**
 * Serves the screenshot requests of the tests (helpers.ts `screenshot`) until `done` is set:
 * pictures in test-results/e2e/, failures as `<name>.error.txt` beside the request.
 */
async function serveScreenshots(page, state) {
    while (!state.done) {
        for (const name of readdirSync(requests).filter(file => file.endsWith('.request.json'))) {
            const requestFile = join(requests, name);
            const shot = name.replace(/\.request\.json$/, '');
            try {
                const request = JSON.parse(readFileSync(requestFile, 'utf8'));
                if (request.selector) {
                    await page.waitForSelector(request.selector, { state: 'visible', timeout: SELECTOR_TIMEOUT_MS }).catch(error => {
                        writeFileSync(join(requests, `${shot}.error.txt`), `waiting for ${request.selector}: ${error.message ?? error}`);
                    });
                }
                await page.screenshot({ path: join(screenshots, `${shot}.png`) });
                console.log(`e2e: capture test-results/e2e/${shot}.png (${session.elapsed()})`);
            } catch (error) {
                writeFileSync(join(requests, `${shot}.error.txt`), String(error.message ?? error));
            }
            // Deleting the request releases the test waiting for it, picture or not (a test that
            // gave up waiting may have deleted it already).
            rmSync(requestFile, { force: true });
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

let passed = 0;
let failed = 0;
let exitCode = 1;
const state = { done: false };
try {
    prepareWorkspace(session.dirs.workspace);
    session.writeUserSettings();
    await session.startServer({ COOP_E2E_RESULTS: results, COOP_E2E_SCREENSHOTS: requests });
    const page = await session.openPage();
    page.on('pageerror', error => console.log(`  [page error] ${error.message}`));

    // The hooks VS Code calls in automation mode (the ones @vscode/test-web uses too).
    let reportExit;
    const exited = new Promise(resolve => {
        reportExit = resolve;
    });
    await page.exposeFunction('codeAutomationExit', code => reportExit(Number(code)));
    page.once('crash', () => reportExit('the page crashed'));
    session.server.once('exit', code => reportExit(`code-server exited (${code})`));
    await page.exposeFunction('codeAutomationLog', onAutomationLog);

    const payload = [
        ['extensionDevelopmentPath', session.remoteUri(extensionRoot)],
        ['extensionTestsPath', session.remoteUri(testsModule)]
    ];
    await page.goto(session.workbenchUrl(payload), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: 30_000 });
    console.log(`e2e: workbench chargé (${session.elapsed()})`);

    const screenshotsServed = serveScreenshots(page, state);
    let timer;
    const code = await Promise.race([
        exited,
        new Promise(resolve => {
            timer = setTimeout(() => resolve('timeout'), RUN_TIMEOUT_MS);
        })
    ]);
    clearTimeout(timer);
    state.done = true;
    await screenshotsServed;
    if (code === 'timeout') {
        console.error(`e2e: pas de fin des tests après ${RUN_TIMEOUT_MS / 1000} s`);
        await page.screenshot({ path: join(screenshots, 'timeout.png') }).catch(() => undefined);
    } else if (typeof code === 'string') {
        console.error(`e2e: ${code}`);
    } else {
        console.log(`e2e: codeAutomationExit(${code}) (${session.elapsed()})`);
    }
    if (existsSync(results)) {
        const summary = JSON.parse(readFileSync(results, 'utf8'));
        passed = summary.passed;
        failed = summary.failed;
    }
    // A run that stopped early (crash, timeout, activation failure) counts as one failure.
    if (code !== 0 && failed === 0) failed = 1;
    exitCode = code === 0 && failed === 0 && passed > 0 ? 0 : 1;
} catch (error) {
    console.error(`e2e: ${error.stack ?? error}`);
    if (session.page) await session.page.screenshot({ path: join(screenshots, 'error.png') }).catch(() => undefined);
    failed = Math.max(failed, 1);
    exitCode = 1;
} finally {
    state.done = true;
    if (exitCode !== 0 && session.serverOutput.length > 0) {
        console.log('e2e: sortie de code-server :');
        console.log(session.serverOutput.join('').trimEnd().split('\n').slice(-40).map(line => `  ${line}`).join('\n'));
    }
    await session.close();
}
if (!stopping) {
    console.log(`e2e: terminé en ${session.elapsed()}`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(exitCode);
}
