import type { ValidationReport } from '../report.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escapes a workflow-command message (GitHub Actions « workflow commands »). */
function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property value (also `:` and `,`). */
function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions annotations, one per finding:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<code>::message`.
 */
export function formatGithub(report: ValidationReport): string {
    const lines = report.files.flatMap(file => file.diagnostics.map(d => {
        const properties = [
            `file=${escapeProperty(file.path)}`,
            `line=${d.range.start.line + 1}`,
            `col=${d.range.start.character + 1}`,
            `endLine=${d.range.end.line + 1}`,
            `endColumn=${d.range.end.character + 1}`,
            `title=${escapeProperty(d.code)}`
        ].join(',');
        return `::${COMMAND[d.severity]} ${properties}::${escapeData(d.message)}`;
    }));
    return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
