// The workspace the e2e tests open: a temporary folder with the repository's example protocol
// (always the current one) and the fixtures of test/e2e/fixtures. Shared by both drivers.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extensionRoot } from './lib/environment.mjs';

export const EXAMPLE = join(extensionRoot, '..', '..', 'examples', 'cystite-femme.coop');
const FIXTURES = join(extensionRoot, 'test', 'e2e', 'fixtures');

/** Fills `dir` (created if needed) and returns it. */
export function prepareWorkspace(dir) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(EXAMPLE, join(dir, 'cystite-femme.coop'));
    for (const name of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, name), join(dir, name));
    return dir;
}
