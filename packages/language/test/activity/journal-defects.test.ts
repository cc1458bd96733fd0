import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { computeReport, csvRecords, JournalRefused, looksLikeNir, parseDate, parsePeriod, sniffDelimiter, type ActivityMember, type ActivityProtocol } from '../../src/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/activite/${name}`, import.meta.url));

const PROTOCOL: ActivityProtocol = {
    code: 'PC-CYSTITE', title: 'Cystite', actes: [{ name: 'bu', label: 'Bandelette' }, { name: 'prescription-atb', label: 'Antibiotique' }], indicators: []
};
const TEAM: ActivityMember[] = [
    { key: '10003456789', label: 'Claire Martin', rpps: '10003456789', nom: 'Martin', prenom: 'Claire', role: 'délégué', profession: 'infirmier' },
    { key: '10004567890', label: 'Julie Bernard', rpps: '10004567890', nom: 'Bernard', prenom: 'Julie', role: 'délégué', profession: 'infirmier' }
];

async function run(name: string, chunks: Array<string | Uint8Array>, team = true) {
    return computeReport({ protocol: PROTOCOL, period: parsePeriod('2025')!, journal: { name, chunks }, ...(team ? { team: { name: 'equipe.coop', members: TEAM } } : {}) });
}

async function refusal(name: string, chunks: Array<string | Uint8Array>) {
    try {
        await run(name, chunks);
    } catch (error) {
        if (error instanceof JournalRefused) return error.issues;
        throw error;
    }
    throw new Error('not refused');
}

describe('bad rows are listed with file:line, counted and excluded', () => {
    test('each kind of bad row', async () => {
        const report = await run('journal-defauts.csv', [fixture('journal-defauts.csv')]);
        expect(report.rows).toEqual({ read: 12, counted: 4, excluded: 8, flagged: 0 });
        const excluded = report.issues.filter(issue => issue.severity === 'exclu').map(issue => [issue.line, issue.code]);
        expect(excluded).toEqual([
            [4, 'acte-inconnu'], [5, 'date-hors-periode'], [6, 'date-illisible'], [7, 'patient-manquant'],
            [8, 'evenement-inconnu'], [9, 'professionnel-inconnu'], [10, 'acte-manquant'], [11, 'cellules-en-trop']
        ]);
        expect(report.issueCounts).toMatchObject({ 'acte-inconnu': 1, 'date-hors-periode': 1, 'cellules-en-trop': 1 });
        const messages = Object.fromEntries(report.issues.map(issue => [issue.code, issue.message.fr]));
        expect(messages['acte-inconnu']).toBe('Acte « echographie » inconnu du protocole PC-CYSTITE (actes : bu, prescription-atb) ; ligne exclue');
        expect(messages['date-hors-periode']).toBe('Date 31/12/2024 hors de la période 2025 ; ligne exclue');
        expect(messages['professionnel-inconnu']).toBe('Professionnel « 10099999999 » absent du fichier d\'équipe ; ligne exclue');
        // The quoted comment with « ; » and a line break is one row, on line 12; « Julie Bernard » is a member.
        expect(report.professionals.map(pro => [pro.label, pro.counts.acte])).toEqual([['Claire Martin', 1], ['Julie Bernard', 2]]);
        expect(report.indicators[1]).toMatchObject({ legal: 'reprise', numerator: 0, denominator: 3 });
    });

    test('without a team file, professionals are not checked', async () => {
        const report = await run('journal-defauts.csv', [fixture('journal-defauts.csv')], false);
        expect(report.rows.excluded).toBe(7);
        expect(report.issues.some(issue => issue.code === 'professionnel-inconnu')).toBe(false);
    });

    test('read in chunks of 7 bytes (split inside UTF-8 characters and quoted fields), the same counts', async () => {
        const bytes = fixture('journal-defauts.csv');
        const chunks: Uint8Array[] = [];
        for (let start = 0; start < bytes.length; start += 7) chunks.push(bytes.subarray(start, start + 7));
        const report = await run('journal-defauts.csv', chunks);
        expect(report.rows).toEqual({ read: 12, counted: 4, excluded: 8, flagged: 0 });
    });

    test('a column of names is refused, whatever the rows hold', async () => {
        const issues = await refusal('journal-identifiant.csv', [fixture('journal-identifiant.csv')]);
        expect(issues.map(issue => [issue.line, issue.code])).toEqual([[1, 'colonne-identifiante'], [1, 'colonne-identifiante']]);
        expect(issues[0].message.fr).toBe('La colonne « nom » contient le nom du patient : un journal d\'activité doit être pseudonymisé ; retirez cette colonne (fichier refusé)');
    });

    test.each([
        ['Date de naissance'], ['NIR'], ['N° de sécurité sociale'], ['ddn'], ['Nom du patient'], ['Téléphone']
    ])('the header « %s » is refused', async header => {
        const issues = await refusal('j.csv', [`date;patient;événement;${header}\n03/01/2025;A;inclusion;x\n`]);
        expect(issues[0].code).toBe('colonne-identifiante');
    });

    test('a NIR in a cell refuses the file (by its shape: 13 or 15 characters)', async () => {
        const issues = await refusal('journal-nir.csv', [fixture('journal-nir.csv')]);
        expect(issues.map(issue => [issue.line, issue.code])).toEqual([[3, 'valeur-identifiante']]);
        expect(looksLikeNir('1 85 05 69 123 456')).toBe(true);
        expect(looksLikeNir('2850569123456 78')).toBe(true);
        expect(looksLikeNir('185052A123456')).toBe(true);
        expect(looksLikeNir('10003456789')).toBe(false);
        expect(looksLikeNir('CYS-001')).toBe(false);
    });

    test('missing required column, empty file, unclosed quote: refused with the line', async () => {
        expect((await refusal('a.csv', ['date;patient\n03/01/2025;A\n']))[0]).toMatchObject({ line: 1, code: 'colonne-manquante' });
        expect((await refusal('b.csv', ['']))[0]).toMatchObject({ code: 'fichier-vide' });
        const issues = await refusal('c.csv', ['date;patient;événement\n03/01/2025;A;inclusion\n03/01/2025;"B;acte\n']);
        expect(issues[0]).toMatchObject({ code: 'csv-mal-forme' });
        expect(issues[0].message.fr).toMatch(/^CSV mal formé/);
    });

    test('an unknown column is ignored and said', async () => {
        const report = await run('d.csv', ['date,patient,événement,couleur\n2025-03-01,A,inclusion,bleu\n']);
        expect(report.issues).toMatchObject([{ line: 1, code: 'colonne-ignoree', severity: 'signal' }]);
        expect(report.rows.counted).toBe(1);
    });
});

describe('CSV reading', () => {
    test('separator sniffed from the header', () => {
        expect(sniffDelimiter('date;patient;"a,b"')).toBe(';');
        expect(sniffDelimiter('date,patient,événement')).toBe(',');
        expect(sniffDelimiter('date\tpatient\tévénement')).toBe('\t');
        expect(sniffDelimiter('date')).toBe(';');
    });

    test('records with their line, BOM skipped, quoted line breaks', async () => {
        const records = [];
        for await (const record of csvRecords(['\ufeffa,b\n1,"x\ny"\n\n3,4\n'])) records.push(record);
        expect(records).toEqual([{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', 'x\ny'] }, { line: 5, cells: ['3', '4'] }]);
    });

    test('dates and periods', () => {
        expect(parseDate('03/01/2025')).toBe('2025-01-03');
        expect(parseDate('3/1/2025')).toBe('2025-01-03');
        expect(parseDate('2025-01-03')).toBe('2025-01-03');
        expect(parseDate('2025-01-03T10:00')).toBe('2025-01-03');
        expect(parseDate('31/02/2025')).toBeUndefined();
        expect(parseDate('hier')).toBeUndefined();
        expect(parsePeriod('2025')).toEqual({ from: '2025-01-01', to: '2025-12-31', label: '2025' });
        expect(parsePeriod('2025-02')).toMatchObject({ from: '2025-02-01', to: '2025-02-28' });
        expect(parsePeriod('2025-01-01..2025-06-30')).toMatchObject({ from: '2025-01-01', to: '2025-06-30' });
        expect(parsePeriod('l\'an dernier')).toBeUndefined();
    });
});

describe('docs/schema/journal.schema.json', () => {
    test('names the columns of the format, the required ones required', async () => {
        const { JOURNAL_COLUMNS } = await import('../../src/index.js');
        const schema = JSON.parse(readFileSync(new URL('../../../../docs/schema/journal.schema.json', import.meta.url), 'utf8')) as { properties: Record<string, unknown>; required: string[] };
        expect(Object.keys(schema.properties)).toEqual(JOURNAL_COLUMNS.map(column => column.header));
        expect(schema.required).toEqual(JOURNAL_COLUMNS.filter(column => column.required).map(column => column.header));
    });
});
