import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the built CLI (`npm run build` first; `npm test` does it) as a user would. */
function coop(...args: string[]) {
    const result = spawnSync(process.execPath, ['packages/cli/bin/coop.js', ...args], { encoding: 'utf8', cwd: process.cwd() });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('coop validate (end to end)', () => {
    it('validates the bundled examples with no error and exits 0', () => {
        const { code, stdout, stderr } = coop('validate', 'examples');
        expect(stderr).toBe('');
        // The prose conditions of the examples are points for the reviewer (infos), never errors or warnings.
        expect(stdout).toMatch(/^✔ \d+ fichier\(s\) validé\(s\) : aucune erreur ni avertissement ; \d+ info\(s\) à lire/m);
        expect(code).toBe(0);
    });

    it('prints valid JSON with the documented shape', () => {
        const { code, stdout } = coop('validate', 'examples', '--format', 'json');
        const report = JSON.parse(stdout);
        expect(code).toBe(0);
        expect(report.summary).toEqual({ errors: 0, warnings: expect.any(Number), infos: expect.any(Number) });
        expect(report.files.length).toBeGreaterThanOrEqual(5);
        for (const file of report.files) expect(file.path).toMatch(/^examples\/.+\.coop$/);
    });

    it('exits 1 on a defective file and lists each problem with position, severity and code', () => {
        const { code, stdout } = coop('validate', 'test/fixtures/invalid/profession-inconnue.coop');
        expect(code).toBe(1);
        expect(stdout).toContain('test/fixtures/invalid/profession-inconnue.coop:5:19  erreur         Profession « infirmiere » introuvable. Vouliez-vous dire « infirmier » ?  [reference-inconnue]');
        expect(stdout).toMatch(/Étape « lecture » introuvable.*\[reference-inconnue\]/);
        expect(stdout).toMatch(/^✖ \d+ problème\(s\) : \d+ erreur\(s\), \d+ avertissement\(s\)/m);
    });

    it('reports 0-based LSP positions and codes in JSON', () => {
        const { code, stdout } = coop('validate', 'test/fixtures/invalid/syntaxe.coop', '--format', 'json');
        expect(code).toBe(1);
        const [file] = JSON.parse(stdout).files;
        const syntax = file.diagnostics.find((d: { code: string }) => d.code === 'syntaxe');
        expect(syntax).toMatchObject({
            code: 'syntaxe',
            severity: 'error',
            range: { start: { line: 1, character: 9 }, end: { line: 1, character: 17 } }
        });
        expect(syntax.message).toMatch(/trouvé « régional »/);
    });

    it('speaks English with --lang en', () => {
        const { stdout } = coop('validate', 'test/fixtures/invalid/syntaxe.coop', '--lang', 'en');
        expect(stdout).toMatch(/error +In "type", after "type": write one of: "national", "local" \(found "régional"\)\.  \[syntaxe\]/);
        // Syntax errors come first in the listing.
        expect(stdout.split('\n')[0]).toMatch(/\[syntaxe\]$/);
    });

    it('loads several files as one workspace (library used by a protocol)', () => {
        const { stdout } = coop('validate', 'test/fixtures/workspace', '--format', 'json');
        const report = JSON.parse(stdout);
        const codes = report.files.flatMap((f: { diagnostics: Array<{ code: string }> }) => f.diagnostics.map(d => d.code));
        expect(codes).not.toContain('reference-inconnue');
    });

    it('exits 2 with one French line on stderr for a missing path', () => {
        const { code, stdout, stderr } = coop('validate', 'does-not-exist');
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toBe('coop : chemin introuvable : does-not-exist\n');
    });

    it('exits 2 when a folder holds no .coop file, and for a non-.coop file', () => {
        const empty = mkdtempSync(join(tmpdir(), 'coop-empty-'));
        expect(coop('validate', empty)).toMatchObject({ code: 2, stderr: `coop : aucun fichier .coop trouvé dans ${empty}\n` });
        expect(coop('validate', 'package.json')).toMatchObject({ code: 2, stderr: 'coop : package.json n\'est pas un fichier .coop\n' });
    });

    it('exits 2 for a file that is not UTF-8 text', () => {
        const folder = mkdtempSync(join(tmpdir(), 'coop-latin1-'));
        writeFileSync(join(folder, 'latin1.coop'), Buffer.from([0x70, 0xe9, 0xe9, 0x0a]));
        const { code, stderr } = coop('validate', folder);
        expect(code).toBe(2);
        expect(stderr).toMatch(/^coop : .*latin1\.coop n'est pas un fichier texte UTF-8/);
        expect(stderr.trim().split('\n')).toHaveLength(1);
    });

    it('exits 2 with a French line for bad options, never a stack trace', () => {
        for (const args of [['validate', '--format', 'xml'], ['validate', '--bogus'], ['valider']]) {
            const { code, stderr } = coop(...args);
            expect(code).toBe(2);
            expect(stderr).toMatch(/^coop : /);
            expect(stderr).not.toMatch(/\bat .*\.c?js:\d+/);
            expect(stderr.trim().split('\n')).toHaveLength(1);
        }
    });

    it('prints help and version', () => {
        expect(coop('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('Utilisation : coop') });
        expect(coop('--version')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    });
});
