import { DefaultValueConverter, GrammarAST, ValueConverter, type CstNode, type ValueType } from 'langium';
import { fold } from '../model/text.js';

/**
 * Converts token text to AST values:
 * - `Texte`: a "…" string (escapes resolved) or a """…""" block (common indentation removed,
 *   first and last empty lines dropped, every other character kept);
 * - `NOMBRE`: accepts the French decimal comma (« 2,5 h »);
 * - keyword-only datatype rules (cadre, statut, unités…): the canonical spelling, so that
 *   « etablissement » and « Établissement » both give « établissement ».
 */
export class CoopValueConverter extends DefaultValueConverter {
    private readonly canonicalKeywords = new Map<GrammarAST.AbstractRule, Map<string, string>>();

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'Texte':
            case 'Code':
                return input.startsWith('"""') ? convertTextBlock(input) : input.startsWith('"') ? ValueConverter.convertString(input) : input;
            case 'NOMBRE':
            case 'DECIMAL':
                return Number(input.replace(',', '.'));
        }
        const canonical = this.keywordsOf(rule);
        if (canonical.size > 0) {
            return canonical.get(fold(input)) ?? input;
        }
        return super.runConverter(rule, input, cstNode);
    }

    /** For a datatype rule made only of keywords: folded spelling → first (canonical) spelling. */
    private keywordsOf(rule: GrammarAST.AbstractRule): Map<string, string> {
        let map = this.canonicalKeywords.get(rule);
        if (!map) {
            map = new Map();
            if (GrammarAST.isParserRule(rule) && rule.dataType && rule.name !== 'Nom') {
                const definition = rule.definition;
                const alternatives = GrammarAST.isAlternatives(definition) ? definition.elements : [definition];
                if (alternatives.every(GrammarAST.isKeyword)) {
                    for (const keyword of alternatives as GrammarAST.Keyword[]) {
                        const key = fold(keyword.value);
                        if (!map.has(key)) map.set(key, keyword.value);
                    }
                }
            }
            this.canonicalKeywords.set(rule, map);
        }
        return map;
    }
}

/** """…""" → its content, with the indentation common to all non-empty lines removed. */
export function convertTextBlock(input: string): string {
    const lines = input.slice(3, -3).split(/\r?\n/);
    if (lines.length > 1 && lines[0].trim() === '') lines.shift();
    if (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
    const indents = lines.filter(line => line.trim() !== '').map(line => /^[ \t]*/.exec(line)![0].length);
    const common = indents.length ? Math.min(...indents) : 0;
    return lines.map(line => line.slice(Math.min(common, /^[ \t]*/.exec(line)![0].length))).join('\n');
}
