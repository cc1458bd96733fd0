import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PUBLISH = resolve('packages/cli/publish');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The published package as a user gets it: `npm pack` of packages/cli/publish (its prepack copies
 * the bundle), installed from the tarball into a folder outside the repository with --offline (it
 * has no dependency, so nothing is downloaded), then `coop validate` on copied examples.
 */
describe('the @coop-sante/cli package', () => {
    let work: string;
    let tarball: string;
    beforeAll(() => {
        work = mkdtempSync(join(tmpdir(), 'coop-package-'));
        expect(relative(process.cwd(), work).startsWith('..')).toBe(true);
        const packed = execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: PUBLISH, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        const [info] = JSON.parse(packed) as Array<{ filename: string; name: string; files: Array<{ path: string }> }>;
        tarball = join(work, info.filename);
        expect(info.name).toBe('@coop-sante/cli');
        expect(info.files.map(file => file.path).sort()).toEqual(['README.md', 'bin/coop.cjs', 'dist/coop.cjs', 'package.json', 'schema/coop.config.schema.json']);
    }, 120_000);
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('has a scoped name, a coop bin and no dependency', () => {
        const manifest = JSON.parse(readFileSync(join(PUBLISH, 'package.json'), 'utf8'));
        expect(manifest.name).toBe('@coop-sante/cli');
        expect(manifest.bin).toEqual({ coop: 'bin/coop.cjs' });
        expect(manifest.dependencies).toBeUndefined();
        expect(manifest.version).toBe(JSON.parse(readFileSync('packages/cli/package.json', 'utf8')).version);
        expect(existsSync(tarball)).toBe(true);
    });

    it('installs offline outside the repository and validates copied examples', () => {
        const project = join(work, 'protocoles-ars');
        mkdirSync(join(project, 'protocoles'), { recursive: true });
        writeFileSync(join(project, 'package.json'), '{ "private": true }\n');
        for (const name of readdirSync('examples').filter(file => file.endsWith('.coop'))) copyFileSync(join('examples', name), join(project, 'protocoles', name));
        const install = spawnSync(npm, ['install', tarball, '--offline', '--no-audit', '--no-fund'], { cwd: project, encoding: 'utf8' });
        expect(install.stderr).not.toMatch(/ERR!/);
        expect(install.status).toBe(0);
        const bin = join(project, 'node_modules', '.bin', process.platform === 'win32' ? 'coop.cmd' : 'coop');
        const run = (...args: string[]) => spawnSync(bin, args, { cwd: project, encoding: 'utf8' });
        const validate = run('validate', 'protocoles/**/*.coop', '--max-warnings', '1000', '--format', 'json');
        expect(validate.stderr).toBe('');
        expect(validate.status).toBe(0);
        expect(JSON.parse(validate.stdout).files.length).toBe(readdirSync('examples').filter(file => file.endsWith('.coop')).length);
        const defective = run('validate', join(process.cwd(), 'test/fixtures/invalid/profession-inconnue.coop'));
        expect(defective.status).toBe(1);
        expect(defective.stdout).toContain('[reference-inconnue]');
        expect(run('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
        // The schema ships with the package.
        expect(JSON.parse(readFileSync(join(project, 'node_modules/@coop-sante/cli/schema/coop.config.schema.json'), 'utf8')).title).toBe('coop.config.json');
    }, 120_000);
});
