// Where the e2e tools are (installed by scripts/e2e/setup.sh) and what is missing.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/extension */
export const extensionRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const SETUP_COMMAND = 'npm run e2e:setup -w coop-vscode';

const versions = JSON.parse(readFileSync(join(extensionRoot, 'scripts', 'e2e', 'versions.json'), 'utf8'));

export function cacheDir() {
    return process.env.COOP_E2E_CACHE || join(homedir(), '.cache', 'coop-e2e');
}

function findOnPath(name) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
        if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
    return undefined;
}

/**
 * Paths of the tools, and the list of what is missing (empty when everything is there).
 * @returns {{ codeServer: string; playwrightCore: string; chromium: string | undefined; missing: string[] }}
 */
export function locateTools() {
    const cache = cacheDir();
    const codeServerDir = join(cache, `code-server-${versions.codeServer}`);
    const playwrightDir = join(cache, `playwright-core-${versions.playwrightCore}`);
    const tools = {
        codeServer: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
        playwrightCore: join(playwrightDir, 'node_modules', 'playwright-core'),
        chromium: process.env.COOP_E2E_CHROMIUM || findOnPath('chromium') || findOnPath('chromium-browser'),
        missing: []
    };
    if (!existsSync(join(codeServerDir, '.complete')) || !existsSync(tools.codeServer)) tools.missing.push(`code-server ${versions.codeServer}`);
    if (!existsSync(join(playwrightDir, '.complete')) || !existsSync(tools.playwrightCore)) tools.missing.push(`playwright-core ${versions.playwrightCore}`);
    if (!tools.chromium) tools.missing.push('chromium');
    if (process.versions.node.split('.')[0] !== '20') tools.missing.push(`Node 20 (code-server ${versions.codeServer} ; trouvé ${process.version})`);
    return tools;
}

/**
 * Stops here when a tool is missing: outside CI, one line naming the setup command and exit 0
 * (the e2e suite is opt-in on a developer's machine); on CI (CI=true), a failure.
 */
export function requireTools() {
    const tools = locateTools();
    if (tools.missing.length === 0) return tools;
    const what = tools.missing.join(', ');
    if (process.env.CI === 'true') {
        console.error(`e2e: prérequis manquants (${what}) dans ${cacheDir()} : lancer \`${SETUP_COMMAND}\` avant les tests.`);
        console.log('0 passed, 1 failed');
        process.exit(1);
    }
    console.log(`e2e: ignoré, prérequis manquants (${what}) : lancer \`${SETUP_COMMAND}\` pour les installer.`);
    process.exit(0);
}
