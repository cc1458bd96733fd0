import { LangiumParserErrorMessageProvider, type LangiumCoreServices } from 'langium';
import { frameworkMessages } from '../i18n/framework-messages.js';
import { format, type LocaleSetting } from '../i18n/locale.js';
import type { CoopAddedServices } from '../coop-module.js';
import { NODE_KINDS, nodeKind } from '../model/node-kinds.js';
import { ELEMENT_KEYWORDS, SECTION_KINDS } from '../model/sections.js';
import { toPlainText } from '../model/skeleton-text.js';
import { fold, nearest } from '../model/text.js';
import type { ParserContext } from './coop-parser.js';
import { misspeltSection } from '../validation/syntax-recovery.js';
import { shortenForMessage } from '../diagnostics/message-args.js';

type MismatchOptions = Parameters<LangiumParserErrorMessageProvider['buildMismatchTokenMessage']>[0];
type TokenType = MismatchOptions['expected'];
type IToken = MismatchOptions['actual'];

/** Describes a token type the way an author reads it: « « acte » », « un texte entre guillemets "…" ». */
function describeTokenType(type: TokenType, locale: LocaleSetting): string {
    switch (type.name) {
        case 'ID': return locale.pick(frameworkMessages.tokenId);
        case 'STRING': return locale.pick(frameworkMessages.tokenString);
        case 'TEXT_BLOCK': return locale.pick(frameworkMessages.tokenTextBlock);
        case 'INT': return locale.pick(frameworkMessages.tokenInt);
        case 'DECIMAL': return locale.pick(frameworkMessages.tokenDecimal);
        case 'DATE': return locale.pick(frameworkMessages.tokenDate);
        case 'EOF': return locale.pick(frameworkMessages.endOfFile);
        default: return quote(type.name, locale);
    }
}

function describeToken(token: IToken | undefined, locale: LocaleSetting): string {
    if (!token || token.tokenType?.name === 'EOF' || token.image === undefined || token.image === '') {
        return locale.pick(frameworkMessages.endOfFile);
    }
    const image = token.image.length > 40 ? token.image.slice(0, 37) + '…' : token.image;
    return quote(image.replace(/\s+/g, ' '), locale);
}

function quote(text: string, locale: LocaleSetting): string {
    const shown = shortenForMessage(text);
    return locale.current === 'fr' ? `« ${shown} »` : `"${shown}"`;
}

/** The first token of each possible path, without duplicates, in grammar order. */
function firstTokens(paths: TokenType[][]): TokenType[] {
    const seen = new Set<string>();
    const result: TokenType[] = [];
    for (const path of paths) {
        const first = path[0];
        if (first && !seen.has(first.name)) {
            seen.add(first.name);
            result.push(first);
        }
    }
    return result;
}

function listExpected(types: TokenType[], locale: LocaleSetting): string {
    const described = types.map(type => describeTokenType(type, locale));
    const list = described.slice(0, 12).join(', ');
    return described.length > 12 ? `${list}, …` : list;
}

/** Token types that are not keywords: a name, a text, a number, a date. */
const TERMINALS: ReadonlySet<string> = new Set(['ID', 'STRING', 'TEXT_BLOCK', 'INT', 'DECIMAL', 'DATE', 'EOF']);

/** A grammar rule name as Chevrotain reports it (Langium appends a zero-width space), back to the AST type. */
function typeOfRule(rule: string): string {
    return rule.replace(/\u200B/g, '');
}

/** The construct an author is writing: the innermost rule of the stack that is a section or a named kind. */
function constructOf(ruleStack: string[]): { type: string; name: string; skeletonLines: string[] } | undefined {
    for (let i = ruleStack.length - 1; i >= 0; i--) {
        const type = typeOfRule(ruleStack[i]);
        if (type === 'Protocole') return { type, name: 'protocole', skeletonLines: [] };
        if (type === 'Bibliotheque') return { type, name: 'bibliothèque', skeletonLines: [] };
        if (type === 'Equipe') return { type, name: 'équipe', skeletonLines: [] };
        const kind = nodeKind(type);
        if (!kind || (!kind.section && !kind.name && !kind.team)) continue;
        const name = kind.section?.keyword ?? kind.team?.keyword ?? kind.label.fr.toLowerCase();
        const lines = skeletonLinesOf(type, kind.skeleton);
        return { type, name, skeletonLines: lines };
    }
    return undefined;
}

const SKELETON_LINES = new Map<string, string[]>();

/** The lines of a kind's skeleton, as plain text (computed once per kind). */
function skeletonLinesOf(type: string, skeleton: string | undefined): string[] {
    let lines = SKELETON_LINES.get(type);
    if (!lines) {
        lines = skeleton ? toPlainText(skeleton).split('\n').map(line => line.trim()).filter(line => line && line !== '}' && !line.startsWith('"""')) : [];
        SKELETON_LINES.set(type, lines);
    }
    return lines;
}

/** What the section's skeleton writes after `word` on one of its lines (« réponse » → « sous 30 min »). */
function exampleAfter(word: string, lines: string[]): string | undefined {
    const target = fold(word);
    for (const line of lines) {
        const words = line.split(/\s+/);
        const at = words.findIndex(w => fold(w) === target);
        if (at < 0 || at === words.length - 1) continue;
        const rest = words.slice(at + 1).join(' ').replace(/\s*\{$/, '');
        if (rest && !rest.startsWith('"""')) return rest.length > 50 ? rest.slice(0, 47) + '…' : rest;
    }
    return undefined;
}

/** The elements of a team file that have a skeleton, in the order of the declaration form. */
const TEAM_KINDS = NODE_KINDS.filter(kind => kind.team && kind.skeleton);

/** The lines a block accepts, from its skeleton (its first line is the header, not a statement). */
function statementExamples(construct: { type: string; skeletonLines: string[] }): string[] {
    if (construct.type === 'Protocole') return PROTOCOL_LINES();
    if (construct.type === 'Equipe') return TEAM_LINES();
    return construct.skeletonLines.slice(1);
}

/** Computed once: a garbled file of thousands of lines asks for them at each of its errors. */
function once<T>(compute: () => T): () => T {
    let value: T | undefined;
    return () => (value ??= compute());
}
const PROTOCOL_LINES = once(() => SECTION_KINDS.filter(kind => nodeKind(kind.type)?.skeleton).slice(0, 40).map(kind => toPlainText(nodeKind(kind.type)!.skeleton!).split('\n')[0].replace(/\s*\{$/, ' { … }')));
const TEAM_LINES = once(() => TEAM_KINDS.map(kind => toPlainText(kind.skeleton!).split('\n')[0].replace(/\s*\{$/, ' { … }')));

/** Parser errors in the author's language (French by default), naming what is being written and what may come next. */
export class CoopParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    private readonly locale: LocaleSetting;
    private context: ParserContext | undefined;

    constructor(services: LangiumCoreServices & CoopAddedServices) {
        super();
        this.locale = services.i18n.Locale;
    }

    /** Called by the document parser (parser/coop-parser.ts) so that messages know where they are. */
    attach(context: ParserContext): void {
        this.context = context;
    }

    private construct(ruleStack?: string[]) {
        return constructOf(ruleStack ?? this.context?.ruleStack() ?? []);
    }

    private where(construct: ReturnType<typeof constructOf>): string {
        const name = construct ? quote(construct.name, this.locale) : this.locale.pick({ fr: 'le protocole', en: 'the protocol' });
        return format(this.locale.pick(frameworkMessages.inConstruct), { construct: name });
    }

    private previous(token: IToken | undefined): string | undefined {
        if (!token || token.tokenType?.name === 'EOF' || !token.image || Number.isNaN(token.startOffset)) return undefined;
        return token.image;
    }

    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const construct = this.construct();
        const actual = describeToken(options.actual, this.locale);
        if (options.expected.name === '}' && (!options.actual || options.actual.tokenType?.name === 'EOF')) {
            return format(this.locale.pick(frameworkMessages.unclosedBlock), { construct: quote(`${construct?.name ?? ''} { … }`.trim(), this.locale) });
        }
        const expected = describeTokenType(options.expected, this.locale);
        return this.afterPrevious(construct, options.previous, expected, actual, [options.expected]);
    }

    /**
     * « Dans « disponibilité », après « réponse » : écrivez « sous 30 min » (trouvé « immédiate ») »:
     * the example comes from the section's skeleton; a choice among a few keywords lists them; a
     * name, a text or a number is named, with the example.
     */
    private afterPrevious(construct: ReturnType<typeof constructOf>, previousToken: IToken | undefined, expected: string, actual: string, types: TokenType[]): string {
        const where = this.where(construct);
        const previous = this.previous(previousToken);
        if (!previous) return format(this.locale.pick(frameworkMessages.whereExpected), { where, expected, actual });
        const found = construct ? exampleAfter(previous, construct.skeletonLines) : undefined;
        const keywords = types.every(type => !TERMINALS.has(type.name));
        let example: string | undefined;
        if (keywords && types.length > 1 && types.length <= 8) example = expected;
        else if (found && keywords) example = quote(found, this.locale);
        else if (found) {
            const short = types.length === 1 && types[0].name === 'ID' ? this.locale.pick({ fr: 'un nom', en: 'a name' }) : expected;
            example = this.locale.pick({ fr: `${short}, par exemple ${quote(found, this.locale)}`, en: `${short}, e.g. ${quote(found, this.locale)}` });
        }
        if (example) return format(this.locale.pick(frameworkMessages.afterWrite), { where, previous: quote(previous, this.locale), example, actual });
        return format(this.locale.pick(frameworkMessages.afterExpected), { where, previous: quote(previous, this.locale), expected, actual });
    }

    /** The parser stops reading after too many unreadable lines (parser/coop-parser.ts). */
    buildTooManyErrorsMessage(options: { actual: IToken; count: number }): string {
        return format(this.locale.pick(frameworkMessages.tooManyErrors), { count: options.count.toLocaleString('fr-FR'), actual: describeToken(options.actual, this.locale) });
    }

    /** A closing brace that ended the document early (parser/coop-parser.ts re-reads the text without it). */
    buildStrayBraceMessage(options: { next: IToken; construct: string }): string {
        return format(this.locale.pick(frameworkMessages.strayClosingBrace), { construct: options.construct, next: describeToken(options.next, this.locale) });
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return format(this.locale.pick(frameworkMessages.unexpectedAfterEnd), { actual: describeToken(options.firstRedundant, this.locale) });
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const expected = firstTokens(options.expectedPathsPerAlt.flat());
        return this.afterPrevious(this.construct(), options.previous, this.oneOf(expected), describeToken(options.actual[0], this.locale), expected);
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const expected = firstTokens(options.expectedIterationPaths);
        return this.afterPrevious(this.construct(), options.previous, this.oneOf(expected), describeToken(options.actual[0], this.locale), expected);
    }

    private oneOf(expected: TokenType[]): string {
        const list = listExpected(expected, this.locale);
        return expected.length > 1 ? this.locale.pick({ fr: `l'un de : ${list}`, en: `one of: ${list}` }) : list;
    }

    /** A line of a block that starts with a word no statement of the block starts with (parser/coop-parser.ts). */
    buildUnexpectedStatementMessage(options: { actual: IToken; following?: string[]; ruleStack: string[] }): string {
        const construct = this.construct(options.ruleStack);
        const actual = describeToken(options.actual, this.locale);
        const examples = construct ? statementExamples(construct) : [];
        const shown = examples.slice(0, construct?.type === 'Protocole' ? 4 : 6).map(example => quote(example, this.locale)).join(', ');
        const starts = construct?.type === 'Protocole'
            ? ELEMENT_KEYWORDS.map(kind => kind.keyword.split(/[\s']/)[0])
            : construct?.type === 'Equipe' ? TEAM_KINDS.map(kind => kind.team!.keyword)
            : examples.map(example => example.split(/\s+/)[0]);
        const section = construct?.type === 'Protocole' && options.actual?.image ? misspeltSection([options.actual.image, ...(options.following ?? [])].join(' ')) : undefined;
        const meant = section ? ELEMENT_KEYWORDS.find(kind => kind.type === section)?.keyword : options.actual?.image ? nearest(options.actual.image, starts) : undefined;
        const hint = meant && fold(meant) !== fold(options.actual.image) ? format(this.locale.pick(frameworkMessages.meantKeyword), { keyword: meant }) : '';
        if (construct?.type === 'Protocole' && hint) {
            return format(this.locale.pick(frameworkMessages.notASection), { actual }) + hint;
        }
        const message = construct?.type === 'Protocole'
            ? format(this.locale.pick(frameworkMessages.unknownSection), { actual, examples: shown })
            : format(this.locale.pick(frameworkMessages.unexpectedStatement), { where: this.where(construct), actual, examples: shown || '…' });
        return message + hint;
    }
}

/** Lexer errors (a character no token accepts) in the author's language. */
export class CoopLexerErrorMessageProvider {
    private readonly locale: LocaleSetting;

    constructor(services: LangiumCoreServices & CoopAddedServices) {
        this.locale = services.i18n.Locale;
    }

    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        if (fullText[startOffset] === '"') {
            // A quote no text token accepts: a text or a text block that is never closed.
            if (fullText.startsWith('"""', startOffset) || fullText.slice(Math.max(0, startOffset - 2), startOffset) === '""') {
                return this.locale.pick(frameworkMessages.unclosedTextBlock);
            }
            const line = fullText.slice(startOffset).split(/\r?\n/)[0];
            const shown = line.length > 30 ? line.slice(0, 29) + '…' : line;
            return format(this.locale.pick(frameworkMessages.unclosedString), { text: quote(shown, this.locale) });
        }
        return format(this.locale.pick(frameworkMessages.unexpectedCharacter), { text: fullText.substr(startOffset, length) });
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return format(this.locale.pick(frameworkMessages.unexpectedCharacter), { text: token.image });
    }
}
