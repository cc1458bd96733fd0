// `npm run fuzz`: the fuzz suite (issue 15 §6). scripts/fuzz.mjs bundles this file with esbuild and
// runs it. Every input goes through validation, formatting, the document model and HTML (PDF and
// DOCX with --export); the run prints the counts by kind and each distinct cause with a minimised
// reproducer.
//
//   npm run fuzz                               2,000 inputs, seed 1
//   npm run fuzz -- --count 20000 --seed 7     more inputs, another seed
//   npm run fuzz -- --seconds 60               stop after a minute
//   npm run fuzz -- --out test/fuzz/found      write the minimised reproducers there
//   npm run fuzz -- --export 0.05              also export PDF and DOCX for 5 % of the inputs
//   npm run fuzz -- --json rapport.json        write the whole report as JSON
import '../../packages/language/compat/object-group-by.mjs';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputAt } from './mutator.js';
import { minimize } from './minimize.js';
import { KIND_LABELS, Pipeline, type FindingKind } from './pipeline.js';

interface Options { count: number; seconds: number; seed: number; out?: string; json?: string; exportRate: number; minimizeTries: number }

function usage(message: string): never {
    process.stderr.write(`fuzz : ${message}\nusage : npm run fuzz -- [--count N] [--seconds S] [--seed N] [--out DOSSIER] [--export FRACTION] [--json FICHIER] [--minimize N]\n`);
    process.exit(2);
}

function parseArguments(args: string[]): Options {
    const options: Options = { count: 2000, seconds: Infinity, seed: 1, exportRate: 0, minimizeTries: 300 };
    for (let i = 0; i < args.length; i++) {
        const [name, inline] = args[i].split('=', 2);
        const value = () => inline ?? args[++i] ?? usage(`valeur manquante après ${name}`);
        const number = (min: number) => { const raw = value(); const parsed = Number(raw); if (!Number.isFinite(parsed) || parsed < min) usage(`${name} attend un nombre ≥ ${min} (reçu « ${raw} »)`); return parsed; };
        switch (name) {
            case '--count': options.count = Math.floor(number(1)); break;
            case '--seconds': options.seconds = number(0.001); break;
            case '--seed': options.seed = Math.floor(number(0)); break;
            case '--out': options.out = value(); break;
            case '--json': options.json = value(); break;
            case '--export': options.exportRate = Math.min(1, number(0)); break;
            case '--minimize': options.minimizeTries = Math.floor(number(0)); break;
            default: usage(`option inconnue « ${args[i]} »`);
        }
    }
    return options;
}

interface Cause { kind: FindingKind; cause: string; detail: string; count: number; first: number; input: string; reproducer?: string }

const root = process.env.COOP_FUZZ_ROOT ?? process.cwd();
const options = parseArguments(process.argv.slice(2));
const examples = readdirSync(join(root, 'examples')).filter(file => file.endsWith('.coop')).sort().map(file => readFileSync(join(root, 'examples', file), 'utf8'));
const pipeline = new Pipeline();
const keywords = pipeline.keywords();
const causes = new Map<string, Cause>();
const inputsByKind = new Map<FindingKind, number>();
const started = Date.now();
let done = 0;
let slowest = 0;

for (let index = 0; index < options.count && (Date.now() - started) / 1000 < options.seconds; index++) {
    const { text } = inputAt(options.seed, index, examples, keywords);
    const exports = options.exportRate > 0 && (index * 0.618033988749895) % 1 < options.exportRate;
    const outcome = await pipeline.run(text, { exports });
    slowest = Math.max(slowest, outcome.ms);
    const kinds = new Set<FindingKind>();
    for (const finding of outcome.findings) {
        kinds.add(finding.kind);
        const known = causes.get(finding.cause);
        if (known) known.count++;
        else causes.set(finding.cause, { kind: finding.kind, cause: finding.cause, detail: finding.detail, count: 1, first: index, input: text });
    }
    for (const kind of kinds) inputsByKind.set(kind, (inputsByKind.get(kind) ?? 0) + 1);
    done++;
    if (done % 1000 === 0) process.stderr.write(`… ${done} entrées, ${causes.size} causes (${Math.round((Date.now() - started) / 1000)} s)\n`);
    if (index % 2000 === 1999) pipeline.reset();
}
const fuzzSeconds = (Date.now() - started) / 1000;

// Minimise one reproducer per cause (not the slow ones: each try would take seconds).
for (const cause of causes.values()) {
    if (cause.kind === 'lent' || options.minimizeTries === 0) continue;
    cause.reproducer = await minimize(cause.input, async candidate => {
        const outcome = await pipeline.run(candidate, { exports: cause.cause.startsWith('pdf') || cause.cause.startsWith('docx') });
        return outcome.findings.some(finding => finding.cause === cause.cause);
    }, options.minimizeTries);
}

const number = (value: number) => value.toLocaleString('fr-FR');
const lines: string[] = [];
lines.push(`Fuzz coop — graine ${options.seed} : ${number(done)} entrées en ${Math.round(fuzzSeconds)} s (${number(Math.round(done / Math.max(fuzzSeconds, 0.001)))} entrées/s), entrée la plus lente ${number(Math.round(slowest))} ms`);
lines.push('', 'Entrées par type de problème :');
for (const kind of Object.keys(KIND_LABELS) as FindingKind[]) {
    const distinct = [...causes.values()].filter(cause => cause.kind === kind).length;
    lines.push(`  ${KIND_LABELS[kind].padEnd(40)} ${number(inputsByKind.get(kind) ?? 0).padStart(8)} entrées, ${distinct} cause${distinct > 1 ? 's' : ''}`);
}
if (causes.size > 0) {
    lines.push('', 'Causes distinctes :');
    for (const cause of [...causes.values()].sort((a, b) => b.count - a.count)) {
        lines.push(`  [${KIND_LABELS[cause.kind]}] ${cause.cause}`);
        lines.push(`      ${number(cause.count)} entrée${cause.count > 1 ? 's' : ''} (première : n° ${cause.first}) ; ${cause.detail ? cause.detail.split('\n')[0].slice(0, 140) : ''}`);
        const shown = cause.reproducer ?? cause.input;
        lines.push(`      reproducteur${cause.reproducer === undefined ? ' (non minimisé)' : ''} (${number(shown.length)} caractères) : ${JSON.stringify(shown.length > 300 ? shown.slice(0, 300) + '…' : shown)}`);
    }
}
process.stdout.write(lines.join('\n') + '\n');

if (options.out) {
    mkdirSync(options.out, { recursive: true });
    for (const cause of causes.values()) {
        const text = cause.reproducer ?? cause.input;
        const name = `${cause.kind}-${createHash('sha1').update(cause.cause).digest('hex').slice(0, 10)}.coop`;
        writeFileSync(join(options.out, name), text);
    }
    process.stdout.write(`${causes.size} reproducteur(s) écrit(s) dans ${options.out}\n`);
}
if (options.json) {
    writeFileSync(options.json, JSON.stringify({ seed: options.seed, inputs: done, seconds: fuzzSeconds, slowestMs: slowest, byKind: Object.fromEntries(inputsByKind), causes: [...causes.values()].map(({ input, ...rest }) => ({ ...rest, inputLength: input.length })) }, null, 2));
}
process.exitCode = causes.size > 0 ? 1 : 0;
