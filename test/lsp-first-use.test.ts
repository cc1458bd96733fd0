import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';

/**
 * What a new author meets in the first seconds (issue 11 §3, §7), over the bundled server spawned
 * over stdio as the editor does: every test starts a fresh server, so that its first request is
 * really the first one after start-up.
 */
const SERVER = 'packages/server/dist/server.cjs';
const PROTOCOL = readFileSync('examples/cystite-femme.coop', 'utf8');

interface Session {
    server: ChildProcess;
    connection: ProtocolConnection;
    folder: string;
    uri(name: string): string;
    /** Every diagnostics publication, in order. */
    published: PublishDiagnosticsParams[];
    diagnosticsFor(uri: string, accept?: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
}

const sessions: Session[] = [];
afterEach(() => {
    for (const session of sessions.splice(0)) {
        session.connection.dispose();
        session.server.kill();
    }
});

/** A server started on a workspace holding `files`, initialised (not waiting for anything else). */
async function start(files: Record<string, string> = {}, initializationOptions: Record<string, unknown> = {}, locale = 'fr'): Promise<Session> {
    const folder = mkdtempSync(join(tmpdir(), 'coop-first-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    server.stderr!.on('data', () => undefined);
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const published: PublishDiagnosticsParams[] = [];
    const waiters: Array<{ uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        published.push(params);
        for (const waiter of waiters.filter(w => w.uri === params.uri && w.accept(params.diagnostics))) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(params.diagnostics);
        }
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(folder).toString(),
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'ws' }],
        capabilities: { workspace: { configuration: true, codeLens: { refreshSupport: true } } },
        initializationOptions,
        locale
    });
    await connection.sendNotification('initialized', {});
    const session: Session = {
        server, connection, folder, published,
        uri: name => pathToFileURL(join(folder, name)).toString(),
        diagnosticsFor: (uri, accept = () => true) => {
            const last = [...published].reverse().find(p => p.uri === uri);
            if (last && accept(last.diagnostics)) return Promise.resolve(last.diagnostics);
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}`)), 20_000);
                waiters.push({ uri, accept, resolve: d => { clearTimeout(timer); resolve(d); } });
            });
        }
    };
    sessions.push(session);
    return session;
}

describe('the first file opened after start-up (issue 11 §7)', () => {
    it('gets its conformity code lens on the very first request, without an edit', async () => {
        const session = await start({ 'cystite.coop': PROTOCOL, 'autre.coop': PROTOCOL.replace('PC-', 'PC-AUTRE-') });
        const uri = session.uri('cystite.coop');
        // As VS Code does: didOpen, then at once the code lens of the visible editor.
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'coop', version: 1, text: PROTOCOL } });
        const lenses = await session.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }) as Array<{ command?: { title: string } }> | null;
        expect(lenses?.map(lens => lens.command?.title)).toEqual(['Contrôles automatiques : 16/16 exigences vérifiées']);
    }, 30_000);

    it('also for a file the workspace did not hold (a new file, an untitled buffer)', async () => {
        const session = await start({ 'autre.coop': PROTOCOL.replace('PC-', 'PC-AUTRE-') });
        for (const uri of [session.uri('nouveau.coop'), 'untitled:Untitled-2']) {
            await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'coop', version: 1, text: PROTOCOL } });
            const lenses = await session.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }) as Array<{ command?: { title: string } }> | null;
            expect(lenses?.map(lens => lens.command?.title), uri).toEqual(['Contrôles automatiques : 16/16 exigences vérifiées']);
        }
    }, 30_000);
});

describe('an untitled buffer closed without saving (issue 11 §7)', () => {
    it('leaves nothing in the Problems panel', async () => {
        const session = await start();
        const uri = 'untitled:Untitled-1';
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'coop', version: 1, text: 'protocole "Essai" {\n    acte "\n' } });
        const diagnostics = await session.diagnosticsFor(uri, d => d.length > 0);
        expect(diagnostics.some(d => d.code === 'syntaxe' || d.code === 'caractere-inconnu')).toBe(true);
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        expect(await session.diagnosticsFor(uri, d => d.length === 0)).toEqual([]);
        // And it stays cleared: nothing is published for it afterwards.
        await new Promise(resolve => setTimeout(resolve, 500));
        expect(session.published.filter(p => p.uri === uri).at(-1)!.diagnostics).toEqual([]);
    }, 30_000);
});

describe('completion on the very first request after start-up (issue 11 §3)', () => {
    const labels = (list: unknown) => ((list as { items?: Array<{ label: string }> } | null)?.items ?? (list as Array<{ label: string }> | null) ?? []).map(item => item.label);

    it('offers the whole protocol in an empty file', async () => {
        const session = await start();
        const uri = 'untitled:Untitled-1';
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'coop', version: 1, text: '' } });
        const list = await session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
        expect(labels(list)).toContain('Nouveau protocole (squelette complet)');
        expect(labels(list)).not.toContain('catalogue');
    }, 30_000);

    it('offers the catalogue professions and their aliases, the catalogue being loaded first', async () => {
        const session = await start({ 'cystite.coop': PROTOCOL });
        const uri = session.uri('nouveau.coop');
        const text = 'protocole "Essai" {\n    délégué ide : \n}\n';
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'coop', version: 1, text } });
        const list = await session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 18 } });
        expect(labels(list)).toEqual(expect.arrayContaining(['infirmier', 'infirmière', 'IDE', 'pharmacien', 'médecin']));
    }, 30_000);

    it('offers each section once among the elements, on the first request', async () => {
        const session = await start();
        const uri = session.uri('sections.coop');
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'coop', version: 1, text: 'protocole "Essai" {\n    \n}\n' } });
        const all = labels(await session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 4 } }));
        expect(all).toEqual(expect.arrayContaining(['délégant', 'délégué', 'patients', 'acte', 'parcours', 'information du patient']));
        expect(all).toEqual([...new Set(all)]);
    }, 30_000);
});
