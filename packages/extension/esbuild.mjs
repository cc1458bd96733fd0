// Builds the extension into dist/, self-contained (the .vsix ships no node_modules):
//   dist/extension.cjs   the client (src/extension.ts + vscode-languageclient), CommonJS because the
//                        extension host loads `main` with require() while this package is "type": "module"
//   dist/server.cjs      copy of the language server bundle built at the root (`npm run build`)
//   syntaxes/coop.tmLanguage.json  (generated at the root) keyword boundaries fixed in place,
//                        see scripts/textmate.mjs
//   out/test/e2e/        end-to-end test modules run inside the editor (not packaged)
//
//   node esbuild.mjs [--production] [--watch]
//   --production: minified, no source maps, no test bundles (used by `npm run package`)
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { fixGrammarFile } from './scripts/textmate.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const serverBundle = join(root, '..', 'server', 'dist', 'server.cjs');

/** @type {import('esbuild').BuildOptions} */
const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    sourcemap: !production,
    minify: production,
    logLevel: 'warning'
};

/** @type {import('esbuild').BuildOptions} */
const client = {
    ...common,
    entryPoints: { extension: join(root, 'src', 'extension.ts') },
    outdir: join(root, 'dist'),
    outExtension: { '.js': '.cjs' }
};

/**
 * Test modules: the runner (index) and one bundle per `*.e2e.ts` file, so adding a test is
 * adding a file. (Not `*.test.ts`: the root vitest run collects those, and these need `vscode`.)
 * mocha stays external: the runner loads it from node_modules.
 * @returns {Promise<import('esbuild').BuildOptions>}
 */
async function tests() {
    const suite = join(root, 'test', 'e2e', 'suite');
    const entryPoints = { index: join(suite, 'index.ts') };
    for (const name of await readdir(suite)) {
        if (name.endsWith('.e2e.ts')) entryPoints[name.replace(/\.ts$/, '')] = join(suite, name);
    }
    return {
        ...common,
        sourcemap: true,
        minify: false,
        external: ['vscode', 'mocha'],
        entryPoints,
        outdir: join(root, 'out', 'test', 'e2e'),
        outExtension: { '.js': '.cjs' }
    };
}

async function copyServer() {
    try {
        await stat(serverBundle);
    } catch {
        throw new Error(`${serverBundle} is missing: run \`npm run build\` at the repository root first.`);
    }
    await mkdir(join(root, 'dist'), { recursive: true });
    await copyFile(serverBundle, join(root, 'dist', 'server.cjs'));
    // The map only helps debugging; the packaged extension ships without it.
    if (!production) {
        await copyFile(`${serverBundle}.map`, join(root, 'dist', 'server.cjs.map')).catch(() => undefined);
    } else {
        await rm(join(root, 'dist', 'server.cjs.map'), { force: true });
    }
}

async function fixGrammar() {
    const grammar = join(root, 'syntaxes', 'coop.tmLanguage.json');
    try {
        await stat(grammar);
    } catch {
        throw new Error(`${grammar} is missing: run \`npm run langium:generate\` (or \`npm run build\`) at the repository root first.`);
    }
    fixGrammarFile(grammar);
}

const started = Date.now();
await fixGrammar();
await rm(join(root, 'dist'), { recursive: true, force: true });
if (!production) await rm(join(root, 'out'), { recursive: true, force: true });
await copyServer();
const builds = production ? [client] : [client, await tests()];
if (watch) {
    for (const options of builds) {
        const context = await esbuild.context(options);
        await context.watch();
    }
    console.log('esbuild: watching src/ and test/e2e/ (the server bundle is copied once)…');
} else {
    await Promise.all(builds.map(options => esbuild.build(options)));
    console.log(`esbuild: dist/ ${production ? '(production) ' : ''}built in ${Date.now() - started} ms`);
}
