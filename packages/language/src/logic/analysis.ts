import {
    isAllerA, isParcours, isOrienter, isRealiser, isScore,
    type Acte, type Action, type Critere, type Etape, type Parcours, type Protocole, type Situation
} from '../generated/ast.js';
import { protocolModel, writesDerogatoire } from '../model/protocol-model.js';
import { LogicCompiler, not, or, type Formula, type Variable } from './compile.js';
import { cells, evaluate, evaluate3, variablesOf, type Value, type Witness } from './evaluate.js';

export type { Witness };

/**
 * Past this number of patient combinations for one step (or one group of criteria), the analysis
 * stops there and reports « trop de combinaisons pour vérifier » (rule `trop-de-combinaisons`): the
 * checks run on every keystroke and must never hang. 20 000 combinations take a few milliseconds.
 */
export const MAX_COMBINATIONS = 20_000;


export interface DeadSituation {
    readonly situation: Situation;
    /** `covered`: every patient it applies to is caught by an earlier situation; `impossible`: it applies to no patient reaching the step. */
    readonly reason: 'covered' | 'impossible' | 'unreached';
    /** For `covered`: one patient it applies to and the earlier situation that takes it. */
    readonly witness?: Witness;
    readonly before?: Situation;
}

export interface StepAnalysis {
    readonly etape: Etape;
    /** Every `si` of the step is an expression: gaps, dead situations and overlaps are checked. */
    readonly structured: boolean;
    /** The analysis stopped before this step (too many combinations here or upstream). */
    readonly skipped?: 'too-many' | 'upstream';
    readonly combinations: number;
    readonly variables: readonly string[];
    readonly gap?: Witness;
    readonly dead: DeadSituation[];
    /**
     * Two situations applying to one patient, the first one winning. Not reported when the first
     * refers the patient (« orienter vers … »): putting the most prudent referral first is the
     * intended reading of a triage step, not an oversight.
     */
    readonly overlaps: Array<{ first: Situation; second: Situation; witness: Witness }>;
    /** A patient meeting an exclusion criterion reaches a derogating act here. */
    readonly excluded: Array<{ situation: Situation; acte: Acte; witness: Witness }>;
}

export interface CriteriaAnalysis {
    /** No patient meets the inclusion criteria together (undefined: not checked). */
    readonly inclusionImpossible?: boolean;
    /** Exclusion criteria that remove every included patient, with one included patient for the message. */
    readonly totalExclusions: Array<{ critere: Critere; witness?: Witness }>;
    readonly tooMany: boolean;
}

export interface LogicAnalysis {
    readonly compiler: LogicCompiler;
    readonly steps: Map<Etape, StepAnalysis>;
    readonly criteria: CriteriaAnalysis;
    /** Situation conditions and criteria written in prose: points a reviewer must read. */
    readonly proseSituations: Situation[];
    readonly structuredSituations: number;
    /** Milliseconds spent per analysed step (benchmark). */
    readonly timings: number[];
}

interface State {
    readonly values: Map<string, Value>;
    /** The patient so far, as a chain (copying it at every step would cost the depth of the tree). */
    readonly witness: WitnessChain;
    /** A prose condition was read on the way: a finding on this path is the reviewer's, not the tool's. */
    readonly prose: boolean;
}

export function nextStep(action: Action | undefined): Etape | undefined {
    if (isAllerA(action)) return action.etape?.ref;
    if (isRealiser(action) && isAllerA(action.suite)) return action.suite.etape?.ref;
    return undefined;
}

function derogatoryAct(action: Action | undefined): Acte | undefined {
    if (!isRealiser(action)) return undefined;
    const acte = action.acte?.ref;
    return acte && !acte.nonDerogatoire && (acte.articles.length > 0 || writesDerogatoire(acte)) ? acte : undefined;
}

export function actionKey(action: Action | undefined): string {
    return action?.$cstNode?.text.replace(/\s+/g, ' ') ?? '';
}

const cache = new WeakMap<Protocole, LogicAnalysis>();

/** The analysis of a protocol's criteria and decision trees, computed once per parsed protocol. */
export function logicAnalysis(protocole: Protocole): LogicAnalysis {
    let analysis = cache.get(protocole);
    if (!analysis) {
        analysis = analyse(protocole);
        cache.set(protocole, analysis);
    }
    return analysis;
}

/** Situation formulas of a step: `undefined` for « sinon ». */
export function situationFormula(compiler: LogicCompiler, situation: Situation): Formula | undefined {
    if (situation.sinon) return undefined;
    return situation.expression ? compiler.expression(situation.expression) : compiler.condition(undefined, situation.condition ?? '', situation);
}

/** A patient built step by step: the values given at one step, after those of the steps before. */
interface WitnessChain {
    readonly parent?: WitnessChain;
    readonly values: ReadonlyMap<string, Value>;
}

/** The patient of a chain as one map, in the order its values were given. */
function materialize(chain: WitnessChain): Map<string, Value> {
    const links: WitnessChain[] = [];
    for (let link: WitnessChain | undefined = chain; link; link = link.parent) links.push(link);
    const witness = new Map<string, Value>();
    for (let index = links.length - 1; index >= 0; index--) for (const [id, value] of links[index].values) witness.set(id, value);
    return witness;
}

function key(values: Map<string, Value>, prose: boolean): string {
    let text = prose ? 'p' : '';
    for (const id of [...values.keys()].sort()) text += `|${id}=${String(values.get(id))}`;
    return text;
}

/** All the ways to give a value to `missing`, applied to `base`; undefined past `budget`. */
function extend(base: State, missing: Variable[], budget: number): State[] | undefined {
    let count = 1;
    const domains = missing.map(variable => cells(variable));
    for (const domain of domains) count *= domain.length;
    if (count > budget) return undefined;
    const result: State[] = [];
    const values = new Map(base.values), witness = new Map<string, Value>();
    const fill = (index: number) => {
        if (index === missing.length) {
            result.push({ values: new Map(values), witness: { parent: base.witness, values: new Map(witness) }, prose: base.prose });
            return;
        }
        for (const value of domains[index]) {
            values.set(missing[index].id, value);
            witness.set(missing[index].id, value);
            fill(index + 1);
        }
    };
    fill(0);
    return result;
}

/**
 * The same analysis by full enumeration of the patients, without the pruning: for the tests that
 * check the pruning changes no finding (not cached).
 */
export function exhaustiveLogicAnalysis(protocole: Protocole): LogicAnalysis {
    return analyse(protocole, true);
}

function analyse(protocole: Protocole, exhaustive = false): LogicAnalysis {
    const compiler = new LogicCompiler(protocole);
    const model = protocolModel(protocole);
    const etapes = model.etapes;
    const formulas = new Map<Situation, Formula | undefined>();
    const proseSituations: Situation[] = [];
    let structuredSituations = 0;
    for (const etape of etapes) {
        for (const situation of etape.situations) {
            formulas.set(situation, situationFormula(compiler, situation));
            if (!situation.sinon && situation.expression === undefined) proseSituations.push(situation);
            else if (!situation.sinon) structuredSituations++;
        }
    }
    // Every criterion and score is read once, so that their type problems are reported even unused.
    for (const critere of compiler.criteres) compiler.criterion(critere);
    for (const element of protocole.elements) if (isScore(element)) compiler.score(element);
    const inclusion = compiler.inclusion();
    // The exclusion criteria (and the inclusions scoped to a tree or an act) are read wherever a
    // derogating act may be reached: their variables are given at the entry and kept all along.
    const everyExclusion = or([compiler.anyCriterion('exclusion', 'all'), ...compiler.criteres.filter(c => c.nature === 'inclusion' && c.portee).map(c => compiler.criterion(c))]);
    const exclusionVariables = variablesOf(everyExclusion);
    // Who must not receive an act: a global exclusion, or one scoped to the act or its tree, or a
    // patient outside the inclusion criteria scoped to them (one formula per act and tree).
    const excludedFormulas = new Map<Acte, Map<Parcours | undefined, Formula>>();
    const excludedFor = (acte: Acte, parcours: Parcours | undefined): Formula => {
        let byTree = excludedFormulas.get(acte);
        if (!byTree) { byTree = new Map(); excludedFormulas.set(acte, byTree); }
        let formula = byTree.get(parcours);
        if (!formula) {
            const scope = { acte, parcours };
            formula = compiler.scoped ? or([compiler.anyCriterion('exclusion', scope), not(compiler.scopedInclusion(scope))]) : compiler.anyCriterion('exclusion');
            byTree.set(parcours, formula);
        }
        return formula;
    };
    const variable = (id: string) => compiler.variables.get(id)!;

    // Forward edges in depth-first order from the entry step of each tree; back edges (loops) ignored.
    const order: Etape[] = [];
    const successors = new Map<Etape, Etape[]>();
    const state = new Map<Etape, 'open' | 'done'>();
    const entries = model.parcours.map(parcours => parcours.etapes[0]).filter(etape => etape !== undefined);
    const visit = (etape: Etape) => {
        state.set(etape, 'open');
        const next: Etape[] = [];
        for (const situation of etape.situations) {
            const target = nextStep(situation.action);
            if (target && state.get(target) !== 'open') {
                next.push(target);
                if (!state.has(target)) visit(target);
            }
        }
        successors.set(etape, next);
        state.set(etape, 'done');
        order.push(etape);
    };
    for (const entry of entries) if (!state.has(entry)) visit(entry);
    order.reverse(); // topological order of the forward edges

    // Variables still read at or after each step (the exclusion criteria's are read everywhere).
    const own = new Map<Etape, Set<string>>();
    for (const etape of order) {
        const set = new Set<string>();
        for (const situation of etape.situations) {
            const formula = formulas.get(situation);
            if (formula) for (const id of variablesOf(formula)) set.add(id);
        }
        own.set(etape, set);
    }
    const live = new Map<Etape, Set<string>>();
    for (let index = order.length - 1; index >= 0; index--) {
        const etape = order[index];
        const set = new Set<string>([...own.get(etape)!, ...exclusionVariables]);
        for (const next of successors.get(etape) ?? []) for (const id of live.get(next) ?? []) set.add(id);
        live.set(etape, set);
    }

    const incoming = new Map<Etape, Map<string, State>>();
    const blocked = new Set<Etape>();
    const push = (etape: Etape, from: State) => {
        const keep = live.get(etape)!;
        const values = new Map<string, Value>();
        for (const [id, value] of from.values) if (keep.has(id)) values.set(id, value);
        const projected: State = { values, witness: from.witness, prose: from.prose };
        let states = incoming.get(etape);
        if (!states) { states = new Map(); incoming.set(etape, states); }
        const k = key(values, from.prose);
        if (!states.has(k)) states.set(k, projected);
    };

    // Entry: included patients, with the exclusion criteria's variables assigned.
    const entryVariables = [...new Set([...variablesOf(inclusion), ...exclusionVariables])].map(variable);
    const entryStates = extend({ values: new Map(), witness: { values: new Map() }, prose: false }, entryVariables, MAX_COMBINATIONS)
        ?.filter(s => evaluate(inclusion, s.values));
    for (const entry of entries) {
        if (entryStates) for (const s of entryStates) push(entry, s);
        else blocked.add(entry);
    }

    const steps = new Map<Etape, StepAnalysis>();
    const timings: number[] = [];
    for (const etape of order) {
        const started = performance.now();
        const structured = etape.situations.every(situation => situation.sinon || situation.expression !== undefined);
        const needed = [...own.get(etape)!];
        const skip = (skipped: 'too-many' | 'upstream', combinations = 0) => {
            steps.set(etape, { etape, structured, skipped, combinations, variables: needed, dead: [], overlaps: [], excluded: [] });
            for (const next of successors.get(etape) ?? []) blocked.add(next);
        };
        if (blocked.has(etape)) { skip('upstream'); continue; }
        const states = [...(incoming.get(etape)?.values() ?? [])];
        // Count the patients first: each incoming one, expanded over the step's variables not fixed yet.
        let total = 0;
        const plans = states.map(state => {
            const missing = needed.filter(id => !state.values.has(id)).map(variable);
            const domains = missing.map(v => cells(v));
            total += domains.reduce((product, domain) => product * domain.length, 1);
            return { state, missing, domains };
        });
        if (total > MAX_COMBINATIONS) { skip('too-many', MAX_COMBINATIONS); timings.push(performance.now() - started); continue; }

        const situations = etape.situations;
        const parcoursOf = isParcours(etape.$container) ? etape.$container : undefined;
        const actionKeys = situations.map(situation => actionKey(situation.action));
        const referral = situations.map(situation => isOrienter(situation.action));
        const prosaic = situations.map(situation => !situation.sinon && situation.expression === undefined);
        const stepFormulas = situations.map(situation => formulas.get(situation));
        const firstCount = new Array<number>(situations.length).fill(0);
        const matchWitness = new Array<Witness | undefined>(situations.length);
        const coveredBy = new Array<Situation | undefined>(situations.length);
        let gap: Witness | undefined;
        const overlaps = new Map<string, { first: Situation; second: Situation; witness: Witness }>();
        const excluded = new Map<Situation, { situation: Situation; acte: Acte; witness: Witness }>();
        const nextKeys = new Map<Etape, string[]>();
        // What the pruning reads: the situations reading each variable, the variables later steps read.
        const readers = new Map<string, Formula[]>();
        for (const formula of stepFormulas) {
            if (formula) for (const id of variablesOf(formula)) readers.set(id, [...(readers.get(id) ?? []), formula]);
        }
        const liveAfter = (successors.get(etape) ?? []).map(next => live.get(next)!);
        let expandedCount = 0;
        for (const { state, missing, domains } of plans) {
            const values = new Map(state.values);
            let before: Map<string, Value> | undefined;
            const witnessOf = (): Witness => {
                before ??= materialize(state.witness);
                const witness = new Map(before);
                for (const [id, value] of values) witness.set(id, value);
                return witness;
            };
            const visit = () => {
                expandedCount++;
                let first = -1;
                let prose = state.prose;
                for (let index = 0; index < situations.length; index++) {
                    const formula = stepFormulas[index];
                    const matches = formula === undefined ? first < 0 : evaluate(formula, values);
                    if (!matches) { if (first < 0 && prosaic[index]) prose = true; continue; }
                    if (first < 0) {
                        first = index;
                        if (prosaic[index]) prose = true;
                        firstCount[index]++;
                        if (!structured) break;
                        continue;
                    }
                    if (formula !== undefined) {
                        if (!matchWitness[index]) { matchWitness[index] = witnessOf(); coveredBy[index] = situations[first]; }
                        const pair = `${first}:${index}`;
                        if (!referral[first] && actionKeys[first] !== actionKeys[index] && !overlaps.has(pair)) {
                            overlaps.set(pair, { first: situations[first], second: situations[index], witness: witnessOf() });
                        }
                    }
                }
                if (first < 0) { gap ??= witnessOf(); return; }
                const chosen = situations[first];
                const acte = derogatoryAct(chosen.action);
                if (acte && !prose && !excluded.has(chosen) && evaluate(excludedFor(acte, parcoursOf), values)) {
                    excluded.set(chosen, { situation: chosen, acte, witness: witnessOf() });
                }
                const next = nextStep(chosen.action);
                if (!next || !(successors.get(etape) ?? []).includes(next)) return;
                // The patient goes on with only the variables the rest of the tree still reads.
                let ids = nextKeys.get(next);
                if (!ids) {
                    const keep = live.get(next)!;
                    ids = [...new Set([...state.values.keys(), ...needed])].filter(id => keep.has(id)).sort();
                    nextKeys.set(next, ids);
                }
                let k = prose ? 'p' : '';
                for (const id of ids) { const value = values.get(id); if (value !== undefined) k += `|${id}=${String(value)}`; }
                let target = incoming.get(next);
                if (!target) { target = new Map(); incoming.set(next, target); }
                if (target.has(k)) return;
                const projected = new Map<string, Value>();
                for (const id of ids) { const value = values.get(id); if (value !== undefined) projected.set(id, value); }
                target.set(k, { values: projected, witness: { parent: state.witness, values: new Map(values) }, prose });
            };
            // Depth-first over the missing variables, in a fixed order. A variable that no undecided
            // situation reads, and that no later step reads, cannot change anything this step records:
            // only its first value is visited (every record keeps its first witness in this order, and
            // the first value comes first, so the findings are those of the full enumeration).
            const fill = (index: number) => {
                if (index === missing.length) { visit(); return; }
                const id = missing[index].id;
                const domain = domains[index];
                if (!exhaustive && !liveAfter.some(later => later.has(id)) && !(readers.get(id) ?? []).some(formula => evaluate3(formula, values) === undefined)) {
                    values.set(id, domain[0]);
                    fill(index + 1);
                } else {
                    for (const value of domain) { values.set(id, value); fill(index + 1); }
                }
                values.delete(id);
            };
            fill(0);
            nextKeys.clear(); // ids depend on the incoming state's variables
        }
        // The number of patients of the step (the pruned enumeration visits fewer of them).
        const expanded = { length: exhaustive ? expandedCount : total };
        const dead: DeadSituation[] = [];
        if (structured) {
            if (expanded.length === 0) {
                const firstSituation = situations.find(situation => !situation.sinon);
                if (firstSituation) dead.push({ situation: firstSituation, reason: 'unreached' });
            } else {
                situations.forEach((situation, index) => {
                    if (situation.sinon || firstCount[index] > 0) return;
                    dead.push(matchWitness[index]
                        ? { situation, reason: 'covered', witness: matchWitness[index], before: coveredBy[index] }
                        : { situation, reason: 'impossible' });
                });
            }
        }
        steps.set(etape, {
            etape, structured, combinations: expanded.length, variables: needed,
            gap: structured && !situations.some(situation => situation.sinon) ? gap : undefined,
            dead, overlaps: structured ? [...overlaps.values()] : [], excluded: [...excluded.values()]
        });
        timings.push(performance.now() - started);
    }

    return { compiler, steps, criteria: analyseCriteria(compiler), proseSituations, structuredSituations, timings };
}

/** Partial patients a search may visit (each costs one three-valued evaluation): a few milliseconds. */
const SEARCH_BUDGET = 4 * MAX_COMBINATIONS;

/**
 * Depth-first over `variables` (in their order, each over its cells in order), from the values
 * already in `values`: a branch is left as soon as `cut` says no completion of it can matter, and
 * `leaf` is called on each full assignment until it returns true. Returns whether a leaf returned
 * true, or `undefined` past SEARCH_BUDGET visited patients, whole or partial (a branch that is cut
 * only at its last variable must not make the search exponential). `values` is restored.
 */
function search(values: Map<string, Value>, variables: readonly Variable[], cut: (values: Map<string, Value>) => boolean,
    leaf: (values: Map<string, Value>) => boolean): boolean | undefined {
    const domains = variables.map(variable => cells(variable));
    let budget = SEARCH_BUDGET;
    const walk = (index: number): boolean | undefined => {
        if (--budget < 0) return undefined;
        if (cut(values)) return false;
        if (index === variables.length) return leaf(values);
        const id = variables[index].id;
        for (const value of domains[index]) {
            values.set(id, value);
            const found = walk(index + 1);
            if (found !== false) { values.delete(id); return found; }
        }
        values.delete(id);
        return false;
    };
    return walk(0);
}

/**
 * Whether the inclusion criteria can be met together, and which exclusion criteria remove every
 * included patient. A search, not an enumeration: it stops at the first patient that answers and
 * leaves a branch as soon as the criteria decide it, so a protocol of many criteria costs little.
 * The patients are visited in the order of the enumeration (criteria's variables in order, cells
 * in order), so the witness is the first one that enumeration would give.
 */
function analyseCriteria(compiler: LogicCompiler): CriteriaAnalysis {
    const inclusions = compiler.criteres.filter(c => c.nature === 'inclusion');
    const exclusions = compiler.criteres.filter(c => c.nature === 'exclusion');
    const inclusion = compiler.inclusion();
    const variable = (id: string) => compiler.variables.get(id)!;
    const inclusionVariables = [...variablesOf(inclusion)].map(variable);
    const combinations = inclusionVariables.reduce((product, v) => product * cells(v).length, 1);
    if (combinations > MAX_COMBINATIONS) return { totalExclusions: [], tooMany: true };
    const notIncluded = (values: Map<string, Value>) => evaluate3(inclusion, values) === false;
    let firstIncluded: Map<string, Value> | undefined;
    const anyone = search(new Map(), inclusionVariables, notIncluded, values => {
        if (!evaluate(inclusion, values)) return false;
        firstIncluded = new Map(values);
        return true;
    });
    if (anyone === undefined) return { totalExclusions: [], tooMany: true };
    const inclusionImpossible = inclusions.length > 0 && firstIncluded === undefined;
    const totalExclusions: CriteriaAnalysis['totalExclusions'] = [];
    let tooMany = false;
    if (firstIncluded) {
        const included = new Set(inclusionVariables.map(v => v.id));
        for (const critere of exclusions) {
            const formula = compiler.criterion(critere);
            const missing = [...variablesOf(formula)].filter(id => !included.has(id)).map(variable);
            // Someone included whom this criterion does not exclude?
            const someoneLeft = search(new Map(), [...inclusionVariables, ...missing],
                values => notIncluded(values) || evaluate3(formula, values) === true,
                values => evaluate(inclusion, values) && !evaluate(formula, values));
            if (someoneLeft === undefined) { tooMany = true; continue; }
            if (someoneLeft) continue;
            // Everyone is excluded: the first included patient, the criterion's own data at their first cell.
            const witness = new Map(firstIncluded);
            for (const v of missing) witness.set(v.id, cells(v)[0]);
            totalExclusions.push({ critere, witness });
        }
    }
    return { inclusionImpossible, totalExclusions, tooMany };
}

/** Formulas a step's situations need, for the cases: the first situation that applies. */
export function firstMatch(compiler: LogicCompiler, etape: Etape, values: ReadonlyMap<string, Value>): Situation | undefined {
    for (const situation of etape.situations) {
        const formula = situationFormula(compiler, situation);
        if (formula === undefined || evaluate(formula, values)) return situation;
    }
    return undefined;
}
