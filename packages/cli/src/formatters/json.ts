import type { ValidationReport } from '../report.js';

/**
 * The report as JSON (documented in README.md, « Format JSON »):
 * `{ files: [{ path, diagnostics: [{ code, severity, message, range }] }], summary: { errors, warnings, infos } }`,
 * positions 0-based as in LSP.
 */
export function formatJson(report: ValidationReport): string {
    return JSON.stringify(report, null, 2) + '\n';
}
