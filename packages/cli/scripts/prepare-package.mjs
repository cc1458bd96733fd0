// Prepares packages/cli/publish (the @coop-sante/cli package) before `npm pack` (its prepack script):
// copies the single-file bundle built by `npm run build` (the catalogue of professions and articles
// is inside it), writes the JSON Schema of coop.config.json beside it, and gives the package the
// version of packages/cli/package.json. The package has no dependencies: nothing is downloaded at
// install time.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('..', import.meta.url));
const publish = fileURLToPath(new URL('../publish/', import.meta.url));
const bundle = `${cli}dist/coop.cjs`;
if (!existsSync(bundle)) {
    console.error('coop : le paquet ne peut pas être préparé : packages/cli/dist/coop.cjs manque ; lancez « npm run build » à la racine du dépôt.');
    process.exit(1);
}
mkdirSync(`${publish}dist`, { recursive: true });
mkdirSync(`${publish}schema`, { recursive: true });
copyFileSync(bundle, `${publish}dist/coop.cjs`);
const schema = execFileSync(process.execPath, [bundle, 'rules', '--format', 'schema'], { encoding: 'utf8' });
writeFileSync(`${publish}schema/coop.config.schema.json`, schema);

const version = JSON.parse(readFileSync(`${cli}package.json`, 'utf8')).version;
const manifestPath = `${publish}package.json`;
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
if (manifest.version !== version) {
    manifest.version = version;
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
}
console.error(`coop : paquet @coop-sante/cli ${version} prêt (${Math.round(statSync(bundle).size / 1024)} Ko de bundle).`);
