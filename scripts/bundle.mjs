// Bundles the entry points into single CommonJS files with esbuild: fast start-up (no module
// resolution over hundreds of files) and nothing to install beside them.
//   packages/cli/dist/coop.cjs        the `coop` command
//   packages/server/dist/server.cjs   the language server (`node server.cjs --stdio`)
// The extension bundles itself (packages/extension/esbuild.mjs) and copies the server bundle.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import * as esbuild from 'esbuild';

const version = JSON.parse(readFileSync(new URL('../packages/cli/package.json', import.meta.url), 'utf8')).version;

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

/**
 * ONE copy of the JSON-RPC libraries in each bundle. npm installs two (vscode-languageserver pins
 * vscode-languageserver-protocol 3.18.4 / vscode-jsonrpc 9, while Langium and the root take the newest
 * 3.18.x / 10): with both bundled, Langium's `ResponseError` is not the connection's, so an error
 * a handler returns was serialised as a *result* (`{"code":-32802}`). Every import of either
 * package resolves as if made from vscode-languageserver, i.e. to the copy the connection uses.
 * @type {import('esbuild').Plugin}
 */
const oneJsonRpc = {
    name: 'one-json-rpc',
    setup(build) {
        const require = createRequire(import.meta.url);
        // The package's folder (its `exports` hide package.json): up from its entry point.
        let server = require.resolve('vscode-languageserver/node', { paths: [new URL('../packages/server', import.meta.url).pathname] });
        while (basename(server) !== 'vscode-languageserver') server = dirname(server);
        build.onResolve({ filter: /^vscode-(jsonrpc|languageserver-protocol)(\/|$)/ }, async args => {
            if (args.pluginData === oneJsonRpc) return undefined;
            const result = await build.resolve(args.path, { kind: args.kind, resolveDir: server, pluginData: oneJsonRpc });
            return result.errors.length > 0 ? { errors: result.errors } : { path: result.path, external: result.external, sideEffects: result.sideEffects };
        });
    }
};

/** @type {import('esbuild').BuildOptions} */
const common = {
    plugins: [oneJsonRpc],
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
    // resvg (the PNG fallback of the yearly report's charts in DOCX) is a native module: loaded at run time when installed.
    { ...common, entryPoints: ['packages/cli/src/main.ts'], outfile: 'packages/cli/dist/coop.cjs', external: ['@resvg/resvg-js'] },
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
