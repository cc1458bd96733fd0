/** Exit codes of `coop`, as documented in README.md (same contract as Spectral's). */
export const ExitCode = {
    /** No finding at or above the failure threshold. */
    Success: 0,
    /** At least one finding at or above the failure threshold (`--fail-on`, errors by default). */
    Findings: 1,
    /** Usage or input/output error: bad option, missing path, unreadable file, no .coop file. */
    UsageOrIo: 2
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the user can fix (bad path, bad option): one French line on stderr, exit 2. */
export class UsageError extends Error {}
