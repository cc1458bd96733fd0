import type { Diagnostic } from 'vscode-languageserver-types';
import { getDefinition } from '../diagnostics/registry.js';
import type { Locale } from '../i18n/locale.js';
import type { SuppressedDiagnostic } from '../validation/suppressed-diagnostics.js';
import { REQUIREMENTS, type Requirement } from './requirements.js';

export type RequirementStatus = 'met' | 'missing' | 'suppressed';

export interface ConformityItem {
    requirement: Requirement;
    status: RequirementStatus;
    /** Errors and warnings of this requirement's rules. */
    diagnostics: Diagnostic[];
    /** Diagnostics of this requirement's rules that the author ignored, with justification. */
    suppressed: SuppressedDiagnostic[];
}

export interface Conformity {
    /** Requirements met, counting those met through a justified suppression. */
    met: number;
    suppressed: number;
    total: number;
    items: ConformityItem[];
}

function requirementOf(code: unknown): string | undefined {
    return getDefinition(String(code ?? ''))?.requirement;
}

/**
 * Conformity of one protocol to the essential requirements: a requirement is missing while one of
 * its rules reports an error or a warning; met through suppression when its only findings were
 * ignored with a justification; met otherwise. Infos never make a requirement missing.
 */
export function computeConformity(diagnostics: Diagnostic[], suppressed: SuppressedDiagnostic[]): Conformity {
    const items = REQUIREMENTS.map(requirement => {
        const own = diagnostics.filter(d => requirementOf(d.code) === requirement.id && (d.severity ?? 1) <= 2);
        const ignored = suppressed.filter(s => requirementOf(s.diagnostic.code) === requirement.id && (s.diagnostic.severity ?? 1) <= 2);
        const status: RequirementStatus = own.length > 0 ? 'missing' : ignored.length > 0 ? 'suppressed' : 'met';
        return { requirement, status, diagnostics: own, suppressed: ignored };
    });
    return {
        met: items.filter(item => item.status !== 'missing').length,
        suppressed: items.filter(item => item.status === 'suppressed').length,
        total: items.length,
        items
    };
}

/** « Conformité : 14/16 exigences » (with the number met through a justified suppression). */
export function conformityLabel(conformity: Conformity, locale: Locale): string {
    const base = locale === 'fr'
        ? `Conformité : ${conformity.met}/${conformity.total} exigences`
        : `Conformity: ${conformity.met}/${conformity.total} requirements`;
    if (conformity.suppressed === 0) return base;
    return locale === 'fr'
        ? `${base} (dont ${conformity.suppressed} par dérogation justifiée)`
        : `${base} (${conformity.suppressed} through a justified suppression)`;
}
