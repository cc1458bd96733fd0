// `node bench/logic.mjs`: bundles bench/logic.ts and runs it (see bench/run.mjs for the main benchmark).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(mkdtempSync(join(tmpdir(), 'coop-bench-logic-')), 'logic.mjs');
await esbuild.build({ entryPoints: [join(root, 'bench/logic-main.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, logLevel: 'error', mainFields: ['module', 'main'],
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" } });
const result = spawnSync(process.execPath, [out], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
