import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'packages/cli/bin/coop.js');

function coop(cwd: string, ...args: string[]) {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A workspace with libraries, protocols that use them, a second library exporting a name already
 * exported by the first (nom-en-double across files), a protocol with an unknown reference, and one
 * with a syntax error: every thread must load the libraries, and the report must be the same,
 * byte for byte, whatever the number of threads.
 */
describe('coop validate on several threads', () => {
    let folder: string;
    beforeAll(() => {
        folder = mkdtempSync(join(tmpdir(), 'coop-parallel-'));
        const library = readFileSync('examples/bibliotheque-cpts.coop', 'utf8');
        writeFileSync(join(folder, 'bibliotheque-a.coop'), library);
        // The same names, exported a second time: nom-en-double in both libraries.
        writeFileSync(join(folder, 'bibliotheque-b.coop'), library.replace('Éléments partagés', 'Copie des éléments partagés'));
        const protocol = readFileSync('examples/soins-domicile-personnes-agees.coop', 'utf8');
        for (let i = 0; i < 24; i++) {
            let text = protocol.replace(/identifiant\s+\S+/, `identifiant PC-PAR-${i}`);
            if (i % 5 === 1) text = text.replace('cpts-has-rmm', 'cpts-has-inconnue');
            if (i % 7 === 3) text = text.replace(/\}\s*$/, '');
            writeFileSync(join(folder, `protocole-${String(i).padStart(2, '0')}.coop`), text);
        }
        for (const name of ['cystite-femme.coop', 'odynophagie.coop']) copyFileSync(join('examples', name), join(folder, name));
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('gives the same JSON report and exit code on 1, 2 and 3 threads', () => {
        const serial = coop(folder, 'validate', '.', '--format', 'json', '--jobs', '1');
        expect(serial.stderr).toBe('');
        expect(serial.code).toBe(1);
        const report = JSON.parse(serial.stdout);
        expect(report.files).toHaveLength(28);
        const codes = report.files.flatMap((file: { diagnostics: Array<{ code: string }> }) => file.diagnostics.map(d => d.code));
        expect(codes).toContain('nom-en-double');
        expect(codes).toContain('reference-inconnue');
        expect(codes).toContain('syntaxe');
        // A protocol using the libraries resolves them: no unknown reference in the unmodified ones.
        const clean = report.files.find((file: { path: string }) => file.path === 'protocole-00.coop');
        expect(clean.diagnostics.filter((d: { code: string }) => d.code === 'reference-inconnue')).toEqual([]);
        for (const jobs of ['2', '3']) {
            const parallel = coop(folder, 'validate', '.', '--format', 'json', '--jobs', jobs);
            expect(parallel.stderr).toBe('');
            expect(parallel.code).toBe(serial.code);
            expect(parallel.stdout).toBe(serial.stdout);
        }
    });

    it('gives the same readable report on several threads', () => {
        const serial = coop(folder, 'validate', '.', '--jobs', '1');
        const parallel = coop(folder, 'validate', '.', '--jobs', '2');
        expect(parallel.code).toBe(serial.code);
        expect(parallel.stdout).toBe(serial.stdout);
    });

    it('refuses a --jobs that is not a whole number, in French', () => {
        const result = coop(folder, 'validate', '.', '--jobs', 'deux');
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('coop : valeur « deux » invalide pour --jobs : un nombre entier ≥ 1 est attendu.\n');
    });
});
