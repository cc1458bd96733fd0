// `npm run bench`: bundles bench/bench.ts (which imports the `coop-language` workspace package from
// its TypeScript sources) with esbuild, the way scripts/generate-docs.mjs does, then runs it with
// `node --expose-gc` so that heap figures are taken after a collection. Not a test: it prints a table.
//
//   npm run bench                       full run (about 2–3 minutes on a 2-core machine)
//   npm run bench -- --quick            fewer repetitions (a quick look, noisier)
//   npm run bench -- --only=document,lsp,workspace,cli
//   npm run bench -- --json out.json    also write the raw figures
//   npm run bench -- --cpu-prof         profile the run: V8 .cpuprofile files (and the bundle they refer
//                                       to) in $TMPDIR/coop-bench-profiles/; summarise one with
//                                       node bench/profile-summary.mjs <file>
//
// The CLI part spawns packages/cli/bin/coop.js: run `npm run build` first (COOP_BENCH_CLI=<file> times
// another build of the CLI instead, to compare two versions).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const profiling = args.includes('--cpu-prof');
const profiles = join(tmpdir(), 'coop-bench-profiles');
// When profiling, the bundle is kept next to the profiles so that their line numbers can be read.
const out = profiling ? join(profiles, 'bench.mjs') : join(tmpdir(), `coop-bench-${process.pid}.mjs`);
if (profiling) mkdirSync(profiles, { recursive: true });
await esbuild.build({
    entryPoints: [join(root, 'bench/bench.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out,
    logLevel: 'warning', mainFields: ['module', 'main'], sourcemap: profiling ? false : 'inline',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
});
const flags = ['--expose-gc', '--enable-source-maps'];
if (profiling) flags.push('--cpu-prof', `--cpu-prof-dir=${profiles}`);
try {
    const result = spawnSync(process.execPath, [...flags, out, ...args.filter(arg => arg !== '--cpu-prof')], {
        cwd: root, stdio: 'inherit', env: { ...process.env, COOP_BENCH_ROOT: root }
    });
    process.exitCode = result.status ?? 1;
    if (profiling) console.log(`CPU profiles: ${profiles}`);
} finally {
    if (!profiling) rmSync(out, { force: true });
}
