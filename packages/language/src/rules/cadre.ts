import type { ActeGouvernance, DecisionInstance, Protocole } from '../generated/ast.js';
import { instanceKind, instanceLabel, isAvis, isBinding, isDecision, outcome, validDate } from '../model/governance.js';
import { protocolModel } from '../model/protocol-model.js';
import { insertSectionFix, onTitle } from './fixes.js';
import { defineRule } from './rule.js';

const HOSPITAL = new Set(['établissement', 'ght']);

function governanceActs(protocole: Protocole): ActeGouvernance[] {
    return protocolModel(protocole).all('Gouvernance').flatMap(gouvernance => gouvernance.actes);
}

function isHospital(protocole: Protocole): boolean {
    return protocolModel(protocole).cadres.some(cadre => HOSPITAL.has(cadre));
}

/** « l'avis de la CME », « la décision du directeur » (with « de » + article folded as French writes it). */
function actLabel(acte: ActeGouvernance, locale: { pick(text: { fr: string; en: string }): string }): string {
    const body = instanceLabel(acte.instance);
    const of = (fr: string) => fr.startsWith('le ') ? `du ${fr.slice(3)}` : `de ${fr}`;
    return isAvis(acte)
        ? locale.pick({ fr: `l'avis ${of(body.fr)}`, en: `the opinion of ${body.en}` })
        : locale.pick({ fr: `la décision ${of(body.fr)}`, en: `the decision of ${body.en}` });
}

function capitalized(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The latest dated decision, if any. */
function decisions(protocole: Protocole): DecisionInstance[] {
    return governanceActs(protocole).filter(isDecision);
}

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
                // Committees under their usual names too (« "Commission médicale d'établissement" »).
                const missing = [
                    !actes.some(a => isAvis(a) && instanceKind(a.instance) === 'cme') && locale.pick({ fr: 'l\'avis de la CME', en: 'the CME opinion' }),
                    !actes.some(a => isAvis(a) && instanceKind(a.instance) === 'csirmt') && locale.pick({ fr: 'l\'avis de la CSIRMT', en: 'the CSIRMT opinion' }),
                    !actes.some(a => isDecision(a) && instanceKind(a.instance) === 'directeur') && locale.pick({ fr: 'la décision du directeur', en: 'the director\'s decision' })
                ].filter(Boolean);
                if (missing.length > 0) report(gouvernance ?? protocole, { missing: missing.join(', ') }, gouvernance ? {} : onTitle('Gouvernance'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'gouvernance-incomplete', severity: 'warning', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-4 ; L.4011-4-1 à L.4011-4-3', basis: 'inference',
        title: { fr: 'Avis sans issue ou sans date, décision sans date', en: 'Opinion without outcome or date, decision without date' },
        message: { fr: '{acte} ne précise pas {missing}.', en: '{acte} does not state {missing}.' },
        rationale: {
            fr: 'Un avis ne vaut que par son issue (favorable, favorable avec réserves, défavorable) et sa date ; une décision par sa date : c\'est ce que l\'ARS et le relecteur vérifient (la décision suit les avis qu\'elle requiert).',
            en: 'An opinion counts through its outcome and date, a decision through its date: that is what the ARS and the reviewer check.'
        },
        fix: { fr: 'Écrivez par exemple « avis conforme de la CME du 2025-01-15 favorable » ou « décision du directeur du 2025-02-01 ».', en: 'Write e.g. "avis conforme de la CME du 2025-01-15 favorable" or "décision du directeur du 2025-02-01".' },
        checks: ({ locale }) => ({
            AvisInstance: (avis, report) => {
                if (!avis.instance) return;
                const missing = [
                    !outcome(avis) && locale.pick({ fr: 'son issue (favorable, favorable avec réserves ou défavorable)', en: 'its outcome (favorable, favorable with reservations or unfavourable)' }),
                    !avis.date && locale.pick({ fr: 'sa date (« du AAAA-MM-JJ »)', en: 'its date ("du YYYY-MM-DD")' })
                ].filter((text): text is string => typeof text === 'string');
                if (missing.length > 0) report(avis, { acte: capitalized(actLabel(avis, locale)), missing: missing.join(locale.pick({ fr: ' ni ', en: ' nor ' })) });
            },
            DecisionInstance: (decision, report) => {
                if (decision.instance && !decision.date) report(decision, { acte: capitalized(actLabel(decision, locale)), missing: locale.pick({ fr: 'sa date (« du AAAA-MM-JJ »)', en: 'its date ("du YYYY-MM-DD")' }) });
            }
        })
    }),
    defineRule({
        code: 'avis-avec-reserves', severity: 'info', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-4', basis: 'inference', review: true,
        title: { fr: 'Avis favorable avec réserves : levée à vérifier', en: 'Favourable opinion with reservations: to be checked' },
        message: { fr: '{avis} est favorable avec réserves ({reserves}) : le relecteur vérifie que le protocole les lève.', en: '{avis} is favourable with reservations ({reserves}): the reviewer checks that the protocol addresses them.' },
        rationale: {
            fr: 'Seul un relecteur peut juger qu\'une réserve est levée par le texte : l\'outil signale le point à lire, il ne compte pas l\'exigence comme manquante.',
            en: 'Only a reviewer can judge that the text addresses a reservation: the tool points it out without counting the requirement as missing.'
        },
        fix: { fr: 'Décrivez la réserve et la façon dont elle est levée dans le texte de l\'avis (« … favorable avec réserves "Réserve levée : …" »).', en: 'Describe the reservation and how it is addressed in the opinion\'s text.' },
        checks: ({ locale }) => ({
            AvisInstance: (avis, report) => {
                if (outcome(avis) !== 'réserves') return;
                const reserves = avis.detail?.trim()
                    ? locale.pick({ fr: `« ${avis.detail.trim()} »`, en: `"${avis.detail.trim()}"` })
                    : locale.pick({ fr: 'réserves non décrites', en: 'reservations not described' });
                report(avis, { avis: capitalized(actLabel(avis, locale)), reserves });
            }
        })
    }),
    defineRule({
        code: 'decision-apres-avis-defavorable', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-4', basis: 'source',
        title: { fr: 'Décision malgré un avis conforme défavorable', en: 'Decision despite an unfavourable binding opinion' },
        message: { fr: '{avis} est un avis conforme défavorable : aucune décision ne peut mettre le protocole en œuvre ({decision}).', en: '{avis} is an unfavourable binding opinion: no decision can implement the protocol ({decision}).' },
        rationale: {
            fr: 'En établissement de santé, le directeur décide après avis conforme de la CME et de la CSIRMT : un avis conforme lie la décision, un avis défavorable l\'interdit.',
            en: 'In hospitals the director decides after binding opinions of the CME and CSIRMT: an unfavourable binding opinion forbids the decision.'
        },
        fix: { fr: 'Faites revoir le protocole et obtenez un nouvel avis favorable avant la décision, ou retirez la décision.', en: 'Have the protocol revised and obtain a new favourable opinion before deciding, or remove the decision.' },
        checks: ({ locale }) => ({
            Protocole: (protocole, report) => {
                const actes = governanceActs(protocole);
                const hospital = isHospital(protocole);
                const binding = actes.filter(isAvis).filter(avis => isBinding(avis, hospital));
                for (const decision of actes.filter(isDecision)) {
                    const decided = validDate(decision.date);
                    // A later favourable opinion of the same body replaces an earlier unfavourable one.
                    const against = binding.find(avis => outcome(avis) === 'défavorable' && !binding.some(other => other !== avis
                        && instanceKind(other.instance) === instanceKind(avis.instance) && outcome(other) !== 'défavorable' && outcome(other) !== undefined
                        && (validDate(other.date) ?? '') > (validDate(avis.date) ?? '')));
                    if (!against) continue;
                    if (decided && validDate(against.date) && validDate(against.date)! > decided) continue;
                    report(decision, { avis: capitalized(actLabel(against, locale)) + (against.date ? ` ${locale.pick({ fr: 'du', en: 'of' })} ${against.date}` : ''), decision: actLabel(decision, locale) });
                }
            }
        })
    }),
    defineRule({
        code: 'decision-avant-avis', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-4', basis: 'source',
        title: { fr: 'Décision datée avant un avis qu\'elle requiert', en: 'Decision dated before an opinion it requires' },
        message: { fr: '{decision} du {date} précède {avis} du {avisDate}, qu\'elle requiert.', en: '{decision} of {date} precedes {avis} of {avisDate}, which it requires.' },
        rationale: {
            fr: 'Le directeur décide « après avis conforme » de la CME et de la CSIRMT : une décision datée avant l\'un de ces avis n\'a pas pu en tenir compte.',
            en: 'The director decides "after the binding opinion" of the CME and CSIRMT: a decision dated before one of them could not take it into account.'
        },
        fix: { fr: 'Vérifiez les dates : la décision vient après tous les avis conformes.', en: 'Check the dates: the decision comes after every binding opinion.' },
        checks: ({ locale }) => ({
            Protocole: (protocole, report) => {
                const actes = governanceActs(protocole);
                const hospital = isHospital(protocole);
                const binding = actes.filter(isAvis).filter(avis => isBinding(avis, hospital) && validDate(avis.date));
                for (const decision of actes.filter(isDecision)) {
                    const decided = validDate(decision.date);
                    if (!decided) continue;
                    const later = binding.filter(avis => validDate(avis.date)! > decided).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))[0];
                    if (later) report(decision, { decision: capitalized(actLabel(decision, locale)), date: decided, avis: actLabel(later, locale), avisDate: later.date ?? '' }, { property: 'date' });
                }
            }
        })
    }),
    defineRule({
        code: 'statut-avant-decision', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-4 ; L.4011-4-4', basis: 'inference',
        title: { fr: 'Statut ou date du protocole incohérents avec la décision', en: 'Protocol status or date inconsistent with the decision' },
        message: { fr: '{probleme}', en: '{probleme}' },
        rationale: {
            fr: 'Un protocole local est décidé puis déclaré à l\'ARS : il ne peut pas être « déclaré » sans décision datée, et la version décrite doit être celle qui a été décidée (datée au plus tard le jour de la décision).',
            en: 'A local protocol is decided, then declared: it cannot be "declared" without a dated decision, and the version described must be the one decided (dated no later than the decision).'
        },
        fix: { fr: 'Datez la décision, ou repassez le statut à « soumis » ; faites décider la nouvelle version si le texte a changé depuis.', en: 'Date the decision, or set the status back to "soumis"; have the new version decided if the text changed since.' },
        checks: ({ locale }) => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                if (model.type !== 'local') return;
                const statut = model.first('Statut');
                const dated = decisions(protocole).map(decision => ({ decision, date: validDate(decision.date) })).filter(item => item.date !== undefined);
                const latest = dated.sort((a, b) => a.date!.localeCompare(b.date!)).at(-1);
                if (statut?.valeur === 'déclaré' && decisions(protocole).length > 0 && !latest) {
                    report(statut, { probleme: locale.pick({ fr: 'Le protocole est « déclaré » mais aucune décision n\'est datée : la déclaration suit la décision.', en: 'The protocol is "declared" but no decision is dated: the declaration follows the decision.' }) });
                    return;
                }
                const version = model.first('DateProtocole');
                const versionDate = validDate(version?.valeur);
                if (version && versionDate && latest && versionDate > latest.date! && statut?.valeur !== 'brouillon') {
                    report(version, { probleme: locale.pick({
                        fr: `La version du ${versionDate} est postérieure à ${actLabel(latest.decision, locale)} du ${latest.date} : la décision porte sur une version antérieure.`,
                        en: `The version of ${versionDate} is later than ${actLabel(latest.decision, locale)} of ${latest.date}: the decision is about an earlier version.`
                    }) });
                }
            }
        })
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
