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
        const broken = text.replace('délégué ide : infirmier', 'délégué ide : infirmer');
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
        expect(conformity).toMatchObject({ met: 16, total: 16, label: 'Contrôles automatiques : 16/16 exigences vérifiées' });
        const lenses = await connection.sendRequest('textDocument/codeLens', { textDocument: target }) as Array<{ command: { title: string } }>;
        expect(lenses[0].command.title).toBe('Contrôles automatiques : 16/16 exigences vérifiées');
    });

    it('applies a change of coop.language live, then says so (coop/settingsApplied)', async () => {
        const applied = () => new Promise<{ locale: string }>(resolve => {
            const subscription = connection.onNotification('coop/settingsApplied', (params: { locale: string }) => { subscription.dispose(); resolve(params); });
        });
        let next = applied();
        await connection.sendNotification('workspace/didChangeConfiguration', { settings: { coop: { language: 'en' } } });
        expect(await next).toEqual({ locale: 'en' });
        const english = await connection.sendRequest('coop/conformity', { uri: uri('cystite.coop') }) as { label: string };
        expect(english.label).toBe('Automatic checks: 16/16 requirements verified');
        next = applied();
        await connection.sendNotification('workspace/didChangeConfiguration', { settings: { coop: {} } });
        expect(await next).toEqual({ locale: 'fr' });
        const french = await connection.sendRequest('coop/conformity', { uri: uri('cystite.coop') }) as { label: string };
        expect(french.label).toBe('Contrôles automatiques : 16/16 exigences vérifiées');
    });

    it('answers an export it cannot render with a French error, not an internal one', async () => {
        const broken = PROTOCOL.replace(/date \d{4}-\d{2}-\d{2}/, 'date 1234-56-78');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('date.coop'), languageId: 'coop', version: 1, text: broken } });
        const answer = await connection.sendRequest('coop/export', { uri: uri('date.coop'), format: 'pdf' }).then(
            result => ({ result }), (error: { code: number; message: string }) => ({ error }));
        if ('error' in answer) expect(answer.error).toMatchObject({ code: -32803, message: expect.stringMatching(/^L'export PDF n'a pas pu être produit/) });
        else expect(typeof (answer.result as { data?: unknown }).data).toBe('string');
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('date.coop') } });
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
        // A request about a document the server does not know gets an empty answer, never an error (nor ENOENT).
        const absent = { uri: uri('absent.coop') };
        await expect(connection.sendRequest('textDocument/hover', { textDocument: absent, position: { line: 99, character: 0 } })).resolves.toBeNull();
        await expect(connection.sendRequest('textDocument/references', { textDocument: absent, position: { line: 0, character: 0 }, context: { includeDeclaration: true } })).resolves.toEqual([]);
        await expect(connection.sendRequest('textDocument/rename', { textDocument: absent, position: { line: 0, character: 0 }, newName: 'x' })).resolves.toBeNull();
        await expect(connection.sendRequest('coop/export', { uri: absent.uri, format: 'pdf' })).resolves.toBeNull();
        // Invalid parameters: InvalidParams with a French message.
        await expect(connection.sendRequest('coop/conformity', null)).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/^Paramètres invalides pour coop\/conformity/) });
        await expect(connection.sendRequest('coop/export', { uri: uri('cystite.coop'), format: 'exe' })).rejects.toMatchObject({ code: -32602 });
        await expect(connection.sendRequest('coop/conformity', { uri: 'not a uri' })).resolves.toBeNull();
        await expect(connection.sendRequest('textDocument/completion', { textDocument: { uri: uri('casse.coop') }, position: { line: 0, character: 500 } })).resolves.toBeDefined();
        const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('cystite.coop') } }) as unknown[];
        expect(symbols.length).toBe(1);
        expect(server.exitCode).toBeNull();
        expect(stderr).not.toMatch(/TypeError|ReferenceError/);
    });
});

/** Deterministic pseudo-random numbers (mulberry32): the storm is the same at every run. */
function random(seed: number) {
    let state = seed >>> 0;
    const next = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] };
}

describe('language server under a storm of edits, requests and malformed messages', () => {
    const SEED = 20261201;
    /** JSON-RPC errors a client must expect; anything else (InternalError −32603…) is a failure. */
    const EXPECTED_ERRORS = [-32602, -32800, -32801, -32802, -32803];
    const INSERTS = ['{', '}', '"', '"""', ':', ' ', '\n', 'délégué ', 'acte ', 'protocole ', 'ignorer ', 'date 1234-56-78 ', '¤', '\u0000', '\r\n', 'âge 8 à ', 'x'.repeat(300)];
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const MALFORMED = [
        frame('{ not json'), frame('null'), frame('[1,2]'), frame('{"jsonrpc":"2.0","id":"m1","method":5}'),
        frame('{"jsonrpc":"2.0","id":"m2","method":"textDocument/hover","params":"x"}'),
        frame('{"jsonrpc":"2.0","id":"m3","method":"coop/conformity","params":null}'),
        'Content-Length: abc\r\n\r\n{}', 'Garbage header\r\n\r\n', 'Content-Length: 3\r\n\r\n{"a'
    ];

    it('stays up, keeps answering and never answers an internal error', async () => {
        const rng = random(SEED);
        const target = uri('storm.coop');
        let text = PROTOCOL;
        let version = 1;
        const failures: string[] = [];
        let answered = 0;
        const check = (method: string) => (result: unknown) => {
            answered++;
            if (result && typeof result === 'object' && !Array.isArray(result) && typeof (result as { code?: unknown }).code === 'number') {
                failures.push(`${method} answered an error object as its result: ${JSON.stringify(result).slice(0, 200)}`);
            }
        };
        const checkError = (method: string) => (error: { code?: number; message?: string }) => {
            answered++;
            if (!EXPECTED_ERRORS.includes(error.code ?? 0)) failures.push(`${method} failed with ${error.code}: ${error.message?.slice(0, 200)}`);
        };
        const inFlight = new Set<Promise<void>>();
        const request = (method: string, params: unknown) => {
            const started = Date.now();
            const answer: Promise<void> = connection.sendRequest(method, params).then(check(method), checkError(method)).finally(() => {
                inFlight.delete(answer);
                if (process.env.COOP_STORM_REPORT && Date.now() - started > 1000) console.log(`${method}: ${Date.now() - started} ms`);
            });
            inFlight.add(answer);
            return answer;
        };
        const positionAt = (offset: number) => {
            const before = text.slice(0, offset).split('\n');
            return { line: before.length - 1, character: before[before.length - 1].length };
        };
        const randomPosition = () => positionAt(rng.int(text.length + 1));

        const logs: string[] = [];
        connection.onNotification('window/logMessage', (params: { message: string }) => { logs.push(params.message); });
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: target, languageId: 'coop', version, text } });
        // The documents that used to kill the server: a null or numeric text, 12 MB of protocol.
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('nul.coop'), languageId: 'coop', version: 1, text: null } });
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('nombre.coop'), languageId: 'coop', version: 1, text: 42 } });
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('enorme.coop'), languageId: 'coop', version: 1, text: PROTOCOL.repeat(Math.ceil(12e6 / PROTOCOL.length)) } });
        expect((await diagnosticsFor(uri('enorme.coop'))).map(d => d.code)).toEqual(['document-trop-volumineux']);
        // A text block of 130,000 lines (Langium's parser used to throw on it, and every other document waited).
        const block = `protocole "Bloc" {\n    objectifs """\n${'        ligne\n'.repeat(130_000)}    """\n}\n`;
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('bloc.coop'), languageId: 'coop', version: 1, text: block } });

        const deadline = Date.now() + 15_000;
        let steps = 0;
        for (; steps < 600 && Date.now() < deadline; steps++) {
            const kind = rng.int(10);
            if (kind < 4) {
                // An edit: an incremental change (delete and/or insert at a random place), sometimes the whole text.
                const start = rng.int(text.length + 1);
                const end = Math.min(text.length, start + (rng.next() < 0.5 ? 0 : rng.int(40)));
                const insert = rng.next() < 0.8 ? rng.pick(INSERTS) : '';
                const range = { start: positionAt(start), end: positionAt(end) };
                text = text.slice(0, start) + insert + text.slice(end);
                const reset = text.length > 60_000 || rng.next() < 0.05;
                if (reset) text = PROTOCOL;
                const change = reset || rng.next() < 0.1 ? { text } : { range, text: insert };
                await connection.sendNotification('textDocument/didChange', { textDocument: { uri: target, version: ++version }, contentChanges: [change] });
            } else if (kind < 8) {
                const textDocument = { uri: rng.next() < 0.1 ? uri('inconnu.coop') : target };
                const position = randomPosition();
                const requests: Array<[string, unknown]> = [
                    ['textDocument/hover', { textDocument, position }],
                    ['textDocument/completion', { textDocument, position }],
                    ['textDocument/documentSymbol', { textDocument }],
                    ['textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } }],
                    ['textDocument/rangeFormatting', { textDocument, range: { start: position, end: randomPosition() }, options: { tabSize: 4, insertSpaces: true } }],
                    ['textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: latest.get(target) ?? [] } }],
                    ['textDocument/definition', { textDocument, position }],
                    ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
                    ['textDocument/rename', { textDocument, position, newName: 'renomme' }],
                    ['textDocument/foldingRange', { textDocument }],
                    ['textDocument/semanticTokens/full', { textDocument }],
                    ['textDocument/codeLens', { textDocument }],
                    ['coop/conformity', { uri: textDocument.uri }],
                    ['coop/preview', { uri: textDocument.uri, nonce: 'n' }],
                    ['coop/export', { uri: textDocument.uri, format: rng.pick(['html', 'html', 'html', 'docx', 'pdf']) }],
                    ['coop/export', { uri: textDocument.uri, format: 'exe' }],
                    ['textDocument/hover', { textDocument, position: { line: -3, character: 'x' } }]
                ];
                for (let i = 0, n = 1 + rng.int(4); i < n; i++) void request(...rng.pick(requests));
            } else if (kind < 9) {
                // Malformed bytes, written between two whole messages (the last send is complete).
                await connection.sendNotification('$/storm', {});
                server.stdin!.write(rng.pick(MALFORMED));
            } else {
                const bad = rng.pick([
                    { textDocument: { uri: target, version: ++version }, contentChanges: [{ text: null }] },
                    { textDocument: { uri: target, version: ++version }, contentChanges: 'texte' },
                    null
                ]);
                await connection.sendNotification('textDocument/didChange', bad);
            }
            // At most 16 requests in flight: a storm, not a flood the machine cannot drain.
            while (inFlight.size > 16) await Promise.race(inFlight);
        }
        await Promise.all(inFlight);
        // Back to the example: the server must still be alive and answering.
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: target, version: ++version }, contentChanges: [{ text: PROTOCOL }] });
        const offset = PROTOCOL.indexOf('délégant mg : médecin') + 'délégant mg : m'.length;
        const before = PROTOCOL.slice(0, offset).split('\n');
        const position = { line: before.length - 1, character: before[before.length - 1].length };
        const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: target }, position }) as { contents: { value: string } };
        expect(hover.contents.value).toMatch(/\*\*Médecin\*\*/);
        if (process.env.COOP_STORM_REPORT) console.log(`storm: ${steps} steps, ${answered} answers, ${logs.filter(line => /erreur interne/i.test(line)).length} internal errors logged:\n${logs.filter(line => /erreur interne/i.test(line)).map(line => line.slice(0, 300)).join('\n')}`);
        expect(failures).toEqual([]);
        expect(server.exitCode).toBeNull();
        expect(steps).toBeGreaterThan(50);
        expect(answered).toBeGreaterThan(50);
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: target } });
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('enorme.coop') } });
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('bloc.coop') } });
    }, 60_000);
});
