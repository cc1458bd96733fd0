import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

/** Runs the built CLI (`npm run build` first) as a user would. */
const CLI = resolve('packages/cli/bin/coop.js');
const EXAMPLE = resolve('examples/equipe-msp-cystite.coop');

function coop(args: string[], cwd = process.cwd()) {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'coop-team-'));
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

describe('coop catalogue', { timeout: 60_000 }, () => {
    it('lists the national protocols with their state, versions and sources', () => {
        const { code, stdout, stderr } = coop(['catalogue']);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        expect(stdout).toMatch(/^cystite {2}Prise en charge de la pollakiurie/m);
        expect(stdout).toContain('    droit commun : pharmacien depuis le 17/06/2024  [vérifié]');
        expect(stdout).toMatch(/\d+ protocole\(s\) national\(aux\)\./);
        const json = JSON.parse(coop(['catalogue', '-f', 'json']).stdout) as { protocoles: Array<{ name: string; versions: unknown[] }> };
        expect(json.protocoles.find(entry => entry.name === 'odynophagie')!.versions).toHaveLength(2);
    });

    it('adds the entries of a workspace catalogue file', () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'catalogue.coop'), 'catalogue {\n    protocole-national plaies "Suivi des plaies chroniques par l\'infirmier" {\n        délégant médecin\n        délégué infirmier\n    }\n}\n');
        const { stdout } = coop(['catalogue', '.'], dir);
        expect(stdout).toMatch(/^plaies {2}Suivi des plaies chroniques/m);
        expect(stdout).toContain('(ajouté par');
    });
});

describe('coop validate on team files', { timeout: 120_000 }, () => {
    it('validates a team file alone, with the local protocol of its folder', () => {
        const { code, stdout } = coop(['validate', 'examples/equipe-ch-insuline.coop']);
        expect(stdout).toBe('✔ 1 fichier(s) validé(s) : aucun problème.\n');
        expect(code).toBe(0);
    });

    it('finds the applied local protocol in parallel validation too', () => {
        const { code, stdout } = coop(['validate', '-j', '2', 'examples']);
        expect(stdout).not.toContain('cas-protocole-inconnu');
        expect(stdout).toMatch(/✔ 13 fichier\(s\) validé\(s\) : aucune erreur ni avertissement ; \d+ info\(s\) à lire/);
        expect(code).toBe(0);
    });

    it('reports an applied protocol that does not exist, with the nearest name', () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'equipe.coop'), readFileSync(EXAMPLE, 'utf8').replace('applique cystite', 'applique odynophagi'));
        const { code, stdout } = coop(['validate', 'equipe.coop'], dir);
        expect(code).toBe(1);
        expect(stdout).toContain('Le protocole appliqué « odynophagi » est introuvable');
        expect(stdout).toContain('Vouliez-vous dire « odynophagie » ?');
    });
});

describe('coop declaration', { timeout: 180_000 }, () => {
    it('writes the CSV and JSON of the form and signable PDF and DOCX documents, deterministically', () => {
        const out = join(tempDir(), 'dossier');
        const { code, stdout, stderr } = coop(['declaration', EXAMPLE, '-o', out]);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        expect(stdout).toContain('5 document(s) à signer');
        const rows = parse(readFileSync(join(out, 'declaration.csv')), { columns: true, delimiter: ';', bom: true }) as Array<Record<string, string>>;
        expect(rows).toHaveLength(4);
        expect(Object.keys(rows[0]).slice(0, 3)).toEqual(['Protocole', 'Intitulé du protocole', 'Type de protocole']);
        expect(rows.map(row => [row['Nom'], row['Rôle'], row['RPPS']])).toEqual([
            ['Durand', 'délégant', '10001234567'], ['Nguyen', 'délégant', '10002345678'], ['Martin', 'délégué', '10003456789'], ['Bernard', 'délégué', '10004567890']
        ]);
        expect(rows[0]['FINESS']).toBe('690012345');
        const json = JSON.parse(readFileSync(join(out, 'declaration.json'), 'utf8')) as { protocole: { code: string; kind: string }; professionnels: unknown[] };
        expect(json.protocole).toMatchObject({ code: 'cystite', kind: 'national' });
        expect(json.professionnels).toHaveLength(4);
        const files = readdirSync(join(out, 'documents')).sort();
        expect(files).toEqual(['01-durand-paul.docx', '01-durand-paul.pdf', '02-nguyen-lise.docx', '02-nguyen-lise.pdf', '03-martin-claire.docx', '03-martin-claire.pdf',
            '04-bernard-julie.docx', '04-bernard-julie.pdf', 'representant-legal.docx', 'representant-legal.pdf']);
        for (const name of files.filter(file => file.endsWith('.pdf'))) {
            const pdf = readFileSync(join(out, 'documents', name));
            expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
            expect(pageCount(pdf)).toBeGreaterThan(0);
        }
        for (const name of files.filter(file => file.endsWith('.docx'))) {
            const entries = unzipSync(new Uint8Array(readFileSync(join(out, 'documents', name))));
            expect(Object.keys(entries)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
        }
        const claire = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(join(out, 'documents', '03-martin-claire.docx'))))['word/document.xml']);
        expect(claire).toContain('Attestation sur l');
        expect(claire).toContain('cystite-ide');
        // Same input, same bytes.
        const again = join(tempDir(), 'dossier');
        coop(['declaration', EXAMPLE, '-o', again]);
        for (const name of ['declaration.csv', 'declaration.json', 'documents/03-martin-claire.pdf', 'documents/03-martin-claire.docx']) {
            expect(readFileSync(join(again, name)).equals(readFileSync(join(out, name))), name).toBe(true);
        }
    });

    it('refuses a file that is not a team file, in French', () => {
        const { code, stderr } = coop(['declaration', 'examples/cystite-femme.coop', '-o', join(tempDir(), 'x')]);
        expect(code).toBe(2);
        expect(stderr).toBe('coop : examples/cystite-femme.coop n\'est pas un fichier d\'équipe (« équipe "…" applique … { … } »)\n');
    });
});

describe('coop equipe diff', { timeout: 60_000 }, () => {
    const second = readFileSync(EXAMPLE, 'utf8')
        .replace(/    membre "Nguyen" "Lise"[\s\S]*?\n    \}\n/, '')
        .replace('    attestations {', '    membre "Roche" "Anaïs" : infirmier délégué {\n        rpps 10005678901\n        engagement 2025-06-02\n        formation cystite-ide le 2025-05-20\n    }\n\n    attestations {')
        .replace('membre "Martin" "Claire" : infirmier délégué', 'membre "Martin" "Claire" : infirmier délégué');

    it('prints the members added, removed and changed between two files', () => {
        const dir = tempDir();
        copyFileSync(EXAMPLE, join(dir, 'avant.coop'));
        writeFileSync(join(dir, 'apres.coop'), second.replace('formation cystite-ide du 2025-01-14 "Même session, attestation n° 2025-015"', 'formation cystite-ide du 2025-01-14 "Même session, attestation n° 2025-015"\n        formation cystite-ide le 2026-01-12 "Maintien annuel"'));
        const { code, stdout, stderr } = coop(['equipe', 'diff', 'avant.coop', 'apres.coop'], dir);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        expect(stdout).toContain('  + ajouté   Anaïs Roche, infirmier, délégué (RPPS 10005678901)');
        expect(stdout).toContain('  - retiré   Lise Nguyen, médecin, délégant (RPPS 10002345678)');
        expect(stdout).toContain('  ~ modifié  Julie Bernard : formation cystite-ide du 12/01/2026 ajoutée');
        expect(stdout).toContain('1 ajouté(s), 1 retiré(s), 1 modifié(s).');
        const json = JSON.parse(coop(['equipe', 'diff', 'avant.coop', 'apres.coop', '-f', 'json'], dir).stdout) as { ajoutes: Array<{ nom: string }>; retires: Array<{ nom: string }> };
        expect(json.ajoutes.map(member => member.nom)).toEqual(['Roche']);
        expect(json.retires.map(member => member.nom)).toEqual(['Nguyen']);
    });

    it('reads a version from git with fichier@révision', () => {
        const dir = tempDir();
        const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, encoding: 'utf8' });
        git('init', '-q');
        copyFileSync(EXAMPLE, join(dir, 'equipe.coop'));
        git('add', '.');
        git('commit', '-qm', 'v1');
        writeFileSync(join(dir, 'equipe.coop'), second);
        const { code, stdout, stderr } = coop(['equipe', 'diff', 'equipe.coop@HEAD', 'equipe.coop'], dir);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        expect(stdout).toContain('Modification d\'équipe : equipe.coop@HEAD → equipe.coop');
        expect(stdout).toContain('+ ajouté   Anaïs Roche');
        expect(stdout).toContain('- retiré   Lise Nguyen');
        const missing = coop(['equipe', 'diff', 'equipe.coop@nope', 'equipe.coop'], dir);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toMatch(/^coop : impossible de lire .*equipe\.coop à la révision « nope » avec git : /);
    });
});

describe('coop nouveau equipe', { timeout: 60_000 }, () => {
    it('writes a team file with the roles of a national protocol, which reads without syntax errors', () => {
        const dir = tempDir();
        const { code, stdout } = coop(['nouveau', 'equipe', 'odynophagie', '-o', 'equipe.coop'], dir);
        expect(code).toBe(0);
        expect(stdout).toBe('✔ Fichier d\'équipe écrit : equipe.coop (à compléter, puis coop validate equipe.coop)\n');
        const text = readFileSync(join(dir, 'equipe.coop'), 'utf8');
        expect(text).toContain('applique odynophagie {');
        expect(text).toMatch(/membre "Nom" "Prénom" : médecin délégant/);
        expect(text).toMatch(/membre "Nom" "Prénom" : infirmier délégué/);
        // Pharmacists left the protocol in June 2024 (ordinary law): no pharmacist to fill in.
        expect(text).not.toMatch(/pharmacien délégué/);
        expect(text).toContain('    // pharmacien : actes dans le droit commun depuis le 17/06/2024, hors protocole');
        const report = JSON.parse(coop(['validate', 'equipe.coop', '-f', 'json'], dir).stdout) as { files: Array<{ diagnostics: Array<{ code: string }> }> };
        const codes = report.files[0].diagnostics.map(d => d.code);
        expect(codes).not.toContain('syntaxe');
        expect(codes).not.toContain('reference-inconnue');
        // Placeholders are placeholders: the skeleton's duplicate names are reported, as they should.
        expect(codes).toContain('membre-en-double');
        expect(coop(['nouveau', 'equipe', 'odynophagie', '-o', 'equipe.coop'], dir).stderr).toBe('coop : equipe.coop existe déjà ; choisissez un autre fichier avec -o\n');
    });

    it('names the nearest protocol when the name is unknown', () => {
        const { code, stderr } = coop(['nouveau', 'equipe', 'cistite'], tempDir());
        expect(code).toBe(2);
        expect(stderr).toContain('Vouliez-vous dire « cystite » ?');
    });
});
