// A document the parser cannot handle (it throws: a stack overflow in the lexer, an internal
// error of Langium's parser on a huge text block…) must not take the workspace down with it: the
// build of every document fails with it, and requests about the others wait forever. The server
// parses such a document as empty, with one French syntax error saying why, and logs the stack.
import type { AstNode, LangiumCoreServices, ParseResult } from 'langium';
import type { ParserOptions } from 'langium';

export function guardParser(services: LangiumCoreServices, log: (text: string) => void): void {
    const parser = services.parser.LangiumParser;
    const parse = parser.parse.bind(parser);
    const guarded = <T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> => {
        try {
            return parse<T>(input, options);
        } catch (error) {
            const detail = error instanceof Error ? error.message : String(error);
            log(`Analyse impossible d'un document de ${input.length} caractères : ${error instanceof Error ? error.stack ?? detail : detail}`);
            const result = parse<T>('', options);
            // No position: the validator puts the diagnostic at the start of the document.
            const nowhere = { image: '', startOffset: NaN, endOffset: NaN, startLine: NaN, startColumn: NaN, endLine: NaN, endColumn: NaN, tokenTypeIdx: -1 };
            result.parserErrors.splice(0, result.parserErrors.length, {
                name: 'CoopParserFailure',
                message: `Le document n'a pas pu être analysé (${detail}). Un bloc de texte ou une chaîne démesurés en sont souvent la cause : découpez-les. Si ce n'est pas le cas, signalez ce problème avec le fichier.`,
                token: nowhere,
                previousToken: nowhere,
                resyncedTokens: [],
                context: { ruleStack: [], ruleOccurrenceStack: [] }
            } as unknown as (typeof result.parserErrors)[number]);
            result.lexerErrors.splice(0, result.lexerErrors.length);
            return result;
        }
    };
    parser.parse = guarded;
}
