#!/usr/bin/env node
// Checks the packaged extension as a user gets it: installs the .vsix into a fresh code-server
// (`code-server --install-extension`), opens the workbench in headless Chromium and checks, through
// the UI only, that opening a .coop file activates it (language mode, squiggles and Problems
// entries from the bundled server), that « Coop: New protocol » works, and that the preview
// opens from the editor title bar (media/ is in the package). Screenshots: test-results/vsix/.
//
//   node test/e2e/check-vsix.mjs [path/to/coop-vscode-x.y.z.vsix]   (npm run test:vsix, after npm run package)
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extensionRoot, requireTools } from './lib/environment.mjs';
import { EditorSession } from './lib/session.mjs';
import { prepareWorkspace } from './workspace.mjs';

const STEP_MS = 30_000;

const tools = requireTools();
const { name, publisher, version } = JSON.parse(readFileSync(join(extensionRoot, 'package.json'), 'utf8'));
const vsix = resolve(process.argv[2] ?? join(extensionRoot, `${name}-${version}.vsix`));
if (!existsSync(vsix)) {
    console.error(`e2e: ${vsix} manque : lancer \`npm run package -w coop-vscode\`.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
}
const screenshots = join(extensionRoot, 'test-results', 'vsix');
mkdirSync(screenshots, { recursive: true });

const session = new EditorSession(tools, { keep: process.env.COOP_E2E_KEEP === '1' });
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => void session.close().finally(() => process.exit(130)));
}

let passed = 0;
let failed = 0;
/** One named check; a failed check stops the run (the next ones depend on it). */
async function check(title, body) {
    const started = Date.now();
    try {
        await body();
        passed++;
        console.log(`  ✔ ${title} (${Date.now() - started} ms)`);
    } catch (error) {
        failed++;
        console.log(`  ✖ ${title}\n    ${String(error.message ?? error).split('\n').join('\n    ')}`);
        throw error;
    }
}

try {
    prepareWorkspace(session.dirs.workspace);
    session.writeUserSettings();
    await check(`code-server --install-extension ${vsix.split('/').pop()}`, async () => {
        const output = session.runCodeServer(['--install-extension', vsix]);
        if (!/successfully installed/i.test(output)) throw new Error(output);
        const installed = join(session.dirs.extensions, `${publisher}.${name}-${version}`);
        if (!existsSync(join(installed, 'dist', 'server.cjs'))) throw new Error(`${installed}/dist/server.cjs missing`);
    });
    await session.startServer();
    const page = await session.openPage();
    page.on('pageerror', error => console.log(`  [page error] ${error.message}`));
    await page.goto(session.workbenchUrl(), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: STEP_MS });

    await check('opening defectueux.coop gives it the coop language', async () => {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'defectueux.coop' }).click({ timeout: STEP_MS });
        await page.locator('.statusbar-item', { hasText: 'Protocole de coopération' }).first().waitFor({ timeout: STEP_MS });
    });
    await check('the bundled server underlines the errors', async () => {
        await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: STEP_MS });
    });
    await check('the Problems panel lists « reference-inconnue »', async () => {
        await page.locator('.monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+Shift+M');
        // The list is virtualized: filter it down to the expected entry.
        const filter = page.locator('.panel .viewpane-filter input').first();
        await filter.fill('reference-inconnue', { timeout: STEP_MS });
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'sorcier' }).first().waitFor({ timeout: STEP_MS });
    });
    await page.screenshot({ path: join(screenshots, 'vsix.png') });
    console.log('e2e: capture test-results/vsix/vsix.png');
    await check('« Coop: New protocol » opens the skeleton', async () => {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: STEP_MS });
        await input.fill('>Coop: New protocol');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New protocol' }).first().waitFor({ timeout: STEP_MS });
        await page.keyboard.press('Enter');
        await page.locator('.monaco-editor .view-lines', { hasText: 'Titre du protocole' }).first().waitFor({ timeout: STEP_MS });
    });
    await page.screenshot({ path: join(screenshots, 'vsix-new-protocol.png') });
    await check('« Open Preview to the Side » (editor title bar) shows the submission document', async () => {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'cystite-femme.coop' }).click({ timeout: STEP_MS });
        await page.locator('.monaco-editor .view-lines', { hasText: 'pollakiurie' }).first().waitFor({ timeout: STEP_MS });
        await page.locator('.editor-actions .action-label[aria-label*="Preview to the Side"]').first().click({ timeout: STEP_MS });
        // The page (media/preview.js from the .vsix, the server's HTML) is in a frame of the webview.
        const deadline = Date.now() + STEP_MS;
        for (;;) {
            const texts = await Promise.all(page.frames().map(frame => frame.evaluate(() => document.body?.innerText ?? '').catch(() => '')));
            if (texts.some(text => text.includes('pollakiurie') && /16\/16/.test(text))) break;
            if (Date.now() > deadline) throw new Error('no webview frame shows the protocol and its conformity (16/16)');
            await new Promise(resolve => setTimeout(resolve, 250));
        }
    });
    // Let the webview paint what its frame already holds.
    await new Promise(resolve => setTimeout(resolve, 1_000));
    await page.screenshot({ path: join(screenshots, 'vsix-preview.png') });
    console.log('e2e: capture test-results/vsix/vsix-preview.png');
} catch (error) {
    if (failed === 0) {
        failed = 1;
        console.error(`e2e: ${error.stack ?? error}`);
    }
    if (session.page) await session.page.screenshot({ path: join(screenshots, 'vsix-error.png') }).catch(() => undefined);
    if (session.serverOutput.length > 0) console.log(session.serverOutput.join('').trimEnd().split('\n').slice(-30).map(line => `  ${line}`).join('\n'));
} finally {
    await session.close();
}
console.log(`e2e: terminé en ${session.elapsed()}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
