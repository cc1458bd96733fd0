import type { Diagnostic } from 'vscode-languageserver-types';
import type { Protocole } from '../generated/ast.js';
import { nodeKind } from '../model/node-kinds.js';
import { getDefinition } from '../diagnostics/registry.js';
import type { Locale } from '../i18n/locale.js';
import type { SuppressedDiagnostic } from '../validation/suppressed-diagnostics.js';
import { REQUIREMENTS, type Requirement, type RequirementId } from './requirements.js';

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

/**
 * The requirement each element of a protocol serves (model/node-kinds.ts): a language error
 * (syntax, unknown name) inside it leaves that requirement unproven, as a reviewer could not read
 * that part.
 */
function sectionRequirement(type: string): RequirementId | undefined {
    return nodeKind(type)?.requirement;
}

function requirementOf(diagnostic: Diagnostic, protocole: Protocole | undefined): RequirementId | undefined {
    const definition = getDefinition(String(diagnostic.code ?? ''));
    if (definition?.requirement) return definition.requirement;
    if (!protocole || definition?.category !== 'langage' || (diagnostic.severity ?? 1) !== 1) return undefined;
    const line = diagnostic.range.start.line;
    const element = protocole.elements.find(e => e.$cstNode && e.$cstNode.range.start.line <= line && line <= e.$cstNode.range.end.line);
    return element ? sectionRequirement(element.$type) : undefined;
}

/**
 * Conformity of one protocol to the essential requirements: a requirement is missing while one of
 * its rules reports an error or a warning, or (when the protocol is given) a language error sits in
 * one of its sections; met through suppression when its only findings were ignored with a
 * justification; met otherwise. Infos never make a requirement missing.
 */
export function computeConformity(diagnostics: Diagnostic[], suppressed: SuppressedDiagnostic[], protocole?: Protocole): Conformity {
    // Each diagnostic is attributed once (not once per requirement).
    const own = new Map<RequirementId, Diagnostic[]>();
    for (const d of diagnostics) {
        if ((d.severity ?? 1) > 2) continue;
        const id = requirementOf(d, protocole);
        if (!id) continue;
        const list = own.get(id);
        if (list) list.push(d);
        else own.set(id, [d]);
    }
    const ignoredOf = new Map<RequirementId, SuppressedDiagnostic[]>();
    for (const s of suppressed) {
        if ((s.diagnostic.severity ?? 1) > 2) continue;
        const id = requirementOf(s.diagnostic, protocole);
        if (!id) continue;
        const list = ignoredOf.get(id);
        if (list) list.push(s);
        else ignoredOf.set(id, [s]);
    }
    const items = REQUIREMENTS.map(requirement => {
        const mine = own.get(requirement.id) ?? [];
        const ignored = ignoredOf.get(requirement.id) ?? [];
        const status: RequirementStatus = mine.length > 0 ? 'missing' : ignored.length > 0 ? 'suppressed' : 'met';
        return { requirement, status, diagnostics: mine, suppressed: ignored };
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
