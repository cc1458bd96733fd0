import { AstUtils, CstUtils, GrammarUtils } from 'langium';
import { isActe, isDelegue, isFormation, isProtocole, isQuantite, type Delegue, type Formation, type Module, type Quantite } from '../generated/ast.js';
import { nodeKind } from '../model/node-kinds.js';
import { protocolModel } from '../model/protocol-model.js';
import { toPlainText } from '../model/skeleton-text.js';
import { unitInfo } from '../logic/compile.js';
import { insertSection } from './fixes.js';
import { defineRule, type QuickFixProvider, type Report } from './rule.js';

function positive(quantite: Quantite | undefined): boolean {
    return quantite !== undefined && quantite.valeur > 0;
}

/** Hours of a quantity given in a unit of time (undefined for cases). */
function hoursOf(quantite: Quantite | undefined): number | undefined {
    const info = quantite && quantite.unite !== 'cas' ? unitInfo(quantite.unite) : undefined;
    return info && typeof quantite!.valeur === 'number' ? quantite!.valeur * info[1] : undefined;
}

/** The training, or one of its modules, gives a positive total in hours (« durée 10 h »). */
function hasTotal(formation: Formation): boolean {
    return [formation, ...formation.modules.map(reference => reference.ref)].some(training => (hoursOf(training?.duree) ?? 0) > 0);
}

/** The trainings of each délégué and the acts each training covers, built once per protocol. */
const coverage = new WeakMap<object, Map<Delegue, Formation[]>>();
function trainingsByDelegue(formations: Formation[], key: object): Map<Delegue, Formation[]> {
    let map = coverage.get(key);
    if (!map) {
        map = new Map();
        for (const formation of formations) {
            for (const reference of formation.delegues) {
                const delegue = reference.ref;
                if (!delegue) continue;
                const list = map.get(delegue) ?? [];
                list.push(formation);
                map.set(delegue, list);
            }
        }
        coverage.set(key, map);
    }
    return map;
}

/** Adds the act to the `couvre` list of the délégué's training (data.delegue names the délégué). */
const coverActFix: QuickFixProvider = ({ document, diagnostic, data, locale }) => {
    const delegue = data.delegue;
    const root = document.parseResult.value.$cstNode;
    if (typeof delegue !== 'string' || !root) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
    const acte = leaf && AstUtils.getContainerOfType(leaf.astNode, isActe);
    const protocole = acte?.$container;
    if (!acte?.name || !protocole) return undefined;
    const formation = protocole.elements.filter(isFormation).find(f => f.delegues.some(d => d.$refText === delegue));
    if (!formation?.$cstNode) return undefined;
    const title = locale.pick({ fr: `Ajouter « ${acte.name} » aux actes couverts par « ${formation.name} »`, en: `Add "${acte.name}" to the acts covered by "${formation.name}"` });
    const last = formation.actes.at(-1)?.$refNode;
    if (last) return { title, edits: [{ range: { start: last.range.end, end: last.range.end }, newText: `, ${acte.name}` }] };
    // No « couvre » line yet: one, as the training's last line.
    const leaves = CstUtils.flattenCst(formation.$cstNode).filter(leaf => !leaf.hidden).toArray();
    const close = leaves.at(-1);
    const before = leaves.at(-2);
    if (close?.text !== '}' || !before) return undefined;
    const line = document.textDocument.getText({ start: { line: formation.$cstNode.range.start.line, character: 0 }, end: formation.$cstNode.range.start });
    const indent = /^[ \t]*/.exec(line)![0] + '    ';
    return { title, edits: [{ range: { start: before.range.end, end: before.range.end }, newText: `\n${indent}couvre ${acte.name}` }] };
};

/**
 * A training for the délégué who has none, named after them and covering the acts they really
 * perform (« par ide » in an act), at its place in the template.
 */
const trainingFix: QuickFixProvider = ({ document, diagnostic, locale }) => {
    const root = document.parseResult.value;
    if (!isProtocole(root) || !root.$cstNode) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root.$cstNode, document.textDocument.offsetAt(diagnostic.range.start));
    const delegue = leaf && AstUtils.getContainerOfType(leaf.astNode, isDelegue);
    const skeleton = nodeKind('Formation')?.skeleton;
    if (!delegue?.name || !skeleton) return undefined;
    const actes = protocolModel(root).actes.filter(acte => acte.name && acte.delegues.some(d => d.ref === delegue || d.$refText === delegue.name)).map(acte => acte.name);
    const lines = toPlainText(skeleton).split('\n');
    lines[0] = `formation f-${delegue.name} pour ${delegue.name} {`;
    const body = lines.filter(text => !/^\tcouvre\b/.test(text));
    if (actes.length > 0) body.splice(body.length - 1, 0, `\tcouvre ${actes.join(', ')}`);
    const edit = insertSection(document, root, 'Formation', body.join('\n'));
    if (!edit) return undefined;
    const covered = actes.length > 0 ? locale.pick({ fr: ` (couvre ${actes.join(', ')})`, en: ` (covers ${actes.join(', ')})` }) : '';
    return { title: locale.pick({ fr: `Ajouter une formation pour « ${delegue.name} »${covered}`, en: `Add a training for "${delegue.name}"${covered}` }), edits: [edit] };
};

/** A theoretical training counted in « cas »: where it is, for the check and its quick fix. */
function theoryInCases(training: Formation | Module): Quantite | undefined {
    return training.theorie?.unite === 'cas' ? training.theorie : undefined;
}

/** Counts the theory in hours: « théorie 10 cas » → « théorie 10 h ». */
const theoryInHoursFix: QuickFixProvider = ({ document, diagnostic, locale }) => {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
    const quantite = leaf && AstUtils.getContainerOfType(leaf.astNode, isQuantite);
    const unit = quantite?.$cstNode && GrammarUtils.findNodeForProperty(quantite.$cstNode, 'unite');
    if (!quantite || !unit || quantite.unite !== 'cas') return undefined;
    return {
        title: locale.pick({ fr: `Compter la théorie en heures (« théorie ${quantite.valeur} h »)`, en: `Count the theory in hours ("théorie ${quantite.valeur} h")` }),
        edits: [{ range: unit.range, newText: 'h' }]
    };
};

/** R.4011-1 3° — experience and theoretical and practical training of the délégués (requirement `formation`). */
export const formationRules = [
    defineRule({
        code: 'experience-absente', severity: 'error', category: 'completude', requirement: 'formation', legalBasis: 'R.4011-1 3°', basis: 'source',
        title: { fr: 'Expérience du délégué non précisée', en: 'Delegate experience not stated' },
        message: { fr: 'Le délégué « {name} » n\'a pas d\'expérience professionnelle minimale précisée (« expérience 2 ans »).', en: 'Delegate "{name}" has no minimum professional experience stated ("expérience 2 ans").' },
        rationale: { fr: 'Le protocole précise l\'expérience professionnelle exigée des délégués.', en: 'The protocol states the professional experience required of delegates.' },
        fix: { fr: 'Ajoutez « expérience <nombre> <unité> » dans le bloc du délégué.', en: 'Add "expérience <number> <unit>" to the delegate\'s block.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                for (const delegue of protocolModel(protocole).delegues) {
                    if (!delegue.experience) report(delegue, { name: delegue.name }, { property: 'name' });
                }
            }
        })
    }),
    defineRule({
        code: 'formation-absente', severity: 'error', category: 'completude', requirement: 'formation', legalBasis: 'R.4011-1 3° ; L.4011-2', basis: 'source',
        title: { fr: 'Délégué sans formation', en: 'Delegate without training' },
        message: { fr: 'Aucune formation n\'est prévue pour le délégué « {name} » (« formation f pour {name} { … } »).', en: 'No training is planned for delegate "{name}" ("formation f pour {name} { … }").' },
        rationale: { fr: 'Le protocole précise la formation théorique et pratique complémentaire exigée des délégués (R.4011-1 3°) et la formation nécessaire à sa mise en œuvre (L.4011-2).', en: 'The protocol states the additional theoretical and practical training required of delegates (R.4011-1 3°, L.4011-2).' },
        fix: { fr: 'Ajoutez une formation pour ce délégué : théorie, pratique, validation, actes couverts.', en: 'Add a training for this delegate: theory, practice, validation, acts covered.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                const trained = trainingsByDelegue(model.formations, model);
                for (const delegue of model.delegues) {
                    if (!trained.has(delegue)) report(delegue, { name: delegue.name }, { property: 'name', data: { section: 'Formation' } });
                }
            }
        }),
        quickFix: trainingFix
    }),
    defineRule({
        code: 'acte-non-couvert', severity: 'error', category: 'coherence', requirement: 'formation', legalBasis: 'R.4011-1 3°', basis: 'source',
        title: { fr: 'Acte dérogatoire non couvert par la formation', en: 'Derogating act not covered by training' },
        message: { fr: 'L\'acte dérogatoire « {acte} » est réalisé par « {delegue} », mais aucune formation de ce délégué ne le couvre (« couvre {acte} »).', en: 'Derogating act "{acte}" is performed by "{delegue}", but no training of that delegate covers it ("couvre {acte}").' },
        rationale: { fr: 'La formation complémentaire exigée des délégués est en rapport avec les actes délégués.', en: 'The additional training required of delegates relates to the delegated acts.' },
        fix: { fr: 'Ajoutez l\'acte à « couvre » dans la formation du délégué.', en: 'Add the act to "couvre" in the delegate\'s training.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                const trained = trainingsByDelegue(model.formations, model);
                for (const acte of model.actes) {
                    if (acte.articles.length === 0 || acte.nonDerogatoire) continue;
                    for (const delegue of acte.delegues.map(reference => reference.ref).filter(d => d !== undefined)) {
                        const covered = (trained.get(delegue) ?? []).some(formation => formation.actes.some(reference => reference.ref === acte));
                        if (!covered) report(acte, { acte: acte.name, delegue: delegue.name }, { property: 'name', data: { delegue: delegue.name } });
                    }
                }
            }
        }),
        quickFix: coverActFix
    }),
    defineRule({
        code: 'formation-sans-acte', severity: 'error', category: 'coherence', requirement: 'formation', legalBasis: 'R.4011-1 3°', basis: 'source',
        title: { fr: 'Formation ne couvrant aucun acte', en: 'Training covering no act' },
        message: { fr: 'La formation « {name} » ne couvre aucun acte (« couvre bu, atb »).', en: 'Training "{name}" covers no act ("couvre bu, atb").' },
        rationale: { fr: 'La formation est définie en rapport avec les actes délégués : elle doit dire lesquels elle prépare.', en: 'Training relates to the delegated acts: it must say which ones it prepares for.' },
        fix: { fr: 'Ajoutez « couvre » suivi des actes.', en: 'Add "couvre" and the acts.' },
        checks: () => ({
            Formation: (formation, report) => {
                if (formation.actes.length === 0) report(formation, { name: formation.name }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'formation-theorie-absente', severity: 'error', category: 'coherence', requirement: 'formation', legalBasis: 'R.4011-1 3°', basis: 'source',
        title: { fr: 'Formation théorique non chiffrée', en: 'Theoretical training not quantified' },
        message: { fr: 'La formation « {name} » n\'indique pas de durée de formation théorique positive (« théorie 6 h »).', en: 'Training "{name}" states no positive duration of theoretical training ("théorie 6 h").' },
        rationale: { fr: 'Le décret exige une formation théorique ET pratique ; sa durée est ce que vérifie le relecteur.', en: 'The decree requires theoretical AND practical training; reviewers check its duration.' },
        fix: { fr: 'Ajoutez « théorie <nombre> h ».', en: 'Add "théorie <number> h".' },
        checks: () => ({
            Formation: (formation, report) => {
                const moduleTheory = formation.modules.some(reference => positive(reference.ref?.theorie));
                // A training given as a total (« durée 10 h ») is accepted without its split.
                if (!positive(formation.theorie) && !moduleTheory && !hasTotal(formation)) report(formation, { name: formation.name }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'formation-pratique-absente', severity: 'error', category: 'coherence', requirement: 'formation', legalBasis: 'R.4011-1 3°', basis: 'source',
        title: { fr: 'Formation pratique non chiffrée', en: 'Practical training not quantified' },
        message: { fr: 'La formation « {name} » n\'indique pas de formation pratique positive (« pratique 10 cas » ou « pratique 4 h »).', en: 'Training "{name}" states no positive practical training ("pratique 10 cas" or "pratique 4 h").' },
        rationale: { fr: 'Le décret exige une formation théorique ET pratique (cas supervisés ou heures de compagnonnage).', en: 'The decree requires theoretical AND practical training (supervised cases or hours).' },
        fix: { fr: 'Ajoutez « pratique <nombre> cas » ou « pratique <nombre> h ».', en: 'Add "pratique <number> cas" or "pratique <number> h".' },
        checks: () => ({
            Formation: (formation, report) => {
                const modulePractice = formation.modules.some(reference => reference.ref?.pratiques.some(pratique => positive(pratique.quantite)));
                if (!formation.pratiques.some(pratique => positive(pratique.quantite)) && !modulePractice && !hasTotal(formation)) {
                    report(formation, { name: formation.name }, { property: 'name' });
                }
            }
        })
    }),
    defineRule({
        code: 'theorie-en-cas', severity: 'error', category: 'coherence', requirement: 'formation', legalBasis: 'R.4011-1 3°', basis: 'inference',
        title: { fr: 'Formation théorique comptée en cas', en: 'Theoretical training counted in cases' },
        message: {
            fr: '{kind} « {name} » compte sa formation théorique en cas (« théorie {valeur} cas ») : la théorie se compte en heures (« théorie {valeur} h ») ; les cas supervisés relèvent de la pratique.',
            en: '{kind} "{name}" counts its theoretical training in cases ("théorie {valeur} cas"): theory is counted in hours ("théorie {valeur} h"); supervised cases are practice.'
        },
        rationale: {
            fr: 'Le décret distingue la formation théorique de la formation pratique ; le relecteur vérifie la durée de la théorie (heures d\'enseignement) et le nombre de cas supervisés de la pratique. Une théorie « en cas » est presque toujours une pratique mal rangée ou une unité mal choisie, et laisse la durée théorique inconnue (lecture déduite du décret).',
            en: 'The decree distinguishes theoretical from practical training; reviewers check the duration of theory (teaching hours) and the number of supervised cases of practice. Theory "in cases" is almost always misfiled practice or a wrong unit, and leaves the theoretical duration unknown (inferred reading).'
        },
        fix: {
            fr: 'Donnez la durée de la théorie en heures (« théorie 6 h ») et déplacez les cas supervisés dans « pratique 10 cas ».',
            en: 'Give the duration of theory in hours ("théorie 6 h") and move supervised cases to "pratique 10 cas".'
        },
        checks: ({ locale }) => {
            const check = (training: Formation | Module, report: Report, kind: { fr: string; en: string }) => {
                const theory = theoryInCases(training);
                if (theory) report(training, { kind: locale.pick(kind), name: training.name, valeur: theory.valeur }, { property: 'theorie' });
            };
            return {
                Formation: (formation, report) => check(formation, report, { fr: 'La formation', en: 'Training' }),
                Module: (module, report) => check(module, report, { fr: 'Le module', en: 'Module' })
            };
        },
        quickFix: theoryInHoursFix
    }),
    defineRule({
        code: 'formation-duree-incoherente', severity: 'error', category: 'coherence', requirement: 'formation', legalBasis: 'R.4011-1 3°', basis: 'inference',
        title: { fr: 'Durée totale de formation incohérente', en: 'Inconsistent total training time' },
        message: { fr: '{kind} « {name} » : {probleme}', en: '{kind} "{name}": {probleme}' },
        rationale: {
            fr: 'La formation se donne en durée totale (« durée 10 h ») ou répartie entre théorie et pratique, les deux sont acceptées ; une durée totale est un temps, et elle contient la théorie et la pratique comptées en heures.',
            en: 'Training is given as a total time (« durée 10 h ») or split between theory and practice, both accepted; a total is a time, and it contains the theory and the practice counted in hours.'
        },
        fix: { fr: 'Donnez la durée totale en heures, au moins la somme de la théorie et de la pratique (« durée 12 h », « théorie 6 h », « pratique 6 h »).', en: 'Give the total in hours, at least the sum of theory and practice.' },
        checks: ({ locale }) => {
            const check = (training: Formation | Module, report: Report, kind: { fr: string; en: string }) => {
                const total = training.duree;
                if (!total) return;
                const args = { kind: locale.pick(kind), name: training.name };
                if (total.unite === 'cas') {
                    report(training, { ...args, probleme: locale.pick({ fr: `sa durée totale est comptée en cas (« durée ${total.valeur} cas ») : une durée se compte en heures (« durée ${total.valeur} h ») ; les cas supervisés relèvent de la pratique.`, en: `its total is counted in cases (« durée ${total.valeur} cas »): a total is counted in hours; supervised cases are practice.` }) }, { property: 'duree' });
                    return;
                }
                const hours = hoursOf(total);
                const parts = [hoursOf(training.theorie) ?? 0, ...training.pratiques.map(pratique => hoursOf(pratique.quantite) ?? 0)];
                const sum = parts.reduce((a, b) => a + b, 0);
                if (hours !== undefined && sum > hours) {
                    const shown = (value: number) => String(Math.round(value * 100) / 100).replace('.', ',');
                    report(training, { ...args, probleme: locale.pick({ fr: `sa durée totale (${shown(hours)} h) est inférieure à la théorie et à la pratique comptées en heures (${shown(sum)} h).`, en: `its total (${shown(hours)} h) is less than the theory and practice counted in hours (${shown(sum)} h).` }) }, { property: 'duree' });
                }
            };
            return {
                Formation: (formation, report) => check(formation, report, { fr: 'La formation', en: 'Training' }),
                Module: (module, report) => check(module, report, { fr: 'Le module', en: 'Module' })
            };
        }
    })
] as const;
