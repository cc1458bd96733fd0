import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { CasesResult } from '../packages/language/src/protocol/coop-protocol.js';

/**
 * `coop/cases` (the Testing view of the extension) on the bundled server over stdio: the cases of
 * the workspace's files, found and run without the editor opening them, as `coop test` runs them.
 */
const SERVER = 'packages/server/dist/server.cjs';
const folder = mkdtempSync(join(tmpdir(), 'coop-cases-'));
const uri = (name: string) => pathToFileURL(join(folder, name)).toString();
let server: ChildProcess;
let connection: ProtocolConnection;

const CASES = `cas "Bandelette positive : antibiotique" pour PC-CYSTITE {
    données âge 32 ans, sexe féminin, debut 1 jour, temperature 37,2 °C, frissons non, douleur-lombaire non,
        grossesse-possible non, refus-patiente non, bandelette positive
    attendu réaliser bu, prescription-atb puis fin
}

cas "Attente erronée" pour PC-CYSTITE {
    données âge 40 ans, sexe féminin, debut 1 jour, temperature 37 °C, frissons non, douleur-lombaire non,
        grossesse-possible non, refus-patiente non, bandelette positive
    attendu réaliser bu puis orienter vers mg sous 48 h
}

cas "Donnée inconnue" pour PC-CYSTITE {
    données âge 40 ans, sexe féminin, couleur bleue
    attendu fin
}
`;

beforeAll(async () => {
    writeFileSync(join(folder, 'cystite.coop'), readFileSync('examples/cystite-femme.coop', 'utf8'));
    writeFileSync(join(folder, 'cas.coop'), CASES);
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid, rootUri: pathToFileURL(folder).toString(),
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'ws' }],
        capabilities: { workspace: { configuration: true } }, locale: 'fr'
    });
    await connection.sendNotification('initialized', {});
}, 30_000);

afterAll(() => {
    connection?.dispose();
    server?.kill();
});

describe('coop/cases', () => {
    it('lists and runs the cases of the workspace, files the editor has not opened included', async () => {
        const result = await connection.sendRequest<CasesResult>('coop/cases', {});
        expect(result.files.map(file => file.uri)).toEqual([uri('cas.coop')]);
        const [passing, failing, unknown] = result.files[0].cases;
        expect(passing).toMatchObject({ title: 'Bandelette positive : antibiotique', protocol: 'PC-CYSTITE', line: 0, character: 0, passed: true, problems: [] });
        expect(failing).toMatchObject({
            title: 'Attente erronée', line: 6, passed: false,
            expected: 'réaliser bu puis orienter vers mg sous 2 jours', actual: 'réaliser bu, prescription-atb puis fin',
            trace: 'accueil (sinon) → examen (sinon) → decision (bandelette = positive)'
        });
        expect(failing.endLine).toBe(10);
        // An error inside the case fails it, with the editor's message at its place.
        expect(unknown.passed).toBe(false);
        expect(unknown.problems.join('\n')).toMatch(/^14:\d+ .*couleur/);
    }, 30_000);

    it('answers for one file, and an empty list for a protocol or an unknown file', async () => {
        const one = await connection.sendRequest<CasesResult>('coop/cases', { uri: uri('cas.coop') });
        expect(one.files).toHaveLength(1);
        expect(one.files[0].cases.map(c => c.passed)).toEqual([true, false, false]);
        expect((await connection.sendRequest<CasesResult>('coop/cases', { uri: uri('cystite.coop') })).files).toEqual([]);
        expect((await connection.sendRequest<CasesResult>('coop/cases', { uri: uri('absent.coop') })).files).toEqual([]);
        await expect(connection.sendRequest('coop/cases', { uri: 42 })).rejects.toThrow(/Paramètres invalides pour coop\/cases/);
    }, 30_000);
});
