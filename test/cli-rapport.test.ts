import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

// `coop rapport` end to end through the built CLI (`npm run build` first), on the shipped journals.

const CLI = resolve('packages/cli/bin/coop.js');
const EXAMPLES = resolve('examples');
const FIXTURES = resolve('test/fixtures/activite');
const folders: string[] = [];
const tempDir = () => { const dir = mkdtempSync(join(tmpdir(), 'coop-rapport-')); folders.push(dir); return dir; };
afterAll(() => { for (const dir of folders) rmSync(dir, { recursive: true, force: true }); });

function coop(args: string[], cwd = EXAMPLES) {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cystite = (out: string, extra: string[] = []) => coop(['rapport', 'cystite-femme.coop', '--journal', 'activite/cystite-2025.csv', '--satisfaction', 'activite/cystite-2025-satisfaction.csv', '--equipe', 'equipe-msp-cystite.coop', '--periode', '2025', '-o', out, ...extra]);
const hasPdftoppm = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).error === undefined;

/** Share of non-white pixels of pdftoppm's 8-bit RGB PNG (filters undone). */
function ink(png: Buffer): number {
    let offset = 8, width = 0, height = 0;
    const data: Buffer[] = [];
    while (offset < png.length) {
        const length = png.readUInt32BE(offset);
        const type = png.subarray(offset + 4, offset + 8).toString('latin1');
        const chunk = png.subarray(offset + 8, offset + 8 + length);
        if (type === 'IHDR') { width = chunk.readUInt32BE(0); height = chunk.readUInt32BE(4); }
        if (type === 'IDAT') data.push(chunk);
        offset += length + 12;
    }
    const raw = inflateSync(Buffer.concat(data));
    const stride = width * 3;
    let previous = Buffer.alloc(stride), inked = 0;
    for (let y = 0; y < height; y++) {
        const line = Buffer.alloc(stride);
        const filter = raw[y * (stride + 1)];
        for (let x = 0; x < stride; x++) {
            const value = raw[y * (stride + 1) + 1 + x];
            const left = x >= 3 ? line[x - 3] : 0, up = previous[x], upLeft = x >= 3 ? previous[x - 3] : 0;
            const p = left + up - upLeft;
            const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
            line[x] = (value + [0, left, up, (left + up) >> 1, paeth][filter]) & 0xff;
        }
        for (let x = 0; x < stride; x += 3) if (line[x] < 235 || line[x + 1] < 235 || line[x + 2] < 235) inked++;
        previous = line;
    }
    return inked / (width * height);
}

describe('coop rapport', { timeout: 120_000 }, () => {
    it('writes the cystite report: indicators as hand-computed, financing, six files, exit 0', () => {
        const out = tempDir();
        const { code, stdout, stderr } = cystite(out);
        expect(code).toBe(0);
        expect(stdout).toContain('✔ Rapport 2025 écrit dans');
        expect(stdout).toContain('178 ligne(s) comptée(s), 0 exclue(s)');
        // The consultation billed the day after a care under the protocol is flagged (counted, forfait withheld).
        expect(stderr).toContain('activite/cystite-2025.csv:');
        expect(stderr).toContain('non cumulable avec le forfait');
        expect(stderr).toMatch(/^coop : 1 ligne\(s\) ou colonne\(s\) signalée\(s\)/);
        expect(stderr).not.toContain('exclue(s) des comptes');
        expect(stderr).not.toMatch(/SVGElem|Error|undefined/);
        expect(readdirSync(out).sort()).toEqual(['indicateurs.csv', 'mensuel.csv', 'rapport.docx', 'rapport.html', 'rapport.json', 'rapport.pdf']);
        const csv = readFileSync(join(out, 'indicateurs.csv'), 'utf8');
        expect(csv.startsWith('\ufeffindicateur;libelle;exigence;nature;numerateur;denominateur;valeur;objectif;seuil;etat\r\n')).toBe(true);
        expect(csv).toContain('reprise;Taux de reprise par le délégant;reprise;taux;6;104;5,8;< 20 %;> 30 %;objectif-atteint');
        expect(csv).toContain('satisfaction;Taux de satisfaction des professionnels;satisfaction-professionnels;taux;3;4;75;> 80 %;< 60 %;objectif-non-atteint');
        const json = JSON.parse(readFileSync(join(out, 'rapport.json'), 'utf8'));
        expect(json.financing).toMatchObject({ total: 1375, flagged: 1, forfaits: [{ patients: 56, withheld: 1, due: 1375 }] });
        const monthly = readFileSync(join(out, 'mensuel.csv'), 'utf8').split('\r\n');
        expect(monthly[1]).toBe('2025-01;4;8;0;0;4;0;0');
        const html = readFileSync(join(out, 'rapport.html'), 'utf8');
        expect(html.match(/<svg /g)?.length).toBe(3);
        expect(html).toContain('Taux de reprise par le délégant');
        // The DOCX carries each chart as SVG with a PNG fallback drawn by resvg (not blank).
        const docx = unzipSync(readFileSync(join(out, 'rapport.docx')));
        const media = Object.keys(docx).filter(name => name.startsWith('word/media/'));
        expect(media.filter(name => name.endsWith('.svg'))).toHaveLength(3);
        const pngs = media.filter(name => name.endsWith('.png'));
        expect(pngs).toHaveLength(3);
        for (const png of pngs) expect(docx[png].length).toBeGreaterThan(5000);
    });

    it('gives the same bytes twice (deterministic)', () => {
        const [a, b] = [tempDir(), tempDir()];
        expect(cystite(a).code).toBe(0);
        expect(cystite(b).code).toBe(0);
        for (const name of readdirSync(a)) expect(readFileSync(join(b, name)).equals(readFileSync(join(a, name))), name).toBe(true);
    });

    it.skipIf(!hasPdftoppm && process.env.CI !== 'true')('draws the charts in the PDF (pdftoppm)', () => {
        const out = tempDir();
        expect(cystite(out).code).toBe(0);
        const pages = join(out, 'page');
        const result = spawnSync('pdftoppm', ['-png', '-r', '50', join(out, 'rapport.pdf'), pages], { encoding: 'utf8' });
        expect(result.status).toBe(0);
        const images = readdirSync(out).filter(name => name.startsWith('page')).sort();
        expect(images.length).toBeGreaterThanOrEqual(4);
        const inks = images.map(name => ink(readFileSync(join(out, name))));
        expect(inks[0]).toBeGreaterThan(0.01);
        // The page of the rate charts (blue lines, dashed thresholds) has real ink on it.
        expect(Math.max(...inks.slice(2))).toBeGreaterThan(0.04);
    });

    it('exits 1 when an indicator crosses its alert threshold (insuline: adverse events)', () => {
        const out = tempDir();
        const { code, stdout } = coop(['rapport', 'insuline-adaptation-doses.coop', '--journal', 'activite/insuline-2025.csv', '--satisfaction', 'activite/insuline-2025-satisfaction.csv', '--equipe', 'equipe-ch-insuline.coop', '--periode', '2025', '-o', out]);
        expect(code).toBe(1);
        expect(stdout).toContain('⚠ 2 indicateur(s) au-delà du seuil d\'alerte : ei (2,4 % ; seuil > 2 %), hypo-apres-adaptation (5 % ; seuil > 2 %)');
        const json = JSON.parse(readFileSync(join(out, 'rapport.json'), 'utf8'));
        expect(json.financing.prime).toMatchObject({ due: 2400 });
        expect(readFileSync(join(out, 'rapport.html'), 'utf8')).toContain('2\u00a0400,00\u00a0€');
    });

    it('without the team file, the prime per délégué is said not computed, never « 0,00 € »', () => {
        const out = tempDir();
        coop(['rapport', 'insuline-adaptation-doses.coop', '--journal', 'activite/insuline-2025.csv', '--periode', '2025', '-o', out]);
        // The dossier's French typography puts no-break spaces before « : ».
        const html = readFileSync(join(out, 'rapport.html'), 'utf8').replace(/[\u00a0\u202f]/g, ' ');
        expect(html).toContain('prime de coopération non calculée : donnez le fichier d&#39;équipe, --equipe');
        expect(html).not.toMatch(/Financement dû<\/[^>]+>\s*<[^>]+>0,00/);
    });

    it('lists each excluded row with file:line and counts them', () => {
        const out = tempDir();
        const { code, stdout, stderr } = coop(['rapport', 'cystite-femme.coop', '--journal', join(FIXTURES, 'journal-defauts.csv'), '--equipe', 'equipe-msp-cystite.coop', '--periode', '2025', '-o', out]);
        expect(code).toBe(0);
        expect(stdout).toContain('4 ligne(s) comptée(s), 8 exclue(s)');
        expect(stderr).toContain('coop : 8 ligne(s) exclue(s) des comptes');
        expect(stderr).toContain('journal-defauts.csv:4  Acte « echographie » inconnu du protocole PC-CYSTITE');
        expect(stderr).toContain('journal-defauts.csv:9  Professionnel « 10099999999 » absent du fichier d\'équipe ; ligne exclue');
        const json = JSON.parse(readFileSync(join(out, 'rapport.json'), 'utf8'));
        expect(json.rows).toEqual({ read: 12, counted: 4, excluded: 8, flagged: 0 });
    });

    it('refuses a journal with an identifying column: exit 2, nothing written', () => {
        const out = join(tempDir(), 'rapport');
        const { code, stdout, stderr } = coop(['rapport', 'cystite-femme.coop', '--journal', join(FIXTURES, 'journal-identifiant.csv'), '--periode', '2025', '-o', out]);
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toContain('refusé, aucun rapport écrit');
        expect(stderr).toContain('journal-identifiant.csv:1  La colonne « nom » contient le nom du patient');
        expect(existsSync(out)).toBe(false);
        expect(coop(['rapport', 'cystite-femme.coop', '--journal', join(FIXTURES, 'journal-nir.csv'), '--periode', '2025', '-o', out]).code).toBe(2);
    });

    it('bad options and paths: one French line, exit 2', () => {
        const period = coop(['rapport', 'cystite-femme.coop', '--journal', 'activite/cystite-2025.csv', '--periode', 'l\'an dernier']);
        expect(period).toMatchObject({ code: 2 });
        expect(period.stderr).toBe('coop : période « l\'an dernier » illisible : attendu une année (2025), un mois (2025-03) ou aaaa-mm-jj..aaaa-mm-jj\n');
        const missing = coop(['rapport', 'cystite-femme.coop', '--journal', 'absent.csv', '--periode', '2025']);
        expect(missing).toMatchObject({ code: 2, stderr: 'coop : chemin introuvable : absent.csv\n' });
        const noJournal = coop(['rapport', 'cystite-femme.coop', '--periode', '2025']);
        expect(noJournal.code).toBe(2);
        expect(noJournal.stderr).toContain('--journal');
        const team = coop(['rapport', 'equipe-msp-cystite.coop', '--journal', 'activite/cystite-2025.csv', '--periode', '2025']);
        expect(team).toMatchObject({ code: 2, stderr: 'coop : equipe-msp-cystite.coop n\'est pas un protocole (« protocole "…" { … } »)\n' });
    });
});
