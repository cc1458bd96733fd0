import type { AstNode } from 'langium';
import type { Suppression } from '../generated/ast.js';
import { nearest } from '../model/text.js';
import { useSuggestionFix } from './fixes.js';
import { defineRule, type QuickFixProvider } from './rule.js';

/** The suppressions among a protocol's elements, found once per AST (each diagnostic looks them up). */
const protocolSuppressions = new WeakMap<AstNode, Suppression[]>();

/** Suppressions attached to a node: those written in its own block. */
export function suppressionsOf(node: AstNode): Suppression[] {
    if (node.$type === 'Protocole') {
        let list = protocolSuppressions.get(node);
        if (!list) {
            list = (node as unknown as { elements: AstNode[] }).elements.filter((e): e is Suppression => e.$type === 'Suppression');
            protocolSuppressions.set(node, list);
        }
        return list;
    }
    return (node as { suppressions?: Suppression[] }).suppressions ?? [];
}

/**
 * The suppression that covers a diagnostic of `code` reported on `node`: one written in the block
 * of the node or of an element containing it (a suppression at protocol level covers the protocol).
 */
export function findSuppression(node: AstNode, code: string): Suppression | undefined {
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        const match = suppressionsOf(current).find(suppression => suppression.regle === code && suppression.justification?.trim());
        if (match) return match;
    }
    return undefined;
}

const addJustificationFix: QuickFixProvider = ({ diagnostic, locale }) => ({
    title: locale.pick({ fr: 'Ajouter une justification', en: 'Add a justification' }),
    edits: [{ range: { start: diagnostic.range.end, end: diagnostic.range.end }, newText: ` : "${locale.pick({ fr: 'Justification à compléter', en: 'Justification to complete' })}"` }]
});

/** In-document suppressions: `ignorer <code> : "justification"`. */
export const suppressionRules = [
    defineRule({
        code: 'suppression-regle-inconnue', severity: 'warning', category: 'suppressions', basis: 'langage',
        title: { fr: 'Règle ignorée inconnue', en: 'Unknown suppressed rule' },
        message: { fr: 'Aucune règle ne porte le code « {code} ».{suggestion}', en: 'No rule has code "{code}".{suggestion}' },
        rationale: { fr: 'Une suppression d\'une règle inexistante n\'a aucun effet et masque sans doute une faute de frappe.', en: 'Suppressing a rule that does not exist has no effect and probably hides a typo.' },
        fix: { fr: 'Corrigez le code (« coop rules » liste les règles).', en: 'Fix the code ("coop rules" lists the rules).' },
        checks: ({ locale, registry }) => ({
            Suppression: (suppression, report) => {
                const code = suppression.regle;
                // `ignorer` typed without its code yet: nothing to look up.
                if (!code || registry.has(code)) return;
                const guess = nearest(code, registry.keys());
                const suggestion = guess ? locale.pick({ fr: ` Vouliez-vous dire « ${guess} » ?`, en: ` Did you mean "${guess}"?` }) : '';
                report(suppression, { code, suggestion }, { property: 'regle', data: guess ? { suggestion: guess } : {} });
            }
        }),
        quickFix: useSuggestionFix
    }),
    defineRule({
        code: 'suppression-impossible', severity: 'warning', category: 'suppressions', basis: 'langage',
        title: { fr: 'Règle non ignorable', en: 'Rule cannot be suppressed' },
        message: { fr: 'La règle « {code} » porte sur le langage lui-même et ne peut pas être ignorée.', en: 'Rule "{code}" is about the language itself and cannot be suppressed.' },
        rationale: { fr: 'Une erreur de syntaxe ou une référence introuvable rend le protocole illisible : elle se corrige, elle ne s\'ignore pas.', en: 'A syntax error or an unresolved reference makes the protocol unreadable: fix it instead.' },
        fix: { fr: 'Corrigez l\'erreur et retirez la suppression.', en: 'Fix the error and remove the suppression.' },
        checks: ({ registry }) => ({
            Suppression: (suppression, report) => {
                const code = suppression.regle;
                if (code && registry.get(code)?.category === 'langage') report(suppression, { code }, { property: 'regle' });
            }
        })
    }),
    defineRule({
        code: 'suppression-sans-justification', severity: 'error', category: 'suppressions', basis: 'langage',
        title: { fr: 'Règle ignorée sans justification', en: 'Rule suppressed without justification' },
        message: { fr: 'Ignorer la règle « {code} » exige une justification : ignorer {code} : "raison".', en: 'Suppressing rule "{code}" requires a justification: ignorer {code} : "reason".' },
        rationale: { fr: 'Le relecteur de l\'ARS ou de la HAS voit chaque règle ignorée dans le dossier ; sans justification, il ne peut pas en juger.', en: 'ARS or HAS reviewers see every suppressed rule in the submission; without a justification they cannot judge it.' },
        fix: { fr: 'Ajoutez « : "…" » après le code de la règle.', en: 'Add ": "…"" after the rule code.' },
        checks: () => ({
            Suppression: (suppression, report) => {
                // `ignorer` typed without its code yet: the syntax error says so, nothing to justify.
                if (suppression.regle && !suppression.justification?.trim()) report(suppression, { code: suppression.regle });
            }
        }),
        quickFix: addJustificationFix
    })
] as const;
