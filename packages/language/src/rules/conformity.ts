import type { Diagnostic } from 'vscode-languageserver-types';
import type { Protocole } from '../generated/ast.js';
import { nodeKind } from '../model/node-kinds.js';
import { getDefinition } from '../diagnostics/registry.js';
import type { Locale } from '../i18n/locale.js';
import type { SuppressedDiagnostic } from '../validation/suppressed-diagnostics.js';
import { SYNTAX_CODES } from '../validation/syntax-recovery.js';
import { REQUIREMENTS, type Requirement, type RequirementId } from './requirements.js';

/**
 * `met` (vérifiée), `review` (à vérifier par le relecteur: no error or warning, but a point only a
 * human can judge), `missing` (manquante), `suppressed` (vérifiée par dérogation justifiée),
 * `to-fix` (à corriger: the section is present but holds a syntax error).
 */
export type RequirementStatus = 'met' | 'review' | 'missing' | 'suppressed' | 'to-fix';

export interface ConformityItem {
    requirement: Requirement;
    status: RequirementStatus;
    /** Errors and warnings of this requirement's rules. */
    diagnostics: Diagnostic[];
    /** Diagnostics of this requirement's rules that the author ignored, with justification. */
    suppressed: SuppressedDiagnostic[];
    /** Findings of its `review: true` rules: the points a reviewer must read. */
    review: Diagnostic[];
}

export interface Conformity {
    /** Requirements not missing (kept for compatibility: verified + to review). */
    met: number;
    /** Requirements verified by the automatic checks (`met` and `suppressed`). */
    verified: number;
    /** Requirements with no error but points a reviewer must read. */
    toReview: number;
    /** Requirements missing (including those whose section is to fix). */
    missing: number;
    /** Among the missing, those whose section is present but holds a syntax error. */
    toFix: number;
    suppressed: number;
    total: number;
    items: ConformityItem[];
}

/**
 * The requirement each element of a protocol serves (model/node-kinds.ts): a language error
 * (syntax, unknown name) inside it leaves that requirement unproven, as a reviewer could not read
 * that part.
 */
function sectionRequirement(type: string): RequirementId | undefined {
    return nodeKind(type)?.requirement;
}


const REQUIREMENT_IDS = new Set<string>(REQUIREMENTS.map(requirement => requirement.id));

/** Where a diagnostic counts, and whether it is a language error attributed through its section. */
function attribution(diagnostic: Diagnostic, protocole: Protocole | undefined): { id: RequirementId; bySection: boolean } | undefined {
    const definition = getDefinition(String(diagnostic.code ?? ''));
    if (definition?.requirement) return { id: definition.requirement, bySection: false };
    // Rules that span every section (texte-a-completer) say in `data` which requirement a finding
    // concerns; so do syntax errors, attributed to the section they sit in (validation/syntax-recovery.ts).
    const own = (diagnostic.data as { requirement?: unknown } | undefined)?.requirement;
    if (typeof own === 'string' && REQUIREMENT_IDS.has(own)) return { id: own as RequirementId, bySection: SYNTAX_CODES.has(String(diagnostic.code ?? '')) };
    if (!protocole || definition?.category !== 'langage' || (diagnostic.severity ?? 1) !== 1) return undefined;
    const line = diagnostic.range.start.line;
    const element = protocole.elements.find(e => e.$cstNode && e.$cstNode.range.start.line <= line && line <= e.$cstNode.range.end.line);
    const id = element ? sectionRequirement(element.$type) : undefined;
    // Only a syntax error makes the section « à corriger »; an unknown name leaves it missing.
    return id ? { id, bySection: SYNTAX_CODES.has(String(diagnostic.code ?? '')) } : undefined;
}

function isReview(diagnostic: Diagnostic): boolean {
    return getDefinition(String(diagnostic.code ?? ''))?.review === true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

/**
 * Conformity of one protocol to the essential requirements: a requirement is missing while one of
 * its rules reports an error or a warning, or (when the protocol is given) a language error sits in
 * one of its sections (`to-fix` when only such errors hold it back); to review when its only
 * findings come from `review: true` rules; met through suppression when its only findings were
 * ignored with a justification; met otherwise. Infos of other rules never count.
 */
export function computeConformity(diagnostics: Diagnostic[], suppressed: SuppressedDiagnostic[], protocole?: Protocole): Conformity {
    // Each diagnostic is attributed once (not once per requirement).
    const own = new Map<RequirementId, Diagnostic[]>();
    const bySection = new Map<RequirementId, Diagnostic[]>();
    const review = new Map<RequirementId, Diagnostic[]>();
    for (const d of diagnostics) {
        if (isReview(d)) {
            const where = attribution(d, protocole);
            if (where) push(review, where.id, d);
            continue;
        }
        if ((d.severity ?? 1) > 2) continue;
        const where = attribution(d, protocole);
        if (!where) continue;
        push(own, where.id, d);
        if (where.bySection) push(bySection, where.id, d);
    }
    const ignoredOf = new Map<RequirementId, SuppressedDiagnostic[]>();
    for (const s of suppressed) {
        if ((s.diagnostic.severity ?? 1) > 2 || isReview(s.diagnostic)) continue;
        const where = attribution(s.diagnostic, protocole);
        if (where) push(ignoredOf, where.id, s);
    }
    const items: ConformityItem[] = REQUIREMENTS.map(requirement => {
        const mine = own.get(requirement.id) ?? [];
        const ignored = ignoredOf.get(requirement.id) ?? [];
        const points = review.get(requirement.id) ?? [];
        const syntax = bySection.get(requirement.id) ?? [];
        const status: RequirementStatus = mine.length > 0
            ? (syntax.length === mine.length ? 'to-fix' : 'missing')
            : points.length > 0 ? 'review' : ignored.length > 0 ? 'suppressed' : 'met';
        return { requirement, status, diagnostics: mine, suppressed: ignored, review: points };
    });
    const count = (...statuses: RequirementStatus[]) => items.filter(item => statuses.includes(item.status)).length;
    return {
        met: count('met', 'suppressed', 'review'),
        verified: count('met', 'suppressed'),
        toReview: count('review'),
        missing: count('missing', 'to-fix'),
        toFix: count('to-fix'),
        suppressed: count('suppressed'),
        total: items.length,
        items
    };
}

/** French and English names of each status (matrix, checklist, CLI). */
export const STATUS_LABELS: Record<RequirementStatus, { fr: string; en: string }> = {
    met: { fr: 'vérifiée', en: 'verified' },
    suppressed: { fr: 'vérifiée (dérogation justifiée)', en: 'verified (justified suppression)' },
    review: { fr: 'à vérifier par le relecteur', en: 'to be checked by the reviewer' },
    missing: { fr: 'manquante', en: 'missing' },
    'to-fix': { fr: 'à corriger', en: 'to fix' }
};

/**
 * « Contrôles automatiques : 12/16 exigences vérifiées, 2 à vérifier, 2 manquantes » (with the
 * number verified through a justified suppression). It says what the tool checked, not that the
 * protocol is conformant: a reviewer still reads the points « à vérifier ».
 */
export function conformityLabel(conformity: Conformity, locale: Locale): string {
    const fr = locale === 'fr';
    const parts = [fr
        ? `Contrôles automatiques : ${conformity.verified}/${conformity.total} exigences vérifiées`
        : `Automatic checks: ${conformity.verified}/${conformity.total} requirements verified`];
    if (conformity.suppressed > 0) {
        parts[0] += fr ? ` (dont ${conformity.suppressed} par dérogation justifiée)` : ` (${conformity.suppressed} through a justified suppression)`;
    }
    if (conformity.toReview > 0) parts.push(fr ? `${conformity.toReview} à vérifier` : `${conformity.toReview} to review`);
    const missing = conformity.missing - conformity.toFix;
    if (missing > 0) parts.push(fr ? `${missing} manquante${missing > 1 ? 's' : ''}` : `${missing} missing`);
    if (conformity.toFix > 0) parts.push(fr ? `${conformity.toFix} à corriger` : `${conformity.toFix} to fix`);
    return parts.join(', ');
}
