// Fixes the keyword rule of the TextMate grammar that `langium generate` writes to
// syntaxes/coop.tmLanguage.json:
// - word boundaries: Langium brackets keywords with \b / \B, which treat accented letters as
//   non-word characters: « délégué », « âge », « étape » stayed uncoloured and the « acte » of an
//   identifier « acte-bu » was coloured. Here every keyword is bracketed by look-arounds on letters
//   (any script), digits, `_` and `-`, the characters of coop names;
// - accents: the grammar writes each keyword once, accented, and the lexer also accepts it without
//   its accents (parser/coop-token-builder.ts). So does the colouring: every accented letter of a
//   keyword also matches its plain letter (« d[ée]l[ée]gant »), the apostrophe both ' and ’; case is
//   already ignored ((?i)).
//
//   node scripts/textmate.mjs [file]   rewrites the file in place (idempotent); esbuild.mjs calls it.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const NAME_CHAR = '[\\p{L}\\p{N}_\\-]';
const KEYWORD_SCOPE = /^keyword\./;

/** Keywords of a rule such as `(?i)\b(a|b)\b|\B(é)\b|…`, or undefined if it has another shape. */
function keywordsOf(match) {
    const body = match.replace(/^\(\?i\)/, '');
    const groups = [...body.matchAll(/\\[bB]\(([^()]*)\)\\[bB]/g)];
    if (groups.length === 0 || groups.map(group => group[0]).join('|') !== body) return undefined;
    return groups.flatMap(group => group[1].split('|'));
}

const escape = keyword => keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The letter without its accent (« é » → « e »), or the character itself. */
const unaccented = char => char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** A keyword's pattern accepting it with or without its accents: « délégant » → « d[ée]l[ée]gant ». */
export function accentInsensitive(keyword) {
    return [...keyword].map(char => {
        if (char === '\'' || char === '’') return '[\'’]';
        const plain = unaccented(char);
        return plain !== char && plain.length === 1 ? `[${char}${plain}]` : escape(char);
    }).join('');
}

/**
 * Returns the grammar with its keyword rules rewritten; rules already rewritten or of an
 * unknown shape are left as they are.
 * @param {{ patterns: Array<{ name?: string; match?: string }> }} grammar
 */
export function fixKeywordBoundaries(grammar) {
    return {
        ...grammar,
        patterns: grammar.patterns.map(pattern => {
            if (!pattern.match || !KEYWORD_SCOPE.test(pattern.name ?? '')) return pattern;
            const keywords = keywordsOf(pattern.match);
            if (!keywords) return pattern;
            // Longest first, so that « références » wins over « référence ».
            const sorted = [...new Set(keywords)].sort((a, b) => b.length - a.length || a.localeCompare(b));
            const caseInsensitive = pattern.match.startsWith('(?i)') ? '(?i)' : '';
            return { ...pattern, match: `${caseInsensitive}(?<!${NAME_CHAR})(?:${sorted.map(accentInsensitive).join('|')})(?!${NAME_CHAR})` };
        })
    };
}

/** Rewrites the grammar file in place; returns whether it changed. */
export function fixGrammarFile(file) {
    const text = readFileSync(file, 'utf8');
    const fixed = `${JSON.stringify(fixKeywordBoundaries(JSON.parse(text)), null, 4)}\n`;
    if (fixed === text) return false;
    writeFileSync(file, fixed);
    return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const file = process.argv[2] ?? fileURLToPath(new URL('../syntaxes/coop.tmLanguage.json', import.meta.url));
    console.log(fixGrammarFile(file) ? `textmate: ${file} fixed` : `textmate: ${file} already fixed`);
}
