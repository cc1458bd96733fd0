// The yearly report at scale (issue 13 §6): a CPTS with 30 teams over 3 years writes ~100,000 journal
// rows. Generates such journals (20,000, 100,000 and 300,000 rows, one file each), reads each one as
// the CLI does (a file stream into computeReport), and reports the time and the heap: the heap
// sampled every 5,000 rows during the reading, after a collection before and after, to show that it
// does not grow with the number of rows (only with the distinct patients it must remember). The
// live heap is sampled after a forced collection every 512 KB of CSV read, in a separate pass.
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { computeReport, parsePeriod, type ActivityProtocol } from 'coop-language';

const PROTOCOL: ActivityProtocol = {
    code: 'PC-CYSTITE', title: 'Cystite (banc d\'essai)',
    actes: [{ name: 'bu', label: 'Bandelette urinaire' }, { name: 'prescription-atb', label: 'Antibiotique' }],
    indicators: [
        { name: 'reprise', label: 'Taux de reprise', exigence: 'reprise', objective: { operator: '<', value: 20, percent: true, text: '< 20 %' }, threshold: { operator: '>', value: 30, percent: true, text: '> 30 %' } },
        { name: 'ei', label: 'Taux d\'EI', exigence: 'événements-indésirables', threshold: { operator: '>', value: 2, percent: true, text: '> 2 %' } },
        { name: 'orientation', label: 'Orientations', numerator: { kind: 'orientations' }, denominator: { kind: 'inclusions' } }
    ],
    financing: { forfaits: [{ amount: 25, perYear: false, counts: ['inclusions', 'reprises'], split: [], noCombineDays: 1, text: '25 €' }] }
};

/** A journal of `rows` rows: 30 teams, 3 years, each patient an inclusion, a test, a prescription, sometimes more. */
export function journalText(rows: number, population?: number): string {
    const lines = ['date;patient;événement;acte;professionnel;cible;nature;gravité;commentaire'];
    let patient = 0;
    let visit = 0;
    while (lines.length - 1 < rows) {
        visit++;
        // With a fixed population, the same patients come back (a chronic follow-up): more rows, no more patients.
        patient = population ? ((visit - 1) % population) + 1 : visit;
        const team = patient % 30;
        const day = (visit * 7) % 1095;
        const date = new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
        const id = `T${String(team).padStart(2, '0')}-${patient}`;
        const ide = `100${String(team).padStart(2, '0')}000001`;
        lines.push(`${date};${id};inclusion;;${ide};;;;`, `${date};${id};acte;bu;${ide};;;;`, `${date};${id};acte;prescription-atb;${ide};;;;Fosfomycine dose unique`);
        if (patient % 11 === 0) lines.push(`${date};${id};reprise;prescription-atb;100${String(team).padStart(2, '0')}000009;;;;Doute du délégué`);
        if (patient % 13 === 0) lines.push(`${date};${id};orientation;;${ide};médecin traitant;;;`);
        if (patient % 97 === 0) lines.push(`${date};${id};événement indésirable;prescription-atb;${ide};;Réaction cutanée;non grave;`);
        if (patient % 50 === 0) lines.push(`${date};${id};consultation;;100${String(team).padStart(2, '0')}000009;;;;`);
    }
    return lines.slice(0, rows + 1).join('\n') + '\n';
}

export interface RapportFigure { rows: number; population?: number; bytes: number; time: number; heapBefore: number; heapPeak: number; heapAfter: number; counted: number }

export async function measureRapport(sizes: Array<number | [number, number]> = [20_000, 100_000, 300_000], gc: () => void = () => undefined): Promise<RapportFigure[]> {
    const folder = mkdtempSync(join(tmpdir(), 'coop-bench-rapport-'));
    const figures: RapportFigure[] = [];
    try {
        for (const size of sizes) {
            const [rows, population] = Array.isArray(size) ? size : [size, undefined];
            const file = join(folder, `journal-${rows}-${population ?? 'all'}.csv`);
            writeFileSync(file, journalText(rows, population));
            const times: number[] = [];
            let peak = 0, before = 0, after = 0, counted = 0, samplingStart = 0;
            for (let run = 0; run < 3; run++) {
                gc();
                before = process.memoryUsage().heapUsed;
                let sampled = 0;
                const started = performance.now();
                const report = await computeReport({
                    protocol: PROTOCOL, period: parsePeriod('2023-01-01..2025-12-31')!,
                    journal: { name: file, chunks: createReadStream(file, { highWaterMark: 64 * 1024 }) },
                    onIssue: () => undefined
                });
                // Heap sampled while reading: a second pass with a sampling source.
                times.push(performance.now() - started);
                counted = report.rows.counted;
                if (run === 0) {
                    gc();
                    samplingStart = process.memoryUsage().heapUsed;
                    peak = samplingStart;
                    await computeReport({
                        protocol: PROTOCOL, period: parsePeriod('2023-01-01..2025-12-31')!,
                        journal: {
                            name: file,
                            chunks: (async function* () {
                                let chunks = 0;
                                for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
                                    sampled += (chunk as Buffer).length;
                                    // The live heap: collected first, every 8 chunks (512 KB of CSV).
                                    if (++chunks % 8 === 0) { gc(); peak = Math.max(peak, process.memoryUsage().heapUsed); }
                                    yield chunk as Buffer;
                                }
                            })()
                        }
                    });
                }
                gc();
                after = process.memoryUsage().heapUsed;
                void sampled;
            }
            times.sort((a, b) => a - b);
            figures.push({ rows, ...(population ? { population } : {}), bytes: statSync(file).size, time: times[1], heapBefore: samplingStart, heapPeak: peak, heapAfter: after, counted });
            rmSync(file, { force: true });
        }
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
    return figures;
}
