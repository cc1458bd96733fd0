import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspace } from '../bench/generate.js';
const dir = process.argv[2]; const n = Number(process.argv[3]);
mkdirSync(dir, { recursive: true });
for (const f of workspace(n, 1)) { mkdirSync(join(dir, f.name, '..'), { recursive: true }); writeFileSync(join(dir, f.name), f.text); }
