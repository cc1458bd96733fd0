// `npm run docs`: writes docs/rules/*.md and the JSON Schema of coop.config.json from the registry.
// The renderer is TypeScript (scripts/rule-docs.ts): bundle it on the fly with esbuild, then run it.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import '../packages/language/compat/object-group-by.mjs';

const out = join(tmpdir(), `coop-docs-${process.pid}.mjs`);
await esbuild.build({
    entryPoints: ['scripts/docs-entry.ts'], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning', mainFields: ['module', 'main'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
});
try {
    const { rulePages, configSchema } = await import(pathToFileURL(out).href);
    mkdirSync('docs/rules', { recursive: true });
    const pages = rulePages();
    for (const [name, content] of pages) writeFileSync(join('docs/rules', name), content);
    writeFileSync('packages/language/schema/coop.config.schema.json', JSON.stringify(configSchema(), null, 2) + '\n');
    console.log(`docs/rules: ${pages.size} pages; packages/language/schema/coop.config.schema.json`);
} finally {
    rmSync(out, { force: true });
}
