import { LangiumCompletionParser, createParser, type LangiumCoreServices } from 'langium';

/**
 * A recognition error of the completion parser. Chevrotain recognises its errors by name (it cannot
 * use instanceof on them), so this plain object stands for MismatchedTokenException,
 * NoViableAltException and EarlyExitException: no message, no stack trace.
 */
class SilentRecognitionError {
    readonly message = '';
    readonly resyncedTokens: unknown[] = [];
    constructor(readonly name: string, readonly token: unknown, readonly previousToken: unknown) {}
}

/** Message provider for a parse whose errors nobody reads. */
const SILENT_MESSAGES = {
    buildMismatchTokenMessage: () => '',
    buildNotAllInputParsedMessage: () => '',
    buildNoViableAltMessage: () => '',
    buildEarlyExitMessage: () => ''
};

/** The recognizer methods that build an error message (the part of Chevrotain's API we replace). */
type Recognizer = {
    errorMessageProvider: typeof SILENT_MESSAGES;
    LA(offset: number): unknown;
    SAVE_ERROR(error: unknown): unknown;
    raiseNoAltException(occurrence: number, errMsgTypes: string | undefined): never;
    raiseEarlyExitException(occurrence: number, prodType: unknown, userDefinedErrMsg: string | undefined): never;
    consumeInternalError(tokType: unknown, nextToken: unknown, options: unknown): never;
};

/**
 * The parser completion runs on the text before the cursor, which is incomplete by nature: it meets a
 * syntax error at nearly every request, and nobody reads its errors. Chevrotain builds each error's
 * message eagerly — for a « no viable alternative » it first computes the lookahead paths of every
 * alternative, the costliest part of an error — and captures a stack trace. This parser skips both:
 * its errors carry no message (the document's own parser, which reports diagnostics, is unchanged).
 */
export class CoopCompletionParser extends LangiumCompletionParser {
    constructor(services: LangiumCoreServices) {
        super(services);
        silenceErrors(this.wrapper as unknown as Recognizer);
    }
}

function silenceErrors(recognizer: Recognizer): void {
    recognizer.errorMessageProvider = SILENT_MESSAGES;
    recognizer.raiseNoAltException = function (this: Recognizer) {
        throw this.SAVE_ERROR(new SilentRecognitionError('NoViableAltException', this.LA(1), this.LA(0)));
    };
    recognizer.raiseEarlyExitException = function (this: Recognizer) {
        throw this.SAVE_ERROR(new SilentRecognitionError('EarlyExitException', this.LA(1), this.LA(0)));
    };
    recognizer.consumeInternalError = function (this: Recognizer, _tokType: unknown, nextToken: unknown) {
        throw this.SAVE_ERROR(new SilentRecognitionError('MismatchedTokenException', nextToken, this.LA(0)));
    };
}

/** Builds the completion parser as Langium's createCompletionParser does, with silent errors. */
export function createCoopCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    const parser = new CoopCompletionParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
