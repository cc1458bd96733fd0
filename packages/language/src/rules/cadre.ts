import { protocolModel } from '../model/protocol-model.js';
import { insertSectionFix, onTitle } from './fixes.js';
import { defineRule } from './rule.js';

const HOSPITAL = new Set(['établissement', 'ght']);

/**
 * L.4011-3, L.4011-4 to L.4011-4-3 — type, setting and decision (requirement `cadre`): national
 * protocols come with an economic model, local ones with the decision their setting requires.
 */
export const cadreRules = [
    defineRule({
        code: 'type-absent', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-3 ; L.4011-4', basis: 'source',
        title: { fr: 'Type de protocole non précisé', en: 'Protocol type not stated' },
        message: { fr: 'Le protocole ne dit pas s\'il est national ou local (« type national » ou « type local »).', en: 'The protocol does not say whether it is national or local ("type national" or "type local").' },
        rationale: { fr: 'Un protocole national (arrêté ministériel après avis de la HAS) et un protocole local (décision locale, déclaration à l\'ARS) ne suivent ni la même procédure ni les mêmes exigences.', en: 'National and local protocols follow different procedures and requirements.' },
        fix: { fr: 'Ajoutez « type national » ou « type local ».', en: 'Add "type national" or "type local".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                if (!protocolModel(protocole).type) report(protocole, {}, onTitle('TypeProtocole'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'cadre-absent', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-4 à L.4011-4-3', basis: 'source',
        title: { fr: 'Cadre d\'exercice non précisé', en: 'Setting not stated' },
        message: { fr: 'Le cadre d\'exercice n\'est pas précisé (« cadre msp, cpts… »).', en: 'The setting is not stated ("cadre msp, cpts…").' },
        rationale: { fr: 'Le cadre (établissement, GHT, MSP, centre de santé, ESP, CPTS, ESMS, inter-entités) détermine qui décide du protocole et où il s\'applique.', en: 'The setting determines who decides on the protocol and where it applies.' },
        fix: { fr: 'Ajoutez « cadre » suivi d\'un ou plusieurs cadres : établissement, ght, msp, centre-de-santé, esp, cpts, esms, inter-entités.', en: 'Add "cadre" followed by one or more settings.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                if (protocolModel(protocole).cadres.length === 0) report(protocole, {}, onTitle('Cadre'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'modele-economique-absent', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-3 I', basis: 'source',
        title: { fr: 'Modèle économique absent (protocole national)', en: 'Economic model missing (national protocol)' },
        message: { fr: 'Le modèle économique manque : un protocole national en est accompagné (« modèle économique "…" »).', en: 'The economic model is missing: a national protocol comes with one ("modèle économique "…"").' },
        rationale: { fr: 'Le CNCI accompagne la rédaction du protocole national et de son modèle économique et donne un avis sur son financement par l\'Assurance maladie.', en: 'The CNCI supports drafting the national protocol and its economic model and gives an opinion on its funding.' },
        fix: { fr: 'Ajoutez « modèle économique """…""" ».', en: 'Add "modèle économique """…"""".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                if (model.type === 'national' && !model.has('ModeleEconomique')) report(protocole, {}, onTitle('ModeleEconomique'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'statut-incompatible', severity: 'warning', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-4 ; L.4011-4-4', basis: 'source',
        title: { fr: 'Statut incompatible avec un protocole local', en: 'Status incompatible with a local protocol' },
        message: { fr: 'Un protocole local n\'est pas « autorisé » : il est décidé localement puis déclaré à l\'ARS (statut « déclaré »).', en: 'A local protocol is not "authorised": it is decided locally and declared to the ARS (status "déclaré").' },
        rationale: { fr: 'Seuls les protocoles nationaux sont autorisés par arrêté ; les protocoles locaux sont déclarés.', en: 'Only national protocols are authorised by arrêté; local ones are declared.' },
        fix: { fr: 'Remplacez par « statut déclaré » (ou brouillon, soumis…).', en: 'Use "statut déclaré" (or brouillon, soumis…).' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                const statut = model.first('Statut');
                if (model.type === 'local' && statut?.valeur === 'autorisé') report(statut);
            }
        })
    }),
    defineRule({
        code: 'decision-etablissement-absente', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-4', basis: 'source',
        title: { fr: 'Décision du directeur ou avis CME/CSIRMT absents', en: 'Director\'s decision or CME/CSIRMT opinions missing' },
        message: { fr: 'Un protocole local en établissement de santé ou GHT est décidé par le directeur après avis conforme de la CME et de la CSIRMT ; manque : {missing}.', en: 'A local protocol in a hospital or GHT is decided by the director after binding opinions of the CME and CSIRMT; missing: {missing}.' },
        rationale: { fr: 'Sans ces avis et cette décision, le protocole local ne peut pas être mis en œuvre ni déclaré à l\'ARS.', en: 'Without these opinions and decision, the local protocol can neither be implemented nor declared.' },
        fix: { fr: 'Ajoutez « gouvernance { avis cme du AAAA-MM-JJ  avis csirmt du …  décision directeur du … } ».', en: 'Add "gouvernance { avis cme du YYYY-MM-DD  avis csirmt du …  décision directeur du … }".' },
        checks: ({ locale }) => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                if (model.type !== 'local' || !model.cadres.some(cadre => HOSPITAL.has(cadre))) return;
                const actes = model.all('Gouvernance').flatMap(gouvernance => gouvernance.actes);
                const gouvernance = model.first('Gouvernance');
                // A half-typed « avis » or « décision » may lack its instance.
                const missing = [
                    !actes.some(a => a.$type === 'AvisInstance' && a.instance?.cme) && locale.pick({ fr: 'l\'avis de la CME', en: 'the CME opinion' }),
                    !actes.some(a => a.$type === 'AvisInstance' && a.instance?.csirmt) && locale.pick({ fr: 'l\'avis de la CSIRMT', en: 'the CSIRMT opinion' }),
                    !actes.some(a => a.$type === 'DecisionInstance' && a.instance?.directeur) && locale.pick({ fr: 'la décision du directeur', en: 'the director\'s decision' })
                ].filter(Boolean);
                if (missing.length > 0) report(gouvernance ?? protocole, { missing: missing.join(', ') }, gouvernance ? {} : onTitle('Gouvernance'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'decision-instance-absente', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-4-1 à L.4011-4-3', basis: 'source',
        title: { fr: 'Décision des instances absente', en: 'Decision of the governing bodies missing' },
        message: { fr: 'Un protocole local hors établissement est décidé par l\'instance de décision de chaque entité ({cadres}) : aucune décision n\'est indiquée.', en: 'A local protocol outside hospitals is decided by the deciding body of each entity ({cadres}): no decision is given.' },
        rationale: { fr: 'En exercice coordonné, en médico-social ou entre entités, chaque entité décide du protocole par son instance de décision.', en: 'In coordinated practice, medico-social settings or across entities, each entity decides through its deciding body.' },
        fix: { fr: 'Ajoutez « gouvernance { décision "Assemblée générale de la SISA" du AAAA-MM-JJ } ».', en: 'Add "gouvernance { décision "General assembly" du YYYY-MM-DD }".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                if (model.type !== 'local' || model.cadres.length === 0 || model.cadres.some(cadre => HOSPITAL.has(cadre))) return;
                const actes = model.all('Gouvernance').flatMap(gouvernance => gouvernance.actes);
                const gouvernance = model.first('Gouvernance');
                if (!actes.some(a => a.$type === 'DecisionInstance')) report(gouvernance ?? protocole, { cadres: model.cadres.join(', ') }, gouvernance ? {} : onTitle('Gouvernance'));
            }
        }),
        quickFix: insertSectionFix
    })
] as const;
