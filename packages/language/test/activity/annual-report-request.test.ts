import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createCoopServices, loadAndValidate } from '../../src/index.js';
import { isAnnualReportParams } from '../../src/protocol/annual-report-protocol.js';
import { annualReportOf } from '../../src/lsp/annual-report-request.js';
import { CoopRequestFailure } from '../../src/lsp/coop-requests.js';

const read = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');

async function workspace() {
    const services = createCoopServices(EmptyFileSystem);
    const protocolUri = URI.file('/ws/cystite-femme.coop');
    const teamUri = URI.file('/ws/equipe-msp-cystite.coop');
    const results = await loadAndValidate(services.shared, [
        { uri: protocolUri, text: read('examples/cystite-femme.coop') },
        { uri: teamUri, text: read('examples/equipe-msp-cystite.coop') }
    ]);
    return { services, protocol: results[0].document, team: results[1].document, teamUri };
}

describe('coop/annualReport (the editor\'s « Rapport annuel »)', () => {
    test('the report as HTML, with the journal\'s issues and alerts', async () => {
        const { services, protocol, teamUri } = await workspace();
        const result = await annualReportOf(protocol, services.Coop, services.shared, {
            uri: protocol.uri.toString(), period: '2025', team: teamUri.toString(),
            journal: { name: 'cystite-2025.csv', text: read('examples/activite/cystite-2025.csv') },
            satisfaction: { name: 'satisfaction.csv', text: read('examples/activite/cystite-2025-satisfaction.csv') },
            nonce: 'abc', cspSource: 'vscode-resource:'
        });
        expect(result).toMatchObject({ refused: false, alerts: [], rows: { read: 178, counted: 178, excluded: 0, flagged: 1 } });
        expect(result!.html).toContain('<svg ');
        expect(result!.html).toContain('nonce="abc"');
        expect(result!.issues).toMatchObject([{ file: 'cystite-2025.csv', code: 'cumul-interdit', severity: 'signal' }]);
        expect(result!.issues[0].message).toMatch(/^Consultation ordinaire le lendemain d'une prise en charge/);
    });

    test('bad rows are issues with their line; an identifying column refuses the journal (no HTML)', async () => {
        const { services, protocol } = await workspace();
        const defects = await annualReportOf(protocol, services.Coop, services.shared, { uri: protocol.uri.toString(), period: '2025', journal: { name: 'd.csv', text: read('test/fixtures/activite/journal-defauts.csv') } });
        expect(defects!.issues.filter(issue => issue.severity === 'exclu').map(issue => issue.line)).toEqual([4, 5, 6, 7, 8, 10, 11]);
        const refused = await annualReportOf(protocol, services.Coop, services.shared, { uri: protocol.uri.toString(), period: '2025', journal: { name: 'i.csv', text: read('test/fixtures/activite/journal-identifiant.csv') } });
        expect(refused).toMatchObject({ refused: true, alerts: [] });
        expect(refused!.html).toBeUndefined();
        expect(refused!.issues.map(issue => issue.code)).toEqual(['colonne-identifiante', 'colonne-identifiante']);
    });

    test('a bad period or a team file that is not one: a sentence for the user; a team file is not a protocol', async () => {
        const { services, protocol, team } = await workspace();
        const journal = { name: 'j.csv', text: 'date;patient;événement\n' };
        await expect(annualReportOf(protocol, services.Coop, services.shared, { uri: '', period: 'hier', journal })).rejects.toThrow(CoopRequestFailure);
        await expect(annualReportOf(protocol, services.Coop, services.shared, { uri: '', period: '2025', journal, team: protocol.uri.toString() })).rejects.toThrow(/n'est pas un fichier d'équipe/);
        expect(await annualReportOf(team, services.Coop, services.shared, { uri: '', period: '2025', journal })).toBeNull();
        expect(isAnnualReportParams({ uri: 'x', period: '2025', journal: { name: 'a', text: '' } })).toBe(true);
        expect(isAnnualReportParams({ uri: 'x', period: 2025, journal: { name: 'a', text: '' } })).toBe(false);
        expect(isAnnualReportParams({ uri: 'x', period: '2025', journal: { name: 'a' } })).toBe(false);
    });
});
