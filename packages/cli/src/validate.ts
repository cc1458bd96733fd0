import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { URI } from 'langium';
import { createCoopServices, format, loadAndValidate, type Locale } from 'coop-language';
import { collectCoopFiles } from './collect-files.js';
import { UsageError } from './exit-codes.js';
import { cliMessages } from './messages.js';
import { byPosition, summarize, toReportDiagnostic, type ValidationReport } from './report.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Validates the `.coop` files found under `paths` as one workspace and returns the report. */
export async function validatePaths(paths: string[], lang: Locale, cwd = process.cwd()): Promise<ValidationReport> {
    const { shared, Coop } = createCoopServices(NodeFileSystem);
    Coop.i18n.Locale.current = lang;
    const locale = Coop.i18n.Locale;
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
    const reports = results.map((result, index) => ({
        path: inputs[index].shown,
        diagnostics: result.diagnostics.map(toReportDiagnostic).sort(byPosition)
    }));
    return { files: reports, summary: summarize(reports) };
}

function displayPath(path: string, cwd: string): string {
    const shown = relative(cwd, path) || path;
    return sep === '/' ? shown : shown.split(sep).join('/');
}
