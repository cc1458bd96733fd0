import { LangiumParserErrorMessageProvider, type LangiumCoreServices } from 'langium';
import { frameworkMessages } from '../i18n/framework-messages.js';
import { format, type LocaleSetting } from '../i18n/locale.js';
import type { CoopAddedServices } from '../coop-module.js';

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
    return locale.current === 'fr' ? `« ${text} »` : `"${text}"`;
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

/** Parser errors in the author's language (French by default). */
export class CoopParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    private readonly locale: LocaleSetting;

    constructor(services: LangiumCoreServices & CoopAddedServices) {
        super();
        this.locale = services.i18n.Locale;
    }

    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return format(this.locale.pick(frameworkMessages.expectedButFound), {
            expected: describeTokenType(options.expected, this.locale),
            actual: describeToken(options.actual, this.locale)
        });
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return format(this.locale.pick(frameworkMessages.unexpectedAfterEnd), { actual: describeToken(options.firstRedundant, this.locale) });
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const expected = firstTokens(options.expectedPathsPerAlt.flat());
        return format(this.locale.pick(frameworkMessages.expectedOneOf), {
            expected: listExpected(expected, this.locale),
            actual: describeToken(options.actual[0], this.locale)
        });
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const expected = firstTokens(options.expectedIterationPaths);
        return format(this.locale.pick(frameworkMessages.expectedOneOf), {
            expected: listExpected(expected, this.locale),
            actual: describeToken(options.actual[0], this.locale)
        });
    }
}

/** Lexer errors (a character no token accepts) in the author's language. */
export class CoopLexerErrorMessageProvider {
    private readonly locale: LocaleSetting;

    constructor(services: LangiumCoreServices & CoopAddedServices) {
        this.locale = services.i18n.Locale;
    }

    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        return format(this.locale.pick(frameworkMessages.unexpectedCharacter), { text: fullText.substr(startOffset, length) });
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return format(this.locale.pick(frameworkMessages.unexpectedCharacter), { text: token.image });
    }
}
