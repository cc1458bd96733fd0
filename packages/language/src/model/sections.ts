import type { ElementProtocole } from '../generated/ast.js';
import type { Localized } from '../i18n/locale.js';
import { NODE_KINDS, type NodeKind } from './node-kinds.js';

export interface SectionKind {
    /** AST type of the element. */
    readonly type: ElementProtocole['$type'];
    /** Keyword that starts it in the language. */
    readonly keyword: string;
    readonly label: Localized;
    /** Heading in the submission document (plural for repeatable elements). */
    readonly heading: Localized;
    /** At most one per protocol. */
    readonly single: boolean;
}

/**
 * The elements of a protocol in the order of the template, derived from the one table of node
 * kinds (model/node-kinds.ts). Outline, preview, quick fixes and the order advice follow it.
 */
export const SECTION_KINDS: readonly SectionKind[] = NODE_KINDS
    .filter((kind): kind is NodeKind & { section: NonNullable<NodeKind['section']> } => kind.section !== undefined)
    .map(kind => ({ type: kind.type as ElementProtocole['$type'], keyword: kind.section.keyword, label: kind.label, heading: kind.heading ?? kind.label, single: kind.section.single }));

/**
 * Every keyword that starts an element of a protocol: the sections of the template, then the
 * elements written anywhere (data, scores). The parser's messages and its recovery read a garbled
 * line against them.
 */
export const ELEMENT_KEYWORDS: ReadonlyArray<{ readonly type: ElementProtocole['$type']; readonly keyword: string }> = [
    ...SECTION_KINDS.map(kind => ({ type: kind.type, keyword: kind.keyword })),
    ...NODE_KINDS.filter(kind => kind.element).map(kind => ({ type: kind.type as ElementProtocole['$type'], keyword: kind.element!.keyword }))
];

const byType = new Map(SECTION_KINDS.map((kind, index) => [kind.type, { kind, index }]));

export function sectionKind(type: string): SectionKind | undefined {
    return byType.get(type as ElementProtocole['$type'])?.kind;
}

/** Position of an element type in the template order. */
export function templateRank(type: string): number {
    return byType.get(type as ElementProtocole['$type'])?.index ?? SECTION_KINDS.length;
}
