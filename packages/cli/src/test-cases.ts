import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import {
    caseOutcome, conditionSource, createCoopServices, isCas, isProtocole, LocaleSetting, loadAndValidate, uncoveredSituations,
    type CaseResult, type Locale, type Protocole
} from 'coop-language';
import { collectCoopFiles } from './collect-files.js';
import { protocolCompanions } from './companions.js';
import { displayPath } from './config-file.js';
import { readCoopFile } from './read-input.js';

/** `coop test`: runs the patient cases (`cas "…" pour PC-… { … }`) found under the paths. */
export interface TestOptions {
    readonly lang: Locale;
    readonly format: 'stylish' | 'json' | 'junit';
    readonly coverage?: boolean;
    readonly ignore?: string[];
    readonly cwd?: string;
}

export interface CaseReport {
    file: string;
    line: number;
    title: string;
    protocol: string;
    passed: boolean;
    expected: string;
    actual: string;
    /** Each step and the situation that applied. */
    trace: string;
    problems: string[];
}

export interface UncoveredReport { protocol: string; file: string; line: number; step: string; situation: string }

export interface TestReport {
    cases: CaseReport[];
    uncovered?: UncoveredReport[];
    summary: { total: number; passed: number; failed: number };
}

export async function runTests(paths: string[], options: TestOptions): Promise<TestReport> {
    const cwd = options.cwd ?? process.cwd();
    const locale = new LocaleSetting();
    locale.current = options.lang;
    const files = await collectCoopFiles(paths, locale, { cwd, ignore: options.ignore });
    const inputs = await Promise.all(files.map(async path => ({ path, shown: displayPath(path, cwd), text: await readCoopFile(path, displayPath(path, cwd), locale) })));
    // `coop test examples/cas` alone: the protocols the cases are played on are loaded with them.
    const { extra } = await protocolCompanions(inputs);
    const { shared } = createCoopServices(NodeFileSystem);
    const loaded = await loadAndValidate(shared, [...inputs, ...extra].map(input => ({ uri: URI.file(input.path), text: input.text })));
    const shownOf = new Map(inputs.map(input => [URI.file(input.path).toString(), input.shown]));
    const cases: CaseReport[] = [];
    const results: CaseResult[] = [];
    const protocolFile = new Map<Protocole, string>();
    for (const { document, diagnostics } of loaded) {
        const root = document.parseResult.value;
        const file = shownOf.get(document.uri.toString()) ?? document.uri.fsPath;
        if (isProtocole(root)) protocolFile.set(root, file);
        if (!isCas(root)) continue;
        for (const cas of root.cas) {
            // The same code as the editor's Testing view (logic/cases.ts caseOutcome).
            const { result, passed, problems } = caseOutcome(shared.workspace.LangiumDocuments, cas, diagnostics);
            results.push(result);
            const line = (cas.$cstNode?.range.start.line ?? 0) + 1;
            cases.push({
                file, line, title: cas.titre ?? '', protocol: cas.protocole ?? '',
                passed, expected: result.expected, actual: result.actual, trace: result.trace, problems
            });
        }
    }
    const passed = cases.filter(c => c.passed).length;
    const report: TestReport = { cases, summary: { total: cases.length, passed, failed: cases.length - passed } };
    if (options.coverage) {
        const uncovered: UncoveredReport[] = [];
        for (const [protocole, file] of protocolFile) {
            const runs = results.filter(r => r.protocole === protocole && r.run).map(r => r.run!);
            const identifiant = protocole.elements.find(e => e.$type === 'Identifiant');
            for (const { etape, situation } of uncoveredSituations(protocole, runs)) {
                uncovered.push({
                    protocol: identifiant && 'valeur' in identifiant ? String(identifiant.valeur) : protocole.titre ?? '', file,
                    line: (situation.$cstNode?.range.start.line ?? 0) + 1, step: etape.name,
                    situation: situation.sinon ? 'sinon' : conditionSource(situation.expression) || (situation.condition ?? '').replace(/\s+/g, ' ').trim()
                });
            }
        }
        report.uncovered = uncovered;
    }
    return report;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function formatTestReport(report: TestReport, format: TestOptions['format'], locale: Locale): string {
    const fr = locale === 'fr';
    if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
    if (format === 'junit') {
        const byFile = new Map<string, CaseReport[]>();
        for (const c of report.cases) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
        const suites = [...byFile].map(([file, cases]) => `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${cases.filter(c => !c.passed).length}">\n`
            + cases.map(c => `    <testcase classname="${xml(c.protocol)}" name="${xml(c.title)}" file="${xml(c.file)}" line="${c.line}">`
                + (c.passed ? '' : `\n      <failure message="${xml(fr ? `attendu : ${c.expected} ; obtenu : ${c.actual || 'aucune issue'}` : `expected: ${c.expected}; got: ${c.actual || 'no outcome'}`)}">${xml([fr ? `chemin suivi : ${c.trace}` : `path: ${c.trace}`, ...c.problems].join('\n'))}</failure>\n    `)
                + '</testcase>').join('\n') + '\n  </testsuite>');
        return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="coop test" tests="${report.summary.total}" failures="${report.summary.failed}">\n${suites.join('\n')}\n</testsuites>\n`;
    }
    const lines: string[] = [];
    for (const c of report.cases) {
        lines.push(`${c.passed ? '✓' : '✗'} ${c.file}:${c.line}  ${c.title}`);
        if (!c.passed) {
            lines.push(fr ? `    attendu : ${c.expected}` : `    expected: ${c.expected}`);
            lines.push(fr ? `    obtenu  : ${c.actual || 'aucune issue'}` : `    got:      ${c.actual || 'no outcome'}`);
            if (c.trace) lines.push(fr ? `    chemin suivi : ${c.trace}` : `    path: ${c.trace}`);
            for (const problem of c.problems) lines.push(`    ${problem}`);
        }
    }
    if (report.uncovered) {
        lines.push('');
        if (report.uncovered.length === 0) lines.push(fr ? 'Couverture : chaque situation est atteinte par au moins un cas.' : 'Coverage: every situation is reached by at least one case.');
        else {
            lines.push(fr ? `Situations qu'aucun cas n'atteint (${report.uncovered.length}) :` : `Situations no case reaches (${report.uncovered.length}):`);
            for (const u of report.uncovered) lines.push(`  ${u.file}:${u.line}  ${u.protocol} — ${fr ? 'étape' : 'step'} « ${u.step} » : ${u.situation}`);
        }
    }
    lines.push('');
    const { total, passed, failed } = report.summary;
    lines.push(total === 0
        ? (fr ? 'Aucun cas patient trouvé (« cas "…" pour <identifiant> { … } »).' : 'No patient case found.')
        : fr ? `${failed === 0 ? '✔' : '✖'} ${total} cas : ${passed} réussi(s), ${failed} en échec.` : `${failed === 0 ? '✔' : '✖'} ${total} case(s): ${passed} passed, ${failed} failed.`);
    return lines.join('\n') + '\n';
}
