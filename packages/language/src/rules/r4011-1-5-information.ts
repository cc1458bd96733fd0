import { protocolModel } from '../model/protocol-model.js';
import { insertSectionFix, onTitle } from './fixes.js';
import { defineRule } from './rule.js';

/** R.4011-1 5° — patient information (requirement `information`) and secure data sharing (`donnees`). */
export const informationRules = [
    defineRule({
        code: 'information-patient-absente', severity: 'error', category: 'completude', requirement: 'information', legalBasis: 'R.4011-1 5° ; L.4011-2', basis: 'source',
        title: { fr: 'Information du patient non décrite', en: 'Patient information not described' },
        message: { fr: 'Le protocole ne décrit pas l\'information du patient (rubrique « information du patient »).', en: 'The protocol does not describe patient information ("information du patient" section).' },
        rationale: { fr: 'Le patient est informé des conditions de sa prise en charge dans le cadre du protocole.', en: 'The patient is informed of the conditions of care under the protocol.' },
        fix: { fr: 'Ajoutez « information du patient { document "…"  accord oral  refus "…" } ».', en: 'Add "information du patient { document "…"  accord oral  refus "…" }".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                if (!protocolModel(protocole).first('InformationPatient')) report(protocole, {}, onTitle('InformationPatient'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'information-patient-incomplete', severity: 'warning', category: 'completude', requirement: 'information', legalBasis: 'R.4011-1 5° ; L.4011-2', basis: 'source',
        title: { fr: 'Information du patient incomplète', en: 'Patient information incomplete' },
        message: { fr: 'L\'information du patient ne précise pas : {missing}.', en: 'Patient information does not state: {missing}.' },
        rationale: { fr: 'Les relecteurs attendent le support d\'information, le mode de recueil de l\'accord et le droit de refus du patient.', en: 'Reviewers expect the information document, how agreement is obtained and the patient\'s right to refuse.' },
        fix: { fr: 'Complétez avec « document », « accord » et « refus ».', en: 'Complete with "document", "accord" and "refus".' },
        checks: ({ locale }) => ({
            Protocole: (protocole, report) => {
                const information = protocolModel(protocole).first('InformationPatient');
                if (!information) return;
                const missing = [
                    !information.document && { fr: 'le document remis', en: 'the document given' },
                    !information.accord && { fr: 'le recueil de l\'accord', en: 'how agreement is obtained' },
                    !information.refus && { fr: 'le droit de refus', en: 'the right to refuse' }
                ].filter(item => item !== false).map(item => locale.pick(item));
                if (missing.length > 0) report(information, { missing: missing.join(', ') });
            }
        })
    }),
    defineRule({
        code: 'partage-donnees-absent', severity: 'error', category: 'completude', requirement: 'donnees', legalBasis: 'R.4011-1 5°', basis: 'source',
        title: { fr: 'Partage des données non décrit', en: 'Data sharing not described' },
        message: { fr: 'Le protocole ne décrit pas le partage sécurisé des données de santé (« système d\'information { partage "…" } »).', en: 'The protocol does not describe secure sharing of health data ("système d\'information { partage "…" }").' },
        rationale: { fr: 'Le décret exige de définir les modalités de partage sécurisé des données de santé.', en: 'The decree requires the arrangements for secure sharing of health data.' },
        fix: { fr: 'Ajoutez « système d\'information { logiciel "…"  partage "…"  traçabilité "…" } ».', en: 'Add "système d\'information { logiciel "…"  partage "…"  traçabilité "…" }".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const systeme = protocolModel(protocole).first('SystemeInformation');
                if (!systeme?.partage) report(systeme ?? protocole, {}, systeme ? {} : onTitle('SystemeInformation'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'tracabilite-absente', severity: 'warning', category: 'completude', requirement: 'donnees', legalBasis: 'R.4011-1 5°', basis: 'inference',
        title: { fr: 'Traçabilité non décrite', en: 'Traceability not described' },
        message: { fr: 'Le système d\'information ne dit pas comment les actes sont tracés (« traçabilité "…" »).', en: 'The information system does not say how acts are traced ("traçabilité "…"").' },
        rationale: { fr: 'Les guides régionaux et le modèle de la HAS demandent la traçabilité des prises en charge (lecture déduite des sources).', en: 'Regional guides and the HAS model ask for traceability of care (inferred reading).' },
        fix: { fr: 'Ajoutez « traçabilité "…" ».', en: 'Add "traçabilité "…"".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const systeme = protocolModel(protocole).first('SystemeInformation');
                if (systeme && !systeme.tracabilite) report(systeme);
            }
        })
    })
] as const;
