import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode, type Grammar, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { CoopServices } from '../../coop-module.js';
import type { CoopAstType } from '../../generated/ast.js';
import type { Localized } from '../../i18n/locale.js';
import { sectionKind } from '../../model/sections.js';
import { isBuiltinUri } from '../../workspace/catalogue.js';

/**
 * Names that must be unique, by namespace: délégants and délégués share one (a step is performed
 * « par » either), every other named kind has its own.
 */
const NAMESPACES: Record<string, { namespace: string; label: Localized }> = {
    Delegant: { namespace: 'intervenant', label: { fr: 'Le délégant', en: 'Delegating professional' } },
    Delegue: { namespace: 'intervenant', label: { fr: 'Le délégué', en: 'Delegate' } },
    Acte: { namespace: 'acte', label: { fr: 'L\'acte', en: 'Act' } },
    Etape: { namespace: 'etape', label: { fr: 'L\'étape', en: 'Step' } },
    Formation: { namespace: 'formation', label: { fr: 'La formation', en: 'Training' } },
    Module: { namespace: 'module', label: { fr: 'Le module', en: 'Module' } },
    Indicateur: { namespace: 'indicateur', label: { fr: 'L\'indicateur', en: 'Indicator' } },
    Critere: { namespace: 'critere', label: { fr: 'Le critère', en: 'Criterion' } },
    Risque: { namespace: 'risque', label: { fr: 'Le risque', en: 'Risk' } },
    Reference: { namespace: 'reference', label: { fr: 'La référence', en: 'Reference' } },
    SituationReorientation: { namespace: 'reorientation', label: { fr: 'La situation', en: 'Situation' } },
    Article: { namespace: 'article', label: { fr: 'L\'article', en: 'Article' } },
    Profession: { namespace: 'profession', label: { fr: 'La profession', en: 'Profession' } }
};

function line(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

/** Checks of the language itself: unique names, single sections, valid dates (attributes: see attributeChecks). */
export function languageChecks(services: CoopServices): ValidationChecks<CoopAstType> {
    const reporter = services.validation.DiagnosticReporter;
    const locale = services.i18n.Locale;
    const indexManager = services.shared.workspace.IndexManager;

    /** Within one file, every named element is unique in its namespace. */
    function namesAreUnique(root: AstNode, accept: ValidationAcceptor): void {
        const seen = new Map<string, AstNode>();
        for (const node of AstUtils.streamAllContents(root)) {
            const kind = NAMESPACES[node.$type];
            const name = (node as { name?: string }).name;
            if (!kind || !name) continue;
            const key = `${kind.namespace}:${name}`;
            const first = seen.get(key);
            if (first) {
                const where = locale.current === 'fr' ? `ligne ${line(first)}` : `on line ${line(first)}`;
                reporter.report(accept, 'nom-en-double', node, { kind: locale.pick(kind.label), name, where }, { property: 'name' });
            } else {
                seen.set(key, node);
            }
        }
    }

    return {
        Protocole: (protocole, accept) => {
            namesAreUnique(protocole, accept);
            const firstOfType = new Map<string, AstNode>();
            for (const element of protocole.elements) {
                const kind = sectionKind(element.$type);
                if (!kind?.single) continue;
                const first = firstOfType.get(element.$type);
                if (first) {
                    reporter.report(accept, 'element-en-double', element, { section: locale.pick(kind.label), line: line(first) });
                } else {
                    firstOfType.set(element.$type, element);
                }
            }
        },
        Bibliotheque: (bibliotheque, accept) => {
            namesAreUnique(bibliotheque, accept);
            // Library elements are visible to the whole workspace: a name exported by two files is ambiguous.
            const uri = AstUtils.getDocument(bibliotheque).uri.toString();
            for (const element of bibliotheque.elements) {
                const other = indexManager.allElements(element.$type)
                    .find(description => description.name === element.name && description.documentUri.toString() !== uri);
                if (other) {
                    const kind = NAMESPACES[element.$type];
                    const file = other.documentUri.path.split('/').pop() ?? other.documentUri.toString();
                    const where = locale.current === 'fr' ? `dans ${file}` : `in ${file}`;
                    reporter.report(accept, 'nom-en-double', element, { kind: locale.pick(kind.label), name: element.name, where }, { property: 'name' });
                }
            }
        },
        Catalogue: (catalogue, accept) => {
            if (!isBuiltinUri(AstUtils.getDocument(catalogue).uri)) {
                reporter.report(accept, 'catalogue-reserve', catalogue, {}, { keyword: 'catalogue' });
            }
        },
        DateProtocole: (node, accept) => dateExists(node, node.valeur, accept),
        AvisInstance: (node, accept) => dateExists(node, node.date, accept),
        DecisionInstance: (node, accept) => dateExists(node, node.date, accept)
    };

    function dateExists(node: AstNode, date: string | undefined, accept: ValidationAcceptor): void {
        if (!date) return;
        const [year, month, day] = date.split('-').map(Number);
        const parsed = new Date(Date.UTC(year, month - 1, day));
        if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) {
            reporter.report(accept, 'date-invalide', node, { date }, { property: node.$type === 'DateProtocole' ? 'valeur' : 'date' });
        }
    }
}

/**
 * An attribute that holds one value (`=` or `?=` in the grammar) must not be written twice in the
 * same element: the parser would silently keep only the last value.
 *
 * Only the elements whose rule lets an attribute come twice (blocks with attributes in any order:
 * acts, steps, indicators, trainings…) are checked; situations, actions, durations, criteria… cannot
 * trip the check, and registering it for every node (`AstNode`) made each of them pay a call
 * (docs/performance.md). Registered after every other check so that, as before, it runs last on
 * each element.
 */
export function attributeChecks(services: CoopServices): ValidationChecks<CoopAstType> {
    const reporter = services.validation.DiagnosticReporter;
    const checks: Record<string, (node: AstNode, accept: ValidationAcceptor) => void> = {};
    for (const type of typesWithRepeatableAttributes(services.Grammar)) {
        checks[type] = attributesAreGivenOnce;
    }
    return checks as ValidationChecks<CoopAstType>;

    function attributesAreGivenOnce(node: AstNode, accept: ValidationAcceptor): void {
        if (!node.$cstNode) return;
        const seen = new Map<string, CstNode>();
        for (const child of ownCstChildren(node.$cstNode, node)) {
            const assignment = assignmentOf(child.grammarSource);
            if (!assignment || assignment.operator === '+=') continue;
            const first = seen.get(assignment.feature);
            if (first !== undefined) {
                const keyword = keywordBefore(assignment) ?? assignment.feature;
                reporter.report(accept, 'attribut-en-double', node, { attribute: keyword, line: first.range.start.line + 1 }, { range: child.range });
            } else {
                seen.set(assignment.feature, child);
            }
        }
    }
}

/**
 * The AST types whose rule lets one single-valued attribute (`=`, `?=`) be written more than once:
 * an assignment under a repetition (`*`, `+`), directly or through a fragment called under one, or
 * the same feature assigned at two places of the rule. Only nodes of these types can trip
 * `attribut-en-double`.
 */
function typesWithRepeatableAttributes(grammar: Grammar): Set<string> {
    const result = new Set<string>();
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule) || rule.fragment || GrammarUtils.isDataTypeRule(rule)) continue;
        const counts = new Map<string, number>();
        let repeated = false;
        const visit = (element: GrammarAST.AbstractElement, inRepetition: boolean, fragments: Set<GrammarAST.ParserRule>): void => {
            const repeatedHere = inRepetition || element.cardinality === '*' || element.cardinality === '+';
            if (GrammarAST.isAssignment(element)) {
                if (element.operator !== '+=') {
                    counts.set(element.feature, (counts.get(element.feature) ?? 0) + 1);
                    if (repeatedHere) repeated = true;
                }
                return;
            }
            if (GrammarAST.isRuleCall(element)) {
                const called = element.rule.ref;
                if (GrammarAST.isParserRule(called) && called.fragment && !fragments.has(called)) {
                    visit(called.definition, repeatedHere, new Set([...fragments, called]));
                }
                return;
            }
            if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
                for (const child of element.elements) visit(child, repeatedHere, fragments);
            }
        };
        visit(rule.definition, false, new Set());
        if (repeated || [...counts.values()].some(count => count > 1)) {
            result.add(GrammarUtils.getRuleTypeName(rule));
        }
    }
    return result;
}

/** The assignment a grammar element belongs to, if any (memoised: the grammar does not change). */
const assignments = new WeakMap<AstNode, GrammarAST.Assignment | null>();
function assignmentOf(element: AstNode | undefined): GrammarAST.Assignment | undefined {
    if (!element) return undefined;
    let assignment = assignments.get(element);
    if (assignment === undefined) {
        assignment = AstUtils.getContainerOfType(element, GrammarAST.isAssignment) ?? null;
        assignments.set(element, assignment);
    }
    return assignment ?? undefined;
}

/**
 * The CST nodes that hold the node's own tokens and values: children of its CST node, looking
 * through unassigned rule calls (they share the AST node) but not into contained AST nodes.
 */
function* ownCstChildren(cst: CstNode, node: AstNode): Generator<CstNode> {
    if (!isCompositeCstNode(cst)) return;
    for (const child of cst.content) {
        if (child.hidden) continue;
        // A value of a data-type rule (a text, a number) also shares the AST node: it is a value,
        // not a rule call to look through.
        if (isCompositeCstNode(child) && child.astNode === node && !assignmentOf(child.grammarSource)) {
            yield* ownCstChildren(child, node);
        } else {
            yield child;
        }
    }
}

/** The keyword written just before an assignment in the grammar (« seuil » for `'seuil' seuil=Cible`). */
function keywordBefore(assignment: GrammarAST.Assignment): string | undefined {
    const group = assignment.$container;
    if (GrammarAST.isGroup(group)) {
        const index = group.elements.indexOf(assignment);
        for (let i = index - 1; i >= 0; i--) {
            const element = group.elements[i];
            if (GrammarAST.isKeyword(element)) return element.value;
            if (GrammarAST.isAlternatives(element) && element.elements.every(GrammarAST.isKeyword)) {
                return (element.elements[0] as GrammarAST.Keyword).value;
            }
        }
    }
    return undefined;
}
