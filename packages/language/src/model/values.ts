import type { Localized } from '../i18n/locale.js';

/**
 * The values of a protocol that can be written but cannot be true: an impossible calendar date, a
 * number too large to be read, an age no patient has. The language diagnostics `date-invalide` and
 * `nombre-invalide` report them; renderers and editor features use the same predicates so that
 * they never show such a value raw (« Invalid time value », « Infinity »).
 */

/** A real calendar date written AAAA-MM-JJ (2023-02-30 and 1234-56-78 are not). */
export function isValidDate(date: string | undefined): date is string {
    if (!date) return false;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) return false;
    const [year, month, day] = match.slice(1).map(Number);
    const parsed = new Date(Date.UTC(year, month - 1, day));
    return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/** Above this, a number of a protocol (a duration, a count, a threshold) is a typing accident. */
export const MAX_NUMBER = 1_000_000_000;

/** The oldest age a criterion may name. */
export const MAX_AGE_YEARS = 130;

/** Years a reference may carry. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export type NumberContext = 'nombre' | 'age-ans' | 'age-mois' | 'annee';

/**
 * Why a number written in the protocol cannot be used, or undefined when it can: not a finite
 * number (too many digits), negative, above MAX_NUMBER, or out of the range of its context.
 */
export function numberProblem(value: number | undefined, context: NumberContext): Localized | undefined {
    if (value === undefined) return undefined;
    if (!Number.isFinite(value) || Math.abs(value) > MAX_NUMBER) {
        return { fr: 'ce nombre est trop grand pour être lu', en: 'this number is too large to be read' };
    }
    if (value < 0) return { fr: 'un nombre du protocole est positif', en: 'numbers of a protocol are positive' };
    switch (context) {
        case 'age-ans':
            return value > MAX_AGE_YEARS ? { fr: `un âge va de 0 à ${MAX_AGE_YEARS} ans`, en: `an age lies between 0 and ${MAX_AGE_YEARS} years` } : undefined;
        case 'age-mois':
            return value > MAX_AGE_YEARS * 12 ? { fr: `un âge va de 0 à ${MAX_AGE_YEARS * 12} mois`, en: `an age lies between 0 and ${MAX_AGE_YEARS * 12} months` } : undefined;
        case 'annee':
            return !Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR
                ? { fr: `une année va de ${MIN_YEAR} à ${MAX_YEAR}`, en: `a year lies between ${MIN_YEAR} and ${MAX_YEAR}` }
                : undefined;
        default:
            return undefined;
    }
}

/** A number that can be shown as written (finite and within MAX_NUMBER), else undefined. */
export function usableNumber(value: number | undefined): number | undefined {
    return value !== undefined && Number.isFinite(value) && Math.abs(value) <= MAX_NUMBER ? value : undefined;
}
