import { EmptyFileSystem, URI } from 'langium';
import { createCoopServices } from 'coop-language';
import { protocol } from '../bench/generate.js';
const { shared, Coop } = createCoopServices(EmptyFileSystem);
const text = protocol(2000, 1);
const parser = Coop.parser.LangiumParser;
let t = 0;
for (let i = 0; i < 60; i++) { const s = performance.now(); parser.parse(text); if (i >= 10) t += performance.now() - s; }
console.log('parse avg', (t / 50).toFixed(1));
let l = 0;
for (let i = 0; i < 60; i++) { const s = performance.now(); Coop.parser.Lexer.tokenize(text); if (i >= 10) l += performance.now() - s; }
console.log('lex avg', (l / 50).toFixed(1));
