import type { Variable } from './compile.js';
import { formatValue } from './compile.js';
import type { Value, Witness } from './evaluate.js';

const HOURS_PER_DAY = 24;

/** A duration in hours, in the unit an author would say (« 3 jours », « 36 h »). */
export function formatDuration(hours: number): string {
    if (hours >= 24 * 365.25 && Number.isInteger(hours / (24 * 365.25))) return `${hours / (24 * 365.25)} an${hours / (24 * 365.25) > 1 ? 's' : ''}`;
    if (hours >= HOURS_PER_DAY * 2 && Number.isInteger(hours / HOURS_PER_DAY)) return `${hours / HOURS_PER_DAY} jours`;
    if (hours < 1) return `${formatValue(hours * 60)} min`;
    return `${formatValue(hours)} h`;
}

export function formatAge(years: number): string {
    if (years < 2) {
        const months = Math.round(years * 12 * 10) / 10;
        return `${formatValue(months)} mois`;
    }
    return `${formatValue(years)} an${years >= 2 ? 's' : ''}`;
}

export function formatVariableValue(variable: Variable, value: Value): string {
    if (typeof value === 'boolean') return value ? 'oui' : 'non';
    if (typeof value === 'string') return value;
    if (variable.dimension === 'age') return formatAge(value);
    if (variable.dimension === 'duree') return formatDuration(value);
    return `${formatValue(value)}${variable.unit ? ` ${variable.unit}` : ''}`;
}

/**
 * A patient in French, from a counter-example: « une patiente de 70 ans, bandelette positive,
 * sans fièvre ». Only `shown` variables are listed beside the sex and the age.
 */
export function describePatient(witness: Witness, variables: ReadonlyMap<string, Variable>, shown: Iterable<string>, options: { absent?: boolean } = {}): string {
    const list = [...shown];
    const absent = options.absent ?? list.length <= 4;
    const sexe = witness.get('sexe');
    let text = sexe === 'féminin' ? 'une patiente' : 'un patient';
    const age = witness.get('âge');
    if (typeof age === 'number') text += ` de ${formatAge(age)}`;
    const details: string[] = [];
    const seen = new Set<string>(['sexe', 'âge']);
    for (const id of list) {
        if (seen.has(id)) continue;
        seen.add(id);
        const variable = variables.get(id);
        const value = witness.get(id);
        if (!variable || value === undefined) continue;
        // A yes/no shows only when present (« avec fièvre »): absent ones go without saying, except the datum a message is about.
        if (typeof value === 'boolean') { if (value || absent) details.push(`${value ? 'avec' : 'sans'} ${variable.label}`); }
        else details.push(`${variable.label} ${formatVariableValue(variable, value)}`);
    }
    return details.length > 0 ? `${text}, ${details.join(', ')}` : text;
}
