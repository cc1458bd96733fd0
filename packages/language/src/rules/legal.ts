/**
 * The pages of docs/legal/ (one per article of the Code de la santé publique the rules rest on, and
 * one per text that created or changed them), and how a rule's legal basis maps onto them. The rule
 * pages of docs/rules/ link them.
 */
export const LEGAL_ARTICLE_PAGES = [
    'L4011-1', 'L4011-2', 'L4011-3', 'L4011-4', 'L4011-4-1', 'L4011-4-2', 'L4011-4-3', 'L4011-4-4',
    'R4011-1', 'D4011-4', 'D4011-4-1', 'D4011-4-2'
] as const;

export const LEGAL_TEXT_PAGES = ['loi-2019-774', 'decret-2020-148', 'loi-2023-379', 'texte-2025', 'arrete-2010-07-21'] as const;

const ARTICLE = /\b([LRD])\.\s?(4011(?:-\d+)+)/g;

/**
 * The articles a legal basis cites, as page names (without `.md`), in the order of the text and
 * once each: « R.4011-1 2° a ; L.4011-2 » → R4011-1, L4011-2; a range « L.4011-4 à L.4011-4-3 »
 * cites every article of the range that has a page (L4011-4, L4011-4-1, L4011-4-2, L4011-4-3).
 * Texts that are not articles (« Modèle type de la HAS », an arrêté) cite none.
 */
export function citedArticles(legalBasis: string | undefined): string[] {
    if (!legalBasis) return [];
    const pages: readonly string[] = LEGAL_ARTICLE_PAGES;
    const result: string[] = [];
    const add = (name: string) => { if (!result.includes(name)) result.push(name); };
    let previous: { name: string; end: number } | undefined;
    for (const match of legalBasis.matchAll(ARTICLE)) {
        const name = `${match[1]}${match[2]}`;
        const between = previous ? legalBasis.slice(previous.end, match.index) : '';
        if (previous && /^\s+à\s+$/.test(between)) {
            const start = pages.indexOf(previous.name);
            const end = pages.indexOf(name);
            if (start >= 0 && end > start) pages.slice(start + 1, end).forEach(add);
        }
        add(name);
        previous = { name, end: match.index + match[0].length };
    }
    return result;
}

/** The page of an article in docs/legal/, relative to docs/rules/, or undefined when it has none. */
export function legalPageLink(article: string): string | undefined {
    return (LEGAL_ARTICLE_PAGES as readonly string[]).includes(article) ? `../legal/${article}.md` : undefined;
}

/**
 * The items of R.4011-1 a legal basis cites (« R.4011-1 2° a ; 4° a » → 2a, 4a), as the anchors of
 * docs/legal/R4011-1.md: an item written after R.4011-1 belongs to it until another article is named.
 */
export function citedR4011Items(legalBasis: string | undefined): string[] {
    if (!legalBasis) return [];
    const items: string[] = [];
    for (const part of legalBasis.split(/\b(?=[LRD]\.\s?4011)/)) {
        if (!/^R\.\s?4011-1\b/.test(part)) continue;
        for (const match of part.slice(part.indexOf('4011-1') + 6).matchAll(/(\d)°\s?([a-c](?![\p{L}]))?/gu)) {
            const anchor = `${match[1]}${match[2] ?? ''}`;
            if (!items.includes(anchor)) items.push(anchor);
        }
    }
    return items;
}
