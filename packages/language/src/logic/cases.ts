import type { AstNode, LangiumDocuments } from 'langium';
import {
    isAllerA, isConditionTexte, isFin, isIdentifiant, isIssueOrienter, isOrienter, isProtocole, isRealiser,
    type CasPatient, type Duree, type Etape, type Protocole, type Situation
} from '../generated/ast.js';
import { fold } from '../model/text.js';
import { logicAnalysis, situationFormula } from './analysis.js';
import { unitInfo, type Formula, type Variable } from './compile.js';
import { formatDuration } from './describe.js';
import { cells, evaluate, variablesOf, type Value } from './evaluate.js';
import { conditionSource } from './sentence.js';

/** A problem of a case's data (reported by the `cas-*` diagnostics). */
export interface CaseProblem {
    readonly code: 'cas-donnee-inconnue' | 'cas-valeur-invalide';
    readonly node: AstNode;
    readonly args: Record<string, string>;
}

export interface CaseStep {
    readonly etape: Etape;
    /** The situation that applied (undefined: none, the patient fell through). */
    readonly situation?: Situation;
}

export type CaseIssue = { readonly kind: 'fin' } | { readonly kind: 'orienter'; readonly vers: string; readonly delai?: number };

export interface CaseRun {
    readonly path: CaseStep[];
    readonly actes: string[];
    readonly issue?: CaseIssue;
    /** A datum a situation on the path reads and the case does not give. */
    readonly missing?: { readonly variable: Variable; readonly etape: Etape };
    readonly loop?: boolean;
}

export interface CaseResult {
    readonly cas: CasPatient;
    readonly protocole?: Protocole;
    readonly problems: CaseProblem[];
    readonly run?: CaseRun;
    readonly passed: boolean;
    /** « réaliser bu, prescription-atb puis fin » */
    readonly expected: string;
    readonly actual: string;
    /** « accueil (sinon) → examen (sinon) → decision (bandelette = positive) » */
    readonly trace: string;
}

/** The protocol a case names (`pour PC-CYSTITE`), among the workspace's documents. */
export function findProtocol(documents: LangiumDocuments, identifiant: string | undefined): Protocole | undefined {
    if (!identifiant) return undefined;
    const wanted = fold(identifiant);
    for (const document of documents.all) {
        const root = document.parseResult.value;
        if (isProtocole(root) && root.elements.some(element => isIdentifiant(element) && fold(element.valeur ?? '') === wanted)) return root;
    }
    return undefined;
}

function hours(duree: Duree | undefined): number | undefined {
    if (!duree || duree.valeur === undefined) return undefined;
    return duree.valeur * (unitInfo(duree.unite)?.[1] ?? 1);
}

/** The patient of a case as the engine's variables, with the problems of its data. */
export function caseValues(protocole: Protocole, cas: CasPatient): { values: Map<string, Value>; problems: CaseProblem[] } {
    const compiler = logicAnalysis(protocole).compiler;
    const values = new Map<string, Value>();
    const problems: CaseProblem[] = [];
    const invalid = (node: AstNode, name: string, expected: string) => problems.push({ code: 'cas-valeur-invalide', node, args: { name, expected } });
    for (const valeur of cas.valeurs) {
        if (valeur.phrase !== undefined) {
            const text = fold(valeur.phrase).replace(/\s+/g, ' ').trim();
            values.set(`prose:${text}`, !valeur.faux);
            // The text of a criterion written in prose sets that criterion.
            for (const critere of compiler.criteres) {
                const condition = critere.condition;
                if (isConditionTexte(condition) && fold(condition.texte ?? '').replace(/\s+/g, ' ').trim() === text) values.set(`critere:${critere.name}`, !valeur.faux);
            }
            continue;
        }
        const name = valeur.donnee ?? '';
        const folded = fold(name);
        if (folded === 'age') {
            const unit = fold(valeur.unite ?? 'ans');
            if (valeur.valeur === undefined || !['ans', 'an', 'mois'].includes(unit)) { invalid(valeur, name, 'un âge en ans ou en mois (« âge 30 ans »)'); continue; }
            values.set('âge', unit === 'mois' ? valeur.valeur / 12 : valeur.valeur);
            continue;
        }
        if (folded === 'sexe') {
            const sexe = fold(valeur.valeurTexte ?? '');
            if (sexe !== 'feminin' && sexe !== 'masculin') { invalid(valeur, name, 'féminin ou masculin'); continue; }
            values.set('sexe', sexe === 'feminin' ? 'féminin' : 'masculin');
            continue;
        }
        const variable = compiler.variables.get(`donnee:${name}`) ?? compiler.variables.get(`critere:${name}`);
        if (!variable) {
            const known = [...compiler.variables.values()].filter(v => v.id.startsWith('donnee:')).map(v => v.id.slice(7));
            problems.push({ code: 'cas-donnee-inconnue', node: valeur, args: { name, protocole: cas.protocole ?? '', known: known.join(', ') || 'aucune' } });
            continue;
        }
        if (variable.kind === 'bool') {
            const text = fold(valeur.valeurTexte ?? 'oui');
            if (valeur.valeur !== undefined || (text !== 'oui' && text !== 'non')) { invalid(valeur, name, 'oui ou non'); continue; }
            values.set(variable.id, text === 'oui');
        } else if (variable.kind === 'enum') {
            const value = variable.values?.find(v => fold(v) === fold(valeur.valeurTexte ?? ''));
            if (value === undefined) { invalid(valeur, name, `l'une des valeurs ${(variable.values ?? []).join(', ')}`); continue; }
            values.set(variable.id, value);
        } else {
            const info = unitInfo(valeur.unite);
            const expected = variable.dimension === 'duree' ? 'une durée (« 2 jours », « 36 h »)' : `un nombre${variable.unit ? ` en ${variable.unit}` : ''}`;
            if (valeur.valeur === undefined) { invalid(valeur, name, expected); continue; }
            if (variable.dimension === 'duree') {
                if (!info || info[0] !== 'duree') { invalid(valeur, name, expected); continue; }
                values.set(variable.id, valeur.valeur * info[1]);
            } else {
                if (valeur.unite !== undefined && info?.[0] !== variable.dimension) { invalid(valeur, name, expected); continue; }
                values.set(variable.id, valeur.valeur);
            }
        }
    }
    return { values, problems };
}

/**
 * A condition's value for a patient some data of which are missing: known when every value of the
 * missing data gives the same answer (« résultat négatif et allergie » needs no allergy), else `missing`.
 */
function decide(formula: Formula, values: Map<string, Value>, variables: ReadonlyMap<string, Variable>): boolean | 'missing' {
    const missing = [...variablesOf(formula)].filter(id => !values.has(id));
    if (missing.length === 0) return evaluate(formula, values);
    if (missing.length > 6) return 'missing';
    const trial = new Map(values);
    let answer: boolean | undefined;
    const fill = (index: number): boolean => {
        if (index === missing.length) {
            const result = evaluate(formula, trial);
            if (answer === undefined) answer = result;
            return answer === result;
        }
        for (const value of cells(variables.get(missing[index])!)) {
            trial.set(missing[index], value);
            if (!fill(index + 1)) return false;
        }
        return true;
    };
    return fill(0) ? answer! : 'missing';
}

/** Runs a patient through the protocol's trees: situations in order, the first that applies decides. */
export function runCase(protocole: Protocole, given: ReadonlyMap<string, Value>): CaseRun {
    const analysis = logicAnalysis(protocole);
    const compiler = analysis.compiler;
    const values = new Map(given);
    // A prose condition the case does not quote is false.
    for (const variable of compiler.variables.values()) if (variable.prose && !values.has(variable.id)) values.set(variable.id, false);
    const first = protocole.elements.find(element => element.$type === 'Parcours');
    let etape: Etape | undefined = first && 'etapes' in first ? first.etapes[0] : undefined;
    const path: CaseStep[] = [];
    const actes: string[] = [];
    const seen = new Set<Etape>();
    while (etape) {
        if (seen.has(etape)) return { path, actes, loop: true };
        seen.add(etape);
        let chosen: Situation | undefined;
        for (const situation of etape.situations) {
            const formula = situationFormula(compiler, situation);
            if (formula === undefined) { chosen = situation; break; }
            const result = decide(formula, values, compiler.variables);
            if (result === 'missing') {
                const id = [...variablesOf(formula)].find(v => !values.has(v))!;
                return { path: [...path, { etape }], actes, missing: { variable: compiler.variables.get(id)!, etape } };
            }
            if (result) { chosen = situation; break; }
        }
        path.push({ etape, situation: chosen });
        if (!chosen) return { path, actes };
        let action = chosen.action;
        if (isRealiser(action)) {
            actes.push(action.acte?.$refText ?? '');
            if (!action.suite) return { path, actes };
            action = action.suite;
        }
        if (isAllerA(action)) { etape = action.etape?.ref; continue; }
        if (isOrienter(action)) {
            const vers = action.delegant?.$refText ?? (action.externe?.urgences ? 'urgences' : action.externe?.samu ? 'samu' : action.externe?.autre ?? '');
            return { path, actes, issue: { kind: 'orienter', vers, delai: hours(action.delai) } };
        }
        if (isFin(action)) return { path, actes, issue: { kind: 'fin' } };
        return { path, actes };
    }
    return { path, actes };
}

function issueText(issue: CaseIssue | undefined): string {
    if (!issue) return 'aucune issue';
    if (issue.kind === 'fin') return 'fin';
    return `orienter vers ${issue.vers}${issue.delai !== undefined ? ` sous ${formatDuration(issue.delai)}` : ''}`;
}

export function outcomeText(actes: string[], issue: CaseIssue | undefined): string {
    return actes.length > 0 ? `réaliser ${actes.join(', ')} puis ${issueText(issue)}` : issueText(issue);
}

export function traceText(run: CaseRun): string {
    const steps = run.path.map(step => `${step.etape.name} (${!step.situation ? 'aucune situation' : step.situation.sinon ? 'sinon' : conditionSource(step.situation.expression) || step.situation.condition?.replace(/\s+/g, ' ').trim() || ''})`);
    let text = steps.join(' → ');
    if (run.missing) text += ` — donnée « ${run.missing.variable.id.replace(/^donnee:/, '')} » non donnée par le cas`;
    if (run.loop) text += ' — boucle : une étape revient';
    return text;
}

/**
 * The result of each case, kept while its protocol is the same (a protocol parsed again is a new
 * root): the case rules (rules/cas.ts), the Testing view and `coop test` all ask for it, several
 * times per validation.
 */
const evaluated = new WeakMap<CasPatient, CaseResult>();

/** Runs a case and compares its path with what it expects. */
export function evaluateCase(documents: LangiumDocuments, cas: CasPatient): CaseResult {
    const protocole = findProtocol(documents, cas.protocole);
    const known = evaluated.get(cas);
    if (known && known.protocole === protocole) return known;
    const result = runAndCompare(cas, protocole);
    evaluated.set(cas, result);
    return result;
}

function runAndCompare(cas: CasPatient, protocole: Protocole | undefined): CaseResult {
    const attendu = cas.attendu;
    const expectedIssue: CaseIssue | undefined = !attendu?.issue ? undefined
        : isIssueOrienter(attendu.issue)
            ? { kind: 'orienter', vers: attendu.issue.urgences ? 'urgences' : attendu.issue.samu ? 'samu' : attendu.issue.delegant ?? '', delai: hours(attendu.issue.delai) }
            : { kind: 'fin' };
    const expected = outcomeText(attendu?.actes ?? [], expectedIssue);
    if (!protocole) return { cas, problems: [], passed: false, expected, actual: '', trace: '' };
    const { values, problems } = caseValues(protocole, cas);
    const run = runCase(protocole, values);
    const actual = run.missing || run.loop ? '' : outcomeText(run.actes, run.issue);
    const sameIssue = !!run.issue && !!expectedIssue && run.issue.kind === expectedIssue.kind
        && (run.issue.kind === 'fin' || (expectedIssue.kind === 'orienter' && fold(run.issue.vers) === fold(expectedIssue.vers)
            && (expectedIssue.delai === undefined || expectedIssue.delai === run.issue.delai)));
    const sameActs = run.actes.length === (attendu?.actes.length ?? 0) && run.actes.every((acte, index) => fold(acte) === fold(attendu!.actes[index]));
    const passed = problems.length === 0 && !run.missing && !run.loop && sameIssue && sameActs;
    return { cas, protocole, problems, run, passed, expected, actual, trace: traceText(run) };
}

/** The situations of a protocol no case reaches (`coop test --coverage`). */
export function uncoveredSituations(protocole: Protocole, runs: CaseRun[]): Array<{ etape: Etape; situation: Situation }> {
    const reached = new Set<Situation>();
    for (const run of runs) for (const step of run.path) if (step.situation) reached.add(step.situation);
    const result: Array<{ etape: Etape; situation: Situation }> = [];
    for (const element of protocole.elements) {
        if (element.$type !== 'Parcours') continue;
        for (const etape of element.etapes) for (const situation of etape.situations) if (!reached.has(situation)) result.push({ etape, situation });
    }
    return result;
}

/** A diagnostic of the editor, as much of it as a case report reads. */
export interface CaseDiagnostic {
    readonly severity?: number;
    readonly code?: string | number;
    readonly message: string | { readonly value: string };
    readonly range: { readonly start: { readonly line: number; readonly character: number } };
}

export interface CaseOutcome {
    readonly result: CaseResult;
    /** The case passes and no error lies inside it. */
    readonly passed: boolean;
    /** The errors inside the case (its own failure aside), « 3:12 message » (1-based). */
    readonly problems: string[];
}

/**
 * A case as `coop test` and the editor's Testing view report it: run on its protocol, with the
 * errors the validation found inside it (an unknown datum, a value of the wrong type…). One code
 * for both, so the editor and the CLI never disagree on a case.
 */
export function caseOutcome(documents: LangiumDocuments, cas: CasPatient, diagnostics: readonly CaseDiagnostic[]): CaseOutcome {
    const result = evaluateCase(documents, cas);
    const range = cas.$cstNode?.range;
    const inside = !range ? [] : diagnostics.filter(d => (d.severity ?? 1) === 1 && d.code !== 'cas-en-echec'
        && d.range.start.line >= range.start.line && d.range.start.line <= range.end.line);
    return {
        result,
        passed: result.passed && inside.length === 0,
        problems: inside.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${typeof d.message === 'string' ? d.message : d.message.value}`)
    };
}
