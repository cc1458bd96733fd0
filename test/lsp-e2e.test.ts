import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';

/**
 * The bundled language server (`npm run build` → packages/server/dist/server.cjs), spawned over
 * stdio as an editor would, on a temporary workspace of several files.
 */
const SERVER = 'packages/server/dist/server.cjs';

let server: ChildProcess;
let connection: ProtocolConnection;
let stderr = '';
const folder = mkdtempSync(join(tmpdir(), 'coop-lsp-'));
const uri = (name: string) => pathToFileURL(join(folder, name)).toString();
const latest = new Map<string, Diagnostic[]>();
const waiters: Array<{ uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];

/** Resolves with the first diagnostics published for `target` that satisfy `accept`. */
function diagnosticsFor(target: string, accept: (d: Diagnostic[]) => boolean = () => true, timeout = 15_000): Promise<Diagnostic[]> {
    const current = latest.get(target);
    if (current && accept(current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${target} within ${timeout} ms; last: ${JSON.stringify(latest.get(target)?.map(d => d.code))}`)), timeout);
        waiters.push({ uri: target, accept, resolve: d => { clearTimeout(timer); resolve(d); } });
    });
}

const LIBRARY = 'bibliothèque "Commun" {\n    module m-base "Module de base" { théorie 2 h  pratique 2 cas  validation "QCM" }\n}\n';
const PROTOCOL = readFileSync('examples/cystite-femme.coop', 'utf8');

beforeAll(async () => {
    writeFileSync(join(folder, 'commun.coop'), LIBRARY);
    writeFileSync(join(folder, 'cystite.coop'), PROTOCOL);
    writeFileSync(join(folder, 'coop.config.json'), '{ "rules": { "ordre-du-modele": "off" } }');
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    server.stderr!.on('data', chunk => { stderr += chunk; });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        latest.set(params.uri, params.diagnostics);
        for (const waiter of waiters.filter(w => w.uri === params.uri && w.accept(params.diagnostics))) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(params.diagnostics);
        }
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(folder).toString(),
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'ws' }],
        capabilities: { workspace: { configuration: true } },
        locale: 'fr'
    });
    await connection.sendNotification('initialized', {});
});

afterAll(async () => {
    connection?.dispose();
    server?.kill();
});

describe('language server over stdio', () => {
    const text = PROTOCOL;
    const position = (needle: string, delta = 0) => {
        const offset = text.indexOf(needle) + delta;
        const before = text.slice(0, offset).split('\n');
        return { line: before.length - 1, character: before[before.length - 1].length };
    };

    it('publishes diagnostics for an opened document, then follows its changes', async () => {
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('cystite.coop'), languageId: 'coop', version: 1, text } });
        expect(await diagnosticsFor(uri('cystite.coop'))).toEqual([]);
        const broken = text.replace('délégué ide : infirmier', 'délégué ide : infirmiere');
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('cystite.coop'), version: 2 }, contentChanges: [{ text: broken }] });
        const diagnostics = await diagnosticsFor(uri('cystite.coop'), d => d.length > 0);
        expect(diagnostics.map(d => d.code)).toContain('reference-inconnue');
        expect(diagnostics.find(d => d.code === 'reference-inconnue')!.codeDescription!.href).toMatch(/docs\/rules\/reference-inconnue\.md$/);

        const actions = await connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri: uri('cystite.coop') }, range: diagnostics[0].range, context: { diagnostics }
        }) as Array<{ title: string; edit: { changes: Record<string, Array<{ newText: string }>> } }>;
        expect(actions.map(a => a.title)).toContain('Remplacer par « infirmier »');

        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('cystite.coop'), version: 3 }, contentChanges: [{ text }] });
        expect(await diagnosticsFor(uri('cystite.coop'), d => d.length === 0)).toEqual([]);
    });

    it('answers completion, hover, definition, references and rename', async () => {
        const target = { uri: uri('cystite.coop') };
        const completion = await connection.sendRequest('textDocument/completion', { textDocument: target, position: position('délégué ide : infirmier', 'délégué ide : '.length) }) as { items: Array<{ label: string }> };
        expect(completion.items.map(i => i.label)).toContain('infirmier');

        const hover = await connection.sendRequest('textDocument/hover', { textDocument: target, position: position('délégant mg : médecin', 'délégant mg : m'.length) }) as { contents: { value: string } };
        expect(hover.contents.value).toMatch(/\*\*Médecin\*\*/);

        const definition = await connection.sendRequest('textDocument/definition', { textDocument: target, position: position('couvre bu', 'couvre '.length) }) as Array<{ targetRange?: { start: { line: number } }; range?: { start: { line: number } } }>;
        const line = (definition[0].targetRange ?? definition[0].range)!.start.line;
        expect(text.split('\n')[line]).toMatch(/acte bu /);

        const references = await connection.sendRequest('textDocument/references', { textDocument: target, position: position('acte bu', 'acte '.length), context: { includeDeclaration: true } }) as unknown[];
        expect(references.length).toBeGreaterThanOrEqual(3);

        const rename = await connection.sendRequest('textDocument/rename', { textDocument: target, position: position('acte bu', 'acte '.length), newName: 'bandelette' }) as { changes: Record<string, unknown[]> };
        expect(rename.changes[uri('cystite.coop')].length).toBe(references.length);
    });

    it('formats, lists symbols and returns the conformity of a protocol', async () => {
        const target = { uri: uri('cystite.coop') };
        // Format, apply, format again: the second round has nothing left to change.
        const format = () => connection.sendRequest('textDocument/formatting', { textDocument: target, options: { tabSize: 4, insertSpaces: true } }) as Promise<Array<{ newText: string }>>;
        const mangled = text.replace('\n    type national', '\n type national   ');
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('cystite.coop'), version: 10 }, contentChanges: [{ text: mangled }] });
        const edits = await format();
        expect(edits).toHaveLength(1);
        expect(edits[0].newText).toContain('\n    type national\n');
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('cystite.coop'), version: 11 }, contentChanges: [{ text: edits[0].newText }] });
        expect(await format()).toEqual([]);
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('cystite.coop'), version: 12 }, contentChanges: [{ text }] });
        const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: target }) as Array<{ children: Array<{ name: string }> }>;
        expect(symbols[0].children.slice(0, 2).map(s => s.name)).toEqual(['Identifiant', 'Type de protocole']);
        const conformity = await connection.sendRequest('coop/conformity', { uri: uri('cystite.coop') }) as { label: string; met: number; total: number };
        expect(conformity).toMatchObject({ met: 16, total: 16, label: 'Conformité : 16/16 exigences' });
        const lenses = await connection.sendRequest('textDocument/codeLens', { textDocument: target }) as Array<{ command: { title: string } }>;
        expect(lenses[0].command.title).toBe('Conformité : 16/16 exigences');
    });

    it('resolves library elements of another file of the workspace', async () => {
        const user = 'protocole "Usage" {\n    délégué ide : infirmier\n    formation f pour ide { module m-base }\n}\n';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('usage.coop'), languageId: 'coop', version: 1, text: user } });
        const diagnostics = await diagnosticsFor(uri('usage.coop'));
        expect(diagnostics.map(d => d.code)).not.toContain('reference-inconnue');
    });

    it('survives a malformed document and an invalid request', async () => {
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('casse.coop'), languageId: 'coop', version: 1, text: 'protocole "x" { délégué : : } } ¤ """' } });
        const diagnostics = await diagnosticsFor(uri('casse.coop'), d => d.length > 0);
        expect(diagnostics.some(d => d.code === 'syntaxe' || d.code === 'caractere-inconnu')).toBe(true);
        // A request about a document the server does not know gets an answer (null or an error response), not a crash.
        const unknown = await connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('absent.coop') }, position: { line: 99, character: 0 } }).catch((error: { code: number }) => error);
        expect(unknown === null || typeof (unknown as { code?: number }).code === 'number').toBe(true);
        await expect(connection.sendRequest('coop/conformity', { uri: 'not a uri' })).resolves.toBeNull();
        await expect(connection.sendRequest('textDocument/completion', { textDocument: { uri: uri('casse.coop') }, position: { line: 0, character: 500 } })).resolves.toBeDefined();
        const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('cystite.coop') } }) as unknown[];
        expect(symbols.length).toBe(1);
        expect(server.exitCode).toBeNull();
        expect(stderr).not.toMatch(/TypeError|ReferenceError/);
    });
});
