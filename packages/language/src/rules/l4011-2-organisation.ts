import { protocolModel } from '../model/protocol-model.js';
import { insertSectionFix, onTitle } from './fixes.js';
import { defineRule } from './rule.js';

/** L.4011-2 — organisational arrangements the protocol depends on (requirement `organisation`). */
export const organisationRules = [
    defineRule({
        code: 'lieu-absent', severity: 'error', category: 'completude', requirement: 'organisation', legalBasis: 'L.4011-2', basis: 'source',
        title: { fr: 'Lieu de mise en œuvre non précisé', en: 'Place of implementation not stated' },
        message: { fr: 'Le protocole ne précise pas le lieu de mise en œuvre (« lieu "…" »).', en: 'The protocol does not state where it is implemented ("lieu "…"").' },
        rationale: { fr: 'Le protocole précise les modalités d\'organisation dont dépend sa mise en œuvre, dont le lieu (et, par exemple, un espace de confidentialité).', en: 'The protocol states the organisational arrangements it depends on, including the place.' },
        fix: { fr: 'Ajoutez « lieu "…" » et, si besoin, « équipement "…" ».', en: 'Add "lieu "…"" and, if needed, "équipement "…"".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                if (!protocolModel(protocole).has('Lieu')) report(protocole, {}, onTitle('Lieu'));
            }
        }),
        quickFix: insertSectionFix
    })
] as const;
