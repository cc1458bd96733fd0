// The coop benchmark (`npm run bench`; not a test). bench/run.mjs bundles this file with esbuild and
// runs it with `node --expose-gc`. It measures, in one run, on synthetic protocols (bench/generate.ts):
//
//   1. parse + link + validate time of one document of ~500, ~1,000, ~2,000 and ~10,000 lines, and
//      parse alone on the same text (median of several runs after warm-up), with the phases;
//   2. the rebuild after a one-character edit of a 2,000-line protocol, the way the language server
//      does it (TextDocuments + DocumentBuilder.update under the workspace lock);
//   3. completion and hover latency at several positions of that document;
//   4. in-process build of workspaces of 100 and 1,000 files, and the retained heap;
//   5. the CLI (`node packages/cli/bin/coop.js validate <dir> --format json`) on those workspaces,
//      on every core and, once, on one thread (--jobs 1);
//   6. the yearly report (`computeReport`, issue 13) over generated journals of 20,000 to 300,000 rows;
//   and, beside 1 and 2, lexing alone of the same text: the floor no rebuild can go under;
//
// then prints one table with each target next to its figure. See docs/performance.md.
import '../packages/language/compat/object-group-by.mjs';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, statSync, readdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
    createDefaultCoreModule, createDefaultSharedCoreModule, DefaultLangiumProfiler, DocumentState, EmptyFileSystem, inject, MultiMap, ProfilingTask, URI,
    type LangiumDocument, type LangiumSharedCoreServices, type ProfilingCategory
} from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CoopModule, CoopSharedModule, createBuiltinDocuments, createCoopLspServices, createCoopServices } from 'coop-language';
// For the Langium-profiler pass only: the same composition as createCoopServices, plus a profiler.
import { CoopGeneratedModule, CoopGeneratedSharedModule } from '../packages/language/src/generated/module.js';
import { registerValidationChecks } from '../packages/language/src/validation/coop-validator.js';
import { library, libraryNames, lineCount, protocol, workspace, type WorkspaceFile } from './generate.js';
import { describeLogic, measureLogic } from './logic.js';
import { measureRapport } from './rapport.js';

// ---------------------------------------------------------------------------------------------
// Options and helpers
// ---------------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const JSON_OUT = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : undefined;
const ONLY = argv.find(arg => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const ROOT = process.env.COOP_BENCH_ROOT ?? process.cwd();
/** The CLI to time: the repository's by default; COOP_BENCH_CLI names another build (to compare two versions). */
const CLI = process.env.COOP_BENCH_CLI ?? join(ROOT, 'packages/cli/bin/coop.js');
const runs = (normal: number) => (QUICK ? Math.max(3, Math.ceil(normal / 3)) : normal);
const wanted = (section: string) => !ONLY || ONLY.includes(section) || (['keystroke', 'completion'].includes(section) && ONLY.includes('lsp'));

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const now = () => performance.now();
/** CPU time of the process in ms (user + system): unlike wall time, it does not grow while other processes hold the CPU. */
const cpuNow = () => { const usage = process.cpuUsage(); return (usage.user + usage.system) / 1000; };
const log = (text: string) => process.stderr.write(`  ${text}\n`);

function percentile(values: number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    if (sorted.length === 0) return NaN;
    // Nearest-rank percentile.
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value: number) => (Number.isNaN(value) ? '—' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const thousands = (n: number) => n.toLocaleString('en-US');

const results: Record<string, unknown> = {};
const rows: Array<[string, string]> = [];
const targets: Array<{ name: string; figure: string; target: string; ok: boolean }> = [];
const row = (measure: string, figure: string) => rows.push([measure, figure]);
const section = (title: string) => rows.push([`§${title}`, '']);
/** A figure with a target: listed in its section and in the summary of targets. */
const target = (name: string, figure: string, goal: string, ok: boolean) => {
    targets.push({ name, figure, target: goal, ok });
    row(name, `${figure}  (target ${goal}: ${ok ? 'OK' : 'MISSED'})`);
};

// ---------------------------------------------------------------------------------------------
// 1. One document: parse + link + validate, parse alone
// ---------------------------------------------------------------------------------------------

interface DocumentTiming { parse: number; index: number; scopes: number; link: number; references: number; validate: number; total: number; cpu: number }

interface DocumentResult { lines: number; full: DocumentTiming; parseOnly: number; parseOnlyCpu: number; lexOnly: number; tokens: number; diagnostics: number }

async function measureDocuments(): Promise<Map<number, DocumentResult>> {
    // Start-up: services, then the first document (the catalogue), whose parse builds the parser
    // (Chevrotain computes the lookahead functions of every rule then).
    const startupBegin = now();
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    const documents = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const builder = shared.workspace.DocumentBuilder;
    const builtins = createBuiltinDocuments(factory);
    results.startup = now() - startupBegin;
    builtins.forEach(document => documents.addDocument(document));
    await builder.build(builtins, { validation: true });

    const marks = new Map<DocumentState, number>();
    for (const state of [DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated]) {
        builder.onBuildPhase(state, () => { marks.set(state, now()); });
    }
    let counter = 0;
    const fullOnce = async (text: string): Promise<{ timing: DocumentTiming; diagnostics: number }> => {
        const uri = URI.parse(`file:///bench/document-${counter++}.coop`);
        marks.clear();
        const startCpu = cpuNow();
        const start = now();
        const document = factory.fromString(text, uri);
        const parsed = now();
        documents.addDocument(document);
        await builder.build([document], { validation: true });
        const end = now();
        const cpu = cpuNow() - startCpu;
        const at = (state: DocumentState) => marks.get(state) ?? NaN;
        const timing = {
            parse: parsed - start,
            index: at(DocumentState.IndexedContent) - parsed,
            scopes: at(DocumentState.ComputedScopes) - at(DocumentState.IndexedContent),
            link: at(DocumentState.Linked) - at(DocumentState.ComputedScopes),
            references: at(DocumentState.IndexedReferences) - at(DocumentState.Linked),
            validate: at(DocumentState.Validated) - at(DocumentState.IndexedReferences),
            total: end - start,
            cpu
        };
        const diagnostics = (document.diagnostics ?? []).filter(d => d.severity === 1).length;
        await builder.update([], [uri]);
        return { timing, diagnostics };
    };
    const parseOnce = (text: string) => {
        const startCpu = cpuNow();
        const start = now();
        Coop.parser.LangiumParser.parse(text);
        return { wall: now() - start, cpu: cpuNow() - startCpu };
    };

    /** Lexing alone (Chevrotain tokenizer, the floor of any rebuild): nothing can be faster than reading the tokens. */
    const lexOnce = (text: string) => {
        const start = now();
        const tokens = Coop.parser.Lexer.tokenize(text).tokens.length;
        return { wall: now() - start, tokens };
    };

    const sizes = [500, 1000, 2000, 10_000];
    const texts = new Map(sizes.map(size => [size, protocol(size, size)]));
    log('warm-up…');
    for (let i = 0; i < runs(4); i++) {
        await fullOnce(texts.get(2000)!);
        parseOnce(texts.get(2000)!);
        lexOnce(texts.get(2000)!);
    }
    await fullOnce(texts.get(10_000)!);
    const result = new Map<number, DocumentResult>();
    for (const size of sizes) {
        const text = texts.get(size)!;
        const count = runs(size >= 10_000 ? 7 : size >= 2000 ? 15 : 21);
        const full: DocumentTiming[] = [];
        const parse: Array<{ wall: number; cpu: number }> = [];
        const lex: number[] = [];
        let tokens = 0;
        let diagnostics = 0;
        for (let i = 0; i < count; i++) {
            gc();
            const measured = await fullOnce(text);
            full.push(measured.timing);
            diagnostics = measured.diagnostics;
            gc();
            parse.push(parseOnce(text));
            const lexed = lexOnce(text);
            lex.push(lexed.wall);
            tokens = lexed.tokens;
        }
        const pick = (key: keyof DocumentTiming) => median(full.map(timing => timing[key]));
        const timing: DocumentTiming = { parse: pick('parse'), index: pick('index'), scopes: pick('scopes'), link: pick('link'), references: pick('references'), validate: pick('validate'), total: pick('total'), cpu: pick('cpu') };
        const parseOnly = median(parse.map(p => p.wall));
        result.set(size, { lines: lineCount(text), full: timing, parseOnly, parseOnlyCpu: median(parse.map(p => p.cpu)), lexOnly: median(lex), tokens, diagnostics });
        log(`${thousands(lineCount(text))} lines: full ${ms(timing.total)} (link ${ms(timing.link)}, validate ${ms(timing.validate)}), parse only ${ms(parseOnly)}, lexing ${ms(median(lex))}, ${count} runs`);
    }
    return result;
}

// ---------------------------------------------------------------------------------------------
// 2 and 3. Language server: keystroke rebuild, completion, hover
// ---------------------------------------------------------------------------------------------

interface Position { line: number; character: number }

/** Position just after the `occurrence`-th (0-based; negative counts from the end) match of `pattern`. */
function positionAfter(text: string, pattern: RegExp, occurrence: number, offsetInMatch?: number): Position {
    const matches = [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))];
    const match = matches.at(occurrence);
    if (!match || match.index === undefined) throw new Error(`bench: pattern ${pattern} not found`);
    const offset = match.index + (offsetInMatch ?? match[0].length);
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

async function measureLanguageServer() {
    const { shared, Coop } = createCoopLspServices(EmptyFileSystem);
    const textDocuments = shared.workspace.TextDocuments;
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    const lock = shared.workspace.WorkspaceLock;
    const builtins = createBuiltinDocuments(shared.workspace.LangiumDocumentFactory);
    builtins.forEach(document => langiumDocuments.addDocument(document));
    await builder.build(builtins, { validation: true });

    // Open a library and a 2,000-line protocol that uses it, as the editor would (didOpen).
    const libraryUri = 'file:///bench/ls/bibliotheque.coop';
    const protocolUri = 'file:///bench/ls/protocole.coop';
    const libraryText = library('lib1', 11);
    const protocolText = protocol(2000, 2000, libraryNames('lib1'));
    let current = TextDocument.create(protocolUri, 'coop', 1, protocolText);
    textDocuments.set(TextDocument.create(libraryUri, 'coop', 1, libraryText));
    textDocuments.set(current);
    // What DefaultDocumentUpdateHandler.didChangeContent does on open and on every change.
    const didChange = (uris: string[]) => lock.write(token => builder.update(uris.map(uri => URI.parse(uri)), [], token));
    await didChange([libraryUri, protocolUri]);
    const document = () => langiumDocuments.getDocument(URI.parse(protocolUri))!;
    // The floor of a keystroke: lexing the same text (median after warm-up).
    const lexTimes: number[] = [];
    for (let i = 0; i < runs(5) + 15; i++) {
        const start = now();
        Coop.parser.Lexer.tokenize(protocolText);
        if (i >= 5) lexTimes.push(now() - start);
    }
    const lexing = median(lexTimes);
    const errors = (document().diagnostics ?? []).filter(d => d.severity === 1).length;

    /** Applies a one-character change and waits until the document is validated again. */
    const edit = async (offset: number, insert: string, remove: number): Promise<{ wall: number; cpu: number }> => {
        const start = current.positionAt(offset);
        const end = current.positionAt(offset + remove);
        const startedCpu = cpuNow();
        const started = now();
        current = TextDocument.update(current, [{ range: { start, end }, text: insert }], current.version + 1);
        textDocuments.set(current);
        await didChange([protocolUri]);
        const elapsed = { wall: now() - started, cpu: cpuNow() - startedCpu };
        if (document().state !== DocumentState.Validated) throw new Error('bench: document not validated after the edit');
        return elapsed;
    };

    // Four kinds of one-character edits, each typed then deleted (so the text returns to its start):
    // in prose, in a reference (it becomes unresolved, then resolves again), in a declared name
    // (every reference to it becomes unresolved, then resolves again), and a syntax error (a « : »
    // typed where a name is expected, as while typing a new line).
    const text = current.getText();
    const offsetOf = (pattern: RegExp, occurrence: number, inMatch: number) => {
        const matches = [...text.matchAll(new RegExp(pattern.source, 'g'))];
        const match = matches[occurrence % matches.length];
        return match.index! + inMatch;
    };
    const kinds = {
        prose: (i: number) => offsetOf(/ conditions "/g, 7 + i * 13, ' conditions "'.length + 3),
        reference: (i: number) => offsetOf(/réaliser acte-\d+/g, 5 + i * 13, 'réaliser acte-'.length + 1),
        declaration: (i: number) => offsetOf(/ acte acte-\d+ /g, 3 + i * 13, ' acte acte-'.length + 1),
        syntax: (i: number) => offsetOf(/réaliser acte-\d+/g, 9 + i * 13, 'réaliser '.length)
    };
    const editText: Record<string, string> = { prose: 'x', reference: 'x', declaration: 'x', syntax: ':' };
    const keystrokes: Record<string, number[]> = { prose: [], reference: [], declaration: [], syntax: [] };
    const keystrokesCpu: number[] = [];
    /** Errors in the document after the typed character (most, over the edits of the kind). */
    const errorsAfterEdit: Record<string, number> = {};
    log('keystrokes: warm-up…');
    for (let i = 0; i < 3; i++) {
        await edit(kinds.prose(20 + i), 'x', 0);
        await edit(kinds.prose(20 + i), '', 1);
    }
    const cycles = wanted('keystroke') ? runs(10) : 0;
    for (let i = 0; i < cycles; i++) {
        for (const [kind, at] of Object.entries(kinds)) {
            const offset = at(i);
            for (const [insert, remove] of [[editText[kind], 0], ['', 1]] as const) {
                const measured = await edit(offset, insert, remove);
                if (insert) errorsAfterEdit[kind] = Math.max(errorsAfterEdit[kind] ?? 0, (document().diagnostics ?? []).filter(d => d.severity === 1).length);
                keystrokes[kind].push(measured.wall);
                keystrokesCpu.push(measured.cpu);
            }
        }
    }
    if (current.getText() !== protocolText) throw new Error('bench: edits did not restore the text');
    const allKeystrokes = Object.values(keystrokes).flat();
    if (cycles > 0) log(`keystrokes: ${allKeystrokes.length} edits, p50 ${ms(percentile(allKeystrokes, 50))}, p95 ${ms(percentile(allKeystrokes, 95))}`);

    // Completion and hover on the validated document.
    const completionAt: Array<[string, Position]> = [
        ['profession (« délégué x : | », début)', positionAfter(protocolText, /délégué del-1 : /, 0)],
        ['library element (« utilise | »)', positionAfter(protocolText, /utilise /, 0)],
        ['delegate (« par | » in an act, début)', positionAfter(protocolText, /        par /, 0)],
        ['keyword (empty line between acts, milieu)', positionAfter(protocolText, /\n\n    acte /, 60, 1)],
        ['step (« aller à | », milieu)', positionAfter(protocolText, /sinon : aller à /, 100)],
        ['act (« réaliser | », fin)', positionAfter(protocolText, /réaliser /, -1)]
    ];
    const hoverAt: Array<[string, Position]> = [
        ['act reference (« réaliser acte-N »)', positionAfter(protocolText, /réaliser acte/, -1, 'réaliser a'.length)],
        ['profession (« infirmier »)', positionAfter(protocolText, /: infirmier/, 0, 3)],
        ['act declaration (« acte acte-N »)', positionAfter(protocolText, / acte acte-/, 100, 8)],
        ['keyword (« étape »)', positionAfter(protocolText, /étape /, 100, 2)]
    ];
    const completion = Coop.lsp.CompletionProvider!;
    const hover = Coop.lsp.HoverProvider!;
    const textDocument = { uri: protocolUri };
    const callsCpu: number[] = [];
    const measureCalls = async (call: () => Promise<unknown>) => {
        for (let i = 0; i < 5; i++) await call();
        const times: number[] = [];
        for (let i = 0; i < runs(40); i++) {
            const startedCpu = cpuNow();
            const started = now();
            await call();
            times.push(now() - started);
            callsCpu.push(cpuNow() - startedCpu);
        }
        return times;
    };
    const completionTimes: Array<{ name: string; times: number[]; items: number }> = [];
    for (const [name, position] of wanted('completion') ? completionAt : []) {
        const list = await completion.getCompletion(document(), { textDocument, position });
        const times = await measureCalls(async () => completion.getCompletion(document(), { textDocument, position }));
        completionTimes.push({ name, times, items: list?.items.length ?? 0 });
    }
    const completionCpu = callsCpu.splice(0);
    const hoverTimes: Array<{ name: string; times: number[]; found: boolean }> = [];
    for (const [name, position] of wanted('completion') ? hoverAt : []) {
        const content = await hover.getHoverContent(document(), { textDocument, position });
        const times = await measureCalls(async () => hover.getHoverContent(document(), { textDocument, position }));
        hoverTimes.push({ name, times, found: content !== undefined });
    }
    if (completionTimes.length > 0) log(`completion p95 ${ms(percentile(completionTimes.flatMap(c => c.times), 95))}, hover p95 ${ms(percentile(hoverTimes.flatMap(h => h.times), 95))}`);
    return { lines: lineCount(protocolText), lexing, errors, keystrokes, keystrokesCpu, errorsAfterEdit, completionTimes, completionCpu, hoverTimes };
}

// ---------------------------------------------------------------------------------------------
// 4. Workspaces in process
// ---------------------------------------------------------------------------------------------

async function buildWorkspace(files: WorkspaceFile[]): Promise<{ time: number; cpu: number; parse: number; heap: number; errors: number }> {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    // Build the parser before timing (start-up is measured separately).
    Coop.parser.LangiumParser.parse('');
    const startCpu = cpuNow();
    const start = now();
    const documents = loadWorkspace(shared, files);
    const parsed = now();
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const time = now() - start;
    const cpu = cpuNow() - startCpu;
    gc();
    const heap = process.memoryUsage().heapUsed - heapBefore;
    const errors = documents.reduce((sum, document) => sum + (document.diagnostics ?? []).filter(d => d.severity === 1).length, 0);
    return { time, cpu, parse: parsed - start, heap, errors };
}

function loadWorkspace(shared: LangiumSharedCoreServices, files: WorkspaceFile[]): LangiumDocument[] {
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = createBuiltinDocuments(factory);
    for (const file of files) documents.push(factory.fromString(file.text, URI.file(`/bench/workspace/${file.name}`)));
    documents.forEach(document => langiumDocuments.addDocument(document));
    return documents;
}

// ---------------------------------------------------------------------------------------------
// 6. Where the time goes: Langium's profiler (per grammar rule, per node type of the checks)
// ---------------------------------------------------------------------------------------------

/**
 * Langium's profiler without its console output; records are kept for reading afterwards (with a
 * copy of their entries: ProfilingTask.stop clears the entries it has just handed over).
 */
class QuietProfiler extends DefaultLangiumProfiler {
    override createTask(category: ProfilingCategory, taskId: string): ProfilingTask {
        if (!this.isActive(category)) throw new Error(`Category "${category}" is not active.`);
        return new ProfilingTask(record => this.records.add(category, { ...record, entries: new MultiMap(record.entries.entries()) }), taskId);
    }

    clear(): void {
        this.records.clear();
    }
}

interface ProfileLine { name: string; count: number; self: number; share: number }

/**
 * Builds the ~2,000- and ~10,000-line documents with Langium's profiler registered in
 * `shared.profilers.LangiumProfiler`, and returns, per category, the entries with the most self
 * time: grammar rules for parsing, node types (all checks of that type) for validation.
 */
async function langiumProfile(sizes: number[]): Promise<Map<number, Map<string, { total: number; lines: ProfileLine[] }>>> {
    const result = new Map<number, Map<string, { total: number; lines: ProfileLine[] }>>();
    for (const size of sizes) {
        // Parsing is active from the start: the parser decides to report to the profiler when it is built.
        const profiler = new QuietProfiler(new Set(['parsing']));
        const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), CoopGeneratedSharedModule, CoopSharedModule, { profilers: { LangiumProfiler: () => profiler } });
        const Coop = inject(createDefaultCoreModule({ shared }), CoopGeneratedModule, CoopModule);
        shared.ServiceRegistry.register(Coop);
        registerValidationChecks(Coop);
        void shared.workspace.ConfigurationProvider.initialized({});
        const builtins = createBuiltinDocuments(shared.workspace.LangiumDocumentFactory);
        builtins.forEach(document => shared.workspace.LangiumDocuments.addDocument(document));
        await shared.workspace.DocumentBuilder.build(builtins, { validation: true });
        const text = protocol(size, size);
        const build = async (index: number) => {
            const uri = URI.parse(`file:///bench/profile-${index}.coop`);
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
            await shared.workspace.DocumentBuilder.update([], [uri]);
        };
        await build(0); // warm-up
        profiler.clear();
        profiler.start('parsing', 'linking', 'validating');
        const repetitions = size >= 10_000 ? 2 : 5;
        for (let i = 1; i <= repetitions; i++) await build(i);
        profiler.stop('parsing', 'linking', 'validating');
        const categories = new Map<string, { total: number; lines: ProfileLine[] }>();
        for (const category of ['parsing', 'linking', 'validating'] as const) {
            const entries = new Map<string, { count: number; self: number }>();
            let total = 0;
            for (const record of profiler.getRecords(category)) {
                if (record.identifier !== 'coop') continue;
                total += record.duration;
                for (const [name, durations] of record.entries.entriesGroupedByKey()) {
                    const entry = entries.get(name) ?? { count: 0, self: 0 };
                    entry.count += durations.length;
                    entry.self += durations.reduce((a, b) => a + b, 0);
                    entries.set(name, entry);
                }
            }
            const lines = [...entries].map(([name, e]) => ({ name, count: e.count / repetitions, self: e.self / repetitions, share: e.self / total }))
                .sort((a, b) => b.self - a.self);
            categories.set(category, { total: total / repetitions, lines });
        }
        result.set(size, categories);
    }
    return result;
}

// ---------------------------------------------------------------------------------------------
// 5. CLI
// ---------------------------------------------------------------------------------------------

interface CliRun { wall: number; cpu: number; maxRss: number; exitCode: number | null; files: number; errors: number }

async function runCli(directory: string, extra: string[] = []): Promise<CliRun> {
    const usageFile = join(directory, '..', `usage-${Date.now()}.json`);
    const preload = resolve(ROOT, 'bench/cli-usage.cjs');
    const started = now();
    const child = spawn(process.execPath, [CLI, 'validate', directory, '--format', 'json', ...extra], {
        cwd: ROOT,
        env: { ...process.env, COOP_BENCH_USAGE: usageFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(preload)}`.trim() },
        stdio: ['ignore', 'pipe', 'pipe']
    });
    const chunks: Buffer[] = [];
    const errorChunks: Buffer[] = [];
    child.stdout.on('data', chunk => chunks.push(chunk));
    child.stderr.on('data', chunk => errorChunks.push(chunk));
    const exitCode = await new Promise<number | null>(done => child.on('close', code => done(code)));
    const wall = now() - started;
    if (exitCode === 2) throw new Error(`bench: coop validate failed: ${Buffer.concat(errorChunks).toString()}`);
    const report = JSON.parse(Buffer.concat(chunks).toString()) as { files: unknown[]; summary: { errors: number } };
    const usage = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage : undefined;
    rmSync(usageFile, { force: true });
    return {
        wall,
        cpu: usage ? (usage.userCPUTime + usage.systemCPUTime) / 1000 : NaN,
        maxRss: usage ? usage.maxRSS * 1024 : NaN,
        exitCode,
        files: report.files.length,
        errors: report.summary.errors
    };
}

/** Warns when the CLI bundle is older than the language sources it is built from. */
function bundleIsStale(): boolean {
    const bundle = join(ROOT, 'packages/cli/dist/coop.cjs');
    if (!existsSync(bundle)) throw new Error('bench: packages/cli/dist/coop.cjs is missing; run `npm run build` first');
    const built = statSync(bundle).mtimeMs;
    const newest = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
        const path = join(dir, entry.name);
        return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
    return newest(join(ROOT, 'packages/language/src')) > built || newest(join(ROOT, 'packages/cli/src')) > built;
}

// ---------------------------------------------------------------------------------------------
// Run and report
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
    const startedAt = now();
    const load = loadavg();
    const machine = `${type()} ${cpus().length} × ${cpus()[0]?.model.trim()}, ${mb(totalmem())} RAM, Node ${process.version}`;
    process.stderr.write(`coop benchmark — ${machine}\n  load average at start: ${load.map(l => l.toFixed(2)).join(' ')}${QUICK ? '  (--quick)' : ''}\n`);
    results.machine = machine;
    results.loadAtStart = load;
    const pair = (values: number[], cpu?: number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}${cpu ? `  [CPU ${ms(percentile(cpu, 50))} / ${ms(percentile(cpu, 95))}]` : ''}`;

    if (wanted('document')) {
        const documents = await measureDocuments();
        results.documents = Object.fromEntries(documents);
        section('One document: parse + index + scopes + link + validate (every rule), CLI services, median of several runs');
        row('Start-up: create the services and build the parser (first document)', ms(results.startup as number));
        for (const [, d] of documents) {
            row(`${thousands(d.lines)} lines: full build`, `${ms(d.full.total)}  [CPU ${ms(d.full.cpu)}]  = parse ${ms(d.full.parse)}, index+scopes ${ms(d.full.index + d.full.scopes)}, link ${ms(d.full.link)}, ref. index ${ms(d.full.references)}, validate ${ms(d.full.validate)}; ${d.diagnostics} error(s)`);
        }
        for (const [, d] of documents) {
            row(`${thousands(d.lines)} lines: lexing only (the floor), ${thousands(d.tokens)} tokens; parse ÷ lex; full ÷ lex`, `${ms(d.lexOnly)};  ×${(d.parseOnly / d.lexOnly).toFixed(1)};  ×${(d.full.total / d.lexOnly).toFixed(1)}`);
        }
        for (const [, d] of documents) {
            row(`${thousands(d.lines)} lines: parse only; full ÷ parse`, `${ms(d.parseOnly)}  [CPU ${ms(d.parseOnlyCpu)}];  ×${(d.full.total / d.parseOnly).toFixed(2)}  [CPU ×${(d.full.cpu / d.parseOnlyCpu).toFixed(2)}]`);
        }
        const at2000 = documents.get(2000)!;
        const ratio = at2000.full.total / at2000.parseOnly;
        target(`Full validation ÷ parse-only (${thousands(at2000.lines)} lines)`, `×${ratio.toFixed(2)}`, '≤ ×1.5', ratio <= 1.5);
        const small = documents.get(1000)!;
        const large = documents.get(10_000)!;
        const scaling = large.full.total / small.full.total;
        target(`Scaling, ×${(large.lines / small.lines).toFixed(1)} input (${thousands(small.lines)} → ${thousands(large.lines)} lines)`, `×${scaling.toFixed(1)}`, '≤ ×12', scaling <= 12);
    }

    if (wanted('keystroke') || wanted('completion')) {
        const lsp = await measureLanguageServer();
        results.lsp = lsp;
        section(`Language server: ${thousands(lsp.lines)}-line protocol + a library, LSP services (${lsp.errors} error(s) at rest)`);
        const all = Object.values(lsp.keystrokes).flat();
        if (all.length > 0) {
            row(`Keystroke rebuild (DocumentBuilder.update), ${all.length} one-character edits: p50 / p95`, pair(all, lsp.keystrokesCpu));
            for (const [kind, times] of Object.entries(lsp.keystrokes)) {
                const what = {
                    prose: 'in a prose string',
                    reference: 'in a reference (unresolved, then resolved)',
                    declaration: 'in a declared name (its references break, then resolve)',
                    syntax: 'making a syntax error (« réaliser :acte-N »), then fixing it'
                }[kind];
                row(`  edit ${what}`, `${pair(times)}  (up to ${lsp.errorsAfterEdit[kind] ?? 0} error(s) after typing)`);
            }
            row(`Lexing the same ${thousands(lsp.lines)} lines (the floor of a rebuild); keystroke p95 ÷ lexing`, `${ms(lsp.lexing)};  ×${(percentile(all, 95) / lsp.lexing).toFixed(1)}`);
            target(`Keystroke rebuild p95 (${thousands(lsp.lines)} lines)`, ms(percentile(all, 95)), '≤ 40 ms', percentile(all, 95) <= 40);
        }
        const allCompletion = lsp.completionTimes.flatMap(c => c.times);
        if (allCompletion.length > 0) {
            row(`Completion (CompletionProvider.getCompletion), ${lsp.completionTimes.length} positions × ${lsp.completionTimes[0].times.length}: p50 / p95`, pair(allCompletion, lsp.completionCpu));
            for (const c of lsp.completionTimes) row(`  ${c.name}`, `${pair(c.times)}  (${c.items} items)`);
            target(`Completion p95 (${thousands(lsp.lines)} lines)`, ms(percentile(allCompletion, 95)), '≤ 15 ms', percentile(allCompletion, 95) <= 15);
            const allHover = lsp.hoverTimes.flatMap(h => h.times);
            row(`Hover (HoverProvider.getHoverContent), ${lsp.hoverTimes.length} positions × ${lsp.hoverTimes[0].times.length}: p50 / p95`, pair(allHover));
            for (const h of lsp.hoverTimes) row(`  ${h.name}`, `${pair(h.times)}${h.found ? '' : '  (no hover here)'}`);
        }
    }

    if (wanted('workspace') || wanted('cli')) {
        const directory = mkdtempSync(join(tmpdir(), 'coop-bench-'));
        try {
            const spaces = new Map<number, { files: WorkspaceFile[]; lines: number; protocols: number }>();
            for (const size of [100, 1000]) {
                const files = workspace(size, 1);
                const lines = files.reduce((sum, file) => sum + lineCount(file.text), 0);
                spaces.set(size, { files, lines, protocols: files.filter(file => file.name.startsWith('protocole')).length });
            }
            if (wanted('workspace')) {
                section('Workspace in process: one build of every file with every rule, CLI services');
                const built = new Map<number, Awaited<ReturnType<typeof buildWorkspace>>>();
                for (const [size, space] of spaces) {
                    const measured = await buildWorkspace(space.files);
                    built.set(size, measured);
                    log(`workspace ${size} files: ${ms(measured.time)}`);
                    row(`${thousands(size)} files (${space.protocols} protocols + ${size - space.protocols} librar${size - space.protocols > 1 ? 'ies' : 'y'}, ${thousands(space.lines)} lines)`,
                        `${ms(measured.time)}  [CPU ${ms(measured.cpu)}]  (parse ${ms(measured.parse)}); heap retained ${mb(measured.heap)}; ${measured.errors} error(s)`);
                }
                results.workspaces = Object.fromEntries(built);
                const scaling = built.get(1000)!.time / built.get(100)!.time;
                const inputRatio = spaces.get(1000)!.lines / spaces.get(100)!.lines;
                target(`Scaling, ×${inputRatio.toFixed(1)} input (100 → 1,000 files)`, `×${scaling.toFixed(1)}`, '≤ ×12', scaling <= 12);
            }
            if (wanted('cli')) {
                const stale = !process.env.COOP_BENCH_CLI && bundleIsStale();
                section(`CLI: node ${process.env.COOP_BENCH_CLI ?? 'packages/cli/bin/coop.js'} validate <dir> --format json (wall time incl. Node start-up; median of ${runs(3)})`);
                if (stale) row('WARNING', 'packages/cli/dist/coop.cjs is older than the sources: run npm run build');
                const cli = new Map<number, CliRun[]>();
                for (const [size, space] of spaces) {
                    const folder = join(directory, `workspace-${size}`);
                    mkdirSync(folder);
                    for (const file of space.files) writeFileSync(join(folder, file.name), file.text);
                    const measured: CliRun[] = [];
                    for (let i = 0; i < runs(3); i++) measured.push(await runCli(folder));
                    cli.set(size, measured);
                    const wall = median(measured.map(run => run.wall));
                    const last = measured[measured.length - 1];
                    log(`cli ${size} files: ${ms(wall)}`);
                    row(`${thousands(size)} files (${thousands(space.lines)} lines)`, `${ms(wall)}  (runs ${measured.map(run => ms(run.wall)).join(', ')}; CPU ${ms(median(measured.map(run => run.cpu)))}; peak RSS ${mb(Math.max(...measured.map(run => run.maxRss)))}; ${last.files} files, ${last.errors} error(s), exit ${last.exitCode})`);
                    if (size === 1000) target('CLI validate, 1,000 files (every core)', ms(wall), '≤ 5 s', wall <= 5_000);
                }
                // The same 1,000 files on one thread (--jobs 1): what the worker threads bring.
                const serial = await runCli(join(directory, 'workspace-1000'), ['--jobs', '1']);
                const parallel = median(cli.get(1000)!.map(run => run.wall));
                row('1,000 files on one thread (--jobs 1), one run; one thread ÷ every core', `${ms(serial.wall)}  (CPU ${ms(serial.cpu)});  ×${(serial.wall / parallel).toFixed(2)}`);
                results.cliSerial1000 = serial;
                results.cli = Object.fromEntries(cli);
            }
        } finally {
            rmSync(directory, { recursive: true, force: true });
        }
    }

    if (wanted('profile')) {
        log('Langium profiler…');
        const profile = await langiumProfile([2000, 10_000]);
        results.langiumProfile = Object.fromEntries([...profile].map(([size, categories]) => [size, Object.fromEntries(categories)]));
        for (const [size, categories] of profile) {
            section(`Where the time goes, ${thousands(size)}-line document (Langium profiler; self time per build; profiling adds overhead)`);
            for (const [category, { total, lines }] of categories) {
                const label = category === 'parsing' ? 'grammar rules' : category === 'linking' ? 'references (type:property)' : 'node types (all checks of the type)';
                row(`${category}: ${ms(total)} per build; top ${label}`, lines.slice(0, 5).map(l => `${l.name.replace(/\u200b/g, '')} ${(100 * l.share).toFixed(0)} %`).join(', '));
            }
        }
    }

    if (wanted('logic')) {
        // Issue 9: the analyses of the decision logic on every keystroke, and `coop test`.
        const figures = await measureLogic();
        results.logic = figures;
        section(`Decision logic: analysis per structured step (${thousands(figures.lines)}-line protocol, ${figures.steps} steps of up to 8 inputs), coop test of ${thousands(figures.cases)} cases`);
        row('analysis per step: median; p95; max; total', `${ms(figures.median)};  ${ms(figures.p95)};  ${ms(figures.max)};  ${ms(figures.total)}`);
        row('the same by full enumeration (no pruning): p95; total', `${ms(figures.exhaustiveP95)};  ${ms(figures.exhaustiveTotal)}`);
        target('Logic analysis per step, p95', ms(figures.p95), '≤ 5 ms', figures.p95 <= 5);
        target(`coop test, ${thousands(figures.cases)} cases`, ms(figures.casesTime), '≤ 2 s', figures.casesTime <= 2000 && figures.casesPassed === figures.cases);
        log(`logic: ${describeLogic(figures).join('; ')}`);
    }

    if (wanted('rapport')) {
        // Issue 13 §6: the yearly report over a CPTS's journal (30 teams, 3 years ≈ 100,000 rows).
        const figures = await measureRapport(QUICK ? [20_000, 100_000, [100_000, 10_000]] : [20_000, 100_000, 300_000, [20_000, 10_000], [100_000, 10_000], [300_000, 10_000]], gc);
        results.rapport = figures;
        section('Yearly report: computeReport over a generated journal read from a file stream (median of 3; live heap after a collection every 512 KB read)');
        for (const f of figures) {
            row(`${thousands(f.rows)} rows${f.population ? `, ${thousands(f.population)} patients coming back` : ''} (${mb(f.bytes)} of CSV, ${thousands(f.counted)} counted)`, `${ms(f.time)};  heap ${mb(f.heapBefore)} before, live peak ${mb(f.heapPeak)} while reading (+${((f.heapPeak - f.heapBefore) / 1024 / 1024).toFixed(1)} MB), ${mb(f.heapAfter)} after`);
        }
        const at100k = figures.find(f => f.rows === 100_000 && !f.population)!;
        target('Yearly report, 100,000 journal rows', ms(at100k.time), '≤ 2 s', at100k.time <= 2000);
        log(`rapport: ${figures.map(f => `${thousands(f.rows)} rows${f.population ? `/${thousands(f.population)} patients` : ''} ${ms(f.time)}, peak +${((f.heapPeak - f.heapBefore) / 1024 / 1024).toFixed(1)} MB`).join('; ')}`);
    }

    const usage = process.resourceUsage();
    section('Memory');
    row('Peak RSS of the benchmark process', mb(usage.maxRSS * 1024));
    results.benchMaxRss = usage.maxRSS * 1024;
    results.loadAtEnd = loadavg();
    results.duration = now() - startedAt;
    results.targets = targets;

    // The report: details by section, then the targets.
    const out: string[] = ['', `coop benchmark — ${machine}`,
        `load average (1, 5, 15 min): ${load.map(l => l.toFixed(2)).join(' ')} at start, ${loadavg().map(l => l.toFixed(2)).join(' ')} at end; run time ${ms(results.duration as number)}${QUICK ? ' (--quick)' : ''}`,
        'Wall-clock times; p50 / p95 over the repetitions. [CPU …] is the CPU time of the whole process over the same span,',
        'GC helper threads included: CPU well below wall means the process waited for a core held by other processes.'];
    const width = Math.min(100, Math.max(...rows.map(([measure]) => measure.length)) + 2);
    for (const [measure, figure] of rows) {
        if (measure.startsWith('§')) {
            out.push('', measure.slice(1), '─'.repeat(Math.min(140, measure.length - 1)));
        } else {
            out.push(`${measure.padEnd(width)}${figure}`);
        }
    }
    if (targets.length > 0) {
        const nameWidth = Math.max(...targets.map(t => t.name.length)) + 2;
        const figureWidth = Math.max(...targets.map(t => t.figure.length)) + 2;
        out.push('', 'Targets', '─'.repeat(7));
        for (const t of targets) out.push(`${t.name.padEnd(nameWidth)}${t.figure.padEnd(figureWidth)}target ${t.target.padEnd(9)}${t.ok ? 'OK' : 'MISSED'}`);
        out.push(`${targets.filter(t => t.ok).length}/${targets.length} met.`);
    }
    console.log(out.join('\n'));
    if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
}

main().catch(error => {
    console.error(error);
    process.exitCode = 1;
});
