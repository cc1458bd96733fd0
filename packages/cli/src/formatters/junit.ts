import type { LocaleSetting } from 'coop-language';
import { cliMessages } from '../messages.js';
import { atLeast, type ReportSeverity, type ValidationReport } from '../report.js';

function xml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
        // Characters XML 1.0 forbids.
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/**
 * JUnit XML for CI dashboards: one test suite per file, one failing test case per finding at or
 * above `--fail-on`, one passing test case for a file without such finding.
 */
export function formatJunit(report: ValidationReport, locale: LocaleSetting, failOn: ReportSeverity): string {
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
    const suites = report.files.map(file => {
        const failures = file.diagnostics.filter(d => atLeast(d.severity, failOn));
        const cases = failures.length === 0
            ? [`    <testcase classname="${xml(file.path)}" name="${xml(locale.pick(cliMessages.junitPassed))}"/>`]
            : failures.map(d => {
                const where = `${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
                return [
                    `    <testcase classname="${xml(file.path)}" name="${xml(`${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`)}">`,
                    `      <failure type="${d.severity}" message="${xml(d.message)}">${xml(`${where} ${d.message} [${d.code}]`)}</failure>`,
                    '    </testcase>'
                ].join('\n');
            });
        const tests = Math.max(1, failures.length);
        return [`  <testsuite name="${xml(file.path)}" tests="${tests}" failures="${failures.length}" errors="0" skipped="0">`, ...cases, '  </testsuite>'].join('\n');
    });
    const total = report.files.reduce((sum, file) => sum + Math.max(1, file.diagnostics.filter(d => atLeast(d.severity, failOn)).length), 0);
    const failed = report.files.reduce((sum, file) => sum + file.diagnostics.filter(d => atLeast(d.severity, failOn)).length, 0);
    lines.push(`<testsuites name="coop" tests="${total}" failures="${failed}" errors="0">`, ...suites, '</testsuites>');
    return lines.join('\n') + '\n';
}
