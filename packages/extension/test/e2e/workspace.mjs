// The workspace the e2e tests open: a temporary folder with the repository's example protocol
// (always the current one), variants of it made here, and the fixtures of test/e2e/fixtures.
// Shared by both drivers.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionRoot } from './lib/environment.mjs';

export const EXAMPLE = join(extensionRoot, '..', '..', 'examples', 'cystite-femme.coop');
const FIXTURES = join(extensionRoot, 'test', 'e2e', 'fixtures');

/**
 * Variants of the example, derived at each run so that they follow it:
 * - sans-lieu.coop: without its `lieu "…"` line (the quick fix test: `lieu-absent`);
 * - titre-script.coop: a title with markup (the preview must show it as text).
 */
const VARIANTS = {
    'sans-lieu.coop': text => text.replace(/^[ \t]*lieu "[^"\n]*"[ \t]*\n/m, ''),
    'titre-script.coop': text => text.replace(/^protocole "[^"\n]*"/m, 'protocole "Titre <script>alert(1)</script> & « guillemets »"')
};

/** Fills `dir` (created if needed) and returns it. */
export function prepareWorkspace(dir) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(EXAMPLE, join(dir, 'cystite-femme.coop'));
    const example = readFileSync(EXAMPLE, 'utf8');
    for (const [name, derive] of Object.entries(VARIANTS)) {
        const text = derive(example);
        if (text === example) throw new Error(`workspace.mjs: ${name} could not be derived from ${EXAMPLE} (its text changed?)`);
        writeFileSync(join(dir, name), text);
    }
    for (const name of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, name), join(dir, name));
    return dir;
}
