import { fingerprint } from '../fingerprint.js';
import type { ReportSeverity, ValidationReport } from '../report.js';

/** GitLab Code Quality severities (info, minor, major, critical, blocker). */
const SEVERITY: Record<ReportSeverity, 'info' | 'minor' | 'major'> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array of issues with
 * description, check_name, fingerprint (stable when lines move), severity and location
 * (path, lines.begin, 1-based). Ignored findings are left out.
 */
export function formatGitlab(report: ValidationReport): string {
    const issues = report.files.flatMap(file => file.diagnostics.map(diagnostic => ({
        description: diagnostic.message,
        check_name: diagnostic.code,
        fingerprint: diagnostic.fingerprint ?? fingerprint(diagnostic.code, file.path, '', diagnostic.message),
        severity: SEVERITY[diagnostic.severity],
        location: { path: file.path, lines: { begin: diagnostic.range.start.line + 1, end: diagnostic.range.end.line + 1 } }
    })));
    return JSON.stringify(issues, null, 2) + '\n';
}
