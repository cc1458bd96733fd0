import type { ArreteInstance, AvisInstance, Gouvernance, Protocole } from '../generated/ast.js';
import type { LocaleSetting } from '../i18n/locale.js';
import { instanceKind, isAvis, validDate } from '../model/governance.js';
import { protocolModel } from '../model/protocol-model.js';
import { defineRule } from './rule.js';

// ---------------------------------------------------------------------------------------------
// L.4011-3 — a national protocol is authorised by ministerial arrêté after the HAS opinion: its
// governance records the HAS opinion (number, date) and the arrêté (date, publication in the JO). A
// protocol of the former regime (article 51 of the HPST law, before 2019: « régime hpst ») records
// its history: the HAS « avis conforme », then the arrêté of the ARS director general.
// ---------------------------------------------------------------------------------------------

/** Statuses of a national protocol that has been authorised. */
const AUTHORISED = new Set(['autorisé', 'suspendu', 'abrogé']);

interface Governance {
    readonly blocks: Gouvernance[];
    readonly hpst: boolean;
    readonly has: AvisInstance[];
    readonly arretes: ArreteInstance[];
}

function governance(protocole: Protocole): Governance {
    const blocks = protocolModel(protocole).all('Gouvernance');
    return {
        blocks,
        hpst: blocks.some(block => block.hpst),
        has: blocks.flatMap(block => block.actes).filter(isAvis).filter(avis => instanceKind(avis.instance) === 'has'),
        arretes: blocks.flatMap(block => block.arretes)
    };
}

/** National and authorised, with its governance written (a protocol without it is not judged here). */
function authorisedNational(protocole: Protocole, record: Governance): boolean {
    const model = protocolModel(protocole);
    return model.type === 'national' && !record.hpst && record.blocks.length > 0 && AUTHORISED.has(model.first('Statut')?.valeur ?? '');
}

const and = (locale: LocaleSetting) => locale.pick({ fr: ' et ', en: ' and ' });

export const nationalRules = [
    defineRule({
        code: 'avis-has-incomplet', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-3', basis: 'source',
        title: { fr: 'Avis de la HAS absent ou sans numéro ni date', en: 'HAS opinion missing, or without number or date' },
        message: {
            fr: 'Manque {missing} : un protocole national autorisé cite l\'avis de la HAS qui précède son arrêté, par son numéro et sa date (« avis de la HAS numéro "…" du AAAA-MM-JJ favorable »).',
            en: 'Missing {missing}: an authorised national protocol cites the HAS opinion that precedes its arrêté, with its number and date (« avis de la HAS numéro "…" du YYYY-MM-DD favorable »).'
        },
        rationale: {
            fr: 'Un protocole national est autorisé par arrêté des ministres après avis de la HAS (L.4011-3) ; l\'avis publié porte un numéro et une date, que le relecteur et les équipes qui déclarent le protocole retrouvent.',
            en: 'A national protocol is authorised by ministerial arrêté after the HAS opinion (L.4011-3); the published opinion has a number and a date.'
        },
        fix: { fr: 'Écrivez « avis de la HAS numéro "2019.0087/AC/SA3P" du 2019-10-17 favorable » dans « gouvernance ».', en: 'Write « avis de la HAS numéro "2019.0087/AC/SA3P" du 2019-10-17 favorable » in « gouvernance ».' },
        checks: ({ locale }) => ({
            Protocole: (protocole, report) => {
                const record = governance(protocole);
                for (const avis of record.has) {
                    const missing = [
                        !avis.numero?.trim() && locale.pick({ fr: 'le numéro de l\'avis de la HAS (« numéro "…" »)', en: 'the number of the HAS opinion (« numéro "…" »)' }),
                        !avis.date && locale.pick({ fr: 'la date de l\'avis de la HAS (« du AAAA-MM-JJ »)', en: 'the date of the HAS opinion (« du YYYY-MM-DD »)' })
                    ].filter((text): text is string => typeof text === 'string');
                    if (missing.length > 0) report(avis, { missing: missing.join(and(locale)) });
                }
                if (record.has.length === 0 && authorisedNational(protocole, record)) {
                    report(record.blocks[0], { missing: locale.pick({ fr: 'l\'avis de la HAS', en: 'the HAS opinion' }) });
                }
            }
        })
    }),
    defineRule({
        code: 'arrete-incomplet', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-3', basis: 'source',
        title: { fr: 'Arrêté d\'autorisation absent, incomplet ou mal daté', en: 'Authorising arrêté missing, incomplete or misdated' },
        message: { fr: '{probleme}', en: '{probleme}' },
        rationale: {
            fr: 'Un protocole national est autorisé par un arrêté des ministres, pris après l\'avis de la HAS et publié au Journal officiel : la date de l\'arrêté et celle du JO disent depuis quand les équipes peuvent le déclarer.',
            en: 'A national protocol is authorised by a ministerial arrêté, taken after the HAS opinion and published in the Journal officiel.'
        },
        fix: { fr: 'Écrivez « arrêté du 2020-03-06 jo du 2020-03-08 » dans « gouvernance », après l\'avis de la HAS.', en: 'Write « arrêté du 2020-03-06 jo du 2020-03-08 » in « gouvernance », after the HAS opinion.' },
        checks: ({ locale }) => ({
            Protocole: (protocole, report) => {
                const record = governance(protocole);
                if (record.hpst) return;
                const national = record.arretes.filter(arrete => !arrete.ars);
                const avisDate = record.has.map(avis => validDate(avis.date)).filter((date): date is string => !!date).sort().at(-1);
                for (const arrete of national) {
                    const date = validDate(arrete.date), jo = validDate(arrete.jo);
                    const missing = [
                        !arrete.date && locale.pick({ fr: 'sa date (« du AAAA-MM-JJ »)', en: 'its date (« du YYYY-MM-DD »)' }),
                        !arrete.jo && locale.pick({ fr: 'sa publication au Journal officiel (« jo du AAAA-MM-JJ »)', en: 'its publication in the Journal officiel (« jo du YYYY-MM-DD »)' })
                    ].filter((text): text is string => typeof text === 'string');
                    if (missing.length > 0) {
                        report(arrete, { probleme: locale.pick({ fr: `L'arrêté ne précise pas ${missing.join(' ni ')}.`, en: `The arrêté does not state ${missing.join(' nor ')}.` }) });
                    } else if (date && jo && jo < date) {
                        report(arrete, { probleme: locale.pick({ fr: `L'arrêté du ${date} est publié au JO le ${jo}, avant d'être pris : vérifiez les dates.`, en: `The arrêté of ${date} is published in the JO on ${jo}, before it was taken: check the dates.` }) }, { property: 'jo' });
                    } else if (date && avisDate && date < avisDate) {
                        report(arrete, { probleme: locale.pick({ fr: `L'arrêté du ${date} précède l'avis de la HAS du ${avisDate} : un protocole national est autorisé après cet avis.`, en: `The arrêté of ${date} precedes the HAS opinion of ${avisDate}: a national protocol is authorised after it.` }) }, { property: 'date' });
                    }
                }
                if (national.length === 0 && authorisedNational(protocole, record)) {
                    report(record.blocks[0], { probleme: locale.pick({
                        fr: 'Le protocole national est « autorisé » mais sa gouvernance ne cite pas l\'arrêté qui l\'autorise (« arrêté du AAAA-MM-JJ jo du AAAA-MM-JJ »).',
                        en: 'The national protocol is "autorisé" but its governance does not cite the arrêté authorising it (« arrêté du YYYY-MM-DD jo du YYYY-MM-DD »).'
                    }) });
                }
            }
        })
    }),
    defineRule({
        code: 'historique-hpst-incomplet', severity: 'error', category: 'cadre', requirement: 'cadre', legalBasis: 'L.4011-2 (rédaction de la loi HPST)', basis: 'source',
        title: { fr: 'Historique d\'un protocole de l\'ancien régime (HPST) incomplet', en: 'History of a former-regime (HPST) protocol incomplete' },
        message: { fr: '{probleme}', en: '{probleme}' },
        rationale: {
            fr: 'Avant 2019, un protocole (article 51 de la loi HPST) était autorisé par arrêté du directeur général de l\'ARS après avis conforme de la HAS : un protocole de cet ancien régime garde cet historique, que le relecteur vérifie.',
            en: 'Before 2019 a protocol (article 51 of the HPST law) was authorised by an arrêté of the ARS director general after the binding opinion of the HAS: such a protocol keeps this history.'
        },
        fix: { fr: 'Écrivez dans « gouvernance » : « régime hpst », « avis conforme de la HAS numéro "…" du AAAA-MM-JJ favorable », « arrêté ars du AAAA-MM-JJ ».', en: 'Write in « gouvernance »: « régime hpst », « avis conforme de la HAS numéro "…" du YYYY-MM-DD favorable », « arrêté ars du YYYY-MM-DD ».' },
        checks: ({ locale }) => ({
            Gouvernance: (block, report) => {
                if (!block.hpst) return;
                const protocole = block.$container as Protocole | undefined;
                if (!protocole || protocolModel(protocole).first('Gouvernance') !== block) return;
                const record = governance(protocole);
                const avis = record.has.filter(item => item.conforme);
                const ars = record.arretes.filter(arrete => arrete.ars);
                const missing = [
                    avis.length === 0 && locale.pick({ fr: 'l\'avis conforme de la HAS (« avis conforme de la HAS numéro "…" du AAAA-MM-JJ favorable »)', en: 'the binding HAS opinion (« avis conforme de la HAS numéro "…" du YYYY-MM-DD favorable »)' }),
                    ars.length === 0 && locale.pick({ fr: 'l\'arrêté de l\'ARS qui l\'a autorisé (« arrêté ars du AAAA-MM-JJ »)', en: 'the ARS arrêté that authorised it (« arrêté ars du YYYY-MM-DD »)' })
                ].filter((text): text is string => typeof text === 'string');
                if (missing.length > 0) {
                    report(block, { probleme: locale.pick({ fr: `Protocole de l'ancien régime (HPST) : son historique ne cite pas ${missing.join(' ni ')}.`, en: `Former-regime (HPST) protocol: its history does not cite ${missing.join(' nor ')}.` }) }, { keyword: 'régime' });
                    return;
                }
                const avisDate = avis.map(item => validDate(item.date)).filter((date): date is string => !!date).sort()[0];
                for (const arrete of ars) {
                    const date = validDate(arrete.date);
                    if (!arrete.date) report(arrete, { probleme: locale.pick({ fr: 'L\'arrêté de l\'ARS ne précise pas sa date (« arrêté ars du AAAA-MM-JJ »).', en: 'The ARS arrêté does not state its date (« arrêté ars du YYYY-MM-DD »).' }) });
                    else if (date && avisDate && date < avisDate) {
                        report(arrete, { probleme: locale.pick({ fr: `L'arrêté de l'ARS du ${date} précède l'avis conforme de la HAS du ${avisDate} : il a été pris après cet avis.`, en: `The ARS arrêté of ${date} precedes the binding HAS opinion of ${avisDate}: it was taken after it.` }) }, { property: 'date' });
                    }
                }
            }
        })
    })
] as const;
