import type { Localized } from '../i18n/locale.js';
import type { RequirementId } from '../rules/requirements.js';

export type Severity = 'error' | 'warning' | 'info';

/** Where a diagnostic comes from; one documentation page per code, grouped by category. */
export type Category = 'langage' | 'completude' | 'coherence' | 'indicateurs' | 'cadre' | 'suppressions';

/**
 * How sure the fact behind a rule is (tags of ../shared/domain): `langage` for rules of the
 * language itself, `source` for a fact found in a source, `rappel` for a fact recalled but not
 * checked [R], `inference` for an engineering reading of several facts [I].
 */
export type Basis = 'langage' | 'source' | 'rappel' | 'inference';

/**
 * One diagnostic the tool can report. The code is stable: configuration files, suppressions,
 * quick fixes, SARIF results and documentation pages refer to it. Never rename a code; retire it.
 */
export interface DiagnosticDefinition {
    readonly code: string;
    readonly severity: Severity;
    readonly category: Category;
    readonly title: Localized;
    /** Message template; `{placeholders}` are filled by the check that reports it. */
    readonly message: Localized;
    /** Legal basis, e.g. « R.4011-1 2° a » (absent for rules of the language itself). */
    readonly legalBasis?: string;
    readonly rationale: Localized;
    readonly basis: Basis;
    /** The essential requirement this rule checks (see rules/requirements.ts), for the conformity summary. */
    readonly requirement?: RequirementId;
    /** What the author should do. */
    readonly fix: Localized;
    /**
     * Its findings are points a human reviewer must read (a condition in prose the tool cannot
     * check…), typically `info`: they never make a requirement missing, they make it « à vérifier ».
     */
    readonly review?: boolean;
    /**
     * Its findings come from the analysis of the whole decision logic (data, criteria, every step):
     * while a syntax error stands anywhere in the file, the protocol read is not the one written,
     * so they are held back (validation/syntax-recovery.ts) — one typo gives one error.
     */
    readonly analysis?: boolean;
}


/** What every diagnostic of this tool carries in `data` (LSP), beside its code. */
export interface CoopDiagnosticData {
    code: string;
    /** Closest known name for an unresolved reference, for the quick fix. */
    suggestion?: string;
    [key: string]: unknown;
}
