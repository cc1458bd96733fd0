import { AstUtils, CstUtils, DefaultValueConverter, GrammarAST, ValueConverter, isLeafCstNode, type CstNode, type ValueType } from 'langium';

/**
 * Converts token text to AST values:
 * - `Texte`: a "…" string (escapes resolved) or a """…""" block (common indentation removed,
 *   first and last empty lines dropped, every other character kept);
 * - `NOMBRE`: accepts the French decimal comma (« 2,5 h »);
 * - a datatype rule written as one keyword (cadre, statut, unités…): the keyword as the grammar
 *   spells it, read from the token type (the lexer folds case and accents, see CoopTokenBuilder),
 *   so that « etablissement » and « Établissement » both give « établissement ».
 */
export class CoopValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'Texte':
            case 'Code':
            case 'Numero':
                if (input.startsWith('"""')) return convertTextBlock(input);
                // An unclosed text (parser/coop-lexer.ts) has no closing quote to drop.
                if (input.startsWith('"') && (input.length === 1 || !input.endsWith('"'))) return input.slice(1);
                return input.startsWith('"') ? ValueConverter.convertString(input) : input;
            case 'NOMBRE':
            case 'DECIMAL':
                return Number(input.replace(',', '.'));
            case 'INT':
                // Digits of a number (RPPS, FINESS) keep their leading zeros.
                if (AstUtils.getContainerOfType(cstNode?.grammarSource, GrammarAST.isParserRule)?.name === 'Numero') return input;
                break;
        }
        const keyword = singleKeyword(cstNode);
        if (keyword !== undefined) return keyword;
        return super.runConverter(rule, input, cstNode);
    }
}

/** The keyword a datatype rule's node consists of (its token type is named after it), if it is one keyword. */
function singleKeyword(cstNode: CstNode | undefined): string | undefined {
    if (!cstNode) return undefined;
    let leaf: CstNode | undefined;
    for (const node of CstUtils.streamCst(cstNode)) {
        if (!isLeafCstNode(node) || node.hidden) continue;
        if (leaf) return undefined;
        leaf = node;
    }
    if (!leaf || !isLeafCstNode(leaf) || leaf.grammarSource?.$type !== 'Keyword') return undefined;
    // Keyword token types are named after the keyword as the grammar writes it (CoopTokenBuilder).
    return leaf.tokenType.name;
}

/** """…""" → its content, with the indentation common to all non-empty lines removed. */
export function convertTextBlock(input: string): string {
    const lines = input.slice(3, -3).split(/\r?\n/);
    if (lines.length > 1 && lines[0].trim() === '') lines.shift();
    if (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
    // A loop, not Math.min(...indents): with 130,000 lines the spread overflowed the call stack. The
    // RangeError, thrown while Langium's parser built the node, left its node stack one element short,
    // and surfaced as « TypeError: Cannot read properties of undefined (reading '$type') » (issue 15).
    let common = Infinity;
    for (const line of lines) {
        if (line.trim() === '') continue;
        const indent = indentOf(line);
        if (indent < common) common = indent;
    }
    if (common === Infinity) common = 0;
    return lines.map(line => line.slice(Math.min(common, indentOf(line)))).join('\n');
}

function indentOf(line: string): number {
    let i = 0;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    return i;
}
