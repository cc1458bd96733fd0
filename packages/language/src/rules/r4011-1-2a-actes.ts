import { isCatalogue, type Acte, type Profession, type Protocole } from '../generated/ast.js';
import { protocolModel, writesDerogatoire } from '../model/protocol-model.js';
import { reservingArticles } from '../workspace/catalogue.js';
import { insertSectionFix, onTitle, useSuggestionFix } from './fixes.js';
import { defineRule } from './rule.js';


/** Articles reserving acts to a profession of the catalogue. */
function reservedBy(profession: Profession | undefined): readonly string[] {
    return profession ? reservingArticles(profession.name, profession.article?.$refText) : [];
}

/** The articles the délégants' professions reserve, in the order of the délégants. */
function delegantArticles(protocole: Protocole): string[] {
    return [...new Set(protocolModel(protocole).delegants.flatMap(delegant => reservedBy(delegant.profession?.ref)))];
}

function protocoleOf(acte: Acte): Protocole {
    return acte.$container as Protocole;
}

/** R.4011-1 2° a — the acts, derogating or not, and who performs them (requirement `actes`). */
export const actesRules = [
    defineRule({
        code: 'actes-absents', severity: 'error', category: 'completude', requirement: 'actes', legalBasis: 'R.4011-1 2° a', basis: 'source',
        title: { fr: 'Aucun acte délégué', en: 'No delegated act' },
        message: { fr: 'Le protocole ne décrit aucun acte (« acte nom "libellé" { … } »).', en: 'The protocol describes no act ("acte name "label" { … }").' },
        rationale: { fr: 'Le protocole doit décrire la nouvelle façon d\'intervenir en listant les actes ou activités, dérogatoires ou non.', en: 'The protocol must describe the new way of intervening by listing its acts or activities, derogating or not.' },
        fix: { fr: 'Déclarez chaque acte : « acte bu "…" { dérogatoire à L4161-1  par ide } ».', en: 'Declare each act: "acte bu "…" { dérogatoire à L4161-1  par ide }".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                if (protocolModel(protocole).actes.length === 0) report(protocole, {}, onTitle('Acte'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'acte-derogatoire-absent', severity: 'warning', category: 'completude', requirement: 'actes', legalBasis: 'L.4011-1 ; R.4011-1 2° a', basis: 'inference',
        title: { fr: 'Aucun acte dérogatoire', en: 'No derogating act' },
        message: { fr: 'Aucun acte n\'est dérogatoire : un protocole de coopération transfère en principe des actes par dérogation (art. L.4011-1).', en: 'No act is derogating: a cooperation protocol normally transfers acts by derogation (art. L.4011-1).' },
        rationale: { fr: 'L\'ancienne procédure vérifiait que le protocole comporte des actes dérogatoires ; la loi actuelle admet aussi une réorganisation des interventions, d\'où un avertissement (lecture déduite des sources).', en: 'The former procedure checked that the protocol contains derogating acts; the current law also allows reorganising interventions, hence a warning (inferred reading).' },
        fix: { fr: 'Indiquez « dérogatoire à <article> » pour les actes hors du champ du délégué, ou ignorez la règle en justifiant la réorganisation.', en: 'Mark acts outside the delegate\'s scope "dérogatoire à <article>", or suppress the rule with a justification.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const actes = protocolModel(protocole).actes;
                // « dérogatoire » without its article is derogating (acte-derogatoire-sans-article asks the article).
                if (actes.length > 0 && actes.every(acte => acte.nonDerogatoire || (acte.articles.length === 0 && !writesDerogatoire(acte)))) report(protocole, {}, onTitle());
            }
        })
    }),
    defineRule({
        code: 'acte-non-derogatoire-avec-article', severity: 'error', category: 'coherence', requirement: 'actes', legalBasis: 'R.4011-1 2° a', basis: 'source',
        title: { fr: 'Acte non dérogatoire citant un article', en: 'Non-derogating act citing an article' },
        message: { fr: 'L\'acte « {name} » est déclaré non dérogatoire mais cite un article dérogé.', en: 'Act "{name}" is declared non-derogating but cites a derogated article.' },
        rationale: { fr: 'Un acte non dérogatoire entre dans le champ de compétence du délégué : il ne déroge à aucun article.', en: 'A non-derogating act is within the delegate\'s scope: it derogates from no article.' },
        fix: { fr: 'Retirez « non » ou retirez les articles.', en: 'Remove "non" or remove the articles.' },
        checks: () => ({
            Acte: (acte, report) => {
                if (acte.nonDerogatoire && acte.articles.length > 0) report(acte, { name: acte.name }, { property: 'articles' });
            }
        })
    }),
    defineRule({
        code: 'acte-derogatoire-sans-article', severity: 'error', category: 'coherence', requirement: 'actes', legalBasis: 'L.4011-1 ; R.4011-1 2° a', basis: 'source',
        title: { fr: 'Acte dérogatoire sans article', en: 'Derogating act without article' },
        message: { fr: 'L\'acte dérogatoire « {name} » ne cite pas l\'article du Code de la santé publique auquel il déroge (« dérogatoire à L4161-1 »).', en: 'Derogating act "{name}" cites no article of the public health code it derogates from ("dérogatoire à L4161-1").' },
        rationale: { fr: 'La dérogation porte sur des articles précis, ceux que liste l\'article L.4011-1.', en: 'The derogation is to specific articles, those listed by L.4011-1.' },
        fix: { fr: 'Ajoutez « à » suivi de l\'article (la complétion propose la liste de l\'article L.4011-1).', en: 'Add "à" and the article (completion lists those of L.4011-1).' },
        checks: () => ({
            Acte: (acte, report) => {
                if (!acte.nonDerogatoire && acte.articles.length === 0 && writesDerogatoire(acte)) report(acte, { name: acte.name }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'article-du-delegue', severity: 'error', category: 'coherence', requirement: 'actes', legalBasis: 'L.4011-1', basis: 'inference',
        title: { fr: 'Dérogation à l\'article d\'exercice du délégué', en: 'Derogation from the delegate\'s own practice article' },
        message: {
            fr: 'L\'acte « {name} » déroge à {article}, l\'article qui définit l\'exercice de son délégué « {delegue} » ({profession}) : citez l\'article qui réserve l\'acte au délégant ({proposition}).',
            en: 'Act "{name}" derogates from {article}, the article defining the practice of its delegate "{delegue}" ({profession}): cite the article that reserves the act to the delegating professional ({proposition}).'
        },
        rationale: {
            fr: 'Un protocole de coopération permet au délégué de réaliser un acte hors de son propre champ : il déroge à l\'article qui réserve cet acte à une autre profession (celle du délégant), jamais à l\'article qui définit l\'exercice du délégué lui-même (correspondance profession ↔ article rappelée, non vérifiée article par article).',
            en: 'A cooperation protocol lets the delegate perform an act outside their own scope: it derogates from the article reserving that act to another profession (the delegating one), never from the delegate\'s own practice article.'
        },
        fix: { fr: 'Remplacez l\'article par celui de la profession du délégant (la correction rapide le propose).', en: 'Replace the article with that of the delegating profession (the quick fix proposes it).' },
        checks: ({ locale }) => ({
            Acte: (acte, report) => {
                if (acte.nonDerogatoire || acte.articles.length === 0) return;
                const proposed = delegantArticles(protocoleOf(acte));
                acte.articles.forEach((article, index) => {
                    for (const reference of acte.delegues) {
                        const profession = reference.ref?.profession?.ref;
                        const own = reservedBy(profession);
                        if (!profession || !own.includes(article.$refText)) continue;
                        const suggestion = proposed.find(candidate => !own.includes(candidate));
                        report(acte, {
                            name: acte.name, article: article.$refText, delegue: reference.$refText, profession: profession.libelle.toLowerCase(),
                            proposition: suggestion ?? locale.pick({ fr: 'article de la profession du délégant', en: 'article of the delegating profession' })
                        }, { property: 'articles', index, data: suggestion ? { suggestion } : {} });
                        return;
                    }
                });
            }
        }),
        quickFix: useSuggestionFix
    }),
    defineRule({
        code: 'article-hors-delegant', severity: 'warning', category: 'coherence', requirement: 'actes', legalBasis: 'L.4011-1 ; R.4011-1 2° c', basis: 'inference',
        title: { fr: 'Article dérogé étranger à la profession des délégants', en: 'Derogated article foreign to the delegating professions' },
        message: {
            fr: 'L\'acte « {name} » déroge à {article}, qui réserve des actes à la profession {reserve} ; aucun délégant du protocole n\'en relève ({delegants}).',
            en: 'Act "{name}" derogates from {article}, which reserves acts to {reserve}; no delegating professional of the protocol belongs to it ({delegants}).'
        },
        rationale: {
            fr: 'Le délégant transfère des actes de son propre champ : l\'article dérogé doit être celui de sa profession. Sinon, soit l\'article est mal choisi, soit il manque un délégant (correspondance profession ↔ article rappelée).',
            en: 'The delegating professional transfers acts of their own scope: the derogated article must be that of their profession.'
        },
        fix: { fr: 'Citez l\'article de la profession du délégant, ou déclarez le délégant de la profession concernée.', en: 'Cite the article of the delegating profession, or declare a delegating professional of that profession.' },
        checks: () => ({
            Acte: (acte, report) => {
                if (acte.nonDerogatoire || acte.articles.length === 0) return;
                const protocole = protocoleOf(acte);
                const delegants = protocolModel(protocole).delegants;
                if (delegants.length === 0) return;
                const covered = new Set(delegantArticles(protocole));
                const ownOfDelegues = new Set(acte.delegues.flatMap(reference => reservedBy(reference.ref?.profession?.ref)));
                acte.articles.forEach((article, index) => {
                    const target = article.ref;
                    if (!target || covered.has(article.$refText) || ownOfDelegues.has(article.$refText)) return;
                    const catalogue = target.$container;
                    // Articles that reserve no profession's acts (télésanté…) are not checked.
                    const reserving = isCatalogue(catalogue) ? catalogue.professions.filter(profession => reservedBy(profession).includes(article.$refText)) : [];
                    if (reserving.length === 0) return;
                    report(acte, {
                        name: acte.name, article: article.$refText, reserve: reserving.map(profession => profession.libelle.toLowerCase()).join(', '),
                        // A délégant whose name is lost to a syntax error is named by its profession only.
                        delegants: delegants.map(delegant => [delegant.name, delegant.profession?.$refText || '…'].filter(Boolean).join(' : ')).join(', ')
                    }, { property: 'articles', index });
                });
            }
        })
    }),
    defineRule({
        code: 'acte-nature-absente', severity: 'error', category: 'coherence', requirement: 'actes', legalBasis: 'R.4011-1 2° a', basis: 'source',
        title: { fr: 'Acte ni dérogatoire ni non dérogatoire', en: 'Act neither derogating nor non-derogating' },
        message: { fr: 'L\'acte « {name} » ne dit pas s\'il est dérogatoire (« dérogatoire à L4161-1 ») ou non (« non dérogatoire »).', en: 'Act "{name}" does not say whether it is derogating ("dérogatoire à L4161-1") or not ("non dérogatoire").' },
        rationale: { fr: 'Le décret demande de lister les actes dérogatoires et non dérogatoires.', en: 'The decree asks to list derogating and non-derogating acts.' },
        fix: { fr: 'Ajoutez « dérogatoire à <article> » ou « non dérogatoire » dans le bloc de l\'acte.', en: 'Add "dérogatoire à <article>" or "non dérogatoire" to the act\'s block.' },
        checks: () => ({
            Acte: (acte, report) => {
                if (!acte.nonDerogatoire && acte.articles.length === 0 && !writesDerogatoire(acte)) report(acte, { name: acte.name }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'acte-sans-delegue', severity: 'error', category: 'coherence', requirement: 'actes', legalBasis: 'R.4011-1 2° a', basis: 'source',
        title: { fr: 'Acte sans délégué', en: 'Act without delegate' },
        message: { fr: 'L\'acte « {name} » ne dit pas quel délégué le réalise (« par ide »).', en: 'Act "{name}" does not say which delegate performs it ("par ide").' },
        rationale: { fr: 'La nouvelle façon d\'intervenir attribue chaque acte à un professionnel délégué identifié.', en: 'The new way of intervening assigns each act to an identified delegate.' },
        fix: { fr: 'Ajoutez « par <délégué> ».', en: 'Add "par <delegate>".' },
        checks: () => ({
            Acte: (acte, report) => {
                if (acte.delegues.length === 0) report(acte, { name: acte.name }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'delegue-sans-acte', severity: 'warning', category: 'coherence', requirement: 'actes', legalBasis: 'R.4011-1 2° a', basis: 'inference',
        title: { fr: 'Délégué sans acte', en: 'Delegate without act' },
        message: { fr: 'Le délégué « {name} » ne réalise aucun acte et n\'intervient dans aucune étape du protocole.', en: 'Delegate "{name}" performs no act and takes part in no step of the protocol.' },
        rationale: { fr: 'Un délégué déclaré sans acte laisse penser qu\'un acte manque ou est mal attribué.', en: 'A delegate without acts suggests a missing or misassigned act.' },
        fix: { fr: 'Attribuez-lui des actes (« par ») ou retirez-le.', en: 'Assign acts to them ("par") or remove them.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                if (model.actes.length === 0) return;
                // One pass over acts and steps, not one per délégué.
                const active = new Set<unknown>();
                for (const acte of model.actes) for (const reference of acte.delegues) active.add(reference.ref);
                for (const etape of model.etapes) for (const reference of etape.intervenants) active.add(reference.ref);
                for (const delegue of model.delegues) {
                    if (!active.has(delegue)) report(delegue, { name: delegue.name }, { property: 'name' });
                }
            }
        })
    })
] as const;
