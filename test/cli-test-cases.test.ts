import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../packages/cli/src/program.js';

async function coop(args: string[]) {
    let stdout = '', stderr = '';
    const code = await run(args, { stdout: text => { stdout += text; }, stderr: text => { stderr += text; } });
    return { code, stdout, stderr };
}

function workspace(): string {
    const dir = mkdtempSync(join(tmpdir(), 'coop-cas-'));
    cpSync('examples/cystite-femme.coop', join(dir, 'cystite-femme.coop'));
    return dir;
}

describe('coop test', () => {
    it('runs the cases of the examples: all pass, exit 0', async () => {
        const result = await coop(['test', 'examples']);
        expect(result.stdout).toMatch(/✔ \d+ cas : (\d+) réussi\(s\), 0 en échec\./);
        expect(result.code).toBe(0);
    });

    it('plays the cases of a folder given alone: their protocols are found in the folder above', async () => {
        const result = await coop(['test', 'examples/cas']);
        expect(result.stdout).not.toContain('cas-protocole-inconnu');
        expect(result.stdout).toMatch(/✔ \d+ cas : (\d+) réussi\(s\), 0 en échec\./);
        expect(result.code).toBe(0);
    });

    it('a wrong expectation fails with the path taken beside the expected outcome, exit 1', async () => {
        const dir = workspace();
        writeFileSync(join(dir, 'cas.coop'), `cas "Bandelette positive" pour PC-CYSTITE {
    données âge 30 ans, sexe féminin, debut 1 jour, temperature 37 °C, frissons non, douleur-lombaire non,
        grossesse-possible non, refus-patiente non, bandelette positive
    attendu réaliser bu puis orienter vers mg sous 48 h
}
`);
        const result = await coop(['test', dir]);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain('✗ ');
        expect(result.stdout).toContain('    attendu : réaliser bu puis orienter vers mg sous 2 jours');
        expect(result.stdout).toContain('    obtenu  : réaliser bu, prescription-atb puis fin');
        expect(result.stdout).toContain('    chemin suivi : accueil (sinon) → examen (sinon) → decision (bandelette = positive)');
        const junit = await coop(['test', dir, '--format', 'junit']);
        expect(junit.stdout).toContain('<failure message="attendu : réaliser bu puis orienter vers mg sous 2 jours ; obtenu : réaliser bu, prescription-atb puis fin">');
        const json = JSON.parse((await coop(['test', dir, '--format', 'json'])).stdout);
        expect(json.summary).toEqual({ total: 1, passed: 0, failed: 1 });
    });

    it('unknown datum, wrong type and missing datum are failures with French messages', async () => {
        const dir = workspace();
        writeFileSync(join(dir, 'cas.coop'), `cas "Fautes" pour PC-CYSTITE {
    données âge 30 ans, sexe féminin, temperatur 37 °C, bandelette peut-être
    attendu fin
}
`);
        const result = await coop(['test', dir]);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain('« temperatur » n\'est pas une donnée du protocole PC-CYSTITE');
        expect(result.stdout).toContain('La valeur donnée à « bandelette » ne convient pas : l\'une des valeurs positive, négative attendu.');
        expect(result.stdout).toMatch(/Le cas ne donne pas « \S+ », que lit l'étape « accueil »/);
    });

    it('--coverage lists the situations no case reaches', async () => {
        const dir = workspace();
        writeFileSync(join(dir, 'cas.coop'), `cas "Refus" pour PC-CYSTITE {
    données âge 30 ans, sexe féminin, debut 1 jour, temperature 37 °C, frissons non, douleur-lombaire non, grossesse-possible non, refus-patiente oui
    attendu orienter vers mg sous 48 h
}
`);
        const result = await coop(['test', dir, '--coverage']);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('Situations qu\'aucun cas n\'atteint');
        expect(result.stdout).toContain('PC-CYSTITE — étape « decision » : bandelette = positive');
        expect(result.stdout).not.toContain('étape « accueil » : un critère de retrait');
    });

    it('no case found: exit 2 with a French sentence', async () => {
        const result = await coop(['test', workspace()]);
        expect(result.code).toBe(2);
        expect(result.stdout).toContain('Aucun cas patient trouvé');
    });
});
