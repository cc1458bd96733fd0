import { DefaultTokenBuilder, GrammarAST, type LangiumParserErrorMessageProvider } from 'langium';

/** Chevrotain's token type, as Langium's API exposes it (chevrotain is not a direct dependency). */
type TokenType = Parameters<LangiumParserErrorMessageProvider['buildMismatchTokenMessage']>[0]['expected'];

/**
 * Keywords that may NOT serve as names (the other word keywords may: « acte age … », « réaliser
 * decision »). A keyword is structural when accepting it as an identifier makes the grammar ambiguous,
 * i.e. when a keyword and a name may start the same position:
 *
 * - `urgences`, `samu`: after `orienter vers` (Orienter) and after a reorientation's `vers`
 *   (SituationReorientation), the grammar accepts either a délégant (a name) or an external
 *   destination (`urgences`, `samu`, "…"). If these two words were names, « orienter vers urgences »
 *   could mean a délégant called urgences.
 *
 * Every other place where the grammar reads an ID offers no choice between that ID and a word keyword:
 * - a declared name or a reference right after its keyword (`acte <nom>`, `réaliser <acte>`,
 *   `par <délégué>, …`, `aller à <étape>`, `: <profession>`…) is mandatory, one token, so consuming
 *   it is never a decision; what follows it (a text, `:`, `,`, `{`, the next element) does not
 *   start with an ID;
 * - the optional name of a decision tree (`parcours <nom>? <texte>? {`) competes only with a text
 *   and `{`; a rule code (`identifiant`, `ignorer`) is an ID or a text.
 * packages/language/test/keywords.test.ts pins this list, checks that every other word keyword is
 * accepted as a declared name and as a reference, and that a structural keyword stays the keyword.
 * Keywords that are not words (`{`, `<=`, `%`, « d'information ») never match the identifier pattern
 * and are not names.
 */
export const STRUCTURAL_KEYWORDS: readonly string[] = ['samu', 'urgences'];

/** The name of the identifier terminal, the category of every non-structural word keyword. */
const ID = 'ID';

/** The spellings a character of a keyword accepts: itself, its unaccented letter, in both cases. */
function characterClass(char: string): string {
    const variants = new Set<string>();
    const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    for (const form of [char, base]) {
        variants.add(form);
        variants.add(form.toLowerCase());
        variants.add(form.toUpperCase());
    }
    if (char === '\'' || char === '’') {
        variants.add('\'');
        variants.add('’');
    }
    // Only single characters (« ß ».toUpperCase() is « SS »; none of our keywords has one, but stay exact).
    const singles = [...variants].filter(variant => [...variant].length === 1);
    if (singles.length === 1) return escapeRegExpChar(singles[0]);
    return `[${singles.map(escapeClassChar).join('')}]`;
}

function escapeRegExpChar(char: string): string {
    return /[.*+?^${}()|[\]\\/-]/.test(char) ? `\\${char}` : char;
}

function escapeClassChar(char: string): string {
    return /[\]\\^-]/.test(char) ? `\\${char}` : char;
}

/**
 * The lexer pattern of a keyword: any case, and every accented letter also without its accent
 * (`délégant` matches « délégant », « delegant », « DÉLÉGANT », « Delegant »), the typographic
 * apostrophe for the straight one. The grammar therefore writes each keyword once, accented.
 */
export function keywordPattern(keyword: string): RegExp {
    return new RegExp([...keyword].map(characterClass).join(''));
}

/**
 * Tokens of the coop language:
 * - one token per keyword whose pattern folds case and accents (see keywordPattern);
 * - every word keyword except the STRUCTURAL_KEYWORDS is also an identifier: its token type is in the
 *   category of the ID terminal, so wherever the grammar expects a name or a reference (`name=ID`,
 *   `[Acte:ID]`) the parser accepts it, and wherever it expects the keyword it is the keyword;
 * - a keyword followed by more identifier characters is an identifier (`acte-bu`, `actes`): the
 *   ID terminal is each keyword's longer alternative, as in Langium.
 */
export class CoopTokenBuilder extends DefaultTokenBuilder {
    protected override buildKeywordToken(keyword: GrammarAST.Keyword, terminalTokens: TokenType[], caseInsensitive: boolean): TokenType {
        const token = super.buildKeywordToken(keyword, terminalTokens, caseInsensitive);
        const id = terminalTokens.find(terminal => terminal.name === ID);
        if (id && id.PATTERN instanceof RegExp && isWholeMatch(id.PATTERN, keyword.value) && !STRUCTURAL_KEYWORDS.includes(keyword.value)) {
            token.CATEGORIES = [id];
        }
        return token;
    }

    protected override buildKeywordPattern(keyword: GrammarAST.Keyword, caseInsensitive: boolean): NonNullable<TokenType['PATTERN']> {
        return caseInsensitive ? keywordPattern(keyword.value) : super.buildKeywordPattern(keyword, caseInsensitive);
    }
}

function isWholeMatch(pattern: RegExp, text: string): boolean {
    return new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, '')).test(text);
}
