import { DefaultLangiumDocumentFactory, type AstNode, type Cancellation, type ParseResult, type ParserOptions, type URI } from 'langium';
import { checkSizeLimits, markRefused } from './size-limit.js';

/**
 * Documents are measured before they are lexed (workspace/size-limit.ts): a text over the size
 * limits never reaches Langium's lexer and parser (a 4 MB string overflows the lexer's stack, a
 * 50 MB file takes minutes). It gets an empty protocol as its syntax tree, with no syntax error,
 * and the document validator reports the ONE diagnostic that explains the refusal.
 */
export class CoopDocumentFactory extends DefaultLangiumDocumentFactory {
    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        return this.refused<T>(text) ?? super.parse<T>(uri, text, options);
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        return this.refused<T>(text) ?? super.parseAsync<T>(uri, text, cancellationToken);
    }

    private refused<T extends AstNode>(text: string): ParseResult<T> | undefined {
        // The text may come from a client that sent something else than a string.
        const refusal = checkSizeLimits(typeof text === 'string' ? text : String(text ?? ''));
        if (!refusal) return undefined;
        const root = { $type: 'Protocole', titre: undefined, elements: [] } as unknown as T;
        markRefused(root, refusal);
        return { value: root, lexerErrors: [], parserErrors: [] };
    }
}
