import { isOrienter } from '../generated/ast.js';
import { protocolModel } from '../model/protocol-model.js';
import { insertSectionFix, onTitle } from './fixes.js';
import { quote } from './r4011-1-4a-arbres.js';
import { defineRule } from './rule.js';

/** R.4011-1 4° c — referral to the délégant and its delays (requirement `reorientation`). */
export const reorientationRules = [
    defineRule({
        code: 'reorientations-absentes', severity: 'error', category: 'completude', requirement: 'reorientation', legalBasis: 'R.4011-1 4° c', basis: 'source',
        title: { fr: 'Situations de réorientation non décrites', en: 'Referral situations not described' },
        message: { fr: 'Les situations qui imposent de réorienter le patient vers le délégant ne sont pas listées (rubrique « réorientations »).', en: 'The situations requiring referral back to the delegating professional are not listed ("réorientations" section).' },
        rationale: { fr: 'Le protocole identifie les situations nécessitant une réorientation vers le délégant et leurs délais.', en: 'The protocol identifies the situations that require referral to the delegating professional, and their delays.' },
        fix: { fr: 'Ajoutez « réorientations { situation nom "…" vers mg sous 24 h } ».', en: 'Add "réorientations { situation name "…" vers mg sous 24 h }".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const reorientations = protocolModel(protocole).first('Reorientations');
                if (!reorientations) report(protocole, {}, onTitle('Reorientations'));
                else if (reorientations.situations.length === 0) report(reorientations);
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'reorientation-sans-delai', severity: 'error', category: 'coherence', requirement: 'reorientation', legalBasis: 'R.4011-1 4° c', basis: 'source',
        title: { fr: 'Réorientation sans délai', en: 'Referral without delay' },
        message: { fr: 'La réorientation vers le délégant {target} n\'a pas de délai maximal (« sous 24 h »).', en: 'The referral to the delegating professional {target} has no maximum delay ("sous 24 h").' },
        rationale: { fr: 'Le protocole fixe, pour chaque situation de réorientation vers le délégant, le délai dans lequel elle a lieu.', en: 'For each referral situation the protocol sets the delay within which it happens.' },
        fix: { fr: 'Ajoutez « sous <nombre> <unité> » (min, h, j…).', en: 'Add "sous <number> <unit>" (min, h, j…).' },
        checks: ({ locale }) => ({
            Etape: (etape, report) => {
                for (const situation of etape.situations) {
                    const action = situation.action;
                    if (isOrienter(action) && action.delegant && !action.delai) {
                        report(action, { target: quote(locale, action.delegant.$refText) }, { property: 'delegant' });
                    }
                }
            },
            // Emergency services are immediate: only referrals back to the délégant need a delay.
            SituationReorientation: (situation, report) => {
                if (situation.delegant && !situation.delai) report(situation, { target: quote(locale, situation.delegant.$refText) }, { property: 'name' });
            }
        })
    })
] as const;
