import { CstUtils, type AstNode } from 'langium';
import { isComparaison, isConditionTexte, isCritere, isDonnee, isNon, isScore, type Comparaison, type Critere } from '../generated/ast.js';

/** A structured condition as its author wrote it, on one line (« temperature ≥ 38 °C ou frissons »). */
export function conditionSource(node: AstNode | undefined): string {
    return node?.$cstNode?.text.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * A structured condition for a reader: as written, but every datum, score or criterion it names is
 * given by its label (« Température ≥ 38 °C ») — the reader of the dossier never sees the short
 * names (`temperature`). A named criterion is replaced by its own condition, in parentheses when it
 * has several words; a criterion cited inside itself stops the expansion (the checks report it).
 * The operators read as French where a clinician would not write them: a value of a list is
 * introduced by « : » (« résultat du TROD : positif », « … : autre que positif »), and a yes/no
 * datum negated reads « sans … » (« sans allergie connue aux bêta-lactamines »); numbers keep
 * their signs (« température ≥ 38 °C »).
 */
export function conditionSentence(node: AstNode | undefined, seen: ReadonlySet<Critere> = new Set()): string {
    if (!node?.$cstNode) return '';
    const words: string[] = [];
    for (const leaf of CstUtils.flattenCst(node.$cstNode)) {
        if (leaf.hidden) continue;
        const owner = leaf.astNode;
        if (isComparaison(owner) && owner.ref?.$refNode === leaf) {
            words.push(readable(owner.ref.ref, owner.ref.$refText, seen));
            continue;
        }
        if (isComparaison(owner) && owner.valeurTexte !== undefined && (leaf.text === '=' || leaf.text === '!=')) {
            words.push(leaf.text === '=' ? ':' : ': autre que');
            continue;
        }
        if (isNon(owner) && leaf.text === 'non' && isYesNoDatum(owner.operande)) {
            words.push('sans');
            continue;
        }
        words.push(leaf.text === '!=' ? '≠' : leaf.text);
    }
    return words.join(' ').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').replace(/\s+/g, ' ').trim();
}

/** A yes/no datum read alone (« frissons »), not compared. */
function isYesNoDatum(node: AstNode | undefined): node is Comparaison {
    return isComparaison(node) && isDonnee(node.ref?.ref) && !node.operateur && !node.egalite && node.min === undefined;
}

function readable(target: AstNode | undefined, written: string, seen: ReadonlySet<Critere>): string {
    if (isDonnee(target) || isScore(target)) {
        const label = target.libelle?.trim();
        return label ? lowerFirst(label) : written;
    }
    if (isCritere(target) && !seen.has(target) && target.condition) {
        const inner = isConditionTexte(target.condition)
            ? target.condition.texte?.trim() ?? ''
            : conditionSentence(target.condition, new Set([...seen, target]));
        if (!inner) return written;
        return /\s/.test(inner) ? `(${lowerFirst(inner)})` : lowerFirst(inner);
    }
    return written;
}

/** « Température » → « température »; an acronym (« TDR », « BU ») keeps its capitals. */
function lowerFirst(text: string): string {
    const first = text.split(/\s/)[0] ?? '';
    if (first.length > 1 && first === first.toUpperCase()) return text;
    return text.charAt(0).toLowerCase() + text.slice(1);
}
