import { LangiumParser, createParser, type AstNode, type GrammarAST, type LangiumCoreServices, type Lexer, type ParseResult, type TokenizeOptions } from 'langium';
import type { LocaleSetting } from '../i18n/locale.js';

/** The part of Chevrotain's recognizer the block recovery reads (the wrapper exposes it at run time). */
interface Recognizer {
    input: Token[];
    currIdx: number;
    errorMessageProvider: unknown;
    LA(offset: number): Token;
    SKIP_TOKEN(): Token;
    SAVE_ERROR(error: unknown): unknown;
    isBackTracking(): boolean;
    getHumanReadableRuleStack(): string[];
    attemptInRepetitionRecovery(...args: unknown[]): void;
    findReSyncTokenType(): unknown;
    flattenFollowSet(): unknown[];
    tokenMatcher(token: Token, type: unknown): boolean;
}

/** What the error messages may ask the parser: where the error is (see coop-error-messages.ts). */
export interface ParserContext {
    /** Rule names from the document down to the rule being parsed. */
    ruleStack(): string[];
}

interface Token {
    image: string;
    startOffset: number;
    startLine?: number;
    endLine?: number;
    startColumn?: number;
    tokenType: { name: string };
}

const RECOGNITION_ERRORS = new Set(['MismatchedTokenException', 'NoViableAltException', 'EarlyExitException', 'NotAllInputParsedException']);

function isRecognitionError(error: unknown): boolean {
    return typeof error === 'object' && error !== null && RECOGNITION_ERRORS.has((error as { name?: string }).name ?? '');
}

/**
 * Langium's parser with a recovery suited to a language of blocks written one statement a line.
 *
 * Chevrotain's own recovery, when a statement inside a block is garbled (« réponse immédiate » in
 * « disponibilité { … } »), leaves the rule and re-synchronises on the first token that may follow
 * it: the block's own closing brace, which the enclosing protocol then takes for its end. Every
 * section after it is lost and reported absent. Here, an error inside one iteration of a
 * repetition that sits in an open block skips only the rest of that statement — up to the next
 * line at the same brace depth, or up to the block's closing brace — and the block goes on. The
 * error itself has already been recorded by Chevrotain, once.
 */
export class CoopParser extends LangiumParser {
    /** Index of the last consumed token when each rule on the stack started. */
    private readonly ruleStarts: number[] = [];
    /** For each repetition being parsed: is it the statement loop of a block (it follows « { »)? */
    private readonly blockLoops: boolean[] = [];

    private get recognizer(): Recognizer {
        return this.wrapper as unknown as Recognizer;
    }

    /**
     * Installs the block recovery on Chevrotain's recognizer: inside a block, a statement that no
     * alternative accepts (a misspelt keyword) is skipped alone by `many` below, instead of
     * Chevrotain's in-repetition recovery, which skips up to the first closing brace.
     */
    installRecovery(): void {
        const recognizer = this.recognizer;
        const original = recognizer.attemptInRepetitionRecovery;
        recognizer.attemptInRepetitionRecovery = (...args: unknown[]) => {
            if (!this.isRecording() && this.blockLoops.at(-1) === true) return;
            original.apply(recognizer, args);
        };
        // Re-synchronisation after an error in a rule: a brace met on the way opens a block whose
        // tokens (and closing brace) belong to the garbled statement, never to an enclosing rule.
        recognizer.findReSyncTokenType = () => {
            const follows = recognizer.flattenFollowSet();
            let depth = 0;
            for (let k = 1; ; k++) {
                const token = recognizer.LA(k);
                const name = token.tokenType.name;
                if (name === 'EOF') return follows.find(type => recognizer.tokenMatcher(token, type)) ?? follows[0];
                if (name === '}' && depth > 0) { depth--; continue; }
                if (depth === 0) {
                    const found = follows.find(type => recognizer.tokenMatcher(token, type));
                    if (found !== undefined) return found;
                }
                if (name === '{') depth++;
            }
        };
    }

    /** Unreadable lines reported in the current parse (see giveUp). */
    private unexpectedStatements = 0;

    /** Set by createCoopParser: the language of the stray-brace message. */
    locale: LocaleSetting | undefined;

    /**
     * A closing brace too many between two statements of the document (« } » left over after
     * moving a section) ends the document there: everything after it would be one « texte
     * inattendu » and every later section reported absent. When the text after the early end
     * starts a statement, the document is read again without that brace; if that reading has
     * fewer errors, it is kept, with one error on the brace, and nothing after it is lost.
     */
    override parse<T extends AstNode = AstNode>(input: string, options?: Parameters<LangiumParser['parse']>[1]): ParseResult<T> {
        this.unexpectedStatements = 0;
        const first = super.parse<T>(input, options);
        const early = first.parserErrors.find(error => error.name === 'NotAllInputParsedException');
        if (!early || early.token.tokenType?.name === '}' || options?.rule) return first;
        const tokens = this.lexer.tokenize(input).tokens;
        const at = tokens.findIndex(token => token.startOffset === early.token.startOffset);
        const stray = at > 0 ? tokens[at - 1] : undefined;
        if (!stray || stray.tokenType.name !== '}') return first;
        const lexer = this.lexer as { tokenize: Lexer['tokenize'] };
        const tokenize = lexer.tokenize;
        lexer.tokenize = (text: string, tokenizeOptions?: TokenizeOptions) => {
            const result = tokenize.call(this.lexer, text, tokenizeOptions);
            return { ...result, tokens: result.tokens.filter(token => token.startOffset !== stray.startOffset) };
        };
        let second: ParseResult<T>;
        try {
            this.unexpectedStatements = 0;
            second = super.parse<T>(input, options);
        } finally {
            lexer.tokenize = tokenize;
        }
        if (second.parserErrors.some(error => error.name === 'NotAllInputParsedException') || second.parserErrors.length >= first.parserErrors.length) return first;
        const provider = this.recognizer.errorMessageProvider as { buildStrayBraceMessage?: (options: { next: unknown; construct: string }) => string };
        const construct = this.pick(ROOT_NAMES[(second.value as AstNode).$type] ?? ROOT_NAMES.Document);
        second.parserErrors.push({
            name: 'MismatchedTokenException', message: provider.buildStrayBraceMessage?.({ next: early.token, construct }) ?? '« } »',
            token: stray, previousToken: tokens[at - 2], resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] }
        } as unknown as ParseResult['parserErrors'][number]);
        return second;
    }

    private pick(text: { fr: string; en: string }): string {
        return this.locale ? this.locale.pick(text) : text.fr;
    }

    readonly context: ParserContext = {
        ruleStack: () => this.recognizer.getHumanReadableRuleStack()
    };

    override rule(rule: GrammarAST.ParserRule | GrammarAST.InfixRule, impl: Parameters<LangiumParser['rule']>[1]): ReturnType<LangiumParser['rule']> {
        return super.rule(rule, (args) => {
            if (this.isRecording()) return impl(args);
            this.ruleStarts.push(this.recognizer.currIdx);
            try {
                return impl(args);
            } finally {
                this.ruleStarts.pop();
            }
        });
    }

    override many(idx: number, callback: Parameters<LangiumParser['many']>[1]): void {
        if (this.isRecording()) {
            super.many(idx, callback);
            return;
        }
        const blockLoop = this.recognizer.LA(0)?.tokenType?.name === '{';
        if (!blockLoop) {
            this.blockLoops.push(false);
            try {
                super.many(idx, callback);
            } finally {
                this.blockLoops.pop();
            }
            return;
        }
        const iteration = typeof callback === 'function' ? callback : callback.DEF;
        const recovering = () => {
            const ruleStart = this.ruleStarts.at(-1) ?? -1;
            const column = this.recognizer.LA(1).startColumn;
            try {
                iteration.call(this);
            } catch (error) {
                if (!isRecognitionError(error) || this.recognizer.isBackTracking() || this.openBraces(ruleStart) <= 0) throw error;
                this.skipStatement(column);
            }
        };
        const options = (typeof callback === 'function' ? recovering : { ...callback, DEF: recovering }) as Parameters<LangiumParser['many']>[1];
        this.blockLoops.push(true);
        try {
            super.many(idx, options);
            // The loop stopped on a token that starts no statement of the block: unless it is the
            // block's end, report it once, skip that statement alone and go on with the block.
            for (let guard = 0; guard < 10_000 && !this.recognizer.isBackTracking(); guard++) {
                const next = this.recognizer.LA(1);
                const name = next.tokenType.name;
                if (name === 'EOF' || name === '}') return;
                if (++this.unexpectedStatements > MAX_UNEXPECTED_STATEMENTS) {
                    this.giveUp(next);
                    return;
                }
                this.reportUnexpectedStatement(next);
                const before = this.recognizer.currIdx;
                this.recognizer.SKIP_TOKEN();
                this.skipStatement(next.startColumn);
                if (this.recognizer.currIdx === before) return;
                super.many(idx, options);
            }
        } finally {
            this.blockLoops.pop();
        }
    }

    /**
     * Past MAX_UNEXPECTED_STATEMENTS unreadable lines the text is not a protocol being written (a
     * pasted file, a binary): one last error says the reading stops there, and the rest is skipped.
     * Ten thousand errors took a second to parse and another to check, for nobody to read them.
     */
    private giveUp(token: Token): void {
        const recognizer = this.recognizer;
        const provider = recognizer.errorMessageProvider as { buildTooManyErrorsMessage?: (options: { actual: Token; count: number }) => string };
        recognizer.SAVE_ERROR({
            name: 'MismatchedTokenException', message: provider.buildTooManyErrorsMessage?.({ actual: token, count: MAX_UNEXPECTED_STATEMENTS }) ?? '…',
            token, previousToken: recognizer.LA(0), resyncedTokens: [], context: { ruleStack: recognizer.getHumanReadableRuleStack(), ruleOccurrenceStack: [] }
        });
        while (recognizer.LA(1).tokenType.name !== 'EOF') recognizer.SKIP_TOKEN();
    }

    private reportUnexpectedStatement(token: Token): void {
        const recognizer = this.recognizer;
        const provider = recognizer.errorMessageProvider as { buildUnexpectedStatementMessage?: (options: { actual: Token; following: string[]; ruleStack: string[] }) => string };
        const line = [2, 3, 4].map(k => recognizer.LA(k)).filter(t => t.startLine === token.startLine).map(t => t.image);
        const message = provider.buildUnexpectedStatementMessage?.({ actual: token, following: line, ruleStack: recognizer.getHumanReadableRuleStack() }) ?? `« ${token.image} »`;
        recognizer.SAVE_ERROR({
            name: 'MismatchedTokenException', message, token, previousToken: recognizer.LA(0), resyncedTokens: [],
            context: { ruleStack: recognizer.getHumanReadableRuleStack(), ruleOccurrenceStack: [] }
        });
    }

    /** Braces the current rule opened and has not closed yet. */
    private openBraces(ruleStart: number): number {
        const { input, currIdx } = this.recognizer;
        let depth = 0;
        for (let i = Math.max(ruleStart + 1, 0); i <= currIdx && i < input.length; i++) {
            const name = input[i].tokenType.name;
            if (name === '{') depth++;
            else if (name === '}') depth--;
        }
        return depth;
    }

    /**
     * Skips the rest of a garbled statement: tokens up to the first one that starts a new line at
     * the statement's brace depth (the next statement), or up to the closing brace of the block
     * (left for the block to consume), or the end of the file.
     */
    private skipStatement(column: number | undefined): void {
        const recognizer = this.recognizer;
        let depth = 0;
        let previous: Token | undefined = recognizer.LA(0);
        for (;;) {
            const next = recognizer.LA(1);
            const name = next.tokenType.name;
            if (name === 'EOF') return;
            if (depth === 0 && name === '}') return;
            const newLine = previous?.endLine !== undefined && next.startLine !== undefined && next.startLine > previous.endLine;
            // A line indented deeper than the statement continues it (« auteur "HAS" » under « référence … »).
            const continued = column !== undefined && next.startColumn !== undefined && next.startColumn > column;
            if (depth === 0 && newLine && name !== '{' && !continued) return;
            if (name === '{') depth++;
            else if (name === '}') depth--;
            previous = next;
            recognizer.SKIP_TOKEN();
        }
    }
}

/** Unreadable lines reported before the parser stops reading (documented in docs/design.md). */
export const MAX_UNEXPECTED_STATEMENTS = 500;

/** What a stray closing brace ends early, by the document's kind. */
const ROOT_NAMES: Record<string, { fr: string; en: string }> = {
    Protocole: { fr: 'le protocole', en: 'the protocol' },
    Bibliotheque: { fr: 'la bibliothèque', en: 'the library' },
    Catalogue: { fr: 'le catalogue', en: 'the catalogue' },
    Cas: { fr: 'le cas', en: 'the case' },
    Equipe: { fr: 'la déclaration d\'équipe', en: 'the team declaration' },
    Document: { fr: 'le document', en: 'the document' }
};

/** Builds the document parser as Langium's createLangiumParser does, with the block recovery. */
export function createCoopParser(services: LangiumCoreServices): LangiumParser {
    const parser = new CoopParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    parser.installRecovery();
    parser.locale = (services as Partial<{ i18n: { Locale: LocaleSetting } }>).i18n?.Locale;
    const messages = services.parser.ParserErrorMessageProvider as { attach?: (context: ParserContext) => void };
    messages.attach?.(parser.context);
    return parser;
}
