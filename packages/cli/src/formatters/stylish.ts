import { format, type LocaleSetting } from 'coop-language';
import { cliMessages } from '../messages.js';
import type { ValidationReport } from '../report.js';

const SEVERITY_LABEL = {
    error: cliMessages.severityError,
    warning: cliMessages.severityWarning,
    info: cliMessages.severityInfo
} as const;

/**
 * One line per diagnostic, `path:line:col  severity  message  [code]` (1-based, as editors show
 * them), then the conformity of each protocol and a summary line. `quiet`: diagnostics only.
 */
export function formatStylish(report: ValidationReport, locale: LocaleSetting, quiet = false): string {
    const lines: string[] = [];
    const severityWidth = Math.max(...Object.values(SEVERITY_LABEL).map(label => locale.pick(label).length));
    for (const file of report.files) {
        for (const diagnostic of file.diagnostics) {
            const position = `${file.path}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
            const severity = locale.pick(SEVERITY_LABEL[diagnostic.severity]).padEnd(severityWidth);
            lines.push(`${position}  ${severity}  ${diagnostic.message}  [${diagnostic.code}]`);
        }
    }
    if (quiet) return lines.length > 0 ? lines.join('\n') + '\n' : '';

    const protocols = report.files.filter(file => file.conformity);
    if (protocols.length > 0) {
        if (lines.length > 0) lines.push('');
        lines.push(locale.pick(cliMessages.conformityTitle));
        const width = Math.max(...protocols.map(file => file.path.length));
        for (const file of protocols) {
            const conformity = file.conformity!;
            const missing = conformity.requirements.filter(r => r.status === 'missing').map(r => r.legalBasis);
            const detail = missing.length > 0 ? `  — ${format(locale.pick(cliMessages.missingRequirements), { list: missing.join(', ') })}` : '';
            lines.push(`  ${file.path.padEnd(width)}  ${conformity.label}${detail}`);
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
