import { AstUtils, CstUtils, type AstNode } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isDelegant, isDelegue, isProtocole, isSuppression, type Suppression } from '../../generated/ast.js';
import { documentationUrl, getDefinition } from '../../diagnostics/registry.js';
import { nodeKind } from '../../model/node-kinds.js';
import { sectionKind } from '../../model/sections.js';
import type { Note, NoteKind, SuppressionEntry } from '../model-types.js';
import { messageText } from '../model-text.js';
import type { ModelContext } from './context.js';

const SEVERITY_KIND: Record<number, NoteKind> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

export function scopeOf(ctx: ModelContext, suppression: Suppression): string {
    const container = suppression.$container as AstNode;
    if (isProtocole(container)) return ctx.t('wholeProtocol');
    if (isDelegant(container) || isDelegue(container)) return ctx.professional(container);
    const kind = sectionKind(container.$type)?.label[ctx.locale] ?? nodeKind(container.$type)?.label[ctx.locale] ?? container.$type;
    // The element by its title or libellé, never by its short name.
    const title = (container as { titre?: string; libelle?: string }).titre ?? (container as { libelle?: string }).libelle;
    return title?.trim() ? `${kind} ${ctx.quote(title)}` : kind;
}

export function buildSuppressions(ctx: ModelContext): SuppressionEntry[] {
    const suppressions = AstUtils.streamAllContents(ctx.protocole).filter(isSuppression).toArray();
    return suppressions.map(suppression => {
        const start = suppression.$cstNode?.range.start;
        const findings = ctx.suppressed
            .filter(s => start && s.suppressionRange.start.line === start.line && s.suppressionRange.start.character === start.character)
            .map(s => ({ message: messageText(s.diagnostic), line: s.diagnostic.range.start.line }))
            .sort((a, b) => a.line - b.line);
        return {
            code: suppression.regle ?? '',
            rule: getDefinition(suppression.regle ?? '')?.title[ctx.locale] ?? suppression.regle ?? '',
            justification: suppression.justification ?? '',
            scope: scopeOf(ctx, suppression),
            findings,
            line: ctx.line(suppression),
            notes: []
        };
    });
}

export function toNote(ctx: ModelContext, diagnostic: Diagnostic, kind?: NoteKind, justification?: string): Note {
    const code = String(diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code ?? '');
    return {
        kind: kind ?? SEVERITY_KIND[diagnostic.severity ?? 1] ?? 'error',
        code,
        message: messageText(diagnostic),
        line: diagnostic.range.start.line,
        ...(justification !== undefined ? { justification } : {}),
        ...(getDefinition(code) ? { documentation: documentationUrl(code) } : {})
    };
}

/** Puts each diagnostic next to the element it concerns; returns the diagnostics in reading order. */
export function attachDiagnostics(ctx: ModelContext): Note[] {
    const byPosition = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
    const all: Note[] = [];
    for (const diagnostic of [...ctx.diagnostics].sort(byPosition)) {
        const note = toNote(ctx, diagnostic);
        all.push(note);
        attach(ctx, note, diagnostic);
    }
    for (const item of [...ctx.suppressed].sort((a, b) => byPosition(a.diagnostic, b.diagnostic))) {
        attach(ctx, toNote(ctx, item.diagnostic, 'suppressed', item.justification), item.diagnostic);
    }
    return all;
}

export function attach(ctx: ModelContext, note: Note, diagnostic: Diagnostic): void {
    const section = (diagnostic.data as { section?: string } | undefined)?.section;
    const cst = ctx.protocole.$cstNode;
    const offset = ctx.document.textDocument.offsetAt(diagnostic.range.start);
    const leaf = cst ? CstUtils.findLeafNodeAtOffset(cst, offset) ?? CstUtils.findLeafNodeBeforeOffset(cst, offset) : undefined;
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        const notes = ctx.anchors.get(node);
        if (!notes) continue;
        // A missing section is reported on the protocol's title: show it where the section would be.
        if (notes === ctx.header.notes && section && ctx.sectionNotes.has(section)) break;
        notes.push(note);
        return;
    }
    ((section ? ctx.sectionNotes.get(section) : undefined) ?? ctx.header.notes).push(note);
}
