import { distance as levenshtein } from 'fastest-levenshtein';

/** Folded forms already computed: checks fold the same texts again on every keystroke. */
const folded = new Map<string, string>();
const FOLD_CACHE_SIZE = 20_000;

/** Lower-case, accent-free form of a word, used to accept « delegant » for « délégant ». */
export function fold(text: string | undefined): string {
    // A text lost to a syntax error folds to nothing.
    if (!text) return '';
    let result = folded.get(text);
    if (result === undefined) {
        result = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/’/g, '\'').toLowerCase();
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
