// `coop/annualReport` (issue 13): the yearly report of a protocol from the team's activity journal,
// computed by the language server for the editor's « Rapport annuel » command. Like
// coop-protocol.ts, this module imports nothing: the extension bundles it without the language.
import type { CoopRequest } from './coop-protocol.js';

export interface AnnualReportParams {
    /** The protocol (a document of the server's workspace). */
    uri: string;
    /** The journal: its name in messages (a path or a URI) and its text (UTF-8). */
    journal: { name: string; text: string };
    satisfaction?: { name: string; text: string };
    /** A team file of the workspace (its URI), to check the professionals and compute per délégué. */
    team?: string;
    /** `2025`, `2025-03` or `2025-01-01..2025-06-30`. */
    period: string;
    nonce?: string;
    cspSource?: string;
}

export interface AnnualReportIssue {
    /** The file the issue is about (the `name` given for the journal or the questionnaire). */
    file: string;
    /** 1-based line. */
    line: number;
    code: string;
    /** `refus`: the file is refused; `exclu`: the row is not counted; `signal`: counted, flagged. */
    severity: 'refus' | 'exclu' | 'signal';
    /** In the message language of the server. */
    message: string;
}

export interface AnnualReportResult {
    /** The report as one HTML page; absent when a file is refused. */
    html?: string;
    title: string;
    issues: AnnualReportIssue[];
    /** Names of the indicators beyond their alert threshold. */
    alerts: string[];
    refused: boolean;
    rows?: { read: number; counted: number; excluded: number; flagged: number };
}

/**
 * `coop/annualReport`: null when the document is not a protocol. A period that cannot be read is
 * answered with an error whose message is a sentence for the user.
 */
export const AnnualReportRequest: CoopRequest<AnnualReportParams, AnnualReportResult | null> = { method: 'coop/annualReport' };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFile = (value: unknown) => isObject(value) && typeof value.name === 'string' && typeof value.text === 'string';

export function isAnnualReportParams(value: unknown): value is AnnualReportParams {
    return isObject(value) && typeof value.uri === 'string' && typeof value.period === 'string' && isFile(value.journal)
        && (value.satisfaction === undefined || isFile(value.satisfaction))
        && (['team', 'nonce', 'cspSource'] as const).every(key => value[key] === undefined || typeof value[key] === 'string');
}
