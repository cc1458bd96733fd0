import { createHash } from 'node:crypto';
import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';

/**
 * Where a finding sits in the document's structure, without line numbers: the chain of node types
 * from the root to the element at the finding's start, each with its name when it has one
 * (`Protocole/Parcours:principal/Etape:lecture`). Lines inserted above do not change it.
 */
export function elementPath(document: LangiumDocument, range: Range): string {
    const root = document.parseResult.value;
    const cst = root?.$cstNode;
    if (!cst) return '';
    const offset = document.textDocument.offsetAt(range.start);
    let node: AstNode | undefined = CstUtils.findLeafNodeAtOffset(cst, offset)?.astNode ?? root;
    const parts: string[] = [];
    for (; node; node = node.$container) {
        const name = (node as { name?: unknown }).name;
        parts.unshift(typeof name === 'string' && name !== '' ? `${node.$type}:${name}` : node.$type);
    }
    return parts.join('/');
}

/** A message without what moves with the text: numbers (« ligne 12 ») and runs of spaces. */
export function normaliseMessage(message: string): string {
    return message.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * The stable identity of a finding (SARIF partialFingerprints, GitLab fingerprint): hash of the rule,
 * the file, the element path and the normalised message; `occurrence` (1, 2…) tells apart identical
 * findings of one element.
 */
export function fingerprint(code: string, path: string, element: string, message: string, occurrence = 1): string {
    const hash = createHash('sha256').update([code, path, element, normaliseMessage(message)].join('\u0000')).digest('hex').slice(0, 32);
    return occurrence > 1 ? `${hash}:${occurrence}` : hash;
}
