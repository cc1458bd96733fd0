// The journal's issues (`coop/annualReport`) as Problems-panel entries: plain data, no vscode import,
// so that it is unit-tested (test/unit/annual-report-issues.test.ts); annual-report.ts turns them
// into vscode.Diagnostic objects.
import type { AnnualReportIssue } from 'coop-language/annual-report-protocol';

export interface JournalProblem {
    /** The file: the `name` sent for the journal or the questionnaire. */
    file: string;
    /** 0-based line. */
    line: number;
    severity: 'error' | 'warning' | 'information';
    message: string;
    code: string;
}

/** A refusal is an error, an excluded row a warning, a flagged row an information. */
export function journalProblems(issues: readonly AnnualReportIssue[]): Map<string, JournalProblem[]> {
    const byFile = new Map<string, JournalProblem[]>();
    for (const issue of issues) {
        const severity = issue.severity === 'refus' ? 'error' : issue.severity === 'exclu' ? 'warning' : 'information';
        const list = byFile.get(issue.file) ?? [];
        list.push({ file: issue.file, line: Math.max(0, issue.line - 1), severity, message: issue.message, code: issue.code });
        byFile.set(issue.file, list);
    }
    return byFile;
}

/** The period proposed by default: the previous calendar year. */
export function defaultPeriod(today = new Date()): string {
    return String(today.getFullYear() - 1);
}

/** Whether the text is a period the server reads (`2025`, `2025-03`, `aaaa-mm-jj..aaaa-mm-jj`). */
export function isPeriod(text: string): boolean {
    return /^\s*(\d{4}|\d{4}-(0[1-9]|1[0-2])|\d{4}-\d{2}-\d{2}\s*\.\.\s*\d{4}-\d{2}-\d{2})\s*$/.test(text);
}
