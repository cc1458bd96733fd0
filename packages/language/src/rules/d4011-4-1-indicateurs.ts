import type { Cible, Indicateur } from '../generated/ast.js';
import { isProtocole } from '../generated/ast.js';
import { protocolModel } from '../model/protocol-model.js';
import { fold } from '../model/text.js';
import { insertSectionFix, onTitle } from './fixes.js';
import { defineRule } from './rule.js';

const mandatory = <const C extends string>(code: C, exigence: NonNullable<Indicateur['exigence']>, frName: string, enName: string, frDef: string, enDef: string) => defineRule({
    code, severity: 'error', category: 'indicateurs', requirement: 'indicateurs', legalBasis: 'D.4011-4-1 ; D.4011-4-2', basis: 'source',
    title: { fr: `Indicateur obligatoire absent : ${frName}`, en: `Mandatory indicator missing: ${enName}` },
    message: {
        fr: `L'indicateur obligatoire « ${frName} » manque (un indicateur avec « exigence ${exigence} »).`,
        en: `The mandatory indicator "${enName}" is missing (an indicator with "exigence ${exigence}").`
    },
    rationale: {
        fr: `Chaque année, l'équipe transmet au moins quatre indicateurs ; celui-ci est défini ainsi : ${frDef}.`,
        en: `Each year the team reports at least four indicators; this one is defined as: ${enDef}.`
    },
    fix: {
        fr: `Ajoutez « indicateur … { exigence ${exigence} … } », ou « utilise » un indicateur de bibliothèque.`,
        en: `Add "indicateur … { exigence ${exigence} … }", or "utilise" a library indicator.`
    },
    checks: () => ({
        Protocole: (protocole, report) => {
            if (!protocolModel(protocole).indicateurs.some(indicateur => indicateur.exigence === exigence)) {
                report(protocole, {}, onTitle('Indicateur', { exigence }));
            }
        }
    }),
    quickFix: insertSectionFix
});

const RATE_EXIGENCES = new Set(['reprise', 'événements-indésirables', 'satisfaction-professionnels']);

function isRate(indicateur: Indicateur): boolean {
    return indicateur.nature === 'taux' || (indicateur.nature === undefined && RATE_EXIGENCES.has(indicateur.exigence ?? ''));
}

function show(cible: Cible): string {
    return `« ${cible.operateur ?? ''}${cible.operateur ? ' ' : ''}${cible.valeur}${cible.pourcent ? ' %' : ''} »`;
}

/** Why the threshold does not flag a gap from the target, or undefined when it is consistent. */
function thresholdProblem(objectif: Cible, seuil: Cible, fr: boolean): string | undefined {
    if (objectif.valeur === undefined || seuil.valeur === undefined || !objectif.operateur || !seuil.operateur) return undefined;
    const wantsLow = objectif.operateur.startsWith('<') || objectif.operateur === '≤';
    const alertsHigh = seuil.operateur.startsWith('>') || seuil.operateur === '≥';
    if (wantsLow !== alertsHigh) {
        return fr ? 'il va dans le même sens que l\'objectif.' : 'it points the same way as the target.';
    }
    if (wantsLow ? seuil.valeur < objectif.valeur : seuil.valeur > objectif.valeur) {
        return fr ? 'il se déclencherait alors que l\'objectif est atteint.' : 'it would trigger while the target is met.';
    }
    return undefined;
}

/** D.4011-4-1 and D.4011-4-2 — the mandatory monitoring indicators (requirement `indicateurs`). */
export const indicateursRules = [
    mandatory('indicateur-patients-absent', 'patients', 'nombre de patients pris en charge', 'number of patients cared for',
        'nombre de patients pris en charge au titre du protocole', 'number of patients cared for under the protocol'),
    mandatory('indicateur-reprise-absent', 'reprise', 'taux de reprise par le délégant', 'takeover rate by the delegating professional',
        'actes réalisés par le délégant à la demande du délégué ÷ actes réalisés par le délégué', 'acts done by the delegating professional at the delegate\'s request ÷ acts done by the delegate'),
    mandatory('indicateur-ei-absent', 'événements-indésirables', 'nature et taux des événements indésirables', 'nature and rate of adverse events',
        'événements indésirables déclarés ÷ actes réalisés par le délégué, avec la nature de chacun', 'adverse events reported ÷ acts done by the delegate, with the nature of each'),
    mandatory('indicateur-satisfaction-absent', 'satisfaction-professionnels', 'taux de satisfaction des professionnels', 'professional satisfaction rate',
        'professionnels « satisfaits » ou « très satisfaits » ÷ professionnels ayant répondu au questionnaire', 'professionals "satisfied" or "very satisfied" ÷ professionals who answered'),
    defineRule({
        code: 'indicateur-taux-incomplet', severity: 'error', category: 'indicateurs', requirement: 'indicateurs', legalBasis: 'D.4011-4-1 ; D.4011-4-2', basis: 'source',
        title: { fr: 'Taux sans numérateur ou dénominateur', en: 'Rate without numerator or denominator' },
        message: { fr: 'L\'indicateur « {name} » est un taux mais n\'a pas de {missing}.', en: 'Indicator "{name}" is a rate but has no {missing}.' },
        rationale: { fr: 'Un taux n\'est calculable et comparable d\'une année à l\'autre que si son numérateur et son dénominateur sont définis.', en: 'A rate can only be computed and compared year to year if its numerator and denominator are defined.' },
        fix: { fr: 'Ajoutez « numérateur "…" » et « dénominateur "…" ».', en: 'Add "numérateur "…"" and "dénominateur "…"".' },
        checks: ({ locale }) => ({
            Indicateur: (indicateur, report) => {
                if (!isRate(indicateur)) return;
                // « définition légale »: the numerator and denominator of D.4011-4-1 (LEGAL_DEFINITIONS).
                if (indicateur.legale && indicateur.exigence) return;
                const missing = [
                    !indicateur.numerateur && !indicateur.compteNumerateur && locale.pick({ fr: 'numérateur', en: 'numerator' }),
                    !indicateur.denominateur && !indicateur.compteDenominateur && locale.pick({ fr: 'dénominateur', en: 'denominator' })
                ].filter(Boolean);
                if (missing.length > 0) {
                    report(indicateur, { name: indicateur.name, missing: missing.join(locale.pick({ fr: ' ni de ', en: ' nor ' })) }, { property: 'name' });
                }
            }
        })
    }),
    defineRule({
        code: 'indicateur-periodicite-absente', severity: 'warning', category: 'indicateurs', requirement: 'indicateurs', legalBasis: 'L.4011-4 II ; D.4011-4', basis: 'source',
        title: { fr: 'Périodicité de l\'indicateur non précisée', en: 'Indicator periodicity not stated' },
        message: { fr: 'L\'indicateur « {name} » n\'a pas de périodicité (« périodicité annuelle »).', en: 'Indicator "{name}" has no periodicity ("périodicité annuelle").' },
        rationale: { fr: 'Les indicateurs sont transmis chaque année ; la périodicité de recueil doit être connue.', en: 'Indicators are reported yearly; the collection periodicity must be known.' },
        fix: { fr: 'Ajoutez « périodicité annuelle » (ou semestrielle, trimestrielle…).', en: 'Add "périodicité annuelle" (or semestrielle, trimestrielle…).' },
        checks: () => ({
            Indicateur: (indicateur, report) => {
                if (!indicateur.periodicite) report(indicateur, { name: indicateur.name }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'pourcentage-invalide', severity: 'error', category: 'indicateurs', requirement: 'indicateurs', basis: 'langage',
        title: { fr: 'Pourcentage hors de 0–100', en: 'Percentage outside 0–100' },
        message: { fr: 'Un pourcentage doit être compris entre 0 et 100 % (trouvé {value} %).', en: 'A percentage must lie between 0 and 100 % (found {value} %).' },
        rationale: { fr: 'Un taux exprimé en pourcentage ne peut pas dépasser 100 %.', en: 'A rate expressed as a percentage cannot exceed 100 %.' },
        fix: { fr: 'Corrigez la valeur.', en: 'Fix the value.' },
        checks: () => ({
            Indicateur: (indicateur, report) => {
                for (const property of ['objectif', 'seuil'] as const) {
                    const cible = indicateur[property];
                    if (cible?.pourcent && cible.valeur !== undefined && (cible.valeur < 0 || cible.valeur > 100)) {
                        report(indicateur, { value: cible.valeur }, { property });
                    }
                }
            }
        })
    }),
    defineRule({
        code: 'seuil-incoherent', severity: 'warning', category: 'indicateurs', requirement: 'indicateurs', legalBasis: 'Arrêté du 21 juillet 2010 (seuils d\'alerte)', basis: 'inference',
        title: { fr: 'Seuil d\'alerte incohérent avec l\'objectif', en: 'Alert threshold inconsistent with the target' },
        message: { fr: 'Le seuil d\'alerte {seuil} de « {name} » ne signale pas un écart à l\'objectif {objectif} : {reason}', en: 'Alert threshold {seuil} of "{name}" does not flag a gap from the target {objectif}: {reason}' },
        rationale: { fr: 'Le seuil d\'alerte doit se déclencher quand l\'indicateur s\'éloigne de l\'objectif : dans le sens opposé à l\'objectif, et au-delà de lui.', en: 'The alert threshold must trigger when the indicator moves away from the target: in the opposite direction, and beyond it.' },
        fix: { fr: 'Pour un objectif « < 10 % », donnez un seuil « > 10 % » ou plus ; pour « > 80 % », un seuil « < 80 % » ou moins.', en: 'For a target "< 10 %", give a threshold "> 10 %" or more; for "> 80 %", a threshold "< 80 %" or less.' },
        checks: ({ locale }) => ({
            Indicateur: (indicateur, report) => {
                if (!indicateur.objectif || !indicateur.seuil) return;
                const reason = thresholdProblem(indicateur.objectif, indicateur.seuil, locale.current === 'fr');
                if (reason) {
                    report(indicateur, { name: indicateur.name, seuil: show(indicateur.seuil), objectif: show(indicateur.objectif), reason }, { property: 'seuil' });
                }
            }
        })
    }),
    defineRule({
        code: 'indicateur-reprise-non-conforme', severity: 'error', category: 'indicateurs', requirement: 'indicateurs', legalBasis: 'D.4011-4-1', basis: 'source',
        title: { fr: 'Taux de reprise mal défini', en: 'Take-over rate wrongly defined' },
        message: {
            fr: 'L\'indicateur « {name} » (exigence reprise) {probleme} : le taux de reprise rapporte les actes repris par le délégant aux actes réalisés par le délégué.',
            en: 'Indicator "{name}" (exigence reprise) {probleme}: the take-over rate relates the acts taken over by the delegating professional to the acts performed by the delegate.'
        },
        rationale: {
            fr: 'L\'article D.4011-4-1 définit le taux de reprise : nombre d\'actes réalisés par le délégant à la demande du délégué, rapporté au nombre d\'actes réalisés par le délégué. Un nombre, ou un autre dénominateur (patients inclus…), ne donne pas l\'indicateur transmis chaque année.',
            en: 'D.4011-4-1 defines the take-over rate: acts performed by the delegating professional at the delegate\'s request, over acts performed by the delegate.'
        },
        fix: { fr: 'Écrivez « nature taux » et « dénominateur "Nombre d\'actes réalisés par le délégué" ».', en: 'Write "nature taux" and "dénominateur "Nombre d\'actes réalisés par le délégué"".' },
        checks: ({ locale }) => ({
            Indicateur: (indicateur, report) => {
                if (indicateur.exigence !== 'reprise') return;
                const name = indicateur.name ?? '…';
                if (indicateur.nature && indicateur.nature !== 'taux') {
                    report(indicateur, { name, probleme: locale.pick({ fr: `est un « ${indicateur.nature} », pas un taux`, en: `is a "${indicateur.nature}", not a rate` }) }, { property: 'nature' });
                    return;
                }
                // A denominator written over the journal (« compte … ») must count the délégué's acts.
                const compte = indicateur.compteDenominateur?.evenement;
                if (compte && compte !== 'actes') {
                    report(indicateur, { name, probleme: locale.pick({ fr: `a pour dénominateur « compte ${compte} »`, en: `has "compte ${compte}" as denominator` }) }, { property: 'compteDenominateur' });
                    return;
                }
                const denominateur = indicateur.denominateur;
                if (!denominateur?.trim() || countsDelegueActs(denominateur, indicateur)) return;
                report(indicateur, { name, probleme: locale.pick({ fr: `a pour dénominateur « ${denominateur.trim()} »`, en: `has "${denominateur.trim()}" as denominator` }) }, { property: 'denominateur' });
            }
        })
    }),
    defineRule({
        code: 'definition-legale-sans-exigence', severity: 'error', category: 'indicateurs', requirement: 'indicateurs', legalBasis: 'D.4011-4-1 ; D.4011-4-2', basis: 'source',
        title: { fr: 'Définition légale sans indicateur légal', en: 'Legal definition without a legal indicator' },
        message: {
            fr: 'L\'indicateur « {name} » renvoie à la « définition légale » sans dire lequel des quatre indicateurs de l\'article D.4011-4-1 il est : ajoutez « exigence patients », « exigence reprise », « exigence événements-indésirables » ou « exigence satisfaction-professionnels ».',
            en: 'Indicator "{name}" refers to the "définition légale" without saying which of the four indicators of D.4011-4-1 it is: add "exigence patients", "exigence reprise", "exigence événements-indésirables" or "exigence satisfaction-professionnels".'
        },
        rationale: {
            fr: 'L\'outil porte la définition des quatre indicateurs de l\'article D.4011-4-1 (nature, numérateur, dénominateur) ; « définition légale » reprend l\'une d\'elles, que seule l\'exigence désigne.',
            en: 'The tool ships the definition of the four indicators of D.4011-4-1 (nature, numerator, denominator); "définition légale" takes one of them, named by the exigence.'
        },
        fix: { fr: 'Ajoutez « exigence … », ou écrivez le numérateur et le dénominateur de cet indicateur propre.', en: 'Add "exigence …", or write the numerator and denominator of this own indicator.' },
        checks: () => ({
            Indicateur: (indicateur, report) => {
                if (indicateur.legale && !indicateur.exigence) report(indicateur, { name: indicateur.name ?? '…' }, { property: 'legale' });
            }
        })
    }),
    defineRule({
        code: 'indicateur-recueil-vide', severity: 'warning', category: 'indicateurs', requirement: 'indicateurs', legalBasis: 'D.4011-4-1 ; D.4011-4-2', basis: 'source',
        title: { fr: 'Mode de recueil ou source de l\'indicateur vide', en: 'Empty collection method or source of an indicator' },
        message: {
            fr: 'L\'indicateur « {name} » a un « {field} » vide : dites d\'où viennent les chiffres (logiciel, registre, journal d\'activité…).',
            en: 'Indicator "{name}" has an empty "{field}": say where the figures come from (software, register, activity journal…).'
        },
        rationale: {
            fr: 'Les indicateurs sont transmis chaque année au directeur général de l\'ARS : un recueil ou une source laissés vides ne disent pas qui compte, ni comment.',
            en: 'The indicators are sent every year to the ARS: an empty collection method or source does not say who counts, nor how.'
        },
        fix: { fr: 'Écrivez le mode de recueil (« Extraction mensuelle du logiciel de la MSP ») ou retirez la ligne.', en: 'Write the collection method ("Monthly extraction from the MSP software") or remove the line.' },
        checks: () => ({
            Indicateur: (indicateur, report) => {
                for (const [property, field] of [['recueil', 'recueil'], ['source', 'source']] as const) {
                    const value = indicateur[property];
                    if (value !== undefined && value.replace(/[\s.…_-]/g, '') === '') report(indicateur, { name: indicateur.name ?? '…', field }, { property });
                }
            }
        })
    }),
] as const;

/**
 * Whether a denominator counts the acts the délégué performs, written the way authors write it:
 * « Nombre d'actes réalisés par le délégué », « Actes de l'infirmière dans le protocole »,
 * « Prises en charge par l'IDE » (the délégués' names and professions count as « délégué »).
 */
function countsDelegueActs(text: string, indicateur: Indicateur): boolean {
    const folded = fold(text);
    if (!/\bactes?\b|\bprises? en charge\b|\binterventions?\b|\bconsultations?\b/.test(folded)) return false;
    if (/\bdelegant/.test(folded) && !/\bdelegue/.test(folded)) return false;
    const root = indicateur.$container;
    const delegues = isProtocole(root) ? protocolModel(root).delegues : [];
    const words = [/\bdelegue/, ...delegues.flatMap(delegue => [delegue.name, delegue.profession?.ref?.libelle, delegue.profession?.$refText])
        .filter((word): word is string => typeof word === 'string' && word.length > 1)
        .map(word => new RegExp(`\\b${fold(word).slice(0, 7).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))];
    // Without a named délégué (« Actes réalisés dans le cadre du protocole »), acts alone are accepted.
    return words.some(pattern => pattern.test(folded)) || /\bdans le (?:cadre du )?protocole\b/.test(folded);
}
