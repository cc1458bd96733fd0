import { AstUtils, type AstNode } from 'langium';
import {
    isComparaison, isConditionAge, isConditionSexe, isConditionTexte, isCritere, isCritereQuelconque, isDonnee, isEt, isNon, isOu,
    isParcours, isParentheses, isScore, isTypeDuree, isTypeListe, isTypeNombre, isTypeOuiNon,
    type Acte, type Comparaison, type Condition, type Critere, type Parcours, type Donnee, type Expression, type Protocole, type Score
} from '../generated/ast.js';
import { fold } from '../model/text.js';

// ---------------------------------------------------------------------------------------------
// Units: every quantity is compared in one canonical unit per dimension.
// ---------------------------------------------------------------------------------------------

export type Dimension = 'temperature' | 'pression' | 'frequence' | 'masse' | 'longueur' | 'pourcentage' | 'points' | 'duree';

const HOUR = 1;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;
/** Each unit's dimension and its factor to the canonical unit (hours for durations). */
const UNITS: Record<string, [Dimension, number]> = {
    '°c': ['temperature', 1], 'mmhg': ['pression', 1], 'bpm': ['frequence', 1], 'kg': ['masse', 1], 'cm': ['longueur', 1],
    '%': ['pourcentage', 1], 'point': ['points', 1], 'points': ['points', 1],
    'min': ['duree', HOUR / 60], 'minute': ['duree', HOUR / 60], 'minutes': ['duree', HOUR / 60],
    'h': ['duree', HOUR], 'heure': ['duree', HOUR], 'heures': ['duree', HOUR],
    'j': ['duree', DAY], 'jour': ['duree', DAY], 'jours': ['duree', DAY],
    'semaine': ['duree', 7 * DAY], 'semaines': ['duree', 7 * DAY],
    'mois': ['duree', YEAR / 12], 'an': ['duree', YEAR], 'ans': ['duree', YEAR], 'année': ['duree', YEAR], 'années': ['duree', YEAR]
};

export function unitInfo(unit: string | undefined): [Dimension, number] | undefined {
    return unit === undefined ? undefined : UNITS[fold(unit)];
}

export const DIMENSION_LABELS: Record<Dimension, string> = {
    temperature: 'une température', pression: 'une pression', frequence: 'une fréquence', masse: 'une masse', longueur: 'une longueur',
    pourcentage: 'un pourcentage', points: 'des points', duree: 'une durée'
};

// ---------------------------------------------------------------------------------------------
// Variables of a protocol: the data it declares, the patient's age and sex, and one yes/no
// variable per prose condition (the tool cannot read it, but it may be true or false).
// ---------------------------------------------------------------------------------------------

export type VariableKind = 'bool' | 'enum' | 'num';

export interface Variable {
    readonly id: string;
    readonly kind: VariableKind;
    /** How the counter-examples name it (« température », « « Grossesse connue » »). */
    readonly label: string;
    /** For `enum`: the closed list of values. */
    readonly values?: readonly string[];
    /** For `num`: the dimension and the display unit (canonical unit: °C, hours, years for age). */
    readonly dimension?: Dimension | 'age';
    readonly unit?: string;
    /** Plausible range (canonical unit). */
    readonly min?: number;
    readonly max?: number;
    /** Thresholds the protocol compares this variable with (canonical unit): they split its domain. */
    readonly thresholds: Set<number>;
    /** A prose condition or criterion: an opaque yes/no the tool cannot check. */
    readonly prose?: boolean;
    readonly node?: AstNode;
}

// ---------------------------------------------------------------------------------------------
// Intermediate representation of a condition.
// ---------------------------------------------------------------------------------------------

export type Operator = '<' | '<=' | '>' | '>=' | '=';

export interface ScoreTerm { readonly score: string; readonly lines: ReadonlyArray<{ readonly points: number; readonly condition: Formula }> }

export type Formula =
    | { readonly k: 'const'; readonly value: boolean }
    | { readonly k: 'bool'; readonly v: string }
    | { readonly k: 'eq'; readonly v: string; readonly value: string }
    | { readonly k: 'cmp'; readonly v: string; readonly op: Operator; readonly value: number }
    | { readonly k: 'score'; readonly term: ScoreTerm; readonly op: Operator; readonly value: number }
    | { readonly k: 'and'; readonly items: readonly Formula[] }
    | { readonly k: 'or'; readonly items: readonly Formula[] }
    | { readonly k: 'not'; readonly item: Formula };

export const TRUE: Formula = { k: 'const', value: true };
export const FALSE: Formula = { k: 'const', value: false };

export function and(items: Formula[]): Formula {
    const kept = items.filter(item => !(item.k === 'const' && item.value));
    if (kept.some(item => item.k === 'const' && !item.value)) return FALSE;
    return kept.length === 0 ? TRUE : kept.length === 1 ? kept[0] : { k: 'and', items: kept };
}

export function or(items: Formula[]): Formula {
    const kept = items.filter(item => !(item.k === 'const' && !item.value));
    if (kept.some(item => item.k === 'const' && item.value)) return TRUE;
    return kept.length === 0 ? FALSE : kept.length === 1 ? kept[0] : { k: 'or', items: kept };
}

export function not(item: Formula): Formula {
    if (item.k === 'const') return { k: 'const', value: !item.value };
    if (item.k === 'not') return item.item;
    return { k: 'not', item };
}

/** A problem found while reading an expression (reported by the rules of 4° a / 2° b). */
export interface LogicProblem {
    readonly code: 'unite-incompatible' | 'valeur-hors-plage' | 'valeur-inconnue' | 'comparaison-impossible' | 'critere-circulaire';
    readonly node: AstNode;
    readonly args: Record<string, string | number>;
}

/** Where a criterion applies: a tree, an act (criteria without `pour …` apply everywhere). */
export interface CriterionScope {
    readonly parcours?: Parcours;
    readonly acte?: Acte;
}

function inScope(critere: Critere, scope: CriterionScope | 'all'): boolean {
    if (scope === 'all' || !critere.portee) return true;
    const target = critere.portee.ref;
    return target !== undefined && (target === scope.parcours || target === scope.acte);
}

const AGE = 'âge';
const SEXE = 'sexe';

/** The variables and compiled conditions of one protocol. */
export class LogicCompiler {
    readonly variables = new Map<string, Variable>();
    readonly problems: LogicProblem[] = [];
    readonly criteres: Critere[] = [];
    private readonly criterionFormulas = new Map<Critere, Formula>();
    private readonly compiling = new Set<AstNode>();
    private readonly scoreTerms = new Map<Score, ScoreTerm>();
    private readonly formulas = new Map<AstNode, Formula>();

    constructor(readonly protocole: Protocole) {
        for (const element of protocole.elements) {
            if (isDonnee(element)) this.declare(element);
            if (element.$type === 'Patients') this.criteres.push(...element.criteres);
        }
    }

    private declare(donnee: Donnee): void {
        // A datum whose name was lost to a syntax error is not read (its line has the error).
        if (!donnee.name) return;
        const type = donnee.type;
        // A datum whose name is lost to a syntax error is not declared (nothing can read it).
        if (!donnee.name) return;
        const label = lowerFirst(donnee.libelle?.trim() || donnee.name);
        const id = `donnee:${donnee.name}`;
        if (this.variables.has(id)) return;
        if (isTypeOuiNon(type)) this.variables.set(id, { id, kind: 'bool', label, thresholds: new Set(), node: donnee });
        else if (isTypeListe(type)) this.variables.set(id, { id, kind: 'enum', label, values: type.valeurs, thresholds: new Set(), node: donnee });
        else if (isTypeNombre(type)) {
            const info = unitInfo(type.unite);
            this.variables.set(id, {
                id, kind: 'num', label, dimension: info?.[0], unit: type.unite, thresholds: new Set(), node: donnee,
                min: type.min, max: type.max
            });
        } else if (isTypeDuree(type)) {
            const low = type.min !== undefined ? type.min * (unitInfo(type.uniteMin)?.[1] ?? 1) : 0;
            const high = type.max !== undefined ? type.max * (unitInfo(type.uniteMax)?.[1] ?? 1) : undefined;
            this.variables.set(id, { id, kind: 'num', label, dimension: 'duree', unit: 'h', thresholds: new Set(), node: donnee, min: low, max: high });
        }
    }

    private age(): Variable {
        let age = this.variables.get(AGE);
        if (!age) {
            age = { id: AGE, kind: 'num', label: 'âge', dimension: 'age', unit: 'ans', min: 0, max: 120, thresholds: new Set() };
            this.variables.set(AGE, age);
        }
        return age;
    }

    private prose(text: string, node: AstNode, id = `prose:${fold(text).replace(/\s+/g, ' ').trim()}`): Formula {
        if (!this.variables.has(id)) this.variables.set(id, { id, kind: 'bool', label: `« ${text.trim()} »`, thresholds: new Set(), prose: true, node });
        return { k: 'bool', v: id };
    }

    /** A criterion's condition: an expression, or an opaque yes/no when written in prose. */
    criterion(critere: Critere): Formula {
        const known = this.criterionFormulas.get(critere);
        if (known) return known;
        if (this.compiling.has(critere)) {
            this.problems.push({ code: 'critere-circulaire', node: critere, args: { name: critere.name } });
            return FALSE;
        }
        this.compiling.add(critere);
        const condition = critere.condition;
        const formula = !condition ? FALSE
            : isConditionTexte(condition) ? this.prose(condition.texte ?? critere.name, critere, `critere:${critere.name}`)
            : this.expression(condition);
        this.compiling.delete(critere);
        this.criterionFormulas.set(critere, formula);
        return formula;
    }

    /**
     * « un critère d'exclusion » (or « de retrait »): any of the protocol's criteria of that nature,
     * and those scoped (`pour …`) to the given tree or act; `all`: every one, whatever its scope.
     */
    anyCriterion(nature: 'exclusion' | 'retrait', scope: CriterionScope | 'all' = {}): Formula {
        return or(this.criteres.filter(c => c.nature === nature && inScope(c, scope)).map(c => this.criterion(c)));
    }

    /** The inclusion criteria of the whole protocol (those without `pour …`). */
    inclusion(): Formula {
        return and(this.criteres.filter(c => c.nature === 'inclusion' && !c.portee).map(c => this.criterion(c)));
    }

    /** The inclusion criteria scoped to a tree or an act (eligibility for one act: « pour titration »). */
    scopedInclusion(scope: CriterionScope): Formula {
        return and(this.criteres.filter(c => c.nature === 'inclusion' && c.portee && inScope(c, scope)).map(c => this.criterion(c)));
    }

    /** Whether some criterion is scoped to an act or a tree. */
    get scoped(): boolean {
        return this.criteres.some(c => c.portee !== undefined);
    }

    /** A condition as written in a criterion or a situation (prose texts are opaque). */
    condition(condition: Condition | undefined, prose?: string, node?: AstNode): Formula {
        if (condition && !isConditionTexte(condition)) return this.expression(condition);
        const text = condition && isConditionTexte(condition) ? condition.texte : prose;
        return text === undefined ? FALSE : this.prose(text, node ?? condition!);
    }

    expression(expression: Expression | undefined): Formula {
        if (!expression) return FALSE;
        const known = this.formulas.get(expression);
        if (known) return known;
        const formula = this.compileExpression(expression);
        this.formulas.set(expression, formula);
        return formula;
    }

    private compileExpression(expression: Expression): Formula {
        if (isOu(expression)) return or([this.expression(expression.gauche), this.expression(expression.droite)]);
        if (isEt(expression)) return and([this.expression(expression.gauche), this.expression(expression.droite)]);
        if (isNon(expression)) return not(this.expression(expression.operande));
        if (isParentheses(expression)) return this.expression(expression.interieur);
        if (isConditionSexe(expression)) {
            if (!this.variables.has(SEXE)) this.variables.set(SEXE, { id: SEXE, kind: 'enum', label: 'sexe', values: ['féminin', 'masculin'], thresholds: new Set() });
            return { k: 'eq', v: SEXE, value: expression.valeur };
        }
        if (isConditionAge(expression)) {
            const age = this.age();
            const years = (value: number, unit: string | undefined) => (fold(unit ?? 'ans') === 'mois' ? value / 12 : value);
            if (expression.min !== undefined && expression.max !== undefined) {
                const low = years(expression.min, expression.uniteMin ?? expression.unite);
                const high = years(expression.max, expression.unite);
                age.thresholds.add(low); age.thresholds.add(high);
                return and([{ k: 'cmp', v: AGE, op: '>=', value: low }, { k: 'cmp', v: AGE, op: '<=', value: high }]);
            }
            if (expression.borne === undefined) return FALSE;
            const bound = years(expression.borne, expression.unite);
            age.thresholds.add(bound);
            return { k: 'cmp', v: AGE, op: operator(expression.operateur), value: bound };
        }
        if (isCritereQuelconque(expression)) {
            // In a tree, « un critère d'exclusion » also reads the criteria scoped to that tree.
            const parcours = AstUtils.getContainerOfType(expression, isParcours);
            const any = this.anyCriterion(expression.retrait ? 'retrait' : 'exclusion', { parcours });
            return expression.aucun ? not(any) : any;
        }
        if (isComparaison(expression)) return this.comparison(expression);
        return FALSE;
    }

    private comparison(comparison: Comparaison): Formula {
        const target = comparison.ref?.ref;
        // An unknown name (already reported) is an opaque yes/no: no finding is built on it.
        if (!target) return this.prose(comparison.ref?.$refText ?? '?', comparison, `inconnu:${comparison.ref?.$refText ?? ''}`);
        const hasNumber = comparison.valeur !== undefined || comparison.min !== undefined;
        const name = target.name;
        if (isCritere(target)) {
            if (hasNumber || comparison.egalite) {
                this.problems.push({ code: 'comparaison-impossible', node: comparison, args: { name, kind: 'un critère', expected: 'seul, sans comparaison (« si ' + name + ' »)' } });
            }
            return this.criterion(target);
        }
        if (isScore(target)) {
            const term = this.score(target);
            if (comparison.egalite && comparison.valeur === undefined) {
                this.problems.push({ code: 'comparaison-impossible', node: comparison, args: { name, kind: 'un score', expected: 'comparé à un nombre de points (« ' + name + ' ≥ 2 »)' } });
                return FALSE;
            }
            const unitDimension = unitInfo(comparison.unite)?.[0];
            if (comparison.unite && unitDimension !== 'points') {
                this.problems.push({ code: 'unite-incompatible', node: comparison, args: { name, unit: comparison.unite, expected: 'des points' } });
            }
            if (!hasNumber) return { k: 'score', term, op: '>', value: 0 };
            return this.numeric(comparison, value => value, (op, value) => ({ k: 'score', term, op, value }));
        }
        if (!isDonnee(target)) return FALSE;
        const variable = this.variables.get(`donnee:${name}`);
        if (!variable) return FALSE;
        if (variable.kind === 'bool') {
            if (hasNumber) {
                this.problems.push({ code: 'comparaison-impossible', node: comparison, args: { name, kind: 'une donnée oui/non', expected: 'seule (« si ' + name + ' ») ou niée (« si non ' + name + ' »)' } });
                return FALSE;
            }
            if (comparison.egalite) {
                const value = fold(comparison.valeurTexte ?? '');
                if (value !== 'oui' && value !== 'non') {
                    this.problems.push({ code: 'valeur-inconnue', node: comparison, args: { name, value: comparison.valeurTexte ?? '', values: 'oui, non' } });
                    return FALSE;
                }
                const positive: Formula = { k: 'bool', v: variable.id };
                return (value === 'oui') === (comparison.egalite === '=') ? positive : not(positive);
            }
            return { k: 'bool', v: variable.id };
        }
        if (variable.kind === 'enum') {
            if (!comparison.egalite) {
                this.problems.push({ code: 'comparaison-impossible', node: comparison, args: { name, kind: 'une donnée à liste de valeurs', expected: `comparée à l'une de ses valeurs (« ${name} = ${variable.values?.[0] ?? '…'} »)` } });
                return FALSE;
            }
            const value = variable.values?.find(v => fold(v) === fold(comparison.valeurTexte ?? ''));
            if (value === undefined) {
                this.problems.push({ code: 'valeur-inconnue', node: comparison, args: { name, value: comparison.valeurTexte ?? '', values: (variable.values ?? []).join(', ') } });
                return FALSE;
            }
            const equal: Formula = { k: 'eq', v: variable.id, value };
            return comparison.egalite === '=' ? equal : not(equal);
        }
        // Numbers and durations.
        if (!hasNumber) {
            this.problems.push({ code: 'comparaison-impossible', node: comparison, args: { name, kind: 'une donnée numérique', expected: `comparée à une valeur (« ${name} ≥ … ${variable.unit ?? ''} »)`.replace(' »', ' »').replace('  »', ' »') } });
            return FALSE;
        }
        const toCanonical = (value: number, unit: string | undefined): number | undefined => {
            if (unit === undefined) return variable.dimension === 'duree' ? undefined : value;
            const info = unitInfo(unit);
            if (!info || info[0] !== variable.dimension) return undefined;
            return variable.dimension === 'duree' ? value * info[1] : value;
        };
        const checkUnit = (unit: string | undefined): boolean => {
            if (unit === undefined && variable.dimension !== 'duree') return true;
            if (toCanonical(1, unit) !== undefined) return true;
            this.problems.push({
                code: 'unite-incompatible', node: comparison,
                args: { name, unit: unit ?? 'sans unité', expected: variable.dimension ? `${DIMENSION_LABELS[variable.dimension as Dimension]}${variable.unit && variable.dimension !== 'duree' ? ` (${variable.unit})` : ''}` : 'un nombre sans unité' }
            });
            return false;
        };
        if (comparison.min !== undefined && !checkUnit(comparison.uniteMin ?? comparison.unite)) return FALSE;
        if (!checkUnit(comparison.unite)) return FALSE;
        return this.numeric(comparison, (value, unit) => toCanonical(value, unit) ?? value, (op, value) => {
            variable.thresholds.add(value);
            return { k: 'cmp', v: variable.id, op, value };
        }, variable);
    }

    private numeric(comparison: Comparaison, convert: (value: number, unit: string | undefined) => number,
        make: (op: Operator, value: number) => Formula, variable?: Variable): Formula {
        const plausible = (raw: number, canonical: number, unit: string | undefined) => {
            if (!variable) return;
            const low = variable.min, high = variable.max;
            if ((low !== undefined && canonical < low) || (high !== undefined && canonical > high)) {
                const display = variable.dimension === 'duree' ? undefined : variable.unit;
                this.problems.push({
                    code: 'valeur-hors-plage', node: comparison,
                    args: { name: comparison.ref?.$refText ?? '', value: `${formatValue(raw)}${unit ? ` ${unit}` : display ? ` ${display}` : ''}`, range: `de ${formatValue(low ?? 0)} à ${high === undefined ? '…' : formatValue(high)}${display ? ` ${display}` : variable.dimension === 'duree' ? ' h' : ''}` }
                });
            }
        };
        if (comparison.min !== undefined && comparison.max !== undefined) {
            const lowUnit = comparison.uniteMin ?? comparison.unite;
            const low = convert(comparison.min, lowUnit), high = convert(comparison.max, comparison.unite);
            plausible(comparison.min, low, lowUnit); plausible(comparison.max, high, comparison.unite);
            return and([make('>=', low), make('<=', high)]);
        }
        if (comparison.valeur === undefined) return FALSE;
        const value = convert(comparison.valeur, comparison.unite);
        plausible(comparison.valeur, value, comparison.unite);
        if (comparison.egalite) return comparison.egalite === '=' ? make('=', value) : not(make('=', value));
        return make(operator(comparison.operateur), value);
    }

    score(score: Score): ScoreTerm {
        const known = this.scoreTerms.get(score);
        if (known) return known;
        if (this.compiling.has(score)) {
            this.problems.push({ code: 'critere-circulaire', node: score, args: { name: score.name } });
            return { score: score.name, lines: [] };
        }
        this.compiling.add(score);
        const term: ScoreTerm = {
            score: score.name,
            lines: score.lignes.map(line => ({ points: (line.negatif ? -1 : 1) * (line.points ?? 0), condition: this.expression(line.condition) }))
        };
        this.compiling.delete(score);
        this.scoreTerms.set(score, term);
        return term;
    }
}

function operator(op: string | undefined): Operator {
    switch (op) {
        case '<': return '<';
        case '<=': case '≤': return '<=';
        case '>': return '>';
        default: return '>=';
    }
}

export function formatValue(value: number): string {
    const rounded = Math.round(value * 100) / 100;
    return String(rounded).replace('.', ',');
}

export function lowerFirst(text: string): string {
    if (text.length > 1 && text[1] === text[1].toUpperCase() && /[A-Z]/.test(text[1])) return text; // an acronym (« TROD »)
    return text.charAt(0).toLowerCase() + text.slice(1);
}
