// Entry of `node bench/logic.mjs`: the logic benchmark alone (bench/logic.ts).
import { describeLogic, measureLogic } from './logic.js';

measureLogic().then(figures => console.log(describeLogic(figures).join('\n')), error => { console.error(error); process.exit(1); });
