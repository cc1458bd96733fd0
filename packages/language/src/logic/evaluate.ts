import type { Formula, Operator, Variable } from './compile.js';

export type Value = boolean | string | number;
/** The values of some variables (a patient, possibly partial). */
export type Assignment = ReadonlyMap<string, Value>;
/** A counter-example patient: the values of the variables that matter. */
export type Witness = ReadonlyMap<string, Value>;

function compare(left: number, op: Operator, right: number): boolean {
    switch (op) {
        case '<': return left < right;
        case '<=': return left <= right;
        case '>': return left > right;
        case '>=': return left >= right;
        default: return left === right;
    }
}

/** Whether a patient meets a condition; every variable of the formula must be assigned. */
export function evaluate(formula: Formula, values: Assignment): boolean {
    switch (formula.k) {
        case 'const': return formula.value;
        case 'bool': return values.get(formula.v) === true;
        case 'eq': return values.get(formula.v) === formula.value;
        case 'cmp': {
            const value = values.get(formula.v);
            return typeof value === 'number' && compare(value, formula.op, formula.value);
        }
        case 'score': return compare(scoreValue(formula.term.lines, values), formula.op, formula.value);
        case 'and': return formula.items.every(item => evaluate(item, values));
        case 'or': return formula.items.some(item => evaluate(item, values));
        case 'not': return !evaluate(formula.item, values);
    }
}

/**
 * Whether a patient meets a condition when only some variables are assigned: `undefined` when the
 * unassigned ones could make it either true or false (a score is bounded by its undecided lines).
 */
export function evaluate3(formula: Formula, values: Assignment): boolean | undefined {
    switch (formula.k) {
        case 'const': return formula.value;
        case 'bool': { const value = values.get(formula.v); return value === undefined ? undefined : value === true; }
        case 'eq': { const value = values.get(formula.v); return value === undefined ? undefined : value === formula.value; }
        case 'cmp': {
            const value = values.get(formula.v);
            return value === undefined ? undefined : typeof value === 'number' && compare(value, formula.op, formula.value);
        }
        case 'score': {
            let low = 0, high = 0;
            for (const line of formula.term.lines) {
                const met = evaluate3(line.condition, values);
                if (met === true) { low += line.points; high += line.points; }
                else if (met === undefined) { if (line.points > 0) high += line.points; else low += line.points; }
            }
            if (formula.op === '=') return formula.value < low || formula.value > high ? false : low === high ? low === formula.value : undefined;
            // <, ≤, >, ≥ are monotone: the same answer at both bounds is the answer for every total between.
            const atLow = compare(low, formula.op, formula.value);
            return atLow === compare(high, formula.op, formula.value) ? atLow : undefined;
        }
        case 'and': {
            let unknown = false;
            for (const item of formula.items) {
                const met = evaluate3(item, values);
                if (met === false) return false;
                if (met === undefined) unknown = true;
            }
            return unknown ? undefined : true;
        }
        case 'or': {
            let unknown = false;
            for (const item of formula.items) {
                const met = evaluate3(item, values);
                if (met === true) return true;
                if (met === undefined) unknown = true;
            }
            return unknown ? undefined : false;
        }
        case 'not': { const met = evaluate3(formula.item, values); return met === undefined ? undefined : !met; }
    }
}

export function scoreValue(lines: ReadonlyArray<{ points: number; condition: Formula }>, values: Assignment): number {
    let total = 0;
    for (const line of lines) if (evaluate(line.condition, values)) total += line.points;
    return total;
}

const variablesCache = new WeakMap<Formula, ReadonlySet<string>>();

/** The variables a formula reads (through scores too). */
export function variablesOf(formula: Formula): ReadonlySet<string> {
    const known = variablesCache.get(formula);
    if (known) return known;
    const result = new Set<string>();
    const visit = (f: Formula) => {
        switch (f.k) {
            case 'bool': case 'eq': case 'cmp': result.add(f.v); break;
            case 'score': for (const line of f.term.lines) visit(line.condition); break;
            case 'and': case 'or': for (const item of f.items) visit(item); break;
            case 'not': visit(f.item); break;
        }
    };
    visit(formula);
    variablesCache.set(formula, result);
    return result;
}

/** A nice value strictly between two numbers (an integer when there is one). */
function between(low: number, high: number): number {
    const integer = Math.floor(low) + 1;
    if (integer < high) return integer;
    const tenth = Math.floor(low * 10) / 10 + 0.1;
    if (tenth < high && tenth > low) return Math.round(tenth * 10) / 10;
    return (low + high) / 2;
}

/**
 * The finite partition of a variable's domain induced by the thresholds the protocol mentions:
 * one representative value per cell (each threshold itself, and one value in each interval between
 * consecutive thresholds and beyond them, inside the plausible range). Two patients of one cell meet
 * exactly the same conditions, so checking the representatives is exact.
 */
export function cells(variable: Variable): Value[] {
    if (variable.kind === 'bool') return [false, true];
    if (variable.kind === 'enum') return [...(variable.values ?? [])];
    const low = variable.min, high = variable.max;
    const thresholds = [...variable.thresholds]
        .filter(t => (low === undefined || t >= low) && (high === undefined || t <= high))
        .sort((a, b) => a - b);
    if (thresholds.length === 0) return [low !== undefined && high !== undefined ? between(low, high) : low ?? high ?? 0];
    const result: number[] = [];
    let previous = low;
    for (const threshold of thresholds) {
        if (previous === undefined) result.push(threshold - 1);
        else if (threshold > previous) result.push(between(previous, threshold));
        result.push(threshold);
        previous = threshold;
    }
    const last = thresholds[thresholds.length - 1];
    if (high === undefined) result.push(last + (Number.isInteger(last) ? 1 : 0.5));
    else if (high > last) result.push(between(last, high));
    return [...new Set(result)];
}
