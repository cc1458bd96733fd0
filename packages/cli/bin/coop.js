#!/usr/bin/env node
// `coop` command: runs the bundle built by `npm run build` (scripts/bundle.mjs).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/coop.cjs', import.meta.url));
if (!existsSync(bundle)) {
    process.stderr.write('coop : l\'outil n\'est pas construit ; lancez « npm run build » à la racine du dépôt.\n');
    process.exit(2);
}
createRequire(import.meta.url)(bundle);
