import { isRealiser, type Etape } from '../generated/ast.js';
import type { LocaleSetting } from '../i18n/locale.js';
import { nextSteps, protocolModel } from '../model/protocol-model.js';
import { fold } from '../model/text.js';
import { insertSectionFix, onTitle } from './fixes.js';
import { defineRule } from './rule.js';

/** A name between quotes, or undefined when it is missing (the message then names the kind: message-args.ts). */
export const quote = (locale: LocaleSetting, text: string | undefined): string | undefined =>
    (!text ? undefined : locale.current === 'fr' ? `« ${text} »` : `"${text}"`);

/**
 * R.4011-1 4° a — decision trees: one action per identified situation (requirement `arbres`). The
 * grammar already gives each situation exactly one action and only allows declared acts or
 * referrals as actions; these rules check the rest: reachability, dead ends, acts missing from the
 * trees.
 */
export const arbresRules = [
    defineRule({
        code: 'parcours-absent', severity: 'error', category: 'completude', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'source',
        title: { fr: 'Aucun arbre de décision', en: 'No decision tree' },
        message: { fr: 'Le processus de prise en charge n\'est décrit par aucun arbre de décision (« parcours { étape … } »).', en: 'The care process is described by no decision tree ("parcours { étape … }").' },
        rationale: { fr: 'Les étapes de l\'intervention de chaque professionnel sont décrites par des arbres de décision attachant une action à chaque situation identifiée.', en: 'Each professional\'s steps are described by decision trees attaching one action to each identified situation.' },
        fix: { fr: 'Ajoutez « parcours { étape accueil { par ide  si "…" : … } } ».', en: 'Add "parcours { étape accueil { par ide  si "…" : … } }".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                if (!protocolModel(protocole).has('Parcours')) report(protocole, {}, onTitle('Parcours'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'acte-absent-des-arbres', severity: 'error', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'source',
        title: { fr: 'Acte absent des arbres de décision', en: 'Act missing from the decision trees' },
        message: { fr: 'L\'acte « {name} » n\'est réalisé dans aucun arbre de décision (« réaliser {name} »).', en: 'Act "{name}" is performed in no decision tree ("réaliser {name}").' },
        rationale: { fr: 'Chaque acte délégué doit figurer dans les arbres de décision, à la situation qui le déclenche.', en: 'Every delegated act must appear in the decision trees, at the situation that triggers it.' },
        fix: { fr: 'Ajoutez une situation « si "…" : réaliser <acte> puis … » dans l\'étape concernée.', en: 'Add a situation "si "…" : réaliser <act> puis …" to the relevant step.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                if (model.parcours.length === 0) return;
                const performed = model.actesRealises;
                for (const acte of model.actes) {
                    if (acte.delegues.length > 0 && !performed.has(acte)) report(acte, { name: acte.name }, { property: 'name' });
                }
            }
        })
    }),
    defineRule({
        code: 'etape-inaccessible', severity: 'error', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference',
        title: { fr: 'Étape inaccessible', en: 'Unreachable step' },
        message: { fr: 'L\'étape « {name} » n\'est atteinte depuis aucune autre étape (« aller à {name} ») : elle ne fait partie d\'aucun chemin de l\'arbre « {tree} ».', en: 'Step "{name}" is reached from no other step ("aller à {name}"): it is on no path of tree "{tree}".' },
        rationale: { fr: 'Un arbre de décision part de sa première étape ; une étape qu\'aucun chemin n\'atteint n\'est jamais appliquée.', en: 'A decision tree starts at its first step; a step no path reaches is never applied.' },
        fix: { fr: 'Reliez-la par « aller à <étape> » depuis l\'étape qui la précède, ou supprimez-la.', en: 'Link it with "aller à <step>" from the step before it, or delete it.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                // Reachability: every tree starts at its first step; steps may lead into other trees.
                const reached = new Set<Etape>();
                const pending = model.parcours.map(parcours => parcours.etapes[0]).filter(etape => etape !== undefined);
                while (pending.length > 0) {
                    const etape = pending.pop()!;
                    if (reached.has(etape)) continue;
                    reached.add(etape);
                    for (const next of nextSteps(etape)) if (!reached.has(next)) pending.push(next);
                }
                for (const parcours of model.parcours) {
                    for (const etape of parcours.etapes) {
                        if (!reached.has(etape)) report(etape, { name: etape.name, tree: parcours.titre ?? parcours.name ?? '' }, { property: 'name' });
                    }
                }
            }
        })
    }),
    defineRule({
        code: 'etape-sans-issue', severity: 'error', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'source',
        title: { fr: 'Étape sans situation', en: 'Step without situation' },
        message: { fr: 'L\'étape « {name} » ne prévoit aucune situation ni action (« si "…" : … » ou « sinon : … ») : la prise en charge s\'y arrête sans décision.', en: 'Step "{name}" has no situation or action: care stops there without decision.' },
        rationale: { fr: 'Les arbres de décision attachent une action à chaque situation identifiée.', en: 'Decision trees attach one action to each identified situation.' },
        fix: { fr: 'Ajoutez les situations et leur action, au moins « sinon : … ».', en: 'Add the situations and their action, at least "sinon : …".' },
        checks: () => ({
            Etape: (etape, report) => {
                if (etape.situations.length === 0) report(etape, { name: etape.name }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'etape-sans-intervenant', severity: 'warning', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'source',
        title: { fr: 'Étape sans intervenant', en: 'Step without professional' },
        message: { fr: 'L\'étape « {name} » ne dit pas qui intervient (« par ide »).', en: 'Step "{name}" does not say who intervenes ("par ide").' },
        rationale: { fr: 'Le décret décrit les étapes successives de l\'intervention de chaque professionnel.', en: 'The decree describes the successive steps of each professional\'s intervention.' },
        fix: { fr: 'Ajoutez « par <délégué ou délégant> ».', en: 'Add "par <delegate or delegating professional>".' },
        checks: () => ({
            Etape: (etape, report) => {
                if (etape.intervenants.length === 0) report(etape, { name: etape.name }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'etape-sans-sinon', severity: 'info', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference',
        title: { fr: 'Étape sans « sinon »', en: 'Step without "sinon"' },
        message: { fr: 'L\'étape « {name} » n\'a qu\'une situation et pas de « sinon » : que fait le délégué dans les autres cas ?', en: 'Step "{name}" has a single situation and no "sinon": what does the delegate do otherwise?' },
        rationale: { fr: 'Un arbre de décision complet prévoit une action pour chaque situation, y compris le cas contraire.', en: 'A complete decision tree foresees an action for every situation, including the opposite case.' },
        fix: { fr: 'Ajoutez « sinon : … » ou la situation contraire.', en: 'Add "sinon : …" or the opposite situation.' },
        checks: () => ({
            Etape: (etape, report) => {
                if (etape.situations.length === 1 && !etape.situations[0].sinon) report(etape, { name: etape.name }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'situation-en-double', severity: 'error', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'source',
        title: { fr: 'Situation décrite deux fois', en: 'Situation given twice' },
        message: { fr: 'La situation « {situation} » figure deux fois dans l\'étape « {name} » : une situation n\'a qu\'une action.', en: 'Situation "{situation}" appears twice in step "{name}": a situation has only one action.' },
        rationale: { fr: 'Chaque situation identifiée conduit à une seule action ; deux lignes pour la même situation sont contradictoires ou redondantes.', en: 'Each identified situation leads to exactly one action; two lines for one situation contradict or repeat.' },
        fix: { fr: 'Gardez une seule ligne pour cette situation.', en: 'Keep one line for this situation.' },
        checks: () => ({
            Etape: (etape, report) => {
                const seen = new Set<string>();
                for (const situation of etape.situations) {
                    const key = situation.sinon ? '\u0000sinon' : fold(situation.condition ?? '').replace(/\s+/g, ' ').trim();
                    if (seen.has(key)) report(situation, { situation: situation.sinon ? 'sinon' : situation.condition ?? '', name: etape.name });
                    seen.add(key);
                }
            }
        })
    }),
    defineRule({
        code: 'sinon-non-final', severity: 'warning', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference',
        title: { fr: '« sinon » avant d\'autres situations', en: '"sinon" before other situations' },
        message: { fr: '« sinon » doit être la dernière situation de l\'étape « {name} » : les situations suivantes ne seraient jamais examinées.', en: '"sinon" must be the last situation of step "{name}": later situations would never be considered.' },
        rationale: { fr: 'Un arbre se lit de haut en bas ; « sinon » couvre tout ce qui n\'a pas été prévu au-dessus.', en: 'A tree reads top to bottom; "sinon" covers everything not foreseen above.' },
        fix: { fr: 'Déplacez « sinon » à la fin de l\'étape.', en: 'Move "sinon" to the end of the step.' },
        checks: () => ({
            Etape: (etape, report) => {
                // A « sinon » followed by anything but other « sinon » lines: one pass from the end.
                let onlySinonAfter = true;
                const flagged: typeof etape.situations = [];
                for (let index = etape.situations.length - 1; index >= 0; index--) {
                    const situation = etape.situations[index];
                    if (situation.sinon && !onlySinonAfter) flagged.push(situation);
                    if (!situation.sinon) onlySinonAfter = false;
                }
                for (const situation of flagged.reverse()) report(situation, { name: etape.name });
            }
        })
    }),
    defineRule({
        code: 'action-sans-suite', severity: 'warning', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'inference',
        title: { fr: 'Acte réalisé sans suite prévue', en: 'Act performed with no follow-up' },
        message: { fr: 'Après « réaliser {acte} », l\'arbre ne dit pas ce qui suit (« puis aller à <étape> » ou « puis fin »).', en: 'After "réaliser {acte}", the tree does not say what follows ("puis aller à <step>" or "puis fin").' },
        rationale: { fr: 'Un chemin qui s\'arrête sur un acte laisse le délégué sans conduite à tenir.', en: 'A path ending on an act leaves the delegate without guidance.' },
        fix: { fr: 'Ajoutez « puis aller à <étape> » ou « puis fin ».', en: 'Add "puis aller à <step>" or "puis fin".' },
        checks: () => ({
            Etape: (etape, report) => {
                for (const situation of etape.situations) {
                    const action = situation.action;
                    if (isRealiser(action) && !action.suite) report(action, { acte: action.acte?.$refText ?? '' });
                }
            }
        })
    }),
    defineRule({
        code: 'acte-hors-intervenant', severity: 'warning', category: 'coherence', requirement: 'arbres', legalBasis: 'R.4011-1 2° a ; 4° a', basis: 'inference',
        title: { fr: 'Acte réalisé par un autre intervenant que son délégué', en: 'Act performed by another professional than its delegate' },
        message: { fr: 'L\'étape « {name} » est réalisée par {intervenants} mais l\'acte « {acte} » est délégué à {delegues}.', en: 'Step "{name}" is performed by {intervenants} but act "{acte}" is delegated to {delegues}.' },
        rationale: { fr: 'Un acte délégué ne peut être réalisé que par le délégué formé à cet acte.', en: 'A delegated act may only be performed by the delegate trained for it.' },
        fix: { fr: 'Corrigez « par » de l\'étape ou de l\'acte.', en: 'Fix "par" of the step or of the act.' },
        checks: ({ locale }) => ({
            Etape: (etape, report) => {
                const intervenants = etape.intervenants.map(reference => reference.ref).filter(i => i !== undefined);
                if (intervenants.length === 0) return;
                const present = new Set<unknown>(intervenants);
                for (const situation of etape.situations) {
                    const action = situation.action;
                    if (!isRealiser(action)) continue;
                    const acte = action.acte?.ref;
                    const delegues = acte?.delegues.map(reference => reference.ref).filter(d => d !== undefined) ?? [];
                    if (acte && delegues.length > 0 && !delegues.some(delegue => present.has(delegue))) {
                        report(action, {
                            name: etape.name, acte: acte.name,
                            intervenants: intervenants.map(i => quote(locale, i.name)).filter(Boolean).join(', '), delegues: delegues.map(d => quote(locale, d.name)).filter(Boolean).join(', ')
                        }, { property: 'acte' });
                    }
                }
            }
        })
    })
] as const;

