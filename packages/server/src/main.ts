// Entry point of the coop language server. Start it with `node dist/server.cjs --stdio`
// (or --node-ipc / --socket=<port>); packages/server/package.json `main` points at the bundle.
import 'coop-language/compat';
import { format } from 'node:util';
import { NodeFileSystem } from 'langium/node';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { COOP_SERVICE_REQUIREMENTS, createCoopLspServices } from 'coop-language';
import { TolerantMessageReader } from './tolerant-reader.js';

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);

// The server never exits on an error of its own: whatever escapes a handler (a promise nobody
// awaits, a throw in a timer) is written to the output channel, and the server goes on.
const report = (kind: string) => (error: unknown) => {
    const text = `Erreur interne du serveur coop (${kind}), le serveur continue : ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
    try {
        connection.console.error(text);
    } catch {
        process.stderr.write(`${text}\n`);
    }
};
process.on('uncaughtException', report('exception'));
process.on('unhandledRejection', report('promesse rejetée'));

const { shared } = createCoopLspServices({ connection, ...NodeFileSystem });
startLanguageServer(shared, COOP_SERVICE_REQUIREMENTS);

/**
 * Over stdio, the messages are read by a reader that survives framing errors (tolerant-reader.ts).
 * As vscode-languageserver does for `--stdio`: stdout carries only the protocol (console output
 * goes to stderr), and the server ends when its input does.
 */
function stdioConnection(): Connection {
    const toStderr = (...args: unknown[]) => { process.stderr.write(`${format(...args)}\n`); };
    console.log = console.info = console.debug = console.warn = console.error = console.trace = toStderr;
    const reader = new TolerantMessageReader(process.stdin, text => process.stderr.write(`[coop] ${text}\n`));
    let shutdown = false;
    const created = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
    created.onShutdown(() => { shutdown = true; });
    const end = () => process.exit(shutdown ? 0 : 1);
    process.stdin.on('end', end);
    process.stdin.on('close', end);
    return created;
}
