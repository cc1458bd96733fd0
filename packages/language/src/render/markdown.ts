import MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * The Markdown of the authors' prose (`"""…"""` blocks), read the same way by every renderer:
 * CommonMark with lists, emphasis, links and code; **no raw HTML** (`html: false`: markup in a
 * protocol is shown as text), no images (a document must not load remote resources), no tables
 * (kept as text, so the three formats agree), and links only to http(s) and mailto addresses
 * (any other link is shown as text).
 */
export const markdown: MarkdownIt = (() => {
    const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: false });
    md.disable(['image', 'table']);
    md.validateLink = (url: string) => isSafeLink(url);
    const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
    md.renderer.rules.link_open = (tokens, index, options, env, self) => {
        tokens[index].attrSet('rel', 'noopener noreferrer');
        return defaultLinkOpen(tokens, index, options, env, self);
    };
    return md;
})();

export function isSafeLink(url: string): boolean {
    return /^(https?:\/\/|mailto:)/i.test(url.trim());
}

/** Markdown → HTML (escaped; a single paragraph is rendered without its `<p>` when `inline`). */
export function markdownToHtml(source: string | undefined, inline = false): string {
    source ??= '';
    if (inline && !/\n\s*\n|^\s*([-+*]|\d+[.)])\s|^\s*#|^\s*>|^\s*```/m.test(source)) {
        return markdown.renderInline(source).trim();
    }
    return markdown.render(source).trim();
}

// ----- A small rich-text tree, for the PDF and DOCX renderers --------------------------------

export interface Span {
    text: string;
    bold?: boolean;
    italic?: boolean;
    code?: boolean;
    strike?: boolean;
    link?: string;
    /** A hard line break before nothing: the span ends the line. */
    lineBreak?: boolean;
}

export type RichBlock =
    | { type: 'paragraph'; spans: Span[] }
    | { type: 'heading'; level: number; spans: Span[] }
    | { type: 'list'; ordered: boolean; start: number; items: RichBlock[][] }
    | { type: 'quote'; blocks: RichBlock[] }
    | { type: 'code'; text: string }
    | { type: 'rule' };

/** Parses Markdown into blocks of styled spans. */
export function markdownToBlocks(source: string | undefined): RichBlock[] {
    const tokens = markdown.parse(source ?? '', {});
    let index = 0;

    const inline = (token: Token): Span[] => {
        const spans: Span[] = [];
        const style = { bold: 0, italic: 0, strike: 0 };
        let link: string | undefined;
        const push = (text: string, extra: Partial<Span> = {}) => {
            spans.push({
                text,
                ...(style.bold ? { bold: true } : {}),
                ...(style.italic ? { italic: true } : {}),
                ...(style.strike ? { strike: true } : {}),
                ...(link ? { link } : {}),
                ...extra
            });
        };
        for (const child of token.children ?? []) {
            switch (child.type) {
                case 'text': push(child.content); break;
                case 'code_inline': push(child.content, { code: true }); break;
                case 'softbreak': push(' '); break;
                case 'hardbreak': push('', { lineBreak: true }); break;
                case 'strong_open': style.bold++; break;
                case 'strong_close': style.bold--; break;
                case 'em_open': style.italic++; break;
                case 'em_close': style.italic--; break;
                case 's_open': style.strike++; break;
                case 's_close': style.strike--; break;
                case 'link_open': link = child.attrGet('href') ?? undefined; break;
                case 'link_close': link = undefined; break;
                default: if (child.content) push(child.content);
            }
        }
        return spans;
    };

    const blocks = (closing?: string): RichBlock[] => {
        const result: RichBlock[] = [];
        while (index < tokens.length) {
            const token = tokens[index];
            if (closing && token.type === closing) {
                index++;
                return result;
            }
            index++;
            switch (token.type) {
                case 'paragraph_open': {
                    const content = tokens[index++];
                    index++; // paragraph_close
                    result.push({ type: 'paragraph', spans: inline(content) });
                    break;
                }
                case 'heading_open': {
                    const content = tokens[index++];
                    index++;
                    result.push({ type: 'heading', level: Number(token.tag.slice(1)) || 1, spans: inline(content) });
                    break;
                }
                case 'bullet_list_open':
                case 'ordered_list_open': {
                    const ordered = token.type === 'ordered_list_open';
                    const items: RichBlock[][] = [];
                    const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
                    while (index < tokens.length && tokens[index].type !== close) {
                        if (tokens[index].type === 'list_item_open') {
                            index++;
                            items.push(blocks('list_item_close'));
                        } else {
                            index++;
                        }
                    }
                    index++;
                    result.push({ type: 'list', ordered, start: Number(token.attrGet('start') ?? 1) || 1, items });
                    break;
                }
                case 'blockquote_open':
                    result.push({ type: 'quote', blocks: blocks('blockquote_close') });
                    break;
                case 'fence':
                case 'code_block':
                    result.push({ type: 'code', text: token.content.replace(/\n$/, '') });
                    break;
                case 'hr':
                    result.push({ type: 'rule' });
                    break;
                case 'inline':
                    // Tight list items hold their inline content without a paragraph.
                    result.push({ type: 'paragraph', spans: inline(token) });
                    break;
                default:
                    break;
            }
        }
        return result;
    };

    return blocks();
}

/** A block as one line of plain text (for places that take inline text only). */
export function plainBlock(block: RichBlock): string {
    switch (block.type) {
        case 'paragraph':
        case 'heading': return block.spans.map(span => span.text).join('');
        case 'list': return block.items.map(item => item.map(plainBlock).join(' ')).join(' ; ');
        case 'quote': return block.blocks.map(plainBlock).join(' ');
        case 'code': return block.text;
        case 'rule': return '';
    }
}
