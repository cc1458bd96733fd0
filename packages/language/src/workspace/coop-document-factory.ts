import { DefaultLangiumDocumentFactory, type AstNode, type Cancellation, type LangiumDocument, type ParseResult, type ParserOptions, type TextDocument, type URI } from 'langium';
import { checkSizeLimits, markRefused } from './size-limit.js';

/**
 * Documents are measured before they are lexed (workspace/size-limit.ts): a text over the size
 * limits never reaches Langium's lexer and parser (a 4 MB string overflows the lexer's stack, a
 * 50 MB file takes minutes). It gets an empty protocol as its syntax tree, with no syntax error,
 * and the document validator reports the ONE diagnostic that explains the refusal.
 */
export class CoopDocumentFactory extends DefaultLangiumDocumentFactory {
    protected override create<T extends AstNode = AstNode>(uri: URI, content: string | TextDocument | { $model: T }, options?: ParserOptions): LangiumDocument<T> {
        // `fromString(null)` from a client's malformed `didOpen`: an empty text, not a TypeError.
        return super.create<T>(uri, content === null || (typeof content !== 'object' && typeof content !== 'string') ? asText(content) : content, options);
    }

    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        const content = asText(text);
        return this.refused<T>(content) ?? super.parse<T>(uri, content, options);
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        const content = asText(text);
        return this.refused<T>(content) ?? super.parseAsync<T>(uri, content, cancellationToken);
    }

    private refused<T extends AstNode>(text: string): ParseResult<T> | undefined {
        const refusal = checkSizeLimits(text);
        if (!refusal) return undefined;
        const root = { $type: 'Protocole', titre: undefined, elements: [] } as unknown as T;
        markRefused(root, refusal);
        return { value: root, lexerErrors: [], parserErrors: [] };
    }
}

/** A client may send something else than a string as a document's text (`null`, a number). */
function asText(text: unknown): string {
    return typeof text === 'string' ? text : text === null || text === undefined ? '' : String(text);
}
