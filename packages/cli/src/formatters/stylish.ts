import { format, type LocaleSetting } from 'coop-language';
import { cliMessages } from '../messages.js';
import type { ValidationReport } from '../report.js';

const SYNTAX_CODES: ReadonlySet<string> = new Set(['syntaxe', 'caractere-inconnu']);

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
        // Syntax errors first: what follows them may be their consequence (issue 11 §1).
        const syntaxFirst = [...file.diagnostics].sort((a, b) => Number(!SYNTAX_CODES.has(String(a.code))) - Number(!SYNTAX_CODES.has(String(b.code))));
        for (const diagnostic of syntaxFirst) {
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
            const toFix = conformity.requirements.filter(r => r.status === 'to-fix').map(r => r.legalBasis);
            const missing = conformity.requirements.filter(r => r.status === 'missing').map(r => r.legalBasis);
            const review = conformity.requirements.filter(r => r.status === 'review').map(r => r.legalBasis);
            const parts = [
                ...(toFix.length > 0 ? [format(locale.pick(cliMessages.toFixRequirements), { list: toFix.join(', ') })] : []),
                ...(missing.length > 0 ? [format(locale.pick(cliMessages.missingRequirements), { list: missing.join(', ') })] : []),
                ...(review.length > 0 ? [format(locale.pick(cliMessages.reviewRequirements), { list: review.join(', ') })] : [])
            ];
            const detail = parts.length > 0 ? `  — ${parts.join(' ; ')}` : '';
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
        : errors + warnings === 0
        ? format(locale.pick(cliMessages.summaryInfosOnly), { files, infos: count(cliMessages.infoCount, infos) })
        : format(locale.pick(cliMessages.summaryProblems), {
            problems: count(cliMessages.problemCount, problems),
            errors: count(cliMessages.errorCount, errors),
            warnings: count(cliMessages.warningCount, warnings),
            infos: count(cliMessages.infoCount, infos),
            files
        }));
    return lines.join('\n') + '\n';
}
