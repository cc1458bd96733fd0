// Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time, and the
// functions with the most total (inclusive) time, as shares of the sampled time.
//
//   node bench/profile-summary.mjs <file.cpuprofile> [--top 25] [--match text]
//
// `--match` keeps only the functions whose name or file contains the text (e.g. `coop-` or `langium`).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find(arg => !arg.startsWith('--') && !/^\d+$/.test(arg));
if (!file) {
    console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [--top N] [--match text]');
    process.exit(2);
}
const top = Number(args[args.indexOf('--top') + 1]) || 25;
const match = args.includes('--match') ? args[args.indexOf('--match') + 1] : undefined;

const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map(node => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

// Time per sample: deltas are in microseconds.
const selfTime = new Map();
let total = 0;
profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
    total += delta;
});

const label = node => {
    const frame = node.callFrame;
    const where = frame.url ? `${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}` : '';
    return `${frame.functionName || '(anonymous)'} ${where}`.trim();
};

// Self time by function; inclusive time by function (counted once per sample even when recursive).
const self = new Map();
const inclusive = new Map();
profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const leaf = nodes.get(id);
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + delta);
    const seen = new Set();
    for (let current = id; current !== undefined; current = parent.get(current)) {
        const name = label(nodes.get(current));
        if (seen.has(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
    }
});

const print = (title, map) => {
    console.log(`\n${title}`);
    const rows = [...map.entries()].filter(([name]) => !match || name.includes(match)).sort((a, b) => b[1] - a[1]).slice(0, top);
    for (const [name, time] of rows) {
        console.log(`${(100 * time / total).toFixed(1).padStart(6)} %  ${(time / 1000).toFixed(0).padStart(7)} ms  ${name}`);
    }
};
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
print('Self time', self);
print('Total (inclusive) time', inclusive);
