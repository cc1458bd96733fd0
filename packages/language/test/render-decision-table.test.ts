import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { buildDocumentModel, createCoopServices, loadAndValidate, renderHtml, type Block, type Locale, type TableBlock } from 'coop-language';
import { protocol } from './helpers.js';

async function decisionTables(text: string, locale: Locale = 'fr'): Promise<TableBlock[]> {
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    Coop.i18n.Locale.current = locale;
    const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/protocole.coop'), text }]);
    const model = buildDocumentModel(result.document, Coop);
    const tables: TableBlock[] = [];
    const visit = (block: Block) => {
        if (block.type === 'group') block.blocks.forEach(visit);
        if (block.type === 'table' && block.role === 'decision') tables.push(block);
    };
    for (const section of model.sections) section.blocks.forEach(visit);
    return tables;
}

const spaces = (text: string | undefined) => (text ?? '').replace(/\u00a0|\u202f/g, ' ');
const rows = (table: TableBlock) => table.rows.map(row => row.cells.map(cell => spaces(String(cell))));

/** The minimal protocol with data and one structured step `decision`. */
function withStep(situations: string, data = ''): string {
    return protocol('', {
        '    patients {': `    donnée temperature "Température" : nombre °C de 34 à 43
    donnée frissons "Frissons" : oui ou non
    donnée tdr "Résultat du TDR" : parmi positif, négatif, ininterprétable
    donnée debut "Début des symptômes" : durée
${data}
    patients {`,
        '            si "Bandelette positive" : réaliser atb puis fin\n            sinon : orienter vers mg sous 48 h': situations
    });
}

describe('decision tables (issue 9 §6)', () => {
    it('gives the odynophagia example one table per structured step, inputs × situations → action, first match, sinon last', async () => {
        const tables = await decisionTables(readFileSync(new URL('../../../examples/odynophagie.coop', import.meta.url), 'utf8'));
        expect(tables.map(table => spaces(table.title))).toEqual([
            'Table de décision — étape 1 « Accueil et vérification des critères »',
            'Table de décision — étape 3 « Indication du TROD »',
            'Table de décision — étape 5 « Décision selon le résultat du TROD »'
        ]);
        const indication = tables[1];
        expect(indication.columns).toEqual(['Situation', 'Score de Mac Isaac', 'Âge', 'Action']);
        // « mac-isaac ≥ 2 ou âge < 15 ans »: two rows of one situation, each with its don't-care.
        expect(rows(indication).map(row => row.slice(0, 3))).toEqual([['1a', '≥ 2', '—'], ['1b', '—', '< 15 ans'], ['Sinon', '—', '—']]);
        expect(rows(indication)[0][3]).toBe('Aller à l\'étape 4 « TROD »');
        const resultat = tables[2];
        expect(resultat.columns).toEqual(['Situation', 'Résultat du TROD', 'Allergie connue aux bêta-lactamines', 'Action']);
        expect(rows(resultat).map(row => row.slice(0, 3))).toEqual([['1', 'positif', 'oui'], ['2', 'positif', 'non'], ['3', 'négatif', '—'], ['Sinon', '—', '—']]);
        expect(resultat.widths.reduce((a, b) => a + b, 0)).toBe(100);
        expect(resultat.columns.length).toBe(resultat.widths.length);
    });

    it('writes comparisons, ranges, lists, negations and « ou » on one datum in the cell of that datum', async () => {
        const [table] = await decisionTables(withStep(`            si temperature ≥ 38,5 °C et non frissons : réaliser atb puis fin
            si non (tdr = positif ou frissons) : orienter vers mg sous 24 h
            si tdr = positif ou tdr = ininterprétable : orienter vers mg sous 48 h
            si debut de 2 à 8 jours et âge de 18 mois à 12 ans : fin
            si non debut de 2 à 8 jours et sexe féminin : fin
            sinon : orienter vers mg sous 72 h`));
        expect(table.columns).toEqual(['Situation', 'Température', 'Frissons', 'Résultat du TDR', 'Début des symptômes', 'Âge', 'Sexe', 'Action']);
        expect(rows(table).map(row => row.slice(0, 7))).toEqual([
            ['1', '≥ 38,5 °C', 'non', '—', '—', '—', '—'],
            ['2', '—', 'non', '≠ positif', '—', '—', '—'],
            ['3', '—', '—', 'positif ou ininterprétable', '—', '—', '—'],
            ['4', '—', '—', '—', 'de 2 à 8 jours', 'de 18 mois à 12 ans', '—'],
            ['5', '—', '—', '—', '< 2 jours ou > 8 jours', '—', 'féminin'],
            ['Sinon', '—', '—', '—', '—', '—', '—']
        ]);
        expect(rows(table)[1][7]).toBe('Orienter vers le médecin généraliste délégant sous 24 h');
        // Each row points at its situation's line (scroll sync, click-to-source).
        expect(new Set(table.rows.map(row => row.line)).size).toBe(6);
    });

    it('reads the negation of a comparison as the opposite comparison, and a named criterion as a yes/no input', async () => {
        const [table] = await decisionTables(withStep(`            si non temperature < 38 °C : fin
            si non fievre : orienter vers mg sous 24 h
            si aucun critère d'exclusion : fin`));
        expect(table.columns).toEqual(['Situation', 'Température', 'Fièvre', 'Un critère d\'exclusion', 'Action']);
        expect(rows(table).map(row => row.slice(0, 4))).toEqual([['1', '≥ 38 °C', '—', '—'], ['2', '—', 'non', '—'], ['3', '—', '—', 'non']]);
    });

    it('shows a situation that would need too many rows as a sentence', async () => {
        const [table] = await decisionTables(withStep(`            si (frissons ou temperature ≥ 38 °C) et (tdr = positif ou debut > 2 jours) et (âge < 18 ans ou sexe féminin) et (non frissons ou debut < 1 jour) : fin
            sinon : fin`));
        expect(table.columns.at(-2)).toBe('Condition');
        const first = rows(table)[0];
        expect(first[0]).toBe('1');
        expect(first.at(-2)).toMatch(/^\(frissons ou température ≥ 38 °C\) et/);
        expect(rows(table)[1][0]).toBe('Sinon');
    });

    it('gives no table to a step written in prose, nor to a step with only « sinon »', async () => {
        expect(await decisionTables(protocol())).toEqual([]);
    });

    it('speaks English when the document does', async () => {
        const [table] = await decisionTables(withStep(`            si frissons et sexe féminin et âge ≥ 16 ans : fin
            sinon : orienter vers mg sous 24 h`), 'en');
        expect(spaces(table.title)).toMatch(/^Decision table — step 2 "/);
        expect(table.columns).toEqual(['Situation', 'Frissons', 'Sex', 'Age', 'Action']);
        expect(rows(table)[0].slice(0, 4)).toEqual(['1', 'yes', 'female', '≥ 16 ans']);
        expect(rows(table)[1][0]).toBe('Otherwise');
    });

    it('is rendered by the HTML preview beside the flowchart', async () => {
        const text = withStep(`            si tdr = positif : réaliser atb puis fin
            sinon : orienter vers mg sous 48 h`);
        const { shared, Coop } = createCoopServices(EmptyFileSystem);
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/protocole.coop'), text }]);
        const html = renderHtml(buildDocumentModel(result.document, Coop));
        expect(html).toContain('coop-table-decision');
        expect(html.indexOf('coop-tree')).toBeLessThan(html.indexOf('coop-table-decision'));
        expect(html.indexOf('coop-table-decision')).toBeLessThan(html.indexOf('coop-table-process'));
        expect(html).toMatch(/Table de décision — étape 2/);
    });
});
