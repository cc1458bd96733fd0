import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocaleSetting } from 'coop-language';
import { explainError } from '../packages/cli/src/read-input.js';

const CLI = join(process.cwd(), 'packages/cli/bin/coop.js');

/** Runs the built CLI; a hang fails the test after 20 s instead of blocking the suite. */
function coop(cwd: string, ...args: string[]) {
    const started = Date.now();
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 20_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

describe('errno codes in words', () => {
    const fr = new LocaleSetting();
    const en = new LocaleSetting();
    en.current = 'en';
    it('explains the usual codes and keeps the code in brackets', () => {
        expect(explainError({ code: 'EACCES' }, fr)).toBe('accès refusé (EACCES)');
        expect(explainError({ code: 'ENOENT' }, fr)).toBe('fichier ou dossier introuvable (ENOENT)');
        expect(explainError({ code: 'ELOOP' }, fr)).toBe('trop de liens symboliques (boucle de liens ?) (ELOOP)');
        expect(explainError({ code: 'EISDIR' }, fr)).toBe('c\'est un dossier, pas un fichier (EISDIR)');
        expect(explainError({ code: 'ENOTDIR' }, fr)).toBe('un élément du chemin n\'est pas un dossier (ENOTDIR)');
        expect(explainError({ code: 'EMFILE' }, fr)).toBe('trop de fichiers ouverts par le processus (EMFILE)');
        expect(explainError({ code: 'EACCES' }, en)).toBe('permission denied (EACCES)');
    });
    it('names an unknown code as a system error, never bare', () => {
        expect(explainError({ code: 'EWHATEVER' }, fr)).toBe('erreur système EWHATEVER');
    });
});

describe.skipIf(process.platform === 'win32')('coop reads regular files only and never hangs', () => {
    let folder: string;
    beforeAll(() => {
        folder = mkdtempSync(join(tmpdir(), 'coop-robust-'));
        execFileSync('mkfifo', [join(folder, 'tube.coop')]);
        mkdirSync(join(folder, 'avec-tube'));
        execFileSync('mkfifo', [join(folder, 'avec-tube', 'x.coop')]);
        symlinkSync('/dev/zero', join(folder, 'zero.coop'));
        symlinkSync('boucle.coop', join(folder, 'boucle.coop'));
        mkdirSync(join(folder, 'liens'));
        copyFileSync('examples/cystite-femme.coop', join(folder, 'cystite.coop'));
        symlinkSync(join(folder, 'cystite.coop'), join(folder, 'liens', 'lien-cystite.coop'));
        mkdirSync(join(folder, 'liens', 'sous'));
        symlinkSync('..', join(folder, 'liens', 'sous', 'parent')); // a loop of folders
        writeFileSync(join(folder, 'un-fichier'), 'pas un dossier');
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('refuses a FIFO named .coop at once, with exit 2 and one French line', () => {
        const result = coop(folder, 'validate', 'tube.coop');
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('coop : tube.coop n\'est pas un fichier ordinaire (un tube nommé (FIFO)) : il n\'est pas lu.\n');
        expect(result.ms).toBeLessThan(15_000);
    });

    it('refuses a FIFO found in a folder', () => {
        const result = coop(folder, 'validate', 'avec-tube');
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('coop : avec-tube/x.coop n\'est pas un fichier ordinaire (un tube nommé (FIFO)) : il n\'est pas lu.\n');
    });

    it('refuses a link to /dev/zero', () => {
        const result = coop(folder, 'validate', 'zero.coop');
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('coop : zero.coop n\'est pas un fichier ordinaire (un périphérique) : il n\'est pas lu.\n');
    });

    it('explains a loop of links in words', () => {
        const result = coop(folder, 'validate', 'boucle.coop');
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('coop : lecture impossible de boucle.coop : trop de liens symboliques (boucle de liens ?) (ELOOP)\n');
    });

    it('follows symbolic links inside folders, and a loop of folders ends', () => {
        const result = coop(folder, 'validate', 'liens', '--format', 'json');
        expect(result.stderr).toBe('');
        const report = JSON.parse(result.stdout);
        // The linked file, once (the loop back to the parent finds it again but it is loaded once).
        expect(report.files.map((file: { path: string }) => file.path)).toEqual(['liens/lien-cystite.coop']);
        expect(result.code).toBe(0);
    });

    it('-o under a path that is a file: one French line and exit 2', () => {
        const result = coop(folder, 'validate', 'cystite.coop', '-o', 'un-fichier/rapport.json');
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('coop : écriture impossible de un-fichier/rapport.json : un-fichier n\'est pas un dossier\n');
    });

    it('-o naming a folder: one French line and exit 2', () => {
        const result = coop(folder, 'validate', 'cystite.coop', '-o', 'liens');
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('coop : écriture impossible de liens : c\'est un dossier, pas un fichier (EISDIR)\n');
    });
});
