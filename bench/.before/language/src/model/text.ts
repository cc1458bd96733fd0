import { distance as levenshtein } from 'fastest-levenshtein';

/** Lower-case, accent-free form of a word, used to accept « delegant » for « délégant ». */
export function fold(text: string): string {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/’/g, '\'').toLowerCase();
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
