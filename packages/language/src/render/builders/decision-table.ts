import type { AstNode } from 'langium';
import {
    isConditionAge, isConditionSexe, isConditionTexte, isCritere, isCritereQuelconque, isDonnee, isEt, isNon, isOu,
    isParentheses, isScore, isTypeListe, isTypeOuiNon,
    type Comparaison, type ConditionAge, type Etape, type Expression
} from '../../generated/ast.js';
import { formatValue } from '../../logic/compile.js';
import { conditionSentence } from '../../logic/sentence.js';
import type { TableBlock, TableRow } from '../model-types.js';
import { upperFirst } from '../model-text.js';
import type { ModelContext } from './context.js';

// ---------------------------------------------------------------------------------------------
// The decision table of a structured step (issue 9 §6; docs/language.md, « Tables de décision »):
// one column per input the step's situations read (a datum, a score, a named criterion, the age,
// the sex, « un critère d'exclusion »), one row per situation in the order they are read — the
// first row that applies decides, `sinon` last — and « — » where an input plays no part. A
// situation written with « ou » across several inputs becomes several rows with the same action
// (« 2a », « 2b »): read in order, they decide exactly as the situation does.
// ---------------------------------------------------------------------------------------------

/** Past this many rows for one situation (« ou » of « et »…), the situation is shown as a sentence. */
export const MAX_ROWS_PER_SITUATION = 8;

interface Input {
    readonly key: string;
    readonly header: string;
}

interface Literal {
    readonly input: Input;
    readonly text: string;
}

/** A conjunction of conditions, each on one input. */
type Row = readonly Literal[];

type Connective = 'or' | 'and' | undefined;

const FLIP: Record<string, string> = { '<': '≥', '≤': '>', '>': '≤', '≥': '<' };

function comparator(op: string | undefined): string {
    switch (op) {
        case '<': return '<';
        case '<=': case '≤': return '≤';
        case '>': return '>';
        default: return '≥';
    }
}

class TableBuilder {
    private readonly inputs = new Map<string, Input>();

    constructor(private readonly ctx: ModelContext) { }

    /** Inputs in the order the step's situations first read them. */
    columns(): Input[] {
        return [...this.inputs.values()];
    }

    private input(key: string, header: string): Input {
        let input = this.inputs.get(key);
        if (!input) {
            input = { key, header: upperFirst(header) };
            this.inputs.set(key, input);
        }
        return input;
    }

    /** The one input an atom reads. */
    private atomInput(atom: Expression): Input {
        if (isConditionAge(atom)) return this.input('âge', this.ctx.t('decisionAge'));
        if (isConditionSexe(atom)) return this.input('sexe', this.ctx.t('decisionSex'));
        if (isCritereQuelconque(atom)) {
            return atom.retrait ? this.input('any:retrait', this.ctx.t('decisionAnyWithdrawal')) : this.input('any:exclusion', this.ctx.t('decisionAnyExclusion'));
        }
        const comparison = atom as Comparaison;
        const target = comparison.ref?.ref;
        const written = comparison.ref?.$refText ?? '';
        if (isDonnee(target) || isScore(target)) return this.input(`${target.$type}:${target.name}`, target.libelle?.trim() || written);
        if (isCritere(target)) {
            const condition = target.condition;
            const text = !condition ? '' : isConditionTexte(condition) ? condition.texte?.trim() ?? '' : conditionSentence(condition);
            return this.input(`critere:${target.name}`, text || written);
        }
        return this.input(`inconnu:${written}`, written);
    }

    /** The single input an expression reads, if it reads only one. */
    private single(expression: Expression | undefined): Input | undefined {
        if (!expression) return undefined;
        if (isParentheses(expression)) return this.single(expression.interieur);
        if (isNon(expression)) return this.single(expression.operande);
        if (isOu(expression) || isEt(expression)) {
            const left = this.single(expression.gauche), right = this.single(expression.droite);
            return left && right && left.key === right.key ? left : undefined;
        }
        return this.atomInput(expression);
    }

    private yesNo(value: boolean): string {
        return this.ctx.t(value ? 'decisionYes' : 'decisionNo');
    }

    private quantity(value: number | undefined, unit: string | undefined): string {
        return `${formatValue(value ?? 0)}${unit ? ` ${unit}` : ''}`;
    }

    private range(min: number | undefined, minUnit: string | undefined, max: number | undefined, unit: string | undefined, negated: boolean): string {
        if (negated) return `< ${this.quantity(min, minUnit ?? unit)} ${this.ctx.t('decisionOr')} > ${this.quantity(max, unit)}`;
        return this.ctx.t('decisionRange', { min: this.quantity(min, minUnit), max: this.quantity(max, unit) });
    }

    private compared(op: string | undefined, value: number | undefined, unit: string | undefined, negated: boolean): string {
        const written = comparator(op);
        return `${negated ? FLIP[written] : written} ${this.quantity(value, unit)}`;
    }

    /** An atom's condition on its input, as a cell reads it (« ≥ 38 °C », « positif », « non »). */
    private atomText(atom: Expression, negated: boolean): string {
        if (isConditionAge(atom)) return this.age(atom, negated);
        if (isConditionSexe(atom)) {
            const female = atom.valeur === 'féminin';
            return this.ctx.t(female !== negated ? 'decisionFemale' : 'decisionMale');
        }
        if (isCritereQuelconque(atom)) return this.yesNo(!atom.aucun !== negated);
        const comparison = atom as Comparaison;
        const target = comparison.ref?.ref;
        if (isCritere(target)) return this.yesNo(!negated);
        if (isDonnee(target) && isTypeOuiNon(target.type)) {
            let positive = true;
            if (comparison.egalite) positive = (comparison.valeurTexte?.toLowerCase() !== 'non') === (comparison.egalite === '=');
            return this.yesNo(positive !== negated);
        }
        if (isDonnee(target) && isTypeListe(target.type) && comparison.valeurTexte !== undefined) {
            const equal = (comparison.egalite === '=') !== negated;
            return equal ? comparison.valeurTexte : `≠ ${comparison.valeurTexte}`;
        }
        if (comparison.min !== undefined && comparison.max !== undefined) {
            return this.range(comparison.min, comparison.uniteMin, comparison.max, comparison.unite, negated);
        }
        if (comparison.egalite && comparison.valeur !== undefined) {
            const equal = (comparison.egalite === '=') !== negated;
            return `${equal ? '=' : '≠'} ${this.quantity(comparison.valeur, comparison.unite)}`;
        }
        if (comparison.operateur && comparison.valeur !== undefined) return this.compared(comparison.operateur, comparison.valeur, comparison.unite, negated);
        // A score alone means « more than 0 point »; anything else is shown as written.
        if (isScore(target) && !comparison.egalite) return negated ? '≤ 0' : '> 0';
        const sentence = conditionSentence(comparison);
        return negated ? `${this.ctx.t('decisionNo')} (${sentence})` : sentence;
    }

    private age(atom: ConditionAge, negated: boolean): string {
        if (atom.min !== undefined && atom.max !== undefined) return this.range(atom.min, atom.uniteMin, atom.max, atom.unite, negated);
        return this.compared(atom.operateur, atom.borne, atom.unite, negated);
    }

    /** The condition of an expression on its single input (« positif ou ininterprétable »). */
    private text(expression: Expression, negated: boolean): { text: string; connective: Connective } {
        if (isParentheses(expression)) return this.text(expression.interieur, negated);
        if (isNon(expression)) return this.text(expression.operande, !negated);
        if (isOu(expression) || isEt(expression)) {
            const connective: Connective = isOu(expression) !== negated ? 'or' : 'and';
            const parts = [this.text(expression.gauche, negated), this.text(expression.droite, negated)]
                .map(part => (part.connective && part.connective !== connective ? `(${part.text})` : part.text));
            return { text: parts.join(` ${this.ctx.t(connective === 'or' ? 'decisionOr' : 'decisionAnd')} `), connective };
        }
        const text = this.atomText(expression, negated);
        return { text, connective: / (ou|et|or|and) /.test(text) ? 'or' : undefined };
    }

    /**
     * The rows of a condition: a disjunction of conjunctions of one-input conditions, in the order
     * they are written; undefined past `MAX_ROWS_PER_SITUATION`.
     */
    rows(expression: Expression | undefined, negated = false): Row[] | undefined {
        if (!expression) return [[]];
        const input = this.single(expression);
        if (input) return [[{ input, text: this.text(expression, negated).text }]];
        if (isParentheses(expression)) return this.rows(expression.interieur, negated);
        if (isNon(expression)) return this.rows(expression.operande, !negated);
        if (isOu(expression) || isEt(expression)) {
            const left = this.rows(expression.gauche, negated), right = this.rows(expression.droite, negated);
            if (!left || !right) return undefined;
            const union = isOu(expression) !== negated;
            const result = union ? [...left, ...right] : left.flatMap(l => right.map(r => [...l, ...r]));
            return result.length > MAX_ROWS_PER_SITUATION ? undefined : result;
        }
        return [[{ input: this.atomInput(expression), text: this.atomText(expression, negated) }]];
    }
}

/** Whether a step's situations are all written over the protocol's data (or `sinon`), one at least. */
export function isStructuredStep(etape: Etape): boolean {
    return etape.situations.some(situation => !situation.sinon)
        && etape.situations.every(situation => situation.sinon || situation.expression !== undefined);
}

function line(node: AstNode | undefined, fallback: number): number {
    return node?.$cstNode?.range.start.line ?? fallback;
}

/**
 * The decision table of a structured step, or undefined for a step written in prose (its
 * situations stay in the flowchart and the process table only). `actions` holds the action of
 * each situation as the flowchart words it.
 */
export function decisionTable(ctx: ModelContext, etape: Etape, step: { number: number; title: string; line: number }, actions: readonly string[]): TableBlock | undefined {
    if (!isStructuredStep(etape)) return undefined;
    const builder = new TableBuilder(ctx);
    const situations = etape.situations.map((situation, index) => ({
        situation, action: actions[index] ?? '',
        rows: situation.sinon ? [[]] as Row[] : builder.rows(situation.expression)
    }));
    const inputs = builder.columns();
    const withSentence = situations.some(entry => entry.rows === undefined);
    const rows: TableRow[] = [];
    let number = 0;
    for (const { situation, action, rows: conjunctions } of situations) {
        const at = line(situation, step.line);
        if (situation.sinon) {
            rows.push({ cells: [ctx.t('decisionOtherwise'), ...inputs.map(() => ctx.t('decisionAny')), ...(withSentence ? [''] : []), action], line: at, notes: [] });
            continue;
        }
        number++;
        if (!conjunctions) {
            rows.push({ cells: [String(number), ...inputs.map(() => ''), upperFirst(conditionSentence(situation.expression)), action], line: at, notes: [] });
            continue;
        }
        conjunctions.forEach((conjunction, index) => {
            const label = conjunctions.length > 1 ? `${number}${String.fromCharCode(97 + index)}` : String(number);
            const cells = inputs.map(input => {
                const texts = conjunction.filter(literal => literal.input.key === input.key).map(literal => literal.text);
                return texts.length === 0 ? ctx.t('decisionAny') : texts.join(` ${ctx.t('decisionAnd')} `);
            });
            rows.push({ cells: [label, ...cells, ...(withSentence ? [''] : []), action], line: at, notes: [] });
        });
    }
    const columns = [ctx.t('decisionSituation'), ...inputs.map(input => input.header), ...(withSentence ? [ctx.t('decisionCondition')] : []), ctx.t('decisionAction')];
    return { type: 'table', role: 'decision', title: ctx.t('decisionTable', { n: step.number, step: step.title }), columns, widths: widths(inputs.length, withSentence), rows, line: step.line, notes: [] };
}

/** Relative widths: a narrow situation column, short input columns, the action taking the rest (sum 100). */
function widths(inputs: number, withSentence: boolean): number[] {
    const situation = 9, sentence = withSentence ? 20 : 0;
    const rest = 100 - situation - sentence;
    const each = inputs > 0 ? Math.min(20, Math.floor((rest - 25) / inputs)) : 0;
    return [situation, ...Array.from({ length: inputs }, () => each), ...(withSentence ? [sentence] : []), rest - each * inputs];
}
