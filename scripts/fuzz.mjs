// `npm run fuzz`: bundles test/fuzz/fuzz.ts (which imports the `coop-language` workspace package
// from its TypeScript sources) with esbuild, as bench/run.mjs does, then runs it. Options are passed
// through: npm run fuzz -- --count 20000 --seed 7 --out test/fuzz/found (see test/fuzz/fuzz.ts).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(tmpdir(), `coop-fuzz-${process.pid}.mjs`);
await esbuild.build({
    entryPoints: [join(root, 'test/fuzz/fuzz.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out,
    logLevel: 'warning', mainFields: ['module', 'main'], sourcemap: 'inline',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
});
try {
    const result = spawnSync(process.execPath, ['--enable-source-maps', out, ...process.argv.slice(2)], {
        cwd: process.cwd(), stdio: 'inherit', env: { ...process.env, COOP_FUZZ_ROOT: root }
    });
    process.exitCode = result.status ?? 1;
} finally {
    rmSync(out, { force: true });
}
