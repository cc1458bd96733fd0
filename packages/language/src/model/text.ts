import { distance as levenshtein } from 'fastest-levenshtein';

/** Folded forms already computed: checks fold the same texts again on every keystroke. */
const folded = new Map<string, string>();
const FOLD_CACHE_SIZE = 20_000;

/** The general fold: canonical decomposition, combining accents dropped, typographic apostrophe, lower case. */
function foldAny(text: string): string {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/’/g, '\'').toLowerCase();
}

/** Each character below U+0250 (Latin scripts) folded alone, as foldAny folds it. */
const LATIN_FOLD: readonly string[] = Array.from({ length: 0x250 }, (_, code) => foldAny(String.fromCharCode(code)));
/** Other characters met, folded alone; null for those whose fold depends on their neighbours. */
const OTHER_FOLD = new Map<number, string | null>();
const MARK = /\p{M}/u;

function foldChar(code: number): string | null {
    let result = OTHER_FOLD.get(code);
    if (result === undefined) {
        const character = String.fromCharCode(code);
        // Half of a surrogate pair, capital sigma (its lower case depends on the end of the word), a combining mark.
        result = (code >= 0xd800 && code <= 0xdfff) || code === 0x3a3 || MARK.test(character) ? null : foldAny(character);
        OTHER_FOLD.set(code, result);
    }
    return result;
}

/**
 * The same fold, a character at a time after one native lower-casing, instead of normalising the
 * whole text (twice as fast on French text, which checks fold at every keystroke): undefined when a
 * character's fold depends on its neighbours (a combining accent, a capital sigma, an astral
 * character), for the general fold. test/fold.test.ts checks both agree.
 */
function foldLatin(text: string): string | undefined {
    const lower = text.toLowerCase();
    let result = '';
    let from = 0;
    for (let index = 0; index < lower.length; index++) {
        const code = lower.charCodeAt(index);
        if (code < 0x80) continue;
        const replacement = code < 0x250 ? LATIN_FOLD[code] : foldChar(code);
        if (replacement === null) return undefined;
        if (replacement.length === 1 && replacement.charCodeAt(0) === code) continue;
        result += lower.slice(from, index) + replacement;
        from = index + 1;
    }
    return from === 0 ? lower : result + lower.slice(from);
}

/** Lower-case, accent-free form of a word, used to accept « delegant » for « délégant ». */
export function fold(text: string | undefined): string {
    // A text lost to a syntax error folds to nothing.
    if (!text) return '';
    let result = folded.get(text);
    if (result === undefined) {
        result = foldLatin(text) ?? foldAny(text);
        if (folded.size >= FOLD_CACHE_SIZE) folded.clear();
        folded.set(text, result);
    }
    return result;
}

/** The candidate closest to `name` (accent- and case-insensitive), if it is close enough to be a typo. */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
    const target = fold(name);
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const folded = fold(candidate);
        const distance = folded.startsWith(target) || target.startsWith(folded) ? Math.abs(folded.length - target.length) * 0.5 : levenshtein(target, folded);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    const tolerance = Math.max(2, Math.floor(target.length / 3));
    return bestDistance <= tolerance ? best : undefined;
}
