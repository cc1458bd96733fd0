import { protocolModel } from '../model/protocol-model.js';
import { insertSectionFix, onTitle } from './fixes.js';
import { defineRule } from './rule.js';

/** R.4011-1 4° b — integration into the patient's pathway and information flow (requirement `parcours`). */
export const parcoursRules = [
    defineRule({
        code: 'coordination-absente', severity: 'error', category: 'completude', requirement: 'parcours', legalBasis: 'R.4011-1 4° b', basis: 'source',
        title: { fr: 'Intégration au parcours non décrite', en: 'Pathway integration not described' },
        message: { fr: 'Le protocole ne dit pas comment il s\'intègre au parcours du patient ni comment l\'information circule (rubrique « coordination »).', en: 'The protocol does not say how it fits the patient\'s pathway nor how information flows ("coordination" section).' },
        rationale: { fr: 'La continuité des soins exige de décrire l\'intégration au parcours et la transmission des informations à tous les professionnels concernés.', en: 'Continuity of care requires describing pathway integration and information flow to every professional involved.' },
        fix: { fr: 'Ajoutez « coordination { intégration "…"  transmission "…" } ».', en: 'Add "coordination { intégration "…"  transmission "…" }".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                if (!protocolModel(protocole).first('Coordination')) report(protocole, {}, onTitle('Coordination'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'transmission-absente', severity: 'warning', category: 'completude', requirement: 'parcours', legalBasis: 'R.4011-1 4° b', basis: 'source',
        title: { fr: 'Transmission des informations non décrite', en: 'Information flow not described' },
        message: { fr: 'La rubrique « coordination » ne dit pas comment l\'information est transmise aux professionnels (« transmission "…" »).', en: 'The "coordination" section does not say how information reaches the professionals ("transmission "…"").' },
        rationale: { fr: 'Le décret vise expressément la transmission des informations à tous les professionnels concernés.', en: 'The decree expressly requires information to reach every professional involved.' },
        fix: { fr: 'Ajoutez « transmission "…" » (compte rendu, dossier partagé, messagerie sécurisée…).', en: 'Add "transmission "…"" (report, shared record, secure messaging…).' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const coordination = protocolModel(protocole).first('Coordination');
                if (coordination && coordination.transmissions.length === 0) report(coordination);
            }
        })
    })
] as const;
