import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createCoopServices, loadAndValidate } from 'coop-language';

/**
 * The promise of the rule catalogue: remove any mandatory section from a complete example and the
 * matching rule reports an error (so `coop validate` exits 1 with that code).
 */
const EXAMPLE = readFileSync('examples/cystite-femme.coop', 'utf8');
const { shared } = createCoopServices(EmptyFileSystem);

/**
 * Removes the element whose first line matches `start`: that line alone, or, when it opens a block
 * (`{` at the end of the line), everything up to the closing brace at the same indentation.
 */
function withoutSection(text: string, start: RegExp): string {
    const lines = text.split('\n');
    const first = lines.findIndex(line => start.test(line));
    if (first < 0) throw new Error(`section ${start} not found`);
    const indent = /^\s*/.exec(lines[first])![0];
    const last = /\{\s*$/.test(lines[first]) ? lines.findIndex((line, index) => index > first && line === `${indent}}`) : first;
    return [...lines.slice(0, first), ...lines.slice(last + 1)].join('\n');
}

async function codesOf(text: string): Promise<Array<{ code: string; severity: number }>> {
    const uri = URI.file(`/sections/${Math.random()}.coop`);
    const [result] = await loadAndValidate(shared, [{ uri, text }]);
    shared.workspace.LangiumDocuments.deleteDocument(uri);
    return result.diagnostics.map(d => ({ code: String(d.code), severity: d.severity ?? 1 }));
}

const CASES: Array<[string, RegExp, string]> = [
    ['références', /^\s*références \{/, 'references-absentes'],
    ['délégant', /^\s*délégant mg/, 'delegant-absent'],
    ['délégué', /^\s*délégué ide/, 'delegue-absent'],
    ['patients', /^\s*patients \{/, 'criteres-inclusion-absents'],
    ['lieu', /^\s*lieu "/, 'lieu-absent'],
    ['formation', /^\s*formation f-ide/, 'formation-absente'],
    ['parcours', /^\s*parcours principal/, 'parcours-absent'],
    ['coordination', /^\s*coordination \{/, 'coordination-absente'],
    ['réorientations', /^\s*réorientations \{/, 'reorientations-absentes'],
    ['disponibilité', /^\s*disponibilité \{/, 'disponibilite-absente'],
    ['information du patient', /^\s*information du patient \{/, 'information-patient-absente'],
    ['système d\'information', /^\s*système d'information \{/, 'partage-donnees-absent'],
    ['gestion des risques', /^\s*gestion des risques \{/, 'gestion-risques-absente'],
    ['responsabilité civile', /^\s*responsabilité civile "/, 'responsabilite-civile-absente'],
    ['indicateur patients', /^\s*indicateur nb-patients/, 'indicateur-patients-absent'],
    ['indicateur reprise', /^\s*indicateur reprise/, 'indicateur-reprise-absent'],
    ['indicateur EI', /^\s*indicateur ei /, 'indicateur-ei-absent'],
    ['indicateur satisfaction', /^\s*indicateur satisfaction/, 'indicateur-satisfaction-absent'],
    ['type', /^\s*type national/, 'type-absent'],
    ['cadre', /^\s*cadre msp/, 'cadre-absent'],
    ['modèle économique', /^\s*modèle économique/, 'modele-economique-absent']
];

describe('removing a mandatory section from a complete example', () => {
    it('starts from an example without any error', async () => {
        expect((await codesOf(EXAMPLE)).filter(d => d.severity === 1)).toEqual([]);
    });

    it('« gouvernance » removed from a local hospital protocol → error decision-etablissement-absente', async () => {
        const local = readFileSync('examples/insuline-adaptation-doses.coop', 'utf8');
        expect((await codesOf(local)).filter(d => d.severity === 1)).toEqual([]);
        expect(await codesOf(withoutSection(local, /^\s*gouvernance \{/))).toContainEqual({ code: 'decision-etablissement-absente', severity: 1 });
    });

    for (const [label, start, code] of CASES) {
        it(`« ${label} » removed → error ${code}`, async () => {
            const diagnostics = await codesOf(withoutSection(EXAMPLE, start));
            expect(diagnostics.filter(d => d.code === 'syntaxe')).toEqual([]);
            expect(diagnostics).toContainEqual({ code, severity: 1 });
        });
    }
});
