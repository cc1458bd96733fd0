import { format, type LocaleSetting } from 'coop-language';
import { cliMessages } from '../messages.js';
import type { ReportSeverity, ValidationReport } from '../report.js';

const SEVERITY_LABEL = {
    error: cliMessages.severityError,
    warning: cliMessages.severityWarning,
    info: cliMessages.severityInfo
} as const;

/**
 * One line per diagnostic, `path:line:col  severity  message  [code]` (1-based, as editors show
 * them), then a summary line.
 */
export function formatStylish(report: ValidationReport, locale: LocaleSetting): string {
    const lines: string[] = [];
    const severityWidth = Math.max(...Object.values(SEVERITY_LABEL).map(label => locale.pick(label).length));
    for (const file of report.files) {
        for (const diagnostic of file.diagnostics) {
            const position = `${file.path}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
            const severity = locale.pick(SEVERITY_LABEL[diagnostic.severity as ReportSeverity]).padEnd(severityWidth);
            lines.push(`${position}  ${severity}  ${diagnostic.message}  [${diagnostic.code}]`);
        }
    }
    const { errors, warnings, infos } = report.summary;
    const count = (template: typeof cliMessages.fileCount, n: number) => format(locale.pick(template), { n });
    const files = count(cliMessages.fileCount, report.files.length);
    const problems = errors + warnings + infos;
    if (lines.length > 0) lines.push('');
    lines.push(problems === 0
        ? format(locale.pick(cliMessages.summaryClean), { files })
        : format(locale.pick(cliMessages.summaryProblems), {
            problems: count(cliMessages.problemCount, problems),
            errors: count(cliMessages.errorCount, errors),
            warnings: count(cliMessages.warningCount, warnings),
            infos: count(cliMessages.infoCount, infos),
            files
        }));
    return lines.join('\n') + '\n';
}
