import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Step { id?: string; name?: string; uses?: string; shell?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, string> }
interface Action { inputs: Record<string, { default?: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }

const action = load(readFileSync('action.yml', 'utf8')) as Action;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The `${{ … }}` expressions of a text. */
const expressions = (text: string) => [...text.matchAll(/\$\{\{\s*(.*?)\s*\}\}/g)].map(match => match[1]);

describe('action.yml (GitHub composite action)', () => {
    it('is a composite action whose expressions name declared inputs and steps', () => {
        expect(action.runs.using).toBe('composite');
        const ids = new Set(action.runs.steps.map(step => step.id).filter(Boolean));
        const all = expressions(readFileSync('action.yml', 'utf8'));
        expect(all.length).toBeGreaterThan(5);
        for (const expression of all) {
            for (const input of expression.matchAll(/inputs\.([\w-]+)/g)) expect(Object.keys(action.inputs)).toContain(input[1]);
            for (const step of expression.matchAll(/steps\.([\w-]+)\.outputs/g)) expect(ids).toContain(step[1]);
        }
        for (const step of action.runs.steps) if (step.run) expect(step.shell).toBe('bash');
        expect(action.runs.steps.some(step => step.uses?.startsWith('github/codeql-action/upload-sarif'))).toBe(true);
    });

    describe.skipIf(process.platform === 'win32')('its shell steps, run as the runner would', () => {
        let work: string;
        let tarball: string;
        beforeAll(() => {
            work = mkdtempSync(join(tmpdir(), 'coop-action-'));
            const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: resolve('packages/cli/publish'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
            tarball = join(work, packed[0].filename);
        }, 120_000);
        afterAll(() => rmSync(work, { recursive: true, force: true }));

        /** Runs the action's bash steps in order with `inputs`, the way the runner does (env, GITHUB_OUTPUT, GITHUB_PATH). */
        function runAction(inputs: Record<string, string>, repository: string) {
            const values = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, inputs[name] ?? input.default ?? '']));
            const outputs: Record<string, Record<string, string>> = {};
            const evaluate = (text: string) => text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
                const input = /^inputs\.([\w-]+)$/.exec(expression);
                if (input) return values[input[1]];
                const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
                if (output) return outputs[output[1]]?.[output[2]] ?? '';
                throw new Error(`expression not simulated: ${expression}`);
            });
            let last = { status: 0 as number | null, stdout: '', stderr: '' };
            for (const step of action.runs.steps) {
                if (!step.run || step.if) continue; // uses: steps and conditional ones need GitHub itself
                const outputFile = join(work, `output-${step.id}`);
                writeFileSync(outputFile, '');
                const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? work, RUNNER_TEMP: join(work, 'runner'), GITHUB_OUTPUT: outputFile, GITHUB_PATH: join(work, 'path') };
                for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(String(value));
                mkdirSync(env.RUNNER_TEMP, { recursive: true });
                const result = spawnSync('bash', ['-e', '-c', step.run], { cwd: repository, env, encoding: 'utf8' });
                last = { status: result.status, stdout: result.stdout, stderr: result.stderr };
                if (step.id) outputs[step.id] = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map(line => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
                if (result.status !== 0) break;
            }
            return { ...last, outputs };
        }

        it('installs the packed CLI and prints GitHub annotations, failing on errors', () => {
            const repository = join(work, 'depot');
            mkdirSync(join(repository, 'protocoles'), { recursive: true });
            copyFileSync('test/fixtures/invalid/profession-inconnue.coop', join(repository, 'protocoles', 'p.coop'));
            copyFileSync('examples/cystite-femme.coop', join(repository, 'protocoles', 'cystite.coop'));
            const result = runAction({ package: tarball, paths: 'protocoles/**/*.coop' }, repository);
            expect(result.stdout).toMatch(/^::error file=protocoles\/p\.coop,line=5,col=19,.*title=reference-inconnue::/m);
            expect(result.status).toBe(1);
            expect(result.outputs.validate['exit-code']).toBe('1');
        }, 120_000);

        it('writes SARIF and leaves the failure to the step after the upload', () => {
            const repository = join(work, 'depot-sarif');
            mkdirSync(repository);
            copyFileSync('test/fixtures/invalid/profession-inconnue.coop', join(repository, 'p.coop'));
            const result = runAction({ package: tarball, format: 'sarif', 'max-warnings': '0' }, repository);
            expect(result.status).toBe(0);
            expect(result.outputs.validate).toMatchObject({ 'exit-code': '1', 'sarif-file': 'coop.sarif' });
            const sarif = JSON.parse(readFileSync(join(repository, 'coop.sarif'), 'utf8'));
            expect(sarif.runs[0].results.length).toBeGreaterThan(0);
        }, 120_000);
    });
});

describe('.pre-commit-hooks.yaml', () => {
    const hooks = load(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as Array<Record<string, unknown>>;
    it('declares the coop hooks on .coop files, validating the whole workspace', () => {
        expect(hooks.map(hook => hook.id)).toEqual(['coop-validate', 'coop-validate-system']);
        for (const hook of hooks) {
            expect(hook.entry).toBe('coop validate');
            expect(new RegExp(String(hook.files)).test('protocoles/cystite.coop')).toBe(true);
            expect(new RegExp(String(hook.files)).test('README.md')).toBe(false);
            expect(hook.pass_filenames).toBe(false);
        }
        expect(hooks[0]).toMatchObject({ language: 'node', additional_dependencies: ['@coop-sante/cli'] });
    });

    it('its entry and arguments run as pre-commit would run them', () => {
        const folder = mkdtempSync(join(tmpdir(), 'coop-precommit-'));
        try {
            copyFileSync('examples/cystite-femme.coop', join(folder, 'cystite.coop'));
            const [command, ...args] = String(hooks[1].entry).split(' ');
            expect(command).toBe('coop');
            const ok = spawnSync(process.execPath, [resolve('packages/cli/bin/coop.js'), ...args, ...(hooks[1].args as string[])], { cwd: folder, encoding: 'utf8' });
            expect(ok.status).toBe(0);
            writeFileSync(join(folder, 'casse.coop'), 'protocole "x" {');
            const failing = spawnSync(process.execPath, [resolve('packages/cli/bin/coop.js'), ...args, ...(hooks[1].args as string[])], { cwd: folder, encoding: 'utf8' });
            expect(failing.status).toBe(1);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
