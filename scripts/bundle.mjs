// Bundles the entry points into single CommonJS files with esbuild: fast start-up (no module
// resolution over hundreds of files) and nothing to install beside them.
//   packages/cli/dist/coop.cjs        the `coop` command
//   packages/server/dist/server.cjs   the language server (`node server.cjs --stdio`)
// The extension bundles itself (packages/extension/esbuild.mjs) and copies the server bundle.
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const version = JSON.parse(readFileSync(new URL('../packages/cli/package.json', import.meta.url), 'utf8')).version;

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

/** @type {import('esbuild').BuildOptions} */
const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: !minify,
    minify,
    logLevel: 'warning',
    mainFields: ['module', 'main'],
    define: { COOP_VERSION: JSON.stringify(version) }
};

const builds = [
    { ...common, entryPoints: ['packages/cli/src/main.ts'], outfile: 'packages/cli/dist/coop.cjs' },
    { ...common, entryPoints: ['packages/server/src/main.ts'], outfile: 'packages/server/dist/server.cjs' }
];

if (watch) {
    for (const options of builds) {
        const context = await esbuild.context(options);
        await context.watch();
    }
    console.log('esbuild: watching…');
} else {
    await Promise.all(builds.map(options => esbuild.build(options)));
}
