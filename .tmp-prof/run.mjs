import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
const entry = process.argv[2];
await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: '/tmp/prof.mjs', logLevel: 'warning', mainFields: ['module', 'main'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
const r = spawnSync(process.execPath, ['--expose-gc', ...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/cpuprof'] : []), '/tmp/prof.mjs', ...process.argv.slice(3)], { stdio: 'inherit' });
process.exitCode = r.status;
