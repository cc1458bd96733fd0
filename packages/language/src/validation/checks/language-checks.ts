import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode, type Grammar } from 'langium';
import type { Range } from 'vscode-languageserver-types';

/**
 * Grammar analysis behind `attribut-en-double` (diagnostics/language-diagnostics.ts): which element
 * types can carry a single-valued attribute twice, and where a given element does.
 */

/** Each repetition of a single-valued attribute in the node's own tokens, after its first writing. */
export function* attributeRepetitions(node: AstNode): Generator<{ keyword: string; firstLine: number; range: Range }> {
    if (!node.$cstNode) return;
    const seen = new Map<string, CstNode>();
    for (const child of ownCstChildren(node.$cstNode, node)) {
        const assignment = assignmentOf(child.grammarSource);
        if (!assignment || assignment.operator === '+=') continue;
        const first = seen.get(assignment.feature);
        if (first !== undefined) {
            yield { keyword: keywordBefore(assignment) ?? assignment.feature, firstLine: first.range.start.line + 1, range: child.range };
        } else {
            seen.set(assignment.feature, child);
        }
    }
}

/**
 * The AST types whose rule lets one single-valued attribute (`=`, `?=`) be written more than once:
 * an assignment under a repetition (`*`, `+`), directly or through a fragment called under one, or
 * the same feature assigned at two places of the rule. Only nodes of these types can trip
 * `attribut-en-double`.
 */
export function typesWithRepeatableAttributes(grammar: Grammar): Set<string> {
    const result = new Set<string>();
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule) || rule.fragment || GrammarUtils.isDataTypeRule(rule)) continue;
        const counts = new Map<string, number>();
        let repeated = false;
        const visit = (element: GrammarAST.AbstractElement, inRepetition: boolean, fragments: Set<GrammarAST.ParserRule>): void => {
            const repeatedHere = inRepetition || element.cardinality === '*' || element.cardinality === '+';
            if (GrammarAST.isAssignment(element)) {
                if (element.operator !== '+=') {
                    counts.set(element.feature, (counts.get(element.feature) ?? 0) + 1);
                    if (repeatedHere) repeated = true;
                }
                return;
            }
            if (GrammarAST.isRuleCall(element)) {
                const called = element.rule.ref;
                if (GrammarAST.isParserRule(called) && called.fragment && !fragments.has(called)) {
                    visit(called.definition, repeatedHere, new Set([...fragments, called]));
                }
                return;
            }
            if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
                for (const child of element.elements) visit(child, repeatedHere, fragments);
            }
        };
        visit(rule.definition, false, new Set());
        if (repeated || [...counts.values()].some(count => count > 1)) {
            result.add(GrammarUtils.getRuleTypeName(rule));
        }
    }
    return result;
}

/** The assignment a grammar element belongs to, if any (memoised: the grammar does not change). */
const assignments = new WeakMap<AstNode, GrammarAST.Assignment | null>();
function assignmentOf(element: AstNode | undefined): GrammarAST.Assignment | undefined {
    if (!element) return undefined;
    let assignment = assignments.get(element);
    if (assignment === undefined) {
        assignment = AstUtils.getContainerOfType(element, GrammarAST.isAssignment) ?? null;
        assignments.set(element, assignment);
    }
    return assignment ?? undefined;
}

/**
 * The CST nodes that hold the node's own tokens and values: children of its CST node, looking
 * through unassigned rule calls (they share the AST node) but not into contained AST nodes.
 */
function* ownCstChildren(cst: CstNode, node: AstNode): Generator<CstNode> {
    if (!isCompositeCstNode(cst)) return;
    for (const child of cst.content) {
        if (child.hidden) continue;
        // A value of a data-type rule (a text, a number) also shares the AST node: it is a value,
        // not a rule call to look through.
        if (isCompositeCstNode(child) && child.astNode === node && !assignmentOf(child.grammarSource)) {
            yield* ownCstChildren(child, node);
        } else {
            yield child;
        }
    }
}

/** The keyword written just before an assignment in the grammar (« seuil » for `'seuil' seuil=Cible`). */
function keywordBefore(assignment: GrammarAST.Assignment): string | undefined {
    // Up through the enclosing groups and alternatives of the rule: `'numérateur' (numerateur=Texte
    // compte? | compte)` names « numérateur » for both assignments.
    let inner: GrammarAST.AbstractElement = assignment;
    for (let outer = inner.$container; outer && !GrammarAST.isParserRule(outer); inner = outer as GrammarAST.AbstractElement, outer = outer.$container) {
        if (!GrammarAST.isGroup(outer)) continue;
        const index = outer.elements.indexOf(inner);
        for (let i = index - 1; i >= 0; i--) {
            const element = outer.elements[i];
            if (GrammarAST.isKeyword(element)) return element.value;
            if (GrammarAST.isAlternatives(element) && element.elements.every(GrammarAST.isKeyword)) {
                return (element.elements[0] as GrammarAST.Keyword).value;
            }
        }
    }
    return undefined;
}
