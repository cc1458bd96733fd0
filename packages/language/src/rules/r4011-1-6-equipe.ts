import { protocolModel } from '../model/protocol-model.js';
import { insertSectionFix, onTitle } from './fixes.js';
import { defineRule } from './rule.js';

/**
 * R.4011-1 6° — the team's organisation: availability of the délégants (`disponibilite`), risk
 * management (`risques`) and civil liability (`responsabilite`).
 */
export const equipeRules = [
    defineRule({
        code: 'disponibilite-absente', severity: 'error', category: 'completude', requirement: 'disponibilite', legalBasis: 'R.4011-1 6°', basis: 'source',
        title: { fr: 'Disponibilité du délégant non décrite', en: 'Availability of the delegating professional not described' },
        message: { fr: 'Le protocole ne dit pas comment le délégant est joignable (« disponibilité { modalités "…" } »).', en: 'The protocol does not say how the delegating professional can be reached ("disponibilité { modalités "…" }").' },
        rationale: { fr: 'L\'organisation de l\'équipe comprend la disponibilité des délégants.', en: 'Team organisation includes the availability of delegating professionals.' },
        fix: { fr: 'Ajoutez « disponibilité { modalités "…"  horaires "…"  réponse sous 30 min } ».', en: 'Add "disponibilité { modalités "…"  horaires "…"  réponse sous 30 min }".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const disponibilite = protocolModel(protocole).first('Disponibilite');
                if (!disponibilite?.modalites) report(disponibilite ?? protocole, {}, disponibilite ? {} : onTitle('Disponibilite'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'delai-reponse-absent', severity: 'warning', category: 'completude', requirement: 'disponibilite', legalBasis: 'R.4011-1 6°', basis: 'inference',
        title: { fr: 'Délai de réponse du délégant non précisé', en: 'Response delay of the delegating professional not stated' },
        message: { fr: 'La disponibilité ne précise pas le délai de réponse du délégant (« réponse sous 30 min »).', en: 'Availability does not state the response delay ("réponse sous 30 min").' },
        rationale: { fr: 'Sans délai de réponse, la disponibilité du délégant ne peut pas être évaluée (lecture déduite des sources).', en: 'Without a response delay, availability cannot be assessed (inferred reading).' },
        fix: { fr: 'Ajoutez « réponse sous <durée> ».', en: 'Add "réponse sous <duration>".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const disponibilite = protocolModel(protocole).first('Disponibilite');
                if (disponibilite && !disponibilite.delaiReponse) report(disponibilite);
            }
        })
    }),
    defineRule({
        code: 'gestion-risques-absente', severity: 'error', category: 'completude', requirement: 'risques', legalBasis: 'R.4011-1 6°', basis: 'source',
        title: { fr: 'Gestion des risques non décrite', en: 'Risk management not described' },
        message: { fr: 'Le protocole ne décrit pas de démarche de gestion des risques (rubrique « gestion des risques »).', en: 'The protocol describes no risk-management approach ("gestion des risques" section).' },
        rationale: { fr: 'L\'organisation de l\'équipe comprend une démarche de gestion des risques.', en: 'Team organisation includes a risk-management approach.' },
        fix: { fr: 'Ajoutez « gestion des risques { risque …  signalement "…"  revue rex …  suspension "…" } ».', en: 'Add "gestion des risques { risque …  signalement "…"  revue rex …  suspension "…" }".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                if (!protocolModel(protocole).first('GestionRisques')) report(protocole, {}, onTitle('GestionRisques'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'signalement-ei-absent', severity: 'warning', category: 'completude', requirement: 'risques', legalBasis: 'R.4011-1 6° ; L.4011-4 II', basis: 'source',
        title: { fr: 'Signalement des événements indésirables non décrit', en: 'Adverse-event reporting not described' },
        message: { fr: 'La gestion des risques ne dit pas comment les événements indésirables sont signalés (« signalement "…" »).', en: 'Risk management does not say how adverse events are reported ("signalement "…"").' },
        rationale: { fr: 'Les événements indésirables sont signalés sans délai ; un événement grave peut suspendre le protocole.', en: 'Adverse events are reported without delay; a serious one may suspend the protocol.' },
        fix: { fr: 'Ajoutez « signalement "…" ».', en: 'Add "signalement "…"".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const risques = protocolModel(protocole).first('GestionRisques');
                if (risques && !risques.signalement) report(risques);
            }
        })
    }),
    defineRule({
        code: 'revue-risques-absente', severity: 'warning', category: 'completude', requirement: 'risques', legalBasis: 'R.4011-1 6°', basis: 'rappel',
        title: { fr: 'Aucune revue des événements', en: 'No event review' },
        message: { fr: 'La gestion des risques ne prévoit aucune revue des événements (« revue rmm|rex|crex tous les 3 mois »).', en: 'Risk management plans no event review ("revue rmm|rex|crex tous les 3 mois").' },
        rationale: { fr: 'Les revues de morbi-mortalité ou retours d\'expérience sont les outils usuels d\'une démarche de gestion des risques (pratique rappelée, non vérifiée dans un texte).', en: 'Morbidity reviews or experience feedback are the usual tools of risk management (recalled practice, not checked in a text).' },
        fix: { fr: 'Ajoutez « revue rex tous les 3 mois "…" ».', en: 'Add "revue rex tous les 3 mois "…"".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const risques = protocolModel(protocole).first('GestionRisques');
                if (risques && risques.revues.length === 0) report(risques);
            }
        })
    }),
    defineRule({
        code: 'responsabilite-civile-absente', severity: 'error', category: 'completude', requirement: 'responsabilite', legalBasis: 'R.4011-1 6°', basis: 'source',
        title: { fr: 'Responsabilité civile non traitée', en: 'Civil liability not addressed' },
        message: { fr: 'Le protocole ne traite pas la responsabilité civile des professionnels (« responsabilité civile "…" »).', en: 'The protocol does not address civil liability ("responsabilité civile "…"").' },
        rationale: { fr: 'L\'organisation de l\'équipe comprend les modalités de responsabilité civile (assurance).', en: 'Team organisation includes civil-liability (insurance) arrangements.' },
        fix: { fr: 'Ajoutez « responsabilité civile "…" ».', en: 'Add "responsabilité civile "…"".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                if (!protocolModel(protocole).has('ResponsabiliteCivile')) report(protocole, {}, onTitle('ResponsabiliteCivile'));
            }
        }),
        quickFix: insertSectionFix
    })
] as const;
