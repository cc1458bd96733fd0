// Delta debugging (ddmin, complements only) of a failing input: the smallest text, by lines, then
// by pieces (words, strings, punctuation), then by characters, that still shows the same cause.
import { pieces } from './mutator.js';

export type Predicate = (text: string) => Promise<boolean>;

async function ddmin(units: string[], test: Predicate, budget: { tries: number }): Promise<string[]> {
    let granularity = 2;
    while (units.length >= 2 && budget.tries > 0) {
        const chunk = Math.ceil(units.length / granularity);
        let reduced = false;
        for (let start = 0; start < units.length && budget.tries > 0; start += chunk) {
            const complement = [...units.slice(0, start), ...units.slice(start + chunk)];
            budget.tries--;
            if (await test(complement.join(''))) {
                units = complement;
                granularity = Math.max(granularity - 1, 2);
                reduced = true;
                break;
            }
        }
        if (!reduced) {
            if (granularity >= units.length) break;
            granularity = Math.min(units.length, granularity * 2);
        }
    }
    return units;
}

/** Minimises `text` while `test` holds (at most `tries` evaluations). */
export async function minimize(text: string, test: Predicate, tries = 400): Promise<string> {
    const budget = { tries };
    let current = text;
    current = (await ddmin(current.match(/[^\r\n]*(\r\n|\r|\n)|[^\r\n]+$/g) ?? [current], test, budget)).join('');
    current = (await ddmin(pieces(current), test, budget)).join('');
    current = (await ddmin([...current], test, budget)).join('');
    return current;
}
