import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'packages/cli/bin/coop.js');
const EXAMPLES = join(process.cwd(), 'examples');

function coop(cwd: string, ...args: string[]) {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cystitis = readFileSync(join(EXAMPLES, 'cystite-femme.coop'), 'utf8');
/** The cystitis protocol without its objectives: one warning (objectifs-absents), no error. */
const withWarning = cystitis.replace(/\n\s*objectifs """[\s\S]*?"""/, '');
const paths = (stdout: string) => JSON.parse(stdout).files.map((file: { path: string }) => file.path);

describe('coop validate: globs, --ignore, .coopignore, --max-warnings', () => {
    let folder: string;
    beforeAll(() => {
        folder = mkdtempSync(join(tmpdir(), 'coop-options-'));
        mkdirSync(join(folder, 'protocoles', 'brouillons'), { recursive: true });
        mkdirSync(join(folder, 'protocoles', 'urgences'), { recursive: true });
        writeFileSync(join(folder, 'protocoles', 'cystite.coop'), cystitis);
        writeFileSync(join(folder, 'protocoles', 'urgences', 'sans-objectifs.coop'), withWarning);
        writeFileSync(join(folder, 'protocoles', 'brouillons', 'casse.coop'), 'protocole "x" {');
        writeFileSync(join(folder, 'ailleurs.coop'), 'protocole "y" {');
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('expands a quoted glob relative to the working directory', () => {
        const result = coop(folder, 'validate', 'protocoles/**/*.coop', '--format', 'json', '--ignore', 'brouillons');
        expect(result.stderr).toBe('');
        expect(paths(result.stdout)).toEqual(['protocoles/cystite.coop', 'protocoles/urgences/sans-objectifs.coop']);
        const shallow = coop(folder, 'validate', 'protocoles/*.coop', '--format', 'json');
        expect(paths(shallow.stdout)).toEqual(['protocoles/cystite.coop']);
    });

    it('leaves out what --ignore names (a folder name at any depth, a glob), repeatable', () => {
        const result = coop(folder, 'validate', '.', '--format', 'json', '--ignore', 'brouillons', '--ignore', 'ailleurs.coop');
        expect(paths(result.stdout)).toEqual(['protocoles/cystite.coop', 'protocoles/urgences/sans-objectifs.coop']);
        expect(result.code).toBe(0);
        const anchored = coop(folder, 'validate', '.', '--format', 'json', '--ignore', 'protocoles/urgences/**', '--ignore', '**/casse.coop', '--ignore', 'ailleurs.coop');
        expect(paths(anchored.stdout)).toEqual(['protocoles/cystite.coop']);
    });

    it('reads .coopignore of the working directory (comments and blank lines allowed)', () => {
        const sub = mkdtempSync(join(tmpdir(), 'coop-ignorefile-'));
        try {
            mkdirSync(join(sub, 'brouillons'));
            writeFileSync(join(sub, 'p.coop'), cystitis);
            writeFileSync(join(sub, 'brouillons', 'b.coop'), 'protocole "x" {');
            writeFileSync(join(sub, '.coopignore'), '# brouillons en cours\n\nbrouillons/\n');
            const result = coop(sub, 'validate', '.', '--format', 'json');
            expect(paths(result.stdout)).toEqual(['p.coop']);
            expect(result.code).toBe(0);
            // A file named on the command line is validated even if ignored.
            expect(paths(coop(sub, 'validate', 'brouillons/b.coop', '--format', 'json').stdout)).toEqual(['brouillons/b.coop']);
            // Everything ignored: one French line, exit 2.
            const none = coop(sub, 'validate', 'brouillons');
            expect(none).toMatchObject({ code: 2, stderr: 'coop : tous les fichiers .coop de brouillons sont exclus (--ignore ou .coopignore)\n' });
        } finally {
            rmSync(sub, { recursive: true, force: true });
        }
    });

    it('--max-warnings: exit 1 when there are more warnings (ESLint convention)', () => {
        const target = 'protocoles/urgences/sans-objectifs.coop';
        expect(coop(folder, 'validate', target).code).toBe(0);
        expect(coop(folder, 'validate', target, '--max-warnings', '1').code).toBe(0);
        const strict = coop(folder, 'validate', target, '--max-warnings', '0', '--format', 'gitlab');
        expect(strict.code).toBe(1);
        expect(strict.stderr).toMatch(/^coop : trop d'avertissements : \d+ pour un maximum de 0 \(--max-warnings\)\.\n$/);
        expect(JSON.parse(strict.stdout).length).toBeGreaterThan(0);
        expect(coop(folder, 'validate', target, '--max-warnings', '-1')).toMatchObject({ code: 2, stderr: 'coop : valeur « -1 » invalide pour --max-warnings : un nombre entier ≥ 0 est attendu.\n' });
    });

    it('--fail-on accepts the French level names', () => {
        expect(coop(folder, 'validate', 'protocoles/urgences/sans-objectifs.coop', '--fail-on', 'avertissement').code).toBe(1);
    });
});

describe('coop validate --format gitlab (Code Quality)', () => {
    it('prints the Code Quality JSON: description, check_name, fingerprint, severity, location', () => {
        const result = coop(process.cwd(), 'validate', 'test/fixtures/invalid/profession-inconnue.coop', '--format', 'gitlab');
        expect(result.code).toBe(1);
        const issues = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
        const issue = issues.find(entry => entry.check_name === 'reference-inconnue')!;
        expect(issue).toMatchObject({
            description: expect.stringContaining('Profession « infirmiere » introuvable'),
            severity: 'major',
            location: { path: 'test/fixtures/invalid/profession-inconnue.coop', lines: { begin: 5 } }
        });
        expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}(:\d+)?$/);
        expect(new Set(issues.map(entry => entry.fingerprint)).size).toBe(issues.length);
        expect(['info', 'minor', 'major', 'critical', 'blocker']).toEqual(expect.arrayContaining(issues.map(entry => entry.severity)));
    });
});

describe('SARIF and GitLab fingerprints', () => {
    it('stay the same when lines are inserted above a finding', () => {
        const folder = mkdtempSync(join(tmpdir(), 'coop-fingerprint-'));
        try {
            const original = readFileSync('test/fixtures/invalid/profession-inconnue.coop', 'utf8');
            writeFileSync(join(folder, 'p.coop'), original);
            const before = JSON.parse(coop(folder, 'validate', 'p.coop', '--format', 'sarif').stdout).runs[0].results;
            // Three comment lines and a blank line at the top: every finding moves down by four lines.
            writeFileSync(join(folder, 'p.coop'), `// un\n// deux\n// trois\n\n${original}`);
            const after = JSON.parse(coop(folder, 'validate', 'p.coop', '--format', 'sarif').stdout).runs[0].results;
            expect(after).toHaveLength(before.length);
            expect(before.length).toBeGreaterThan(0);
            for (let i = 0; i < before.length; i++) {
                expect(after[i].locations[0].physicalLocation.region.startLine).toBe(before[i].locations[0].physicalLocation.region.startLine + 4);
                expect(after[i].partialFingerprints).toEqual(before[i].partialFingerprints);
            }
            const fingerprints = before.map((result: { partialFingerprints: Record<string, string> }) => result.partialFingerprints['coop/v2']);
            expect(new Set(fingerprints).size).toBe(fingerprints.length);
            const gitlabBefore = JSON.parse(coop(folder, 'validate', 'p.coop', '--format', 'gitlab').stdout).map((i: { fingerprint: string }) => i.fingerprint);
            expect(gitlabBefore).toEqual(fingerprints.filter((_: string, index: number) => !before[index].suppressions));
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});

describe('coop export of several protocols, -o/--output everywhere, French commander messages', () => {
    let out: string;
    beforeAll(() => { out = mkdtempSync(join(tmpdir(), 'coop-export-many-')); });
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it('exports several files into a folder, and a folder without its library', () => {
        const two = join(out, 'deux');
        const result = coop(process.cwd(), 'export', 'examples/cystite-femme.coop', 'examples/odynophagie.coop', '-f', 'html', '-o', two);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(readdirSync(two).sort()).toEqual(['cystite-femme.html', 'odynophagie.html']);
        const all = join(out, 'tous');
        const folder = coop(process.cwd(), 'export', 'examples', '--format', 'html', '--output', all);
        expect(folder.code).toBe(0);
        expect(readdirSync(all).sort()).toEqual(readdirSync(EXAMPLES).filter(name => name.endsWith('.coop') && !name.startsWith('bibliotheque') && !name.startsWith('equipe-'))
            .map(name => name.replace(/\.coop$/, '.html')).sort());
    });

    it('writes one protocol into an existing folder given with -o', () => {
        const folder = join(out, 'un');
        mkdirSync(folder);
        expect(coop(process.cwd(), 'export', 'examples/cystite-femme.coop', '-f', 'html', '-o', folder).code).toBe(0);
        expect(readdirSync(folder)).toEqual(['cystite-femme.html']);
    });

    it('refuses a file as the output folder of several protocols', () => {
        const file = join(out, 'un-fichier.html');
        writeFileSync(file, '');
        const result = coop(process.cwd(), 'export', 'examples/cystite-femme.coop', 'examples/odynophagie.coop', '-o', file);
        expect(result).toMatchObject({ code: 2, stderr: `coop : ${file} est un fichier ; pour exporter plusieurs protocoles, --output doit nommer un dossier.\n` });
    });

    it('keeps --out as a hidden alias of --output for export', () => {
        const target = join(out, 'alias.html');
        expect(coop(process.cwd(), 'export', 'examples/cystite-femme.coop', '--out', target).code).toBe(0);
        expect(existsSync(target)).toBe(true);
        expect(coop(process.cwd(), 'export', '--help').stdout).not.toContain('--out ');
        expect(coop(process.cwd(), 'rules', '-o', join(out, 'rules.md')).code).toBe(0);
        expect(readFileSync(join(out, 'rules.md'), 'utf8')).toMatch(/\| erreur \|/);
    });

    it('speaks French for every commander error, one line, exit 2', () => {
        const cases: Array<[string[], string]> = [
            [['validate', '--bogus'], 'coop : option inconnue « --bogus ». Voir « coop --help ».\n'],
            [['valider'], 'coop : commande inconnue « valider ». Voir « coop --help ».\n'],
            [['export'], 'coop : argument manquant « fichiers ». Voir « coop --help ».\n'],
            [['validate', '--format'], 'coop : valeur manquante pour l\'option --format.\n'],
            [['validate', '--lang', 'de'], 'coop : valeur « de » invalide pour --lang ; valeurs admises : fr, en.\n'],
            [['rules', 'en-trop'], 'coop : trop d\'arguments pour « coop rules » (0 attendu(s)) : « en-trop » en trop. Voir « coop rules --help ».\n']
        ];
        for (const [args, expected] of cases) {
            expect(coop(process.cwd(), ...args)).toMatchObject({ code: 2, stdout: '', stderr: expected });
        }
    });
});

describe('coop.config.json with French level names', () => {
    it('accepts erreur, avertissement, info and désactivé', () => {
        const folder = mkdtempSync(join(tmpdir(), 'coop-config-fr-'));
        try {
            writeFileSync(join(folder, 'p.coop'), readFileSync('test/fixtures/invalid/profession-inconnue.coop'));
            writeFileSync(join(folder, 'coop.config.json'), '{ "rules": { "cadre-absent": "désactivé", "lieu-absent": "avertissement" } }');
            const result = coop(folder, 'validate', '.', '--format', 'json');
            expect(result.stderr).toBe('');
            const byCode = Object.fromEntries(JSON.parse(result.stdout).files[0].diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity]));
            expect(byCode['cadre-absent']).toBeUndefined();
            expect(byCode['lieu-absent']).toBe('warning');
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
