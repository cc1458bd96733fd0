// Entry point of the coop language server. Start it with `node dist/server.cjs --stdio`
// (or --node-ipc / --socket=<port>); packages/server/package.json `main` points at the bundle.
import 'coop-language/compat';
import { NodeFileSystem } from 'langium/node';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createCoopLspServices } from 'coop-language';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createCoopLspServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
