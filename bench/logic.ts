// Logic benchmark (issue 9): per-step analysis time on a ~2,000-line protocol whose structured steps
// read up to 8 inputs, and `coop test` of 1,000 cases. Part of `npm run bench` (section « logic »,
// `npm run bench -- --only=logic`); `node bench/logic.mjs` prints the same figures alone.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { createCoopServices, isProtocole, loadAndValidate, logicAnalysis, type Protocole } from 'coop-language';
import { exhaustiveLogicAnalysis } from '../packages/language/src/logic/analysis.js';
import { runTests } from '../packages/cli/src/test-cases.js';

function protocol(steps: number): string {
    const lines: string[] = ['protocole "Banc" {', '    identifiant PC-BANC', '    délégant mg : médecin', '    délégué ide : infirmier'];
    for (let s = 0; s < steps; s++) {
        for (let i = 0; i < 8; i++) {
            const kind = i % 3;
            lines.push(kind === 0 ? `    donnée d${s}-${i} "Mesure ${s}.${i}" : nombre °C de 34 à 43`
                : kind === 1 ? `    donnée d${s}-${i} "Signe ${s}.${i}" : oui ou non`
                : `    donnée d${s}-${i} "Test ${s}.${i}" : parmi positif, négatif, ininterprétable`);
        }
    }
    lines.push('    patients {', '        inclusion age : âge de 16 à 65 ans', '        exclusion fievre : d0-0 ≥ 38 °C', '    }');
    lines.push('    acte a "Acte" { dérogatoire à L4161-1  par ide }');
    lines.push('    parcours principal "Banc" {');
    for (let s = 0; s < steps; s++) {
        const next = s + 1 < steps ? `aller à e${s + 1}` : 'fin';
        lines.push(`        étape e${s} "Étape ${s}" {`, '            par ide');
        if (s === 0) lines.push('            si un critère d\'exclusion : orienter vers mg sous 24 h');
        lines.push(`            si d${s}-0 ≥ 39 °C et d${s}-1 : orienter vers urgences sous 0 h`);
        lines.push(`            si d${s}-2 = positif et (d${s}-3 ≥ 38 °C ou d${s}-4) : réaliser a puis ${next}`);
        lines.push(`            si d${s}-5 = ininterprétable ou non d${s}-7 : orienter vers mg sous 24 h`);
        lines.push(`            si d${s}-6 ≥ 37,5 °C : ${next}`);
        lines.push('            sinon : orienter vers mg sous 48 h', '        }');
    }
    lines.push('    }', '}');
    return lines.join('\n');
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

export interface LogicFigures {
    lines: number;
    steps: number;
    validation: number;
    median: number;
    p95: number;
    max: number;
    total: number;
    exhaustiveP95: number;
    exhaustiveTotal: number;
    findings: number;
    cases: number;
    casesPassed: number;
    casesTime: number;
}

export async function measureLogic(): Promise<LogicFigures> {
    const text = protocol(95);
    const { shared } = createCoopServices(EmptyFileSystem);
    const started = performance.now();
    const [result] = await loadAndValidate(shared, [{ uri: URI.file('/banc.coop'), text }]);
    const validation = performance.now() - started;
    const root = result.document.parseResult.value as Protocole;
    if (!isProtocole(root)) throw new Error('not a protocol');
    const analysis = logicAnalysis(root);
    const timings = analysis.timings;
    // The same analysis by full enumeration (no pruning), in the same run: the findings are identical
    // (packages/language/test/logic/pruning.test.ts), the time is what the pruning saves.
    const exhaustive = exhaustiveLogicAnalysis(root).timings;
    const findings = result.diagnostics.filter(d => ['situation-non-couverte', 'situation-morte', 'situations-chevauchantes', 'patient-exclu-traite', 'trop-de-combinaisons'].includes(String(d.code))).length;

    // coop test: 1,000 cases on the cystitis example.
    const dir = mkdtempSync(join(tmpdir(), 'coop-bench-cas-'));
    const { readFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'cystite.coop'), readFileSync('examples/cystite-femme.coop', 'utf8'));
    const cases: string[] = [];
    for (let i = 0; i < 1000; i++) {
        const positive = i % 2 === 0;
        cases.push(`cas "Cas ${i}" pour PC-CYSTITE {\n    données âge ${16 + (i % 50)} ans, sexe féminin, debut ${1 + (i % 2)} jour, temperature 37 °C, frissons non, douleur-lombaire non, grossesse-possible non, refus-patiente non, bandelette ${positive ? 'positive' : 'négative'}\n    attendu ${positive ? 'réaliser bu, prescription-atb puis fin' : 'réaliser bu puis orienter vers mg sous 48 h'}\n}`);
    }
    writeFileSync(join(dir, 'cas.coop'), cases.join('\n'));
    const t0 = performance.now();
    const report = await runTests([dir], { lang: 'fr', format: 'stylish' });
    const casesTime = performance.now() - t0;
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    return {
        lines: text.split('\n').length, steps: analysis.steps.size, validation,
        median: percentile(timings, 0.5), p95: percentile(timings, 0.95), max: Math.max(...timings), total: sum(timings),
        exhaustiveP95: percentile(exhaustive, 0.95), exhaustiveTotal: sum(exhaustive), findings,
        cases: report.summary.total, casesPassed: report.summary.passed, casesTime
    };
}

/** The figures as lines (the main benchmark prints its own table). */
export function describeLogic(f: LogicFigures): string[] {
    return [
        `protocole : ${f.lines} lignes, ${f.steps} étapes, validation complète ${f.validation.toFixed(0)} ms`,
        `analyse par étape : médiane ${f.median.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms, max ${f.max.toFixed(2)} ms, total ${f.total.toFixed(0)} ms`,
        `sans élagage (énumération complète) : p95 ${f.exhaustiveP95.toFixed(2)} ms, total ${f.exhaustiveTotal.toFixed(0)} ms`,
        `constats logiques : ${f.findings}`,
        `coop test : ${f.cases} cas (${f.casesPassed} réussis) en ${f.casesTime.toFixed(0)} ms`
    ];
}
