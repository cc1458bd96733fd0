import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { NodeFileSystem } from 'langium/node';
import { URI } from 'langium';
import { activityMembers, activityProtocol, computeReport, createCoopServices, isProtocole, loadAndValidate, parsePeriod, teamData, isEquipe, type ActivityProtocol, type ActivityReport } from '../../src/index.js';

const root = new URL('../../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root));

async function protocol(path: string, team?: string) {
    const services = createCoopServices(NodeFileSystem);
    const inputs = [{ uri: URI.file(new URL(path, root).pathname), text: read(path).toString('utf8') }];
    if (team) inputs.push({ uri: URI.file(new URL(team, root).pathname), text: read(team).toString('utf8') });
    const results = await loadAndValidate(services.shared, inputs);
    const node = results[0].document.parseResult.value;
    if (!isProtocole(node)) throw new Error('not a protocol');
    const equipe = team ? results[1].document.parseResult.value : undefined;
    const members = equipe && isEquipe(equipe) ? activityMembers(teamData(equipe, services.shared.workspace.LangiumDocuments)) : undefined;
    return { protocol: activityProtocol(node), members };
}

function indicator(report: ActivityReport, name: string) {
    const found = report.indicators.find(item => item.name === name || item.legal === name);
    if (!found) throw new Error(`no indicator ${name}`);
    return found;
}

describe('indicators a protocol uses from a library', () => {
    test('are computed like its own: a library indicator counting reprises over acts, on the cystite journal', async () => {
        const services = createCoopServices(NodeFileSystem);
        const library = [
            'bibliothèque "Indicateurs communs de la MSP" {',
            '    indicateur msp-reprises "Part des actes repris par le médecin" {',
            '        nature taux',
            '        numérateur "Actes repris par le délégant" compte reprises',
            '        dénominateur "Actes réalisés par le délégué" compte actes',
            '        objectif < 10 %',
            '        périodicité annuelle',
            '        recueil "Journal d\'activité de la MSP"',
            '    }',
            '}'
        ].join('\n');
        const cystite = read('examples/cystite-femme.coop').toString('utf8');
        const at = cystite.lastIndexOf('}');
        const text = `${cystite.slice(0, at)}    utilise msp-reprises\n${cystite.slice(at)}`;
        const results = await loadAndValidate(services.shared, [
            { uri: URI.file('/ws/cystite-femme.coop'), text },
            { uri: URI.file('/ws/indicateurs-msp.coop'), text: library }
        ]);
        expect(results[0].diagnostics.filter(d => d.severity === 1)).toEqual([]);
        const node = results[0].document.parseResult.value;
        if (!isProtocole(node)) throw new Error('not a protocol');
        const report = await computeReport({
            protocol: activityProtocol(node), period: parsePeriod('2025')!,
            journal: { name: 'cystite-2025.csv', chunks: [read('examples/activite/cystite-2025.csv')] }
        });
        expect(indicator(report, 'msp-reprises')).toMatchObject({ numerator: 6, denominator: 104, value: 5.8, status: 'objectif-atteint' });
    });
});

describe('yearly report on the shipped journals (hand-computed values)', () => {
    test('cystite 2025: 56 patients, 6 reprises / 104 acts, 1 adverse event, satisfaction 3/4, forfait 55 × 25 €', async () => {
        const { protocol: p, members } = await protocol('examples/cystite-femme.coop', 'examples/equipe-msp-cystite.coop');
        const report = await computeReport({
            protocol: p, period: parsePeriod('2025')!,
            journal: { name: 'cystite-2025.csv', chunks: [read('examples/activite/cystite-2025.csv')] },
            satisfaction: { name: 'cystite-2025-satisfaction.csv', chunks: [read('examples/activite/cystite-2025-satisfaction.csv')] },
            team: { name: 'equipe-msp-cystite.coop', members: members! }
        });
        expect(report.rows).toEqual({ read: 178, counted: 178, excluded: 0, flagged: 1 });
        expect(indicator(report, 'patients')).toMatchObject({ numerator: 56, value: 56 });
        expect(indicator(report, 'reprise')).toMatchObject({ numerator: 6, denominator: 104, value: 5.8, status: 'objectif-atteint' });
        expect(indicator(report, 'événements-indésirables')).toMatchObject({ numerator: 1, denominator: 104, value: 1, status: 'objectif-atteint' });
        expect(indicator(report, 'satisfaction-professionnels')).toMatchObject({ numerator: 3, denominator: 4, value: 75, status: 'objectif-non-atteint' });
        expect(report.alerts).toEqual([]);
        expect(report.adverseEvents).toEqual([{ nature: 'Réaction cutanée après fosfomycine', count: 1, graves: 0 }]);
        expect(report.monthly.map(month => month.inclusions)).toEqual([4, 5, 6, 5, 4, 3, 2, 3, 5, 6, 7, 6]);
        expect(report.financing?.forfaits[0]).toMatchObject({ patients: 56, withheld: 1, due: 1375 });
        expect(report.financing?.total).toBe(1375);
        expect(report.issues.filter(issue => issue.code === 'cumul-interdit').map(issue => issue.line)).toHaveLength(1);
        expect(report.professionals.find(pro => pro.label === 'Paul Durand')?.counts.reprise).toBe(6);
    });

    test('insuline 2025: adverse events above their threshold are alerts; prime 2 délégués × 12 months', async () => {
        const { protocol: p, members } = await protocol('examples/insuline-adaptation-doses.coop', 'examples/equipe-ch-insuline.coop');
        const report = await computeReport({
            protocol: p, period: parsePeriod('2025')!,
            journal: { name: 'insuline-2025.csv', chunks: [read('examples/activite/insuline-2025.csv')] },
            satisfaction: { name: 'insuline-2025-satisfaction.csv', chunks: [read('examples/activite/insuline-2025-satisfaction.csv')] },
            team: { name: 'equipe-ch-insuline.coop', members: members! }
        });
        expect(report.rows).toEqual({ read: 257, counted: 257, excluded: 0, flagged: 0 });
        expect(indicator(report, 'patients')).toMatchObject({ numerator: 30 });
        expect(indicator(report, 'reprise')).toMatchObject({ numerator: 12, denominator: 210, value: 5.7, status: 'objectif-atteint' });
        expect(indicator(report, 'événements-indésirables')).toMatchObject({ numerator: 5, denominator: 210, value: 2.4, status: 'alerte' });
        expect(indicator(report, 'hypo-apres-adaptation')).toMatchObject({ numerator: 3, denominator: 60, value: 5, status: 'alerte' });
        expect(indicator(report, 'satisfaction-professionnels')).toMatchObject({ numerator: 2, denominator: 3, value: 66.7, status: 'objectif-non-atteint' });
        expect(report.alerts).toEqual(['ei', 'hypo-apres-adaptation']);
        expect(report.adverseEvents[0]).toEqual({ nature: 'Hypoglycémie sévère', count: 3, graves: 1 });
        expect(report.financing?.prime).toMatchObject({ due: 2400, members: [{ months: 12, due: 1200 }, { months: 12, due: 1200 }] });
    });
});

export type { ActivityProtocol };
