import { readFile } from 'node:fs/promises';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import {
    computeConformity, conformityLabel, createCoopServices, format, isProtocole, loadAndValidate, type Locale
} from 'coop-language';
import { collectCoopFiles } from './collect-files.js';
import { displayPath, loadRuleConfig } from './config-file.js';
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
    const config = await loadRuleConfig(options.config, cwd, locale);
    if (config) Coop.validation.RuleSettings.set(config.rules);
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
        const root = result.document.parseResult.value;
        if (isProtocole(root)) {
            const computed = computeConformity(result.diagnostics, suppressed, root);
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
