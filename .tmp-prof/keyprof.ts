import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES, createCoopLspServices, createBuiltinDocuments } from 'coop-language';
import { library, libraryNames, protocol } from '../bench/generate.js';
const times = new Map<string, number>();
for (const rule of RULES as any[]) {
    if (!rule.checks) continue;
    const orig = rule.checks;
    rule.checks = (ctx: any) => {
        const checks = orig(ctx); const out: any = {};
        for (const [type, fn] of Object.entries(checks)) { if (!fn) continue;
            out[type] = (n: any, r: any, a: any) => { const t = performance.now(); try { return (fn as any)(n, r, a); } finally { times.set(rule.code, (times.get(rule.code) ?? 0) + performance.now() - t); } }; }
        return out;
    };
}
const { shared } = createCoopLspServices(EmptyFileSystem);
const td = shared.workspace.TextDocuments; const docs = shared.workspace.LangiumDocuments; const builder = shared.workspace.DocumentBuilder; const lock = shared.workspace.WorkspaceLock;
const builtins = createBuiltinDocuments(shared.workspace.LangiumDocumentFactory);
builtins.forEach(d => docs.addDocument(d)); await builder.build(builtins, { validation: true });
const lu = 'file:///b/lib.coop', pu = 'file:///b/p.coop';
let cur = TextDocument.create(pu, 'coop', 1, protocol(2000, 2000, libraryNames('lib1')));
td.set(TextDocument.create(lu, 'coop', 1, library('lib1', 11))); td.set(cur);
const didChange = (uris: string[]) => lock.write(token => builder.update(uris.map(u => URI.parse(u)), [], token));
await didChange([lu, pu]);
const marks: Array<[string, number]> = [];
for (const s of [DocumentState.Parsed, DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated])
    builder.onBuildPhase(s, () => { marks.push([DocumentState[s], performance.now()]); });
const phase = new Map<string, number>();
const text = cur.getText();
const offs = [...text.matchAll(/ conditions "/g)].map(m => m.index! + 14);
const N = 30; let total = 0;
for (let i = 0; i < N + 6; i++) {
    if (i === 6) { times.clear(); phase.clear(); total = 0; }
    const at = offs[(i * 7) % offs.length];
    for (const [ins, rem] of [['x', 0], ['', 1]] as const) {
        marks.length = 0;
        const t0 = performance.now();
        cur = TextDocument.update(cur, [{ range: { start: cur.positionAt(at), end: cur.positionAt(at + rem) }, text: ins }], cur.version + 1);
        td.set(cur);
        await didChange([pu]);
        const t1 = performance.now(); total += t1 - t0;
        let prev = t0; for (const [n, t] of marks) { phase.set(n, (phase.get(n) ?? 0) + t - prev); prev = t; }
        phase.set('after', (phase.get('after') ?? 0) + t1 - prev);
    }
}
const n = N * 2;
console.log('edit avg', (total / n).toFixed(1));
for (const [k, v] of phase) console.log('  phase', k.padEnd(20), (v / n).toFixed(2));
let sum = 0; for (const [, v] of times) sum += v; console.log('rules', (sum / n).toFixed(1));
for (const [k, v] of [...times].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log('  ', k.padEnd(36), (v / n).toFixed(2));
