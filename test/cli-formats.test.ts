import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

const CLI = resolve('packages/cli/bin/coop.js');
const DEFECTIVE = resolve('test/fixtures/invalid/profession-inconnue.coop');

function coop(args: string[], cwd = process.cwd()) {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** These CommonJS packages export `default`; depending on the loader it is already unwrapped. */
function interop<T>(module: T): T extends { default: infer D } ? D : T {
    return ((module as { default?: unknown }).default ?? module) as T extends { default: infer D } ? D : T;
}

function tempDir(prefix: string): string {
    return mkdtempSync(join(tmpdir(), prefix));
}

describe('coop validate --format sarif', () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The official schema has a pattern that is invalid with the `u` flag ("[a-zA-Z]{2}]?"): compile without it.
    const ajv = new (interop(AjvDraft04))({ allErrors: true, strict: false, unicodeRegExp: false });
    interop(ajvFormats)(ajv);
    const validate = ajv.compile(schema);

    it('validates against the SARIF 2.1.0 schema, for clean and defective input', () => {
        for (const path of ['examples', DEFECTIVE]) {
            const { stdout } = coop(['validate', path, '--format', 'sarif']);
            const sarif = JSON.parse(stdout);
            const valid = validate(sarif);
            expect(valid ? [] : validate.errors).toEqual([]);
        }
    });

    it('lists every rule with its documentation and maps severities', () => {
        const sarif = JSON.parse(coop(['validate', DEFECTIVE, '--format', 'sarif']).stdout);
        const rules = sarif.runs[0].tool.driver.rules;
        const catalogue = JSON.parse(coop(['rules', '--format', 'json']).stdout);
        expect(rules.map((r: { id: string }) => r.id)).toEqual(catalogue.map((r: { code: string }) => r.code));
        for (const rule of rules) expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
        const levels = new Set(sarif.runs[0].results.map((r: { level: string }) => r.level));
        expect([...levels].sort()).toEqual(['error', 'warning']);
        const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'reference-inconnue');
        expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 5, startColumn: 19 });
        expect(rules[result.ruleIndex].id).toBe('reference-inconnue');
    });

    it('keeps ignored findings as suppressed results with their justification', () => {
        const folder = tempDir('coop-sarif-');
        const text = readFileSync('examples/cystite-femme.coop', 'utf8').replace(/\n\s*lieu "[^"]*"/, '\n    ignorer lieu-absent : "Protocole mis en œuvre par téléconsultation"');
        writeFileSync(join(folder, 'p.coop'), text);
        const sarif = JSON.parse(coop(['validate', folder, '--format', 'sarif']).stdout);
        const suppressed = sarif.runs[0].results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
        expect(suppressed).toHaveLength(1);
        expect(suppressed[0]).toMatchObject({ ruleId: 'lieu-absent', suppressions: [{ kind: 'inSource', justification: 'Protocole mis en œuvre par téléconsultation' }] });
        expect(validate(sarif)).toBe(true);
    });
});

describe('coop validate, other formats and options', () => {
    it('prints GitHub workflow annotations', () => {
        const { code, stdout } = coop(['validate', DEFECTIVE, '--format', 'github']);
        expect(code).toBe(1);
        const lines = stdout.trim().split('\n');
        expect(lines.every(line => /^::(error|warning|notice) file=.+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::.+$/.test(line))).toBe(true);
        expect(stdout).toContain('::error file=test/fixtures/invalid/profession-inconnue.coop,line=5,col=19,endLine=5,endColumn=29,title=reference-inconnue::Profession « infirmiere » introuvable.');
    });

    it('prints JUnit XML with one failing test case per error', () => {
        const { stdout } = coop(['validate', DEFECTIVE, 'examples/cystite-femme.coop', '--format', 'junit']);
        expect(stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="coop" tests="\d+" failures="\d+" errors="0">/);
        const errors = JSON.parse(coop(['validate', DEFECTIVE, '--format', 'json']).stdout).summary.errors;
        expect(stdout.match(/<failure /g)).toHaveLength(errors);
        expect(stdout).toContain('<testcase classname="examples/cystite-femme.coop" name="aucun problème"/>');
    });

    it('--fail-on warning turns warnings into a failing exit code', () => {
        const folder = tempDir('coop-failon-');
        const text = readFileSync('examples/cystite-femme.coop', 'utf8').replace(/\n\s*objectifs """[\s\S]*?"""/, '');
        writeFileSync(join(folder, 'p.coop'), text);
        expect(coop(['validate', folder]).code).toBe(0);
        const strict = coop(['validate', folder, '--fail-on', 'warning']);
        expect(strict.code).toBe(1);
        expect(strict.stdout).toContain('[objectifs-absents]');
    });

    it('--quiet prints only failing findings, --output writes the report to a file', () => {
        const folder = tempDir('coop-out-');
        const out = join(folder, 'report.json');
        const { code, stdout } = coop(['validate', DEFECTIVE, '--format', 'json', '--quiet', '--output', out]);
        expect(code).toBe(1);
        expect(stdout).toBe('');
        const report = JSON.parse(readFileSync(out, 'utf8'));
        expect(report.summary.warnings).toBe(0);
        expect(report.summary.errors).toBeGreaterThan(0);
    });

    it('prints the conformity of each protocol', () => {
        const { stdout } = coop(['validate', 'examples/cystite-femme.coop', DEFECTIVE]);
        expect(stdout).toMatch(/examples\/cystite-femme\.coop +Contrôles automatiques : 16\/16 exigences vérifiées\n/);
        expect(stdout).toMatch(/profession-inconnue\.coop +Contrôles automatiques : \d+\/16 exigences vérifiées, \d+ manquantes?  — manquent : R\.4011-1 1°/);
        const json = JSON.parse(coop(['validate', 'examples/cystite-femme.coop', '--format', 'json']).stdout);
        expect(json.files[0].conformity).toMatchObject({ met: 16, total: 16, suppressed: 0 });
    });
});

describe('coop.config.json', () => {
    function workspace(config: string) {
        const folder = tempDir('coop-config-');
        copyFileSync(DEFECTIVE, join(folder, 'p.coop'));
        writeFileSync(join(folder, 'coop.config.json'), config);
        return folder;
    }

    it('sets rule levels for the workspace (found in the working directory)', () => {
        const folder = workspace('{ "rules": { "cadre-absent": "off", "lieu-absent": "warning" } }');
        const report = JSON.parse(coop(['validate', '.', '--format', 'json'], folder).stdout);
        const byCode = Object.fromEntries(report.files[0].diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity]));
        expect(byCode['cadre-absent']).toBeUndefined();
        expect(byCode['lieu-absent']).toBe('warning');
    });

    it('rejects an unknown rule with its position and a suggestion (exit 2)', () => {
        const folder = workspace('{\n  "rules": {\n    "lieu-absen": "off"\n  }\n}');
        const { code, stderr } = coop(['validate', '.'], folder);
        expect(code).toBe(2);
        expect(stderr).toBe('coop : coop.config.json:3:5 : règle inconnue « lieu-absen » (vouliez-vous dire « lieu-absent » ?) ; « coop rules » liste les règles\n');
    });

    it('rejects invalid JSON, a bad level, and language diagnostics', () => {
        expect(coop(['validate', '.'], workspace('{ "rules": { ')).stderr).toMatch(/^coop : coop\.config\.json:1:\d+ : JSON invalide/);
        expect(coop(['validate', '.'], workspace('{ "rules": { "lieu-absent": "fatal" } }')).stderr).toMatch(/niveau invalide pour « lieu-absent »/);
        expect(coop(['validate', '.'], workspace('{ "rules": { "syntaxe": "off" } }')).stderr).toMatch(/« syntaxe » est un diagnostic du langage/);
    });

    it('ships a JSON Schema that matches the catalogue', () => {
        const shipped = JSON.parse(readFileSync('packages/language/schema/coop.config.schema.json', 'utf8'));
        expect(shipped).toEqual(JSON.parse(coop(['rules', '--format', 'schema']).stdout));
    });
});
