import { EmptyFileSystem, URI } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import { RULES, createCoopServices, createBuiltinDocuments } from 'coop-language';
const times = new Map<string, number>();
for (const rule of RULES as any[]) {
    if (!rule.checks) continue;
    const orig = rule.checks;
    rule.checks = (ctx: any) => { const checks = orig(ctx); const out: any = {};
        for (const [type, fn] of Object.entries(checks)) { if (!fn) continue;
            out[type] = (n: any, r: any, a: any) => { const t = performance.now(); try { return (fn as any)(n, r, a); } finally { times.set(rule.code, (times.get(rule.code) ?? 0) + performance.now() - t); } }; }
        return out; };
}
const { shared } = createCoopServices(EmptyFileSystem);
const docs = shared.workspace.LangiumDocuments; const factory = shared.workspace.LangiumDocumentFactory; const builder = shared.workspace.DocumentBuilder;
const builtins = createBuiltinDocuments(factory); builtins.forEach(d => docs.addDocument(d)); await builder.build(builtins, { validation: true });
const dir = process.argv[2];
const list = readdirSync(dir).map(f => factory.fromString(readFileSync(`${dir}/${f}`, 'utf8'), URI.file(`${dir}/${f}`)));
list.forEach(d => docs.addDocument(d));
const t = performance.now(); await builder.build(list, { validation: true }); console.log('build', (performance.now() - t).toFixed(0));
let sum = 0; for (const [, v] of times) sum += v; console.log('rules', sum.toFixed(0));
for (const [k, v] of [...times].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log('  ', k.padEnd(36), v.toFixed(1));
