import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import {
    computeConformity, conformityLabel, createCoopServices, isProtocole, LocaleSetting, loadAndValidate, type Locale, type RuleLevel
} from 'coop-language';
import { collectCoopFiles } from './collect-files.js';
import { displayPath, loadRuleConfig } from './config-file.js';
import { elementPath, fingerprint } from './fingerprint.js';
import { readCoopFile } from './read-input.js';
import { protocolCompanions } from './companions.js';
import { byPosition, summarize, toReportDiagnostic, type ConformityReport, type FileReport, type ReportDiagnostic, type ValidationReport } from './report.js';

export interface ValidateOptions {
    lang: Locale;
    /** Configuration file; by default the nearest coop.config.json from the working directory up. */
    config?: string;
    cwd?: string;
    /** Glob patterns left out (--ignore), besides those of `.coopignore`. */
    ignore?: string[];
    /** Threads to validate with (--jobs); by default one per core when the workspace is large enough. */
    jobs?: number;
}

/** One file to validate: absolute path, path as shown in the report, text. */
export interface ValidationInput {
    path: string;
    shown: string;
    text: string;
}

/** What a validation thread is given (structured-clonable). */
export interface WorkerTask {
    inputs: ValidationInput[];
    /** For each input: report it (true), or only load it so that its library names resolve (false). */
    owned: boolean[];
    lang: Locale;
    rules?: Record<string, RuleLevel>;
}

/** Below this many files, one thread is faster than starting others (a thread costs ~0.3 s to start). */
const PARALLEL_FROM_FILES = 200;

let workerEntry: string | undefined;

/** The script a validation thread runs (the CLI bundle itself, see main.ts); without it, one thread. */
export function setWorkerEntry(path: string | undefined): void {
    workerEntry = path;
}

/**
 * Files that may export names to the workspace: libraries (and a user `catalogue`, which is refused
 * but still indexed). Only those files are visible from other files, so every thread loads them all;
 * the test is on the text, generous on purpose (a protocol that merely says « bibliothèque » is only
 * loaded once more, never missed).
 */
const MAY_EXPORT = /biblioth[eè]\p{M}*que|catalogue/iu;

/** Reads `max` files at a time (never hundreds of open files at once). */
async function readAll(files: string[], cwd: string, locale: LocaleSetting, max = 32): Promise<ValidationInput[]> {
    const inputs: ValidationInput[] = new Array(files.length);
    let next = 0;
    const reader = async () => {
        while (next < files.length) {
            const index = next++;
            const shown = displayPath(files[index], cwd);
            inputs[index] = { path: files[index], shown, text: await readCoopFile(files[index], shown, locale) };
        }
    };
    await Promise.all(Array.from({ length: Math.min(max, files.length) }, reader));
    return inputs;
}

/** Validates the `.coop` files found under `paths` as one workspace and returns the report. */
export async function validatePaths(paths: string[], options: ValidateOptions): Promise<ValidationReport> {
    const cwd = options.cwd ?? process.cwd();
    const locale = new LocaleSetting();
    locale.current = options.lang;
    const config = await loadRuleConfig(options.config, cwd, locale);
    const files = await collectCoopFiles(paths, locale, { cwd, ignore: options.ignore });
    const jobs = jobCount(options.jobs, files.length);
    // The threads start (load the bundle, build the catalogue) while this one reads the files.
    const workers = jobs > 1 && workerEntry ? Array.from({ length: jobs - 1 }, () => new ValidationThread(workerEntry!)) : [];
    let inputs: ValidationInput[];
    try {
        inputs = await readAll(files, cwd, locale);
    } catch (error) {
        workers.forEach(worker => worker.stop());
        throw error;
    }
    // Team and case files: the local protocols they name are loaded with them.
    const companions = await protocolCompanions(inputs);
    const reports = workers.length > 0
        ? await validateInParallel([...inputs, ...companions.extra], workers, options.lang, config?.rules, companions.applied, inputs.length)
        : await validateInputs([...inputs, ...companions.extra], [...inputs.map(() => true), ...companions.extra.map(() => false)], options.lang, config?.rules);
    return { files: reports, summary: summarize(reports) };
}

function jobCount(asked: number | undefined, files: number): number {
    if (asked !== undefined) return Math.max(1, Math.min(asked, files));
    if (files < PARALLEL_FROM_FILES) return 1;
    return Math.max(1, Math.min(availableParallelism(), 8, Math.floor(files / (PARALLEL_FROM_FILES / 2))));
}

/**
 * Splits the files into `jobs` batches of about the same size; the files that may export names are
 * loaded by every batch and reported by the first. The first batch runs on this thread, the others
 * in worker threads; the reports come back in the order of the files, as with one thread.
 */
async function validateInParallel(
    inputs: ValidationInput[], workers: ValidationThread[], lang: Locale, rules: Record<string, RuleLevel> | undefined,
    applied: ReadonlySet<number> = new Set(), reported = inputs.length
): Promise<FileReport[]> {
    const jobs = workers.length + 1;
    const shared = inputs.map((input, index) => MAY_EXPORT.test(input.text) || applied.has(index) || index >= reported);
    const rest = inputs.map((_, index) => index).filter(index => !shared[index]);
    const total = rest.reduce((sum, index) => sum + inputs[index].text.length, 0);
    const batches: number[][] = Array.from({ length: jobs }, () => []);
    let done = 0;
    for (const index of rest) {
        const batch = Math.min(jobs - 1, Math.floor((done / Math.max(1, total)) * jobs));
        batches[batch].push(index);
        done += inputs[index].text.length;
    }
    const sharedIndices = inputs.map((_, index) => index).filter(index => shared[index]);
    const tasks = batches.map((batch, number) => {
        const indices = [...sharedIndices, ...batch];
        return {
            indices: number === 0 ? indices.filter(index => index < reported) : batch,
            task: {
                inputs: indices.map(index => inputs[index]),
                owned: indices.map(index => index < reported && (number === 0 || !shared[index])),
                lang,
                ...(rules ? { rules } : {})
            }
        };
    });
    const results = await Promise.all(tasks.map(({ task }, number) => number === 0
        ? validateInputs(task.inputs, task.owned, lang, rules)
        // A thread that fails (it should not) costs time, never a result: its batch is done here.
        : workers[number - 1].validate(task).catch(() => validateInputs(task.inputs, task.owned, lang, rules))));
    const reports: FileReport[] = new Array(reported);
    results.forEach((batch, number) => batch.forEach((report, position) => { reports[tasks[number].indices[position]] = report; }));
    return reports;
}

/** A worker thread running the CLI bundle: started at once, given its task when the files are read. */
class ValidationThread {
    private readonly worker: Worker;
    private readonly result: Promise<FileReport[]>;

    constructor(entry: string) {
        this.worker = new Worker(entry, { workerData: { coopValidateWorker: true }, stdout: true, stderr: true });
        this.result = new Promise((resolve, reject) => {
            let settled = false;
            this.worker.once('message', (message: WorkerReply) => {
                settled = true;
                if (message.reports) resolve(message.reports);
                else reject(new Error(message.error ?? 'worker'));
                void this.worker.terminate();
            });
            this.worker.once('error', error => { settled = true; reject(error); });
            this.worker.once('exit', code => { if (!settled) reject(new Error(`exit ${code}`)); });
        });
        this.result.catch(() => undefined);
    }

    validate(task: WorkerTask): Promise<FileReport[]> {
        this.worker.postMessage(task);
        return this.result;
    }

    stop(): void {
        void this.worker.terminate();
    }
}

interface WorkerReply { reports?: FileReport[]; error?: string }

/**
 * Body of a validation thread: prepares the services and the catalogue at once, then validates the
 * task it is sent and posts the reports of the files it owns.
 */
export function runValidationWorker(port: { once(event: 'message', listener: (task: WorkerTask) => void): unknown; postMessage(message: WorkerReply): void }): void {
    const ready = prepareServices();
    port.once('message', task => {
        ready
            .then(services => validateInputs(task.inputs, task.owned, task.lang, task.rules, services))
            .then(reports => port.postMessage({ reports }), error => port.postMessage({ error: error instanceof Error ? error.message : String(error) }));
    });
}

/** The CLI services with the catalogue already built. */
async function prepareServices(): Promise<ReturnType<typeof createCoopServices>> {
    const services = createCoopServices(NodeFileSystem);
    await loadAndValidate(services.shared, []);
    return services;
}

/** Validates the inputs as one workspace; returns the reports of the owned ones, in their order. */
export async function validateInputs(
    inputs: ValidationInput[], owned: boolean[], lang: Locale, rules: Record<string, RuleLevel> | undefined,
    services: ReturnType<typeof createCoopServices> = createCoopServices(NodeFileSystem)
): Promise<FileReport[]> {
    const { shared, Coop } = services;
    Coop.i18n.Locale.current = lang;
    const locale = Coop.i18n.Locale;
    if (rules) Coop.validation.RuleSettings.set(rules);
    const results = await loadAndValidate(shared, inputs.map(input => ({ uri: URI.file(input.path), text: input.text })));
    const reports: FileReport[] = [];
    results.forEach((result, index) => {
        if (!owned[index]) return;
        const suppressed = Coop.validation.SuppressedDiagnostics.get(result.document);
        let conformity: ConformityReport | undefined;
        const root = result.document.parseResult.value;
        if (isProtocole(root)) {
            const computed = computeConformity(result.diagnostics, suppressed, root);
            conformity = {
                met: computed.met,
                total: computed.total,
                suppressed: computed.suppressed,
                verified: computed.verified,
                toReview: computed.toReview,
                missing: computed.missing,
                label: conformityLabel(computed, lang),
                requirements: computed.items.map(item => ({
                    id: item.requirement.id,
                    legalBasis: item.requirement.legalBasis,
                    title: locale.pick(item.requirement.title),
                    status: item.status
                }))
            };
        }
        const path = inputs[index].shown;
        const seen = new Map<string, number>();
        const identify = <T extends ReportDiagnostic>(diagnostic: T): T => {
            const base = fingerprint(diagnostic.code, path, elementPath(result.document, diagnostic.range), diagnostic.message);
            const occurrence = (seen.get(base) ?? 0) + 1;
            seen.set(base, occurrence);
            return { ...diagnostic, fingerprint: occurrence > 1 ? `${base}:${occurrence}` : base };
        };
        reports.push({
            path,
            diagnostics: result.diagnostics.map(toReportDiagnostic).sort(byPosition).map(identify),
            suppressed: suppressed.map(s => ({ ...toReportDiagnostic(s.diagnostic), justification: s.justification })).sort(byPosition).map(identify),
            ...(conformity ? { conformity } : {})
        });
    });
    return reports;
}
