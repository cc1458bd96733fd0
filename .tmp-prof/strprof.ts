import { AstUtils, EmptyFileSystem, URI } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import { createCoopServices } from 'coop-language';
import { placeholderReason } from '../packages/language/src/model/placeholders.js';
import { fold } from '../packages/language/src/model/text.js';
const { shared, Coop } = createCoopServices(EmptyFileSystem);
const dir = process.argv[2];
const strings: string[] = []; let nodes = 0;
for (const f of readdirSync(dir)) {
  const root = Coop.parser.LangiumParser.parse(readFileSync(`${dir}/${f}`, 'utf8')).value;
  for (const n of AstUtils.streamAst(root)) { nodes++; for (const [k, v] of Object.entries(n)) { if (k.startsWith('$')) continue; if (typeof v === 'string') strings.push(v); else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') strings.push(x); } }
}
console.log('nodes', nodes, 'strings', strings.length, 'distinct', new Set(strings).size, 'chars', strings.reduce((a, s) => a + s.length, 0));
let t = performance.now(); for (const s of strings) placeholderReason(s + ' '); console.log('placeholderReason fresh', (performance.now() - t).toFixed(1));
t = performance.now(); for (const s of strings) fold(s + '  '); console.log('fold fresh', (performance.now() - t).toFixed(1));
t = performance.now(); let c = 0; for (const n of Array(1)) {} for (const f of readdirSync(dir)) {} console.log();
