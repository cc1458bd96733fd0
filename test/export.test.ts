import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the built CLI (`npm run build` first; `npm test` does it) as a user would. */
const CLI = resolve('packages/cli/bin/coop.js');

function coop(args: string[], cwd = process.cwd()) {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The dossier's text with its no-break spaces (French typography) as plain spaces. */
function plain(text: string): string {
    return text.replace(/[\u00A0\u202F]/g, ' ');
}

/** The line `coop export` writes on stderr when the dossier still has errors. */
function nonConforming(path: string, count: number): string {
    return `coop : ${path} contient ${count} erreur(s) : le dossier est exporté avec le bandeau « NON CONFORME » et la liste des points en annexe.\n`;
}

function tempDir(): string {
    return mkdtempSync(join(tmpdir(), 'coop-export-'));
}

/** `/Type /Page` objects of a PDF (not `/Pages`). */
function pageCount(pdf: Buffer): number {
    return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

// Each export starts the CLI (about a second) and a PDF is laid out a few times: generous timeouts.
describe('coop export (end to end)', { timeout: 180_000 }, () => {
    const out = tempDir();

    it('exports the cystitis protocol as PDF', () => {
        const target = join(out, 'cystite.pdf');
        const { code, stdout, stderr } = coop(['export', 'examples/cystite-femme.coop', '--format', 'pdf', '--out', target]);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const pdf = readFileSync(target);
        expect(stdout).toBe(`✔ ${target} écrit (PDF, ${Math.round(pdf.length / 1024)} Ko).\n`);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pageCount(pdf)).toBeGreaterThan(3);
    });

    it('exports the cystitis protocol as DOCX', () => {
        const target = join(out, 'cystite.docx');
        const { code, stderr } = coop(['export', 'examples/cystite-femme.coop', '--format', 'docx', '--out', target]);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const docx = readFileSync(target);
        expect(docx.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
        expect(docx.includes(Buffer.from('word/document.xml'))).toBe(true);
    });

    it('exports the cystitis protocol as HTML', () => {
        const target = join(out, 'cystite.html');
        const { code, stderr } = coop(['export', 'examples/cystite-femme.coop', '--format', 'html', '--out', target]);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const html = plain(readFileSync(target, 'utf8'));
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html).toContain('<h1 class="coop-title">Prise en charge de la pollakiurie');
        expect(html).toContain('Contrôles automatiques : 16/16 exigences vérifiées');
        expect(html).not.toMatch(/<script/i);
    });

    it('writes the same bytes twice, and guesses the format from --out', () => {
        const first = join(out, 'a.pdf');
        const second = join(out, 'b.pdf');
        expect(coop(['export', 'examples/cystite-femme.coop', '--out', first]).code).toBe(0);
        expect(coop(['export', 'examples/cystite-femme.coop', '--out', second]).code).toBe(0);
        expect(Buffer.compare(readFileSync(first), readFileSync(second))).toBe(0);
        expect(coop(['export', 'examples/cystite-femme.coop', '--out', join(out, 'x.docx')]).code).toBe(0);
        expect(readFileSync(join(out, 'x.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
    });

    it('writes beside the protocol by default, in English with --lang en', () => {
        const folder = tempDir();
        copyFileSync('examples/cystite-femme.coop', join(folder, 'cystite.coop'));
        const { code, stdout } = coop(['export', 'cystite.coop', '--format', 'html', '--lang', 'en'], folder);
        expect(code).toBe(0);
        expect(stdout).toBe('✔ cystite.html written (HTML, ' + stdout.match(/(\d+) KB/)![1] + ' KB).\n');
        const html = readFileSync(join(folder, 'cystite.html'), 'utf8');
        expect(html).toContain('<html lang="en">');
        expect(html).toContain('Conformity to the essential requirements');
    });

    it('loads the protocol with its folder, so that its libraries resolve', () => {
        const target = join(out, 'workspace.html');
        expect(coop(['export', 'test/fixtures/workspace/protocole.coop', '--out', target]).code).toBe(0);
        const html = readFileSync(target, 'utf8');
        expect(html).not.toContain('reference-inconnue');
        expect(html).toContain('Module de base');
    });

    it('reads only the protocol and the libraries it uses: a broken neighbour or a draft never breaks the export', () => {
        const folder = tempDir();
        copyFileSync('test/fixtures/workspace/protocole.coop', join(folder, 'protocole.coop'));
        copyFileSync('test/fixtures/workspace/commun.coop', join(folder, 'commun.coop'));
        // Neighbours that would each add errors, warnings or a crashing check to a whole-folder validation.
        writeFileSync(join(folder, 'casse.coop'), 'protocole""parcours{étape');
        writeFileSync(join(folder, 'gouvernance.coop'), 'protocole""type local\ncadre établissement\ngouvernance{Décision');
        writeFileSync(join(folder, 'copie.coop'), readFileSync('test/fixtures/workspace/commun.coop', 'utf8').replace('"Ressources communes"', '"Copie"'));
        writeFileSync(join(folder, 'binaire.coop'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
        mkdirSync(join(folder, 'brouillons'));
        writeFileSync(join(folder, 'brouillons', 'protocole.coop'), readFileSync('test/fixtures/workspace/protocole.coop', 'utf8').slice(0, 80));
        writeFileSync(join(folder, 'brouillons', 'commun.coop'), readFileSync('test/fixtures/workspace/commun.coop', 'utf8'));
        const result = coop(['export', 'protocole.coop', '--format', 'html'], folder);
        // The fixture is a small protocol with errors: stderr says so in one line, nothing about the neighbours.
        expect(result.code).toBe(0);
        expect(result.stderr).toMatch(/^coop : protocole\.coop contient \d+ erreur\(s\) : le dossier est exporté avec le bandeau « NON CONFORME » et la liste des points en annexe\.\n$/);
        const html = readFileSync(join(folder, 'protocole.html'), 'utf8');
        expect(html).toContain('Module de base');
        expect(html).not.toContain('reference-inconnue');
        expect(html).not.toMatch(/doublon|en-double|syntaxe/);
        expect(html).not.toContain('Copie');

        // The same protocol alone in its folder: the library is missing, and the export says so.
        const alone = tempDir();
        copyFileSync('test/fixtures/workspace/protocole.coop', join(alone, 'protocole.coop'));
        mkdirSync(join(alone, 'sous-dossier'));
        copyFileSync('test/fixtures/workspace/commun.coop', join(alone, 'sous-dossier', 'commun.coop'));
        const lonely = coop(['export', 'protocole.coop', '--format', 'html'], alone);
        expect(lonely.code).toBe(0);
        expect(lonely.stderr).toMatch(/^coop : protocole\.coop contient \d+ erreur\(s\) : le dossier est exporté avec le bandeau « NON CONFORME » et la liste des points en annexe\.\n$/);
        expect(readFileSync(join(alone, 'protocole.html'), 'utf8')).not.toContain('Module de base');
    });

    it('writes the same bytes whatever the time zone (HTML, PDF, DOCX)', () => {
        for (const format of ['html', 'pdf', 'docx']) {
            const exports = ['UTC', 'Pacific/Kiritimati', 'America/Santiago'].map(zone => {
                const target = join(out, `tz-${zone.replace('/', '-')}.${format}`);
                const result = spawnSync(process.execPath, [CLI, 'export', 'examples/cystite-femme.coop', '--out', target], { encoding: 'utf8', env: { ...process.env, TZ: zone } });
                expect(result.status).toBe(0);
                return readFileSync(target);
            });
            expect(Buffer.compare(exports[0], exports[1])).toBe(0);
            expect(Buffer.compare(exports[0], exports[2])).toBe(0);
        }
    });

    it('exports a protocol with errors, with a warning for syntax errors', () => {
        const target = join(out, 'syntaxe.pdf');
        const { code, stdout, stderr } = coop(['export', 'test/fixtures/invalid/syntaxe.coop', '--out', target]);
        expect(code).toBe(0);
        expect(stderr.split('\n')[0]).toBe('coop : attention, test/fixtures/invalid/syntaxe.coop contient 1 erreur(s) de syntaxe ; le document exporté les signale mais peut être incomplet.');
        expect(stderr.split('\n')[1]).toMatch(/^coop : test\/fixtures\/invalid\/syntaxe\.coop contient \d+ erreur\(s\) : le dossier est exporté avec le bandeau « NON CONFORME »/);
        expect(stdout).toContain('syntaxe.pdf écrit');
        expect(readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-');

        const errors = join(out, 'profession.html');
        const result = coop(['export', 'test/fixtures/invalid/profession-inconnue.coop', '--out', errors]);
        expect(result.code).toBe(0);
        const count = Number(/contient (\d+) erreur/.exec(result.stderr)?.[1]);
        expect(result.stderr).toBe(nonConforming('test/fixtures/invalid/profession-inconnue.coop', count));
        const html = plain(readFileSync(errors, 'utf8'));
        expect(html).toContain('coop-note coop-note-error');
        expect(html).toContain(count === 1 ? 'NON CONFORME — 1 erreur' : `NON CONFORME — ${count} erreurs`);
        // The reviewer's annex: requirement, finding, section; the source line only when asked.
        expect(html).toContain('Annexe — Points relevés par la vérification automatique');
        expect(html).not.toContain('<th>Ligne</th>');
        expect(coop(['export', 'test/fixtures/invalid/profession-inconnue.coop', '--avec-lignes', '--out', errors]).code).toBe(0);
        expect(plain(readFileSync(errors, 'utf8'))).toContain('<th>Ligne</th>');
    });

    it('exits 2 with one line for a missing file, a folder, a library, a bad format or an unwritable output', () => {
        expect(coop(['export', 'nope.coop', '--out', join(out, 'n.pdf')])).toMatchObject({ code: 2, stdout: '', stderr: 'coop : chemin introuvable : nope.coop\n' });
        expect(coop(['export', 'examples/bibliotheque-cpts.coop', '--out', join(out, 'l.pdf')]))
            .toMatchObject({ code: 2, stderr: 'coop : examples/bibliotheque-cpts.coop est une bibliothèque, pas un protocole : rien à exporter.\n' });
        const format = coop(['export', 'examples/cystite-femme.coop', '--format', 'odt']);
        expect(format.code).toBe(2);
        expect(format.stderr).toBe('coop : valeur « odt » invalide pour --format ; valeurs admises : html, pdf, docx.\n');
        const missing = coop(['export']);
        expect(missing).toMatchObject({ code: 2, stderr: 'coop : argument manquant « fichiers ». Voir « coop --help ».\n' });
        const unwritable = coop(['export', 'examples/cystite-femme.coop', '--out', join(out, 'no-such-folder', 'x.pdf')]);
        expect(unwritable.stderr).toBe(`coop : écriture impossible de ${join(out, 'no-such-folder', 'x.pdf')} : fichier ou dossier introuvable (ENOENT)\n`);
        expect(unwritable.code).toBe(2);
        expect(unwritable.stderr).toMatch(/^coop : écriture impossible de .*x\.pdf : fichier ou dossier introuvable \(ENOENT\)\n$/);
        expect(existsSync(join(out, 'n.pdf'))).toBe(false);
    });

    it('lays the dossier out as the HAS 2012 fiche projet with --disposition has-2012', () => {
        const target = join(out, 'cystite-has.html');
        expect(coop(['export', 'examples/cystite-femme.coop', '--disposition', 'has-2012', '--out', target])).toMatchObject({ code: 0, stderr: '' });
        const html = plain(readFileSync(target, 'utf8'));
        expect(html).toContain('<th>ITEMS</th><th>CONSEILS</th><th>ÉLÉMENTS DE RÉPONSE</th>');
        expect(html).toContain('Description du processus de prise en charge du patient');
        const wrong = coop(['export', 'examples/cystite-femme.coop', '--disposition', 'has-2020']);
        expect(wrong).toMatchObject({ code: 2, stderr: 'coop : valeur « has-2020 » invalide pour --disposition ; valeurs admises : exigences, has-2012.\n' });
    });

    it('reads the rule levels of coop.config.json', () => {
        const folder = tempDir();
        mkdirSync(join(folder, 'protocoles'));
        writeFileSync(join(folder, 'protocoles', 'p.coop'), readFileSync('examples/cystite-femme.coop', 'utf8').replace(/\n\s*responsabilité civile "[^"]*"/, '\n'));
        writeFileSync(join(folder, 'coop.config.json'), JSON.stringify({ rules: { 'responsabilite-civile-absente': 'off' } }));
        expect(coop(['export', 'protocoles/p.coop', '--out', 'p.html'], folder).code).toBe(0);
        expect(plain(readFileSync(join(folder, 'p.html'), 'utf8'))).toContain('Contrôles automatiques : 16/16 exigences vérifiées');
        writeFileSync(join(folder, 'coop.config.json'), JSON.stringify({ rules: {} }));
        expect(coop(['export', 'protocoles/p.coop', '--out', 'p.html'], folder).code).toBe(0);
        expect(plain(readFileSync(join(folder, 'p.html'), 'utf8'))).toContain('Contrôles automatiques : 15/16 exigences vérifiées');
    });
});
