import { GrammarUtils, type ValidationChecks } from 'langium';
import type { CoopServices } from '../coop-module.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import type { Acte, CoopAstType, Quantite } from '../generated/ast.js';
import { protocolModel } from '../model/protocol-model.js';

/** Consistency of professionals, acts and training (R.4011-1 2° a, 2° c, 3°). */
export const actsAndTrainingDefinitions = [
    defineDiagnostic({
        code: 'professions-identiques', severity: 'error', category: 'coherence', requirement: 'qualification', legalBasis: 'L.4011-1 ; R.4011-1 2° c', basis: 'source',
        title: { fr: 'Délégant et délégué de même profession', en: 'Delegating professional and delegate of the same profession' },
        message: { fr: 'Le délégué « {delegue} » et le délégant « {delegant} » ont la même profession ({profession}) : la coopération suppose des titres et des formations différents.', en: 'Delegate "{delegue}" and delegating professional "{delegant}" have the same profession ({profession}): cooperation requires different titles and training.' },
        rationale: { fr: 'Un protocole de coopération transfère des actes entre professionnels de titres et de formations différents ; entre pairs, il n\'y a pas de dérogation.', en: 'A cooperation protocol transfers acts between professionals of different titles and training; between peers there is no derogation.' },
        fix: { fr: 'Vérifiez les professions ; une délégation entre pairs relève de l\'organisation interne, pas d\'un protocole.', en: 'Check the professions; delegation between peers is internal organisation, not a protocol.' }
    }),
    defineDiagnostic({
        code: 'acte-nature-absente', severity: 'error', category: 'coherence', requirement: 'actes', legalBasis: 'R.4011-1 2° a', basis: 'source',
        title: { fr: 'Acte ni dérogatoire ni non dérogatoire', en: 'Act neither derogating nor non-derogating' },
        message: { fr: 'L\'acte « {name} » ne dit pas s\'il est dérogatoire (« dérogatoire à L4161-1 ») ou non (« non dérogatoire »).', en: 'Act "{name}" does not say whether it is derogating ("dérogatoire à L4161-1") or not ("non dérogatoire").' },
        rationale: { fr: 'Le décret demande de lister les actes dérogatoires et non dérogatoires.', en: 'The decree asks to list derogating and non-derogating acts.' },
        fix: { fr: 'Ajoutez « dérogatoire à <article> » ou « non dérogatoire » dans le bloc de l\'acte.', en: 'Add "dérogatoire à <article>" or "non dérogatoire" to the act\'s block.' }
    }),
    defineDiagnostic({
        code: 'acte-derogatoire-sans-article', severity: 'error', category: 'coherence', requirement: 'actes', legalBasis: 'L.4011-1 ; R.4011-1 2° a', basis: 'source',
        title: { fr: 'Acte dérogatoire sans article', en: 'Derogating act without article' },
        message: { fr: 'L\'acte dérogatoire « {name} » ne cite pas l\'article du Code de la santé publique auquel il déroge (« dérogatoire à L4161-1 »).', en: 'Derogating act "{name}" cites no article of the public health code it derogates from ("dérogatoire à L4161-1").' },
        rationale: { fr: 'La dérogation porte sur des articles précis, ceux que liste l\'article L.4011-1.', en: 'The derogation is to specific articles, those listed by L.4011-1.' },
        fix: { fr: 'Ajoutez « à » suivi de l\'article (la complétion propose la liste de l\'article L.4011-1).', en: 'Add "à" and the article (completion lists those of L.4011-1).' }
    }),
    defineDiagnostic({
        code: 'acte-non-derogatoire-avec-article', severity: 'error', category: 'coherence', requirement: 'actes', legalBasis: 'R.4011-1 2° a', basis: 'source',
        title: { fr: 'Acte non dérogatoire citant un article', en: 'Non-derogating act citing an article' },
        message: { fr: 'L\'acte « {name} » est déclaré non dérogatoire mais cite un article dérogé.', en: 'Act "{name}" is declared non-derogating but cites a derogated article.' },
        rationale: { fr: 'Un acte non dérogatoire entre dans le champ de compétence du délégué : il ne déroge à aucun article.', en: 'A non-derogating act is within the delegate\'s scope: it derogates from no article.' },
        fix: { fr: 'Retirez « non » ou retirez les articles.', en: 'Remove "non" or remove the articles.' }
    }),
    defineDiagnostic({
        code: 'acte-sans-delegue', severity: 'error', category: 'coherence', requirement: 'actes', legalBasis: 'R.4011-1 2° a', basis: 'source',
        title: { fr: 'Acte sans délégué', en: 'Act without delegate' },
        message: { fr: 'L\'acte « {name} » ne dit pas quel délégué le réalise (« par ide »).', en: 'Act "{name}" does not say which delegate performs it ("par ide").' },
        rationale: { fr: 'La nouvelle façon d\'intervenir attribue chaque acte à un professionnel délégué identifié.', en: 'The new way of intervening assigns each act to an identified delegate.' },
        fix: { fr: 'Ajoutez « par <délégué> ».', en: 'Add "par <delegate>".' }
    }),
    defineDiagnostic({
        code: 'acte-non-couvert', severity: 'error', category: 'coherence', requirement: 'formation', legalBasis: 'R.4011-1 3°', basis: 'source',
        title: { fr: 'Acte dérogatoire non couvert par la formation', en: 'Derogating act not covered by training' },
        message: { fr: 'L\'acte dérogatoire « {acte} » est réalisé par « {delegue} », mais aucune formation de ce délégué ne le couvre (« couvre {acte} »).', en: 'Derogating act "{acte}" is performed by "{delegue}", but no training of that delegate covers it ("couvre {acte}").' },
        rationale: { fr: 'La formation complémentaire exigée des délégués est en rapport avec les actes délégués.', en: 'The additional training required of delegates relates to the delegated acts.' },
        fix: { fr: 'Ajoutez l\'acte à « couvre » dans la formation du délégué.', en: 'Add the act to "couvre" in the delegate\'s training.' }
    }),
    defineDiagnostic({
        code: 'formation-sans-acte', severity: 'error', category: 'coherence', requirement: 'formation', legalBasis: 'R.4011-1 3°', basis: 'source',
        title: { fr: 'Formation ne couvrant aucun acte', en: 'Training covering no act' },
        message: { fr: 'La formation « {name} » ne couvre aucun acte (« couvre bu, atb »).', en: 'Training "{name}" covers no act ("couvre bu, atb").' },
        rationale: { fr: 'La formation est définie en rapport avec les actes délégués : elle doit dire lesquels elle prépare.', en: 'Training relates to the delegated acts: it must say which ones it prepares for.' },
        fix: { fr: 'Ajoutez « couvre » suivi des actes.', en: 'Add "couvre" and the acts.' }
    }),
    defineDiagnostic({
        code: 'formation-theorie-absente', severity: 'error', category: 'coherence', requirement: 'formation', legalBasis: 'R.4011-1 3°', basis: 'source',
        title: { fr: 'Formation théorique non chiffrée', en: 'Theoretical training not quantified' },
        message: { fr: 'La formation « {name} » n\'indique pas de durée de formation théorique positive (« théorie 6 h »).', en: 'Training "{name}" states no positive duration of theoretical training ("théorie 6 h").' },
        rationale: { fr: 'Le décret exige une formation théorique ET pratique ; sa durée est ce que vérifie le relecteur.', en: 'The decree requires theoretical AND practical training; reviewers check its duration.' },
        fix: { fr: 'Ajoutez « théorie <nombre> h ».', en: 'Add "théorie <number> h".' }
    }),
    defineDiagnostic({
        code: 'formation-pratique-absente', severity: 'error', category: 'coherence', requirement: 'formation', legalBasis: 'R.4011-1 3°', basis: 'source',
        title: { fr: 'Formation pratique non chiffrée', en: 'Practical training not quantified' },
        message: { fr: 'La formation « {name} » n\'indique pas de formation pratique positive (« pratique 10 cas » ou « pratique 4 h »).', en: 'Training "{name}" states no positive practical training ("pratique 10 cas" or "pratique 4 h").' },
        rationale: { fr: 'Le décret exige une formation théorique ET pratique (cas supervisés ou heures de compagnonnage).', en: 'The decree requires theoretical AND practical training (supervised cases or hours).' },
        fix: { fr: 'Ajoutez « pratique <nombre> cas » ou « pratique <nombre> h ».', en: 'Add "pratique <number> cas" or "pratique <number> h".' }
    }),
    defineDiagnostic({
        code: 'delegue-sans-acte', severity: 'warning', category: 'coherence', requirement: 'actes', legalBasis: 'R.4011-1 2° a', basis: 'inference',
        title: { fr: 'Délégué sans acte', en: 'Delegate without act' },
        message: { fr: 'Le délégué « {name} » ne réalise aucun acte et n\'intervient dans aucune étape du protocole.', en: 'Delegate "{name}" performs no act and takes part in no step of the protocol.' },
        rationale: { fr: 'Un délégué déclaré sans acte laisse penser qu\'un acte manque ou est mal attribué.', en: 'A delegate without acts suggests a missing or misassigned act.' },
        fix: { fr: 'Attribuez-lui des actes (« par ») ou retirez-le.', en: 'Assign acts to them ("par") or remove them.' }
    })
] as const;

function positive(quantite: Quantite | undefined): boolean {
    return quantite !== undefined && quantite.valeur > 0;
}

function writesDerogatoire(acte: Acte): boolean {
    return ['dérogatoire', 'derogatoire'].some(keyword => GrammarUtils.findNodeForKeyword(acte.$cstNode, keyword) !== undefined);
}

export function actsAndTrainingChecks(services: CoopServices): ValidationChecks<CoopAstType> {
    const reporter = services.validation.DiagnosticReporter;
    return {
        Protocole: (protocole, accept) => {
            const model = protocolModel(protocole);
            for (const delegue of model.delegues) {
                const profession = delegue.profession?.ref;
                const same = model.delegants.find(delegant => profession && delegant.profession?.ref === profession);
                if (same && profession) {
                    reporter.report(accept, 'professions-identiques', delegue, { delegue: delegue.name, delegant: same.name, profession: profession.libelle }, { property: 'profession' });
                }
                const performsAnAct = model.actes.some(acte => acte.delegues.some(reference => reference.ref === delegue));
                const intervenesInATree = model.etapes.some(etape => etape.intervenants.some(reference => reference.ref === delegue));
                if (model.actes.length > 0 && !performsAnAct && !intervenesInATree) {
                    reporter.report(accept, 'delegue-sans-acte', delegue, { name: delegue.name }, { property: 'name' });
                }
            }
            for (const acte of model.actes) {
                if (acte.articles.length === 0 || acte.nonDerogatoire) continue;
                for (const delegue of acte.delegues.map(reference => reference.ref).filter(d => d !== undefined)) {
                    const covered = model.formations.some(formation =>
                        formation.delegues.some(reference => reference.ref === delegue) && formation.actes.some(reference => reference.ref === acte));
                    if (!covered) {
                        reporter.report(accept, 'acte-non-couvert', acte, { acte: acte.name, delegue: delegue.name }, { property: 'name', data: { delegue: delegue.name } });
                    }
                }
            }
        },
        Acte: (acte, accept) => {
            const args = { name: acte.name };
            if (acte.nonDerogatoire && acte.articles.length > 0) {
                reporter.report(accept, 'acte-non-derogatoire-avec-article', acte, args, { property: 'articles' });
            } else if (!acte.nonDerogatoire && acte.articles.length === 0) {
                reporter.report(accept, writesDerogatoire(acte) ? 'acte-derogatoire-sans-article' : 'acte-nature-absente', acte, args, { property: 'name' });
            }
            if (acte.delegues.length === 0) reporter.report(accept, 'acte-sans-delegue', acte, args, { property: 'name' });
        },
        Formation: (formation, accept) => {
            const args = { name: formation.name };
            if (formation.actes.length === 0) reporter.report(accept, 'formation-sans-acte', formation, args, { property: 'name' });
            const moduleTheory = formation.modules.some(reference => positive(reference.ref?.theorie));
            const modulePractice = formation.modules.some(reference => reference.ref?.pratiques.some(pratique => positive(pratique.quantite)));
            if (!positive(formation.theorie) && !moduleTheory) reporter.report(accept, 'formation-theorie-absente', formation, args, { property: 'name' });
            if (!formation.pratiques.some(pratique => positive(pratique.quantite)) && !modulePractice) {
                reporter.report(accept, 'formation-pratique-absente', formation, args, { property: 'name' });
            }
        }
    };
}
