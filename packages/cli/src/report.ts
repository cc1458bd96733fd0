import type { ConformitySummary, RequirementEntry } from 'coop-language';
import type { Diagnostic } from 'vscode-languageserver-types';

export type ReportSeverity = 'error' | 'warning' | 'info';

export interface ReportDiagnostic {
    code: string;
    severity: ReportSeverity;
    message: string;
    /** 0-based line and character, as in LSP. */
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    /** Stable identity of the finding (rule, file, element path, message without numbers): unchanged when lines move. */
    fingerprint?: string;
}

export interface SuppressedReportDiagnostic extends ReportDiagnostic {
    justification: string;
}

/** The conformity of a protocol in the report: the same figures and entries as `coop/conformity` (protocol/coop-protocol.ts). */
export interface ConformityReport extends ConformitySummary {
    requirements: RequirementEntry[];
}

export interface FileReport {
    /** Path relative to the working directory, with forward slashes. */
    path: string;
    diagnostics: ReportDiagnostic[];
    /** Diagnostics ignored in the document (`ignorer`), with their justification. */
    suppressed: SuppressedReportDiagnostic[];
    /** For protocols only: the essential requirements met. */
    conformity?: ConformityReport;
}

export interface ValidationReport {
    files: FileReport[];
    summary: { errors: number; warnings: number; infos: number };
}

export function toSeverity(severity: Diagnostic['severity']): ReportSeverity {
    return severity === 1 || severity === undefined ? 'error' : severity === 2 ? 'warning' : 'info';
}

export function toReportDiagnostic(diagnostic: Diagnostic): ReportDiagnostic {
    return {
        code: String(diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code ?? 'syntaxe'),
        severity: toSeverity(diagnostic.severity),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        range: {
            start: { line: diagnostic.range.start.line, character: diagnostic.range.start.character },
            end: { line: diagnostic.range.end.line, character: diagnostic.range.end.character }
        }
    };
}

/** Diagnostics in reading order: line, then column, then code. */
export function byPosition(a: ReportDiagnostic, b: ReportDiagnostic): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}

export function summarize(files: FileReport[]): ValidationReport['summary'] {
    const summary = { errors: 0, warnings: 0, infos: 0 };
    for (const diagnostic of files.flatMap(file => file.diagnostics)) {
        if (diagnostic.severity === 'error') summary.errors++;
        else if (diagnostic.severity === 'warning') summary.warnings++;
        else summary.infos++;
    }
    return summary;
}

const RANK: Record<ReportSeverity, number> = { error: 3, warning: 2, info: 1 };

/** True when `severity` is at or above `threshold` (`--fail-on`). */
export function atLeast(severity: ReportSeverity, threshold: ReportSeverity): boolean {
    return RANK[severity] >= RANK[threshold];
}
