import type { AstNode, ValidationChecks } from 'langium';
import type { CoopServices } from '../coop-module.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import type { CoopAstType, Suppression } from '../generated/ast.js';
import { nearest } from '../model/text.js';

/** In-document suppressions: `ignorer <code> : "justification"`. */
export const suppressionDefinitions = [
    defineDiagnostic({
        code: 'suppression-sans-justification', severity: 'error', category: 'suppressions', basis: 'langage',
        title: { fr: 'Règle ignorée sans justification', en: 'Rule suppressed without justification' },
        message: { fr: 'Ignorer la règle « {code} » exige une justification : ignorer {code} : "raison".', en: 'Suppressing rule "{code}" requires a justification: ignorer {code} : "reason".' },
        rationale: { fr: 'Le relecteur de l\'ARS ou de la HAS voit chaque règle ignorée dans le dossier ; sans justification, il ne peut pas en juger.', en: 'ARS or HAS reviewers see every suppressed rule in the submission; without a justification they cannot judge it.' },
        fix: { fr: 'Ajoutez « : "…" » après le code de la règle.', en: 'Add ": "…"" after the rule code.' }
    }),
    defineDiagnostic({
        code: 'suppression-regle-inconnue', severity: 'warning', category: 'suppressions', basis: 'langage',
        title: { fr: 'Règle ignorée inconnue', en: 'Unknown suppressed rule' },
        message: { fr: 'Aucune règle ne porte le code « {code} ».{suggestion}', en: 'No rule has code "{code}".{suggestion}' },
        rationale: { fr: 'Une suppression d\'une règle inexistante n\'a aucun effet et masque sans doute une faute de frappe.', en: 'Suppressing a rule that does not exist has no effect and probably hides a typo.' },
        fix: { fr: 'Corrigez le code (« coop rules » liste les règles).', en: 'Fix the code ("coop rules" lists the rules).' }
    }),
    defineDiagnostic({
        code: 'suppression-impossible', severity: 'warning', category: 'suppressions', basis: 'langage',
        title: { fr: 'Règle non ignorable', en: 'Rule cannot be suppressed' },
        message: { fr: 'La règle « {code} » porte sur le langage lui-même et ne peut pas être ignorée.', en: 'Rule "{code}" is about the language itself and cannot be suppressed.' },
        rationale: { fr: 'Une erreur de syntaxe ou une référence introuvable rend le protocole illisible : elle se corrige, elle ne s\'ignore pas.', en: 'A syntax error or an unresolved reference makes the protocol unreadable: fix it instead.' },
        fix: { fr: 'Corrigez l\'erreur et retirez la suppression.', en: 'Fix the error and remove the suppression.' }
    })
] as const;

/** Suppressions attached to a node: those written in its own block. */
export function suppressionsOf(node: AstNode): Suppression[] {
    const suppressions = (node as { suppressions?: Suppression[] }).suppressions ?? [];
    if (node.$type === 'Protocole') {
        return (node as unknown as { elements: AstNode[] }).elements.filter((e): e is Suppression => e.$type === 'Suppression');
    }
    return suppressions;
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

export function suppressionChecks(services: CoopServices, isKnown: (code: string) => boolean, isSuppressible: (code: string) => boolean, allCodes: () => string[]): ValidationChecks<CoopAstType> {
    const reporter = services.validation.DiagnosticReporter;
    const locale = services.i18n.Locale;
    return {
        Suppression: (suppression, accept) => {
            const code = suppression.regle;
            if (!isKnown(code)) {
                const guess = nearest(code, allCodes());
                const suggestion = guess ? locale.pick({ fr: ` Vouliez-vous dire « ${guess} » ?`, en: ` Did you mean "${guess}"?` }) : '';
                reporter.report(accept, 'suppression-regle-inconnue', suppression, { code, suggestion }, { property: 'regle', data: guess ? { suggestion: guess } : {} });
            } else if (!isSuppressible(code)) {
                reporter.report(accept, 'suppression-impossible', suppression, { code }, { property: 'regle' });
            }
            if (!suppression.justification?.trim()) {
                reporter.report(accept, 'suppression-sans-justification', suppression, { code });
            }
        }
    };
}
