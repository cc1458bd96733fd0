import type { AstNode, LangiumDocument } from 'langium';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { getDefinition } from '../diagnostics/registry.js';
import { isBibliotheque, isProtocole, type ElementProtocole } from '../generated/ast.js';
import { nodeKind } from '../model/node-kinds.js';
import { ELEMENT_KEYWORDS } from '../model/sections.js';
import { fold } from '../model/text.js';
import { distance as levenshtein } from 'fastest-levenshtein';

/** Codes of the errors that say the text could not be read (the parser's and the lexer's). */
export const SYNTAX_CODES: ReadonlySet<string> = new Set(['syntaxe', 'caractere-inconnu']);

export function isSyntaxError(diagnostic: Diagnostic): boolean {
    return SYNTAX_CODES.has(String(diagnostic.code ?? ''));
}

function before(a: Position, b: Position): boolean {
    return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(range: Range, position: Position): boolean {
    return before(range.start, position) && before(position, range.end);
}

/** Each section keyword, folded, with its number of words (« gestion des risques » → 3). */
const SECTION_WORDS = ELEMENT_KEYWORDS.map(kind => {
    const keyword = fold(kind.keyword);
    return { type: kind.type, keyword, words: keyword.split(/[\s']+/).length };
});

/**
 * The section a garbled line was meant to start, when it begins with a section keyword with a typo
 * (« dispnibilité {… », « iformation du patient {… »): that section is present, only misspelt.
 * `line` is the start of the line; ties go to the keyword of more words (more evidence).
 */
export function misspeltSection(line: string): ElementProtocole['$type'] | undefined {
    const words = fold(line).trim().split(/[\s']+/).filter(word => word && word !== '{');
    if (!words[0] || words[0].length < 4) return undefined;
    let best: { type: ElementProtocole['$type']; distance: number; words: number } | undefined;
    for (const candidate of SECTION_WORDS) {
        const written = words.slice(0, candidate.words).join(' ');
        const target = candidate.keyword.split(/[\s']+/).join(' ');
        const distance = levenshtein(written, target);
        if (!best || distance < best.distance || (distance === best.distance && candidate.words > best.words)) {
            best = { type: candidate.type, distance, words: candidate.words };
        }
    }
    const tolerance = Math.max(1, Math.floor(words[0].length / 4));
    return best && best.distance > 0 && best.distance <= tolerance ? best.type : undefined;
}

/** The section a line starts with its exact keyword (« type immédiat » → TypeProtocole). */
function sectionOfLine(line: string): ElementProtocole['$type'] | undefined {
    const folded = fold(line).trim().replace(/\s+/g, ' ');
    const match = SECTION_WORDS.filter(candidate => folded === candidate.keyword || folded.startsWith(candidate.keyword + ' ') || folded.startsWith(candidate.keyword + '{'))
        .sort((a, b) => b.words - a.words)[0];
    return match?.type;
}

/**
 * After a syntax error, the tool must not pile up consequences the author cannot act on: one typo
 * gives one error. This pass, over the diagnostics of one document:
 * - attributes each syntax error to the section it sits in (`data.section`, `data.requirement`),
 *   also when the parser lost that section because its keyword itself is misspelt;
 * - holds back, while the error stands, the findings of the rules of that section's requirement
 *   (« délai de réponse absent » while « réponse … » is being written, « acte non couvert » while
 *   the formation is garbled), the findings on the garbled element, the findings of the analyses
 *   of the whole decision logic (`analysis: true`), the « … absent » findings for
 *   a section that is there but garbled, and the unknown references to the names the lost lines
 *   declare: the requirement shows « à corriger » with the syntax error instead;
 * - puts the syntax errors first.
 */
export function afterSyntaxErrors(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
    // One error a line: what follows a syntax error on its line is its consequence (a token the
    // parser inserted to go on, a name read where a keyword was expected).
    const syntaxLines = new Set<number>();
    const syntax = diagnostics.filter(isSyntaxError).filter(error => {
        if (syntaxLines.has(error.range.start.line)) return false;
        syntaxLines.add(error.range.start.line);
        return true;
    });
    if (syntax.length === 0) return diagnostics;
    const ruleStacks = parserRuleStacks(document);
    const root = document.parseResult.value;
    const elements: AstNode[] = (isProtocole(root) || isBibliotheque(root) ? root.elements as AstNode[] : []).filter(e => e.$cstNode);
    const text = document.textDocument;
    const brokenRanges: Range[] = [];
    const brokenSections = new Set<string>();
    const brokenRequirements = new Set<string>();
    const lostNames = new Set<string>();
    const lineText = (line: number) => text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    for (const error of syntax) {
        const position = error.range.start;
        const line = lineText(position.line);
        const index = elements.findIndex(e => contains(e.$cstNode!.range, position));
        let element = index >= 0 ? elements[index] : undefined;
        // The section rule the parser was in when it met the error, if any.
        let section: string | undefined = ruleStacks.get(`${position.line}:${position.character}`) ?? element?.$type;
        if (section && !element) element = elements.filter(e => e.$type === section && before(e.$cstNode!.range.start, position)).at(-1);
        if (!section) {
            const misspelt = misspeltSection(line);
            section = misspelt ?? sectionOfLine(line);
            if (misspelt) {
                // The lost line declared a name (« dlégant mg : médecin »): references to it are not the problem.
                const name = /^\s*\S+\s+([\p{L}_][\p{L}\d_-]*)/u.exec(line)?.[1];
                if (name) lostNames.add(name);
            }
        }
        if (!section) {
            element = elements.filter(e => before(e.$cstNode!.range.start, position)).at(-1);
            section = element?.$type;
        }
        if (element?.$cstNode) {
            const next = elements[elements.indexOf(element) + 1]?.$cstNode?.range.start;
            brokenRanges.push({ start: element.$cstNode.range.start, end: next ?? { line: text.lineCount, character: 0 } });
        }
        if (section) {
            brokenSections.add(section);
            const requirement = nodeKind(section)?.requirement;
            if (requirement) brokenRequirements.add(requirement);
            error.data = { ...(error.data as object ?? {}), section, ...(requirement ? { requirement } : {}) };
        }
    }
    const kept = diagnostics.filter(diagnostic => {
        if (isSyntaxError(diagnostic)) return false;
        const code = String(diagnostic.code ?? '');
        const definition = getDefinition(code);
        if (!definition) return true;
        if (definition.category === 'langage') {
            if (code !== 'reference-inconnue') return true;
            return !lostNames.has(text.getText(diagnostic.range)) && !syntaxLines.has(diagnostic.range.start.line);
        }
        if ((diagnostic.severity ?? 1) > 2) return true;
        if (definition.analysis) return false;
        const missingSection = (diagnostic.data as { section?: unknown } | undefined)?.section;
        if (typeof missingSection === 'string' && brokenSections.has(missingSection)) return false;
        if (definition.requirement && brokenRequirements.has(definition.requirement)) return false;
        return !brokenRanges.some(range => contains(range, diagnostic.range.start));
    });
    return [...syntax, ...kept];
}

/** For each parser error, by position: the innermost section rule on the parser's stack. */
function parserRuleStacks(document: LangiumDocument): Map<string, string> {
    const result = new Map<string, string>();
    for (const error of document.parseResult.parserErrors) {
        const stack = (error as { context?: { ruleStack?: string[] } }).context?.ruleStack ?? [];
        const token = error.token as { startLine?: number; startColumn?: number };
        if (!Number.isFinite(token.startLine) || !Number.isFinite(token.startColumn)) continue;
        const section = [...stack].reverse().map(rule => rule.replace(/\u200B/g, '')).find(rule => SECTION_TYPES.has(rule));
        if (section) result.set(`${token.startLine! - 1}:${token.startColumn! - 1}`, section);
    }
    return result;
}

const SECTION_TYPES: ReadonlySet<string> = new Set(ELEMENT_KEYWORDS.map(kind => kind.type));
