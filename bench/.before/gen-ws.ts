import { mkdirSync, writeFileSync } from 'node:fs';
import { workspace } from '../generate.js';
for (const size of [100, 1000]) { const dir = `/tmp/ab/ws${size}`; mkdirSync(dir, { recursive: true }); for (const f of workspace(size, 1)) writeFileSync(`${dir}/${f.name}`, f.text); }
