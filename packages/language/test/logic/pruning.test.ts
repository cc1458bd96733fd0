import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProtocole, type Protocole } from 'coop-language';
import { exhaustiveLogicAnalysis, logicAnalysis, type LogicAnalysis } from '../../src/logic/analysis.js';
import { cells, evaluate, evaluate3, variablesOf, type Value } from '../../src/logic/evaluate.js';
import { createTestServices, parser } from '../helpers.js';

/**
 * The analysis prunes the patients it enumerates (issue 9, speed): every finding — gaps, dead
 * situations, overlaps, excluded patients treated, with their counter-example patients — must be
 * exactly those of the full enumeration.
 */
function findings(analysis: LogicAnalysis): unknown {
    const line = (node: { $cstNode?: { range: { start: { line: number } } } } | undefined) => node?.$cstNode?.range.start.line;
    const witness = (w: ReadonlyMap<string, unknown> | undefined) => (w ? [...w].sort(([a], [b]) => a.localeCompare(b)) : undefined);
    return {
        steps: [...analysis.steps.values()].map(step => ({
            etape: step.etape.name, structured: step.structured, skipped: step.skipped, combinations: step.combinations,
            gap: witness(step.gap),
            dead: step.dead.map(d => ({ at: line(d.situation), reason: d.reason, witness: witness(d.witness), before: line(d.before) })),
            overlaps: step.overlaps.map(o => ({ first: line(o.first), second: line(o.second), witness: witness(o.witness) })),
            excluded: step.excluded.map(e => ({ at: line(e.situation), acte: e.acte.name, witness: witness(e.witness) }))
        })),
        criteria: { ...analysis.criteria, totalExclusions: analysis.criteria.totalExclusions.map(t => ({ name: t.critere.name, witness: witness(t.witness) })) }
    };
}

/** A structured tree of `steps` steps reading 8 data each (the benchmark's shape), smaller. */
function bench(steps: number): string {
    const lines = ['protocole "Banc" {', '    identifiant PC-BANC', '    délégant mg : médecin', '    délégué ide : infirmier'];
    for (let s = 0; s < steps; s++) for (let i = 0; i < 8; i++) {
        lines.push(i % 3 === 0 ? `    donnée d${s}-${i} "Mesure" : nombre °C de 34 à 43` : i % 3 === 1 ? `    donnée d${s}-${i} "Signe" : oui ou non` : `    donnée d${s}-${i} "Test" : parmi positif, négatif, ininterprétable`);
    }
    lines.push('    score sc "Score" {', '        1 point si d0-1', '        2 points si d0-3 ≥ 38 °C', '        - 1 point si âge ≥ 45 ans', '    }');
    lines.push('    patients {', '        inclusion age : âge de 16 à 65 ans', '        exclusion fievre : d0-0 ≥ 38 °C', '        exclusion scoped : d1-4 pour a', '    }');
    lines.push('    acte a "Acte" { dérogatoire à L4161-1  par ide }', '    parcours principal "Banc" {');
    for (let s = 0; s < steps; s++) {
        const next = s + 1 < steps ? `aller à e${s + 1}` : 'fin';
        lines.push(`        étape e${s} "Étape ${s}" {`, '            par ide');
        if (s === 0) lines.push('            si sc ≥ 2 et d0-7 : orienter vers mg sous 24 h');
        lines.push(`            si d${s}-0 ≥ 39 °C et d${s}-1 : orienter vers urgences sous 0 h`);
        lines.push(`            si d${s}-2 = positif et (d${s}-3 ≥ 38 °C ou d${s}-4) : réaliser a puis ${next}`);
        lines.push(`            si d${s}-5 = ininterprétable ou non d${s}-7 : orienter vers mg sous 24 h`);
        lines.push(`            si d${s}-6 ≥ 37,5 °C ou sc = 1 : ${next}`);
        if (s % 2 === 0) lines.push(`            si d${s}-6 ≥ 40 °C : fin`);
        if (s % 3 !== 0) lines.push('            sinon : orienter vers mg sous 48 h');
        lines.push('        }');
    }
    lines.push('    }', '}');
    return lines.join('\n');
}

/**
 * The criteria findings by plain enumeration of every patient (the reference the search of
 * analyseCriteria must agree with): no included patient at all, and, for each exclusion, every
 * included patient excluded — with the first included patient of the enumeration as witness.
 */
function enumeratedCriteria(analysis: LogicAnalysis): unknown {
    const compiler = analysis.compiler;
    const inclusion = compiler.inclusion();
    const patients = (ids: string[]): Array<Map<string, Value>> => {
        let all: Array<Map<string, Value>> = [new Map()];
        for (const id of ids) all = all.flatMap(patient => cells(compiler.variables.get(id)!).map(value => new Map(patient).set(id, value)));
        return all;
    };
    const inclusionIds = [...variablesOf(inclusion)];
    const included = patients(inclusionIds).filter(patient => evaluate(inclusion, patient));
    const inclusionImpossible = compiler.criteres.some(c => c.nature === 'inclusion') && included.length === 0;
    const totalExclusions: unknown[] = [];
    if (included.length > 0) {
        for (const critere of compiler.criteres.filter(c => c.nature === 'exclusion')) {
            const formula = compiler.criterion(critere);
            const missing = [...variablesOf(formula)].filter(id => !inclusionIds.includes(id));
            const everyone = included.flatMap(patient => patients(missing).map(more => new Map([...patient, ...more])));
            if (everyone.every(patient => evaluate(formula, patient))) {
                totalExclusions.push({ name: critere.name, witness: [...everyone[0]].sort(([a], [b]) => a.localeCompare(b)) });
            }
        }
    }
    return { inclusionImpossible, totalExclusions, tooMany: false };
}

function fixtures(): string[] {
    const root = 'test/rules';
    return readdirSync(root).filter(code => /situation|chevauch|exclu|combinaisons|critere|inclusion|retrait|cas-/.test(code))
        .flatMap(code => ['echec.coop', 'succes.coop'].map(name => join(root, code, name))).filter(path => existsSync(path));
}

describe('pruned analysis = full enumeration', () => {
    it('on the examples, the rule fixtures of the logic and benchmark-shaped trees', async () => {
        const services = await createTestServices();
        const parse = parser(services);
        const texts = [
            ...readdirSync('examples').filter(name => name.endsWith('.coop')).map(name => readFileSync(join('examples', name), 'utf8')),
            ...fixtures().map(path => readFileSync(path, 'utf8')),
            bench(3), bench(6)
        ];
        let compared = 0;
        for (const text of texts) {
            const document = await parse(text);
            const root = document.parseResult.value;
            if (!isProtocole(root)) continue;
            expect(findings(logicAnalysis(root as Protocole))).toEqual(findings(exhaustiveLogicAnalysis(root as Protocole)));
            compared++;
        }
        expect(compared).toBeGreaterThan(15);
    }, 120_000);

    it('on mutated examples: each situation deleted in turn', async () => {
        const services = await createTestServices();
        const parse = parser(services);
        for (const name of ['cystite-femme.coop', 'odynophagie.coop', 'entorse-cheville.coop']) {
            const text = readFileSync(join('examples', name), 'utf8');
            const lines = text.split('\n');
            const situations = lines.map((content, index) => (/^\s+(si |sinon)/.test(content) ? index : -1)).filter(index => index >= 0);
            for (const index of situations) {
                const document = await parse(lines.filter((_, at) => at !== index).join('\n'));
                const root = document.parseResult.value as Protocole;
                expect(findings(logicAnalysis(root)), `${name} without line ${index + 1}`).toEqual(findings(exhaustiveLogicAnalysis(root)));
            }
        }
    }, 120_000);

    it('the criteria search finds what the enumeration of every patient finds', async () => {
        const services = await createTestServices();
        const parse = parser(services);
        const texts = [
            ...readdirSync('examples').filter(name => name.endsWith('.coop')).map(name => readFileSync(join('examples', name), 'utf8')),
            ...fixtures().map(path => readFileSync(path, 'utf8')),
            bench(3)
        ];
        // Criteria rewritten as authors get them wrong: an inverted age, a threshold that excludes everyone.
        const cystite = readFileSync(join('examples', 'cystite-femme.coop'), 'utf8');
        texts.push(cystite.replace(/âge de (\d+) à (\d+) ans/, 'âge de $2 à $1 ans'), cystite.replace(/inclusion ([\w-]+) : /, 'inclusion $1 : âge < 10 ans et '));
        // An exclusion over a datum the inclusion does not read, met by every patient (a threshold at the range's floor).
        texts.push([
            'protocole "Angine de l\'adulte" {', '    délégant mg : médecin', '    délégué ide : infirmier',
            '    donnée temperature "Température" : nombre °C de 34 à 43', '    donnée tdr "Test rapide" : parmi positif, négatif',
            '    patients {', '        inclusion age : âge de 16 à 65 ans', '        exclusion fievre : temperature ≥ 34 °C', '        exclusion test : tdr = positif ou tdr = négatif', '    }',
            '    acte tdr-acte "Réaliser un TDR" { non dérogatoire  par ide }', '}'
        ].join('\n'));
        let found = 0;
        for (const text of texts) {
            const root = (await parse(text)).parseResult.value;
            if (!isProtocole(root)) continue;
            const analysis = logicAnalysis(root as Protocole);
            if (analysis.criteria.tooMany) continue;
            const { criteria } = findings(analysis) as { criteria: unknown };
            expect(criteria).toEqual(enumeratedCriteria(analysis));
            const reference = enumeratedCriteria(analysis) as { inclusionImpossible: boolean; totalExclusions: unknown[] };
            if (reference.inclusionImpossible || reference.totalExclusions.length > 0) found++;
        }
        // Not only protocols where nothing is wrong: the rule fixtures make both findings.
        expect(found).toBeGreaterThanOrEqual(2);
    }, 120_000);

    it('gives up, saying so, on a criterion decided only by its last datum after thirty others (no exponential search)', async () => {
        const services = await createTestServices();
        const signs = Array.from({ length: 30 }, (_, i) => `s${i}`);
        const text = [
            'protocole "Tautologie" {', '    délégant mg : médecin', '    délégué ide : infirmier',
            ...signs.map(sign => `    donnée ${sign} "Signe ${sign}" : oui ou non`), '    donnée z "Dernier signe" : oui ou non',
            '    patients {', '        inclusion adulte : âge ≥ 18 ans', `        exclusion tout : (${signs.join(' et ')}) ou z ou non z`, '    }', '}'
        ].join('\n');
        const root = (await parser(services)(text)).parseResult.value as Protocole;
        const analysis = logicAnalysis(root);
        expect(analysis.criteria.tooMany).toBe(true);
        expect(analysis.criteria.totalExclusions).toEqual([]);
    }, 30_000);

    it('three-valued evaluation agrees with evaluation once every variable is given, and is undecided only when it must be', () => {
        const term = { score: 's', lines: [{ points: 1, condition: { k: 'bool', v: 'a' } as const }, { points: -1, condition: { k: 'bool', v: 'b' } as const }] };
        const formula = { k: 'or', items: [{ k: 'score', term, op: '>=', value: 1 } as const, { k: 'and', items: [{ k: 'eq', v: 'c', value: 'x' } as const, { k: 'not', item: { k: 'cmp', v: 'n', op: '<', value: 38 } } as const] } as const] } as const;
        for (const a of [true, false]) for (const b of [true, false]) for (const c of ['x', 'y']) for (const n of [37, 38, 39]) {
            const full = new Map<string, boolean | string | number>([['a', a], ['b', b], ['c', c], ['n', n]]);
            expect(evaluate3(formula, full)).toBe(evaluate(formula, full));
            for (const missing of ['a', 'b', 'c', 'n']) {
                const partial = new Map(full);
                partial.delete(missing);
                const three = evaluate3(formula, partial);
                if (three !== undefined) expect(three).toBe(evaluate(formula, full));
            }
        }
        // Decided without the missing datum when it cannot matter; undecided when it can.
        expect(evaluate3(formula, new Map<string, boolean | string | number>([['a', true], ['b', false]]))).toBe(true);
        expect(evaluate3(formula, new Map<string, boolean | string | number>([['a', true]]))).toBeUndefined();
        expect(evaluate3(formula, new Map<string, boolean | string | number>([['a', false], ['c', 'y']]))).toBe(false);
    });
});
