import { EmptyFileSystem, URI } from 'langium';
import { RULES, createCoopServices, createBuiltinDocuments } from 'coop-language';
import { protocol } from '../bench/generate.js';

const times = new Map<string, number>();
for (const rule of RULES as any[]) {
    if (!rule.checks) continue;
    const orig = rule.checks;
    rule.checks = (ctx: any) => {
        const checks = orig(ctx);
        const out: any = {};
        for (const [type, fn] of Object.entries(checks)) {
            if (!fn) continue;
            out[type] = (node: any, report: any, accept: any) => {
                const t = performance.now();
                try { return (fn as any)(node, report, accept); } finally { times.set(rule.code, (times.get(rule.code) ?? 0) + performance.now() - t); }
            };
        }
        return out;
    };
}
const { shared } = createCoopServices(EmptyFileSystem);
const docs = shared.workspace.LangiumDocuments;
const factory = shared.workspace.LangiumDocumentFactory;
const builder = shared.workspace.DocumentBuilder;
const builtins = createBuiltinDocuments(factory);
builtins.forEach(d => docs.addDocument(d));
await builder.build(builtins, { validation: true });
const text = protocol(Number(process.argv[2] ?? 2000), 1);
const N = 10;
let total = 0;
for (let i = 0; i < N + 3; i++) {
    if (i === 3) times.clear();
    const doc = factory.fromString(text, URI.parse(`file:///p${i}.coop`));
    docs.addDocument(doc);
    const t = performance.now();
    await builder.build([doc], { validation: true });
    if (i >= 3) total += performance.now() - t;
    docs.deleteDocument(doc.uri);
}
console.log('build avg', (total / N).toFixed(1));
const sorted = [...times].sort((a, b) => b[1] - a[1]).slice(0, 25);
let sum = 0; for (const [, v] of times) sum += v;
console.log('rules total avg', (sum / N).toFixed(1));
for (const [k, v] of sorted) console.log(k.padEnd(40), (v / N).toFixed(2));
