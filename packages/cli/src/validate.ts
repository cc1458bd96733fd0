import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import {
    CONFIG_FILE_NAME, ConfigError, computeConformity, conformityLabel, createCoopServices, format, isProtocole, loadAndValidate, parseConfig, type Locale, type LocaleSetting
} from 'coop-language';
import { collectCoopFiles } from './collect-files.js';
import { UsageError } from './exit-codes.js';
import { cliMessages } from './messages.js';
import { byPosition, summarize, toReportDiagnostic, type ConformityReport, type ValidationReport } from './report.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface ValidateOptions {
    lang: Locale;
    /** Configuration file; by default the nearest coop.config.json from the working directory up. */
    config?: string;
    cwd?: string;
}

/** Validates the `.coop` files found under `paths` as one workspace and returns the report. */
export async function validatePaths(paths: string[], options: ValidateOptions): Promise<ValidationReport> {
    const cwd = options.cwd ?? process.cwd();
    const { shared, Coop } = createCoopServices(NodeFileSystem);
    Coop.i18n.Locale.current = options.lang;
    const locale = Coop.i18n.Locale;
    const configPath = options.config ?? findConfig(cwd);
    if (configPath) {
        Coop.validation.RuleSettings.set((await readConfig(configPath, cwd, locale)).rules);
    }
    const files = await collectCoopFiles(paths, locale);
    const inputs = await Promise.all(files.map(async path => {
        const shown = displayPath(path, cwd);
        let bytes: Buffer;
        try {
            bytes = await readFile(path);
        } catch (error) {
            const reason = (error as NodeJS.ErrnoException).code ?? String(error);
            throw new UsageError(format(locale.pick(cliMessages.pathUnreadable), { path: shown, reason }));
        }
        let text: string;
        try {
            text = utf8.decode(bytes);
        } catch {
            throw new UsageError(format(locale.pick(cliMessages.notUtf8), { path: shown }));
        }
        return { uri: URI.file(path), text, shown };
    }));
    const results = await loadAndValidate(shared, inputs);
    const reports = results.map((result, index) => {
        const suppressed = Coop.validation.SuppressedDiagnostics.get(result.document);
        let conformity: ConformityReport | undefined;
        if (isProtocole(result.document.parseResult.value)) {
            const computed = computeConformity(result.diagnostics, suppressed);
            conformity = {
                met: computed.met,
                total: computed.total,
                suppressed: computed.suppressed,
                label: conformityLabel(computed, options.lang),
                requirements: computed.items.map(item => ({
                    id: item.requirement.id,
                    legalBasis: item.requirement.legalBasis,
                    title: locale.pick(item.requirement.title),
                    status: item.status
                }))
            };
        }
        return {
            path: inputs[index].shown,
            diagnostics: result.diagnostics.map(toReportDiagnostic).sort(byPosition),
            suppressed: suppressed.map(s => ({ ...toReportDiagnostic(s.diagnostic), justification: s.justification })).sort(byPosition),
            ...(conformity ? { conformity } : {})
        };
    });
    return { files: reports, summary: summarize(reports) };
}

/** The nearest coop.config.json in the working directory or one of its parents. */
function findConfig(cwd: string): string | undefined {
    for (let folder = cwd; ; folder = dirname(folder)) {
        const candidate = join(folder, CONFIG_FILE_NAME);
        if (existsSync(candidate)) return candidate;
        if (dirname(folder) === folder) return undefined;
    }
}

async function readConfig(path: string, cwd: string, locale: LocaleSetting) {
    const shown = displayPath(path, cwd);
    let text: string;
    try {
        text = await readFile(path, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const key = code === 'ENOENT' ? cliMessages.pathNotFound : cliMessages.pathUnreadable;
        throw new UsageError(format(locale.pick(key), { path: shown, reason: code ?? String(error) }));
    }
    try {
        return parseConfig(text, locale);
    } catch (error) {
        if (error instanceof ConfigError) {
            throw new UsageError(`coop : ${shown}:${error.line}:${error.column} : ${error.message}`);
        }
        throw error;
    }
}

function displayPath(path: string, cwd: string): string {
    const shown = relative(cwd, path) || path;
    return sep === '/' ? shown : shown.split(sep).join('/');
}
