import type { ValidationChecks } from 'langium';
import type { CoopServices } from '../coop-module.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import type { CoopAstType } from '../generated/ast.js';
import { protocolModel } from '../model/protocol-model.js';

/** Type and setting: national protocols need an economic model, local ones the right decision. */
export const settingDefinitions = [
    defineDiagnostic({
        code: 'type-absent', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-3 ; L.4011-4', basis: 'source',
        title: { fr: 'Type de protocole non précisé', en: 'Protocol type not stated' },
        message: { fr: 'Le protocole ne dit pas s\'il est national ou local (« type national » ou « type local »).', en: 'The protocol does not say whether it is national or local ("type national" or "type local").' },
        rationale: { fr: 'Un protocole national (arrêté ministériel après avis de la HAS) et un protocole local (décision locale, déclaration à l\'ARS) ne suivent ni la même procédure ni les mêmes exigences.', en: 'National and local protocols follow different procedures and requirements.' },
        fix: { fr: 'Ajoutez « type national » ou « type local ».', en: 'Add "type national" or "type local".' }
    }),
    defineDiagnostic({
        code: 'cadre-absent', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-4 à L.4011-4-3', basis: 'source',
        title: { fr: 'Cadre d\'exercice non précisé', en: 'Setting not stated' },
        message: { fr: 'Le cadre d\'exercice n\'est pas précisé (« cadre msp, cpts… »).', en: 'The setting is not stated ("cadre msp, cpts…").' },
        rationale: { fr: 'Le cadre (établissement, GHT, MSP, centre de santé, ESP, CPTS, ESMS, inter-entités) détermine qui décide du protocole et où il s\'applique.', en: 'The setting determines who decides on the protocol and where it applies.' },
        fix: { fr: 'Ajoutez « cadre » suivi d\'un ou plusieurs cadres : établissement, ght, msp, centre-de-santé, esp, cpts, esms, inter-entités.', en: 'Add "cadre" followed by one or more settings.' }
    }),
    defineDiagnostic({
        code: 'modele-economique-absent', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-3 I', basis: 'source',
        title: { fr: 'Modèle économique absent (protocole national)', en: 'Economic model missing (national protocol)' },
        message: { fr: 'Le modèle économique manque : un protocole national en est accompagné (« modèle économique "…" »).', en: 'The economic model is missing: a national protocol comes with one ("modèle économique "…"").' },
        rationale: { fr: 'Le CNCI accompagne la rédaction du protocole national et de son modèle économique et donne un avis sur son financement par l\'Assurance maladie.', en: 'The CNCI supports drafting the national protocol and its economic model and gives an opinion on its funding.' },
        fix: { fr: 'Ajoutez « modèle économique """…""" ».', en: 'Add "modèle économique """…"""".' }
    }),
    defineDiagnostic({
        code: 'decision-etablissement-absente', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-4', basis: 'source',
        title: { fr: 'Décision du directeur ou avis CME/CSIRMT absents', en: 'Director\'s decision or CME/CSIRMT opinions missing' },
        message: { fr: 'Un protocole local en établissement de santé ou GHT est décidé par le directeur après avis conforme de la CME et de la CSIRMT ; manque : {missing}.', en: 'A local protocol in a hospital or GHT is decided by the director after binding opinions of the CME and CSIRMT; missing: {missing}.' },
        rationale: { fr: 'Sans ces avis et cette décision, le protocole local ne peut pas être mis en œuvre ni déclaré à l\'ARS.', en: 'Without these opinions and decision, the local protocol can neither be implemented nor declared.' },
        fix: { fr: 'Ajoutez « gouvernance { avis cme du AAAA-MM-JJ  avis csirmt du …  décision directeur du … } ».', en: 'Add "gouvernance { avis cme du YYYY-MM-DD  avis csirmt du …  décision directeur du … }".' }
    }),
    defineDiagnostic({
        code: 'decision-instance-absente', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-4-1 à L.4011-4-3', basis: 'source',
        title: { fr: 'Décision des instances absente', en: 'Decision of the governing bodies missing' },
        message: { fr: 'Un protocole local hors établissement est décidé par l\'instance de décision de chaque entité ({cadres}) : aucune décision n\'est indiquée.', en: 'A local protocol outside hospitals is decided by the deciding body of each entity ({cadres}): no decision is given.' },
        rationale: { fr: 'En exercice coordonné, en médico-social ou entre entités, chaque entité décide du protocole par son instance de décision.', en: 'In coordinated practice, medico-social settings or across entities, each entity decides through its deciding body.' },
        fix: { fr: 'Ajoutez « gouvernance { décision "Assemblée générale de la SISA" du AAAA-MM-JJ } ».', en: 'Add "gouvernance { décision "General assembly" du YYYY-MM-DD }".' }
    }),
    defineDiagnostic({
        code: 'statut-incompatible', severity: 'warning', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-4 ; L.4011-4-4', basis: 'source',
        title: { fr: 'Statut incompatible avec un protocole local', en: 'Status incompatible with a local protocol' },
        message: { fr: 'Un protocole local n\'est pas « autorisé » : il est décidé localement puis déclaré à l\'ARS (statut « déclaré »).', en: 'A local protocol is not "authorised": it is decided locally and declared to the ARS (status "déclaré").' },
        rationale: { fr: 'Seuls les protocoles nationaux sont autorisés par arrêté ; les protocoles locaux sont déclarés.', en: 'Only national protocols are authorised by arrêté; local ones are declared.' },
        fix: { fr: 'Remplacez par « statut déclaré » (ou brouillon, soumis…).', en: 'Use "statut déclaré" (or brouillon, soumis…).' }
    })
] as const;

const HOSPITAL = new Set(['établissement', 'ght']);

export function settingChecks(services: CoopServices): ValidationChecks<CoopAstType> {
    const reporter = services.validation.DiagnosticReporter;
    const locale = services.i18n.Locale;
    return {
        Protocole: (protocole, accept) => {
            const model = protocolModel(protocole);
            const at = (section: string) => ({ property: 'titre' as const, data: { section } });
            if (!model.type) reporter.report(accept, 'type-absent', protocole, {}, at('TypeProtocole'));
            if (model.cadres.length === 0) reporter.report(accept, 'cadre-absent', protocole, {}, at('Cadre'));
            if (model.type === 'national' && !model.has('ModeleEconomique')) {
                reporter.report(accept, 'modele-economique-absent', protocole, {}, at('ModeleEconomique'));
            }
            if (model.type !== 'local') return;
            const statut = model.first('Statut');
            if (statut?.valeur === 'autorisé') reporter.report(accept, 'statut-incompatible', statut);
            const actes = model.all('Gouvernance').flatMap(gouvernance => gouvernance.actes);
            const gouvernance = model.first('Gouvernance');
            if (model.cadres.some(cadre => HOSPITAL.has(cadre))) {
                const missing = [
                    !actes.some(a => a.$type === 'AvisInstance' && a.instance.cme) && locale.pick({ fr: 'l\'avis de la CME', en: 'the CME opinion' }),
                    !actes.some(a => a.$type === 'AvisInstance' && a.instance.csirmt) && locale.pick({ fr: 'l\'avis de la CSIRMT', en: 'the CSIRMT opinion' }),
                    !actes.some(a => a.$type === 'DecisionInstance' && a.instance.directeur) && locale.pick({ fr: 'la décision du directeur', en: 'the director\'s decision' })
                ].filter(Boolean);
                if (missing.length > 0) {
                    reporter.report(accept, 'decision-etablissement-absente', gouvernance ?? protocole, { missing: missing.join(', ') }, gouvernance ? {} : at('Gouvernance'));
                }
            } else if (model.cadres.length > 0 && !actes.some(a => a.$type === 'DecisionInstance')) {
                reporter.report(accept, 'decision-instance-absente', gouvernance ?? protocole, { cadres: model.cadres.join(', ') }, gouvernance ? {} : at('Gouvernance'));
            }
        }
    };
}
