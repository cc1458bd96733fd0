import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';

/** A diagnostic an author chose to ignore, with the justification the preview and SARIF show. */
export interface SuppressedDiagnostic {
    diagnostic: Diagnostic;
    justification: string;
    /** Range of the `ignorer` line. */
    suppressionRange: Diagnostic['range'];
}

/** The suppressed diagnostics of each document's last validation. */
export class SuppressedDiagnostics {
    private readonly byDocument = new WeakMap<LangiumDocument, SuppressedDiagnostic[]>();

    set(document: LangiumDocument, suppressed: SuppressedDiagnostic[]): void {
        this.byDocument.set(document, suppressed);
    }

    get(document: LangiumDocument): SuppressedDiagnostic[] {
        return this.byDocument.get(document) ?? [];
    }
}
