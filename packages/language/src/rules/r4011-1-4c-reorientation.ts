import type { TextEdit } from 'vscode-languageserver-types';
import {
    isAllerA, isComparaison, isCritere, isCritereQuelconque, isDonnee, isEt, isFin, isNon, isOrienter, isOu, isParentheses, isProtocole, isRealiser,
    isRessource, isTypeOuiNon, type Action, type Critere, type Duree, type Etape, type Expression, type Protocole
} from '../generated/ast.js';
import { conditionSource } from '../logic/sentence.js';
import { unitInfo } from '../logic/compile.js';
import { fold } from '../model/text.js';
import { protocolModel } from '../model/protocol-model.js';
import { insertSection, insertSectionFix, onTitle } from './fixes.js';
import { quote } from './r4011-1-4a-arbres.js';
import { defineRule, type Report } from './rule.js';
import type { LocaleSetting } from '../i18n/locale.js';
import type { AstNode } from 'langium';

/** R.4011-1 4° c — referral to the délégant and its delays (requirement `reorientation`). */
export const reorientationRules = [
    defineRule({
        code: 'reorientations-absentes', severity: 'error', category: 'completude', requirement: 'reorientation', legalBasis: 'R.4011-1 4° c', basis: 'source',
        title: { fr: 'Situations de réorientation non décrites', en: 'Referral situations not described' },
        message: { fr: 'Les situations qui imposent de réorienter le patient vers le délégant ne sont pas listées (rubrique « réorientations »).', en: 'The situations requiring referral back to the delegating professional are not listed ("réorientations" section).' },
        rationale: { fr: 'Le protocole identifie les situations nécessitant une réorientation vers le délégant et leurs délais.', en: 'The protocol identifies the situations that require referral to the delegating professional, and their delays.' },
        fix: { fr: 'Ajoutez « réorientations { situation nom "…" vers mg sous 24 h } ».', en: 'Add "réorientations { situation name "…" vers mg sous 24 h }".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const reorientations = protocolModel(protocole).first('Reorientations');
                if (!reorientations) report(protocole, {}, onTitle('Reorientations'));
                else if (reorientations.situations.length === 0) report(reorientations);
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'destinataire-non-declare', severity: 'error', category: 'coherence', requirement: 'reorientation', legalBasis: 'R.4011-1 4° c', basis: 'inference',
        title: { fr: 'Réorientation vers un destinataire non déclaré', en: 'Referral to an undeclared recipient' },
        message: {
            fr: 'La réorientation vers « {destination} » vise un destinataire que le protocole ne déclare pas : déclarez-le une fois (« ressource {id} "{destination}" ») puis orientez vers {id}, ou orientez vers un délégant, les urgences ou le SAMU-Centre 15.',
            en: 'The referral to "{destination}" targets a recipient the protocol does not declare: declare it once ("ressource {id} "{destination}"") and refer to {id}, or refer to a delegating professional, emergency services or SAMU-Centre 15.'
        },
        rationale: {
            fr: 'Le protocole organise la réorientation vers le délégant et les relais identifiés : un destinataire écrit en texte libre (« cardiologue ») n\'est ni joignable ni engagé par le protocole. Le déclarer une fois le rend explicite dans le dossier et vérifiable.',
            en: 'The protocol organises referral to the delegating professional and identified relays: a free-text recipient is neither reachable nor bound by the protocol.'
        },
        fix: { fr: 'Déclarez la ressource (la correction rapide le fait) : « ressource cardiologue "Cardiologue du centre hospitalier" ».', en: 'Declare the resource (the quick fix does it): "ressource cardiologue "Cardiologist"".' },
        checks: () => ({
            Externe: (externe, report) => {
                if (typeof externe.autre !== 'string') return;
                const destination = externe.autre.trim() || '…';
                report(externe, { destination, id: resourceId(destination) }, { property: 'autre', data: { destination, id: resourceId(destination) } });
            }
        }),
        quickFix: ({ document, diagnostic, data, locale }) => {
            const root = document.parseResult.value;
            if (!isProtocole(root) || typeof data.id !== 'string' || typeof data.destination !== 'string') return undefined;
            const label = data.destination.charAt(0).toUpperCase() + data.destination.slice(1);
            const edits: TextEdit[] = [{ range: diagnostic.range, newText: data.id }];
            const declared = root.elements.some(element => isRessource(element) && element.name === data.id);
            if (!declared) {
                const insert = insertSection(document, root, 'Ressource', `ressource ${data.id} "${label.replace(/"/g, '\'')}"`);
                if (!insert) return undefined;
                edits.unshift(insert);
            }
            return { title: locale.pick({ fr: `Déclarer la ressource « ${data.id} » et orienter vers elle`, en: `Declare resource "${data.id}" and refer to it` }), edits };
        }
    }),
    defineRule({
        code: 'reorientation-sans-delai', severity: 'error', category: 'coherence', requirement: 'reorientation', legalBasis: 'R.4011-1 4° c', basis: 'source',
        title: { fr: 'Réorientation sans délai', en: 'Referral without delay' },
        message: { fr: 'La réorientation vers le délégant {target} n\'a pas de délai maximal (« sous 24 h »).', en: 'The referral to the delegating professional {target} has no maximum delay ("sous 24 h").' },
        rationale: { fr: 'Le protocole fixe, pour chaque situation de réorientation vers le délégant, le délai dans lequel elle a lieu.', en: 'For each referral situation the protocol sets the delay within which it happens.' },
        fix: { fr: 'Ajoutez « sous <nombre> <unité> » (min, h, j…).', en: 'Add "sous <number> <unit>" (min, h, j…).' },
        checks: ({ locale }) => ({
            Etape: (etape, report) => {
                for (const situation of etape.situations) {
                    const action = situation.action;
                    if (isOrienter(action) && action.delegant && !isRessource(action.delegant.ref) && !action.delai) {
                        report(action, { target: quote(locale, action.delegant.$refText) }, { property: 'delegant' });
                    }
                }
            },
            // Emergency services are immediate: only referrals back to the délégant need a delay.
            SituationReorientation: (situation, report) => {
                if (situation.delegant && !isRessource(situation.delegant.ref) && !situation.delai) report(situation, { target: quote(locale, situation.delegant.$refText) }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'signe-de-gravite-non-urgent', severity: 'error', category: 'coherence', requirement: 'reorientation', legalBasis: 'R.4011-1 4° c', basis: 'inference',
        title: { fr: 'Signe de gravité sans orientation urgente', en: 'Sign of gravity without urgent referral' },
        message: {
            fr: 'La situation {situation} relève d\'un signe de gravité ({sign}) : elle doit conduire aux urgences, au SAMU-Centre 15 ou à une réorientation sous {delay} au plus (délai urgent du protocole), or elle conduit à {actual}.',
            en: 'The situation {situation} follows a sign of gravity ({sign}): it must lead to emergency services, SAMU-Centre 15 or a referral within {delay} at most (the protocol\'s urgent delay), but it leads to {actual}.'
        },
        rationale: {
            fr: 'Le protocole identifie les situations qui imposent de réorienter le patient et leurs délais : un signe de gravité (une donnée ou un critère marqué « signe de gravité », ou un risque de gravité critique ou catastrophique) ne peut attendre une consultation du délégant dans les jours qui suivent. Le délai urgent est celui que déclare le protocole (« réorientations { délai urgent 2 h } »), 24 heures par défaut.',
            en: 'The protocol identifies the situations requiring referral and their delays: a sign of gravity (a datum or criterion marked « signe de gravité », or a risk of critical or catastrophic severity) cannot wait for a consultation days later. The urgent delay is the one the protocol declares (« réorientations { délai urgent 2 h } »), 24 hours by default.'
        },
        fix: {
            fr: 'Orientez vers les urgences ou le SAMU (« orienter vers samu »), ou réorientez sous le délai urgent (la correction rapide le fait) ; déclarez un autre délai urgent dans « réorientations { délai urgent 2 h } ».',
            en: 'Refer to emergency services or SAMU (« orienter vers samu »), or refer within the urgent delay (the quick fix does it); declare another urgent delay in « réorientations { délai urgent 2 h } ».'
        },
        checks: ({ locale }) => ({
            Etape: (etape, report) => {
                const protocole = protocolOf(etape);
                if (!protocole) return;
                const urgent = urgentDelay(protocole);
                const risks = etape.risques.filter(risque => risque.gravite === 'critique' || risque.gravite === 'catastrophique');
                for (const situation of etape.situations) {
                    const signs = situation.expression ? gravitySigns(situation.expression, locale) : [];
                    let problem: UrgencyProblem | undefined;
                    let sign: string | undefined;
                    if (signs.length > 0) {
                        problem = urgencyProblem(situation.action, urgent.hours, new Set([etape]));
                        sign = signs.join(', ');
                    }
                    // A step exposed to a critical risk: its referrals are the way out when the risk occurs.
                    if (!problem && risks.length > 0) {
                        const referral = finalReferral(situation.action);
                        if (referral) {
                            problem = urgencyProblem(referral, urgent.hours, new Set([etape]));
                            sign = risks.map(risque => locale.pick({ fr: `risque ${quote(locale, risque.libelle ?? risque.name)} de gravité ${risque.gravite}`, en: `risk ${quote(locale, risque.libelle ?? risque.name)} of ${risque.gravite} severity` })).join(', ');
                        }
                    }
                    if (!problem || !sign) continue;
                    const text = situation.sinon ? 'sinon' : `si ${conditionSource(situation.expression) || (situation.condition ?? '').replace(/\s+/g, ' ').trim()}`;
                    reportProblem(report, problem, { situation: quote(locale, text), sign, delay: urgent.text, actual: quote(locale, problem.actual) }, urgent.text);
                }
            },
            SituationReorientation: (situation, report) => {
                if (!situation.signeGravite || situation.externe?.urgences || situation.externe?.samu) return;
                const protocole = protocolOf(situation);
                if (!protocole) return;
                const urgent = urgentDelay(protocole);
                const hours = durationHours(situation.delai);
                if (hours !== undefined && hours <= urgent.hours) return;
                const actual = `orienter vers ${situation.delegant?.$refText ?? sourceText(situation.externe)}${situation.delai ? ` sous ${sourceText(situation.delai)}` : ''}`;
                const problem: UrgencyProblem = situation.delai
                    ? { node: situation.delai, actual, fix: 'replace' }
                    : { node: situation, property: 'name', actual, fix: 'insert', after: situation.delegant?.$refNode?.range.end ?? situation.$cstNode?.range.end };
                reportProblem(report, problem, { situation: quote(locale, situation.libelle), sign: locale.pick({ fr: 'situation marquée « signe de gravité »', en: 'situation marked « signe de gravité »' }), delay: urgent.text, actual: quote(locale, actual) }, urgent.text);
            }
        }),
        quickFix: ({ diagnostic, data, locale }) => {
            if (typeof data.delay !== 'string') return undefined;
            const title = locale.pick({ fr: `Réorienter sous ${data.delay} (délai urgent)`, en: `Refer within ${data.delay} (urgent delay)` });
            if (data.fix === 'replace') return { title, edits: [{ range: diagnostic.range, newText: data.delay }] };
            if (data.fix === 'insert' && typeof data.line === 'number' && typeof data.character === 'number') {
                const at = { line: data.line, character: data.character };
                return { title, edits: [{ range: { start: at, end: at }, newText: ` sous ${data.delay}` }] };
            }
            return undefined;
        }
    })
] as const;

/** The urgent delay when the protocol declares none (docs/rules/signe-de-gravite-non-urgent.md). */
export const DEFAULT_URGENT_DELAY_HOURS = 24;

function protocolOf(node: AstNode): Protocole | undefined {
    let current: AstNode | undefined = node;
    while (current && !isProtocole(current)) current = current.$container;
    return current;
}

function durationHours(duree: Duree | undefined): number | undefined {
    if (!duree || duree.valeur === undefined) return undefined;
    const info = unitInfo(duree.unite);
    return info ? duree.valeur * info[1] : undefined;
}

function sourceText(node: AstNode | undefined): string {
    return node?.$cstNode?.text.replace(/\s+/g, ' ').trim() ?? '';
}

/** The protocol's urgent delay (« réorientations { délai urgent 2 h } »), 24 h by default. */
export function urgentDelay(protocole: Protocole): { hours: number; text: string } {
    const declared = protocolModel(protocole).first('Reorientations')?.delaiUrgent;
    const hours = durationHours(declared);
    return hours !== undefined && declared ? { hours, text: sourceText(declared) } : { hours: DEFAULT_URGENT_DELAY_HOURS, text: `${DEFAULT_URGENT_DELAY_HOURS} h` };
}

/**
 * The signs of gravity a condition is triggered by: the data and criteria marked « signe de
 * gravité » it reads positively (not under « non », a yes/no datum not compared to « non »), through
 * the named criteria it cites and « un critère d'exclusion / de retrait ».
 */
export function gravitySigns(expression: Expression, locale: LocaleSetting): string[] {
    const signs = new Set<string>();
    const seen = new Set<Critere>();
    const criterion = (critere: Critere) => {
        if (seen.has(critere)) return;
        seen.add(critere);
        const condition = critere.condition;
        if (critere.signeGravite) {
            const text = condition && 'texte' in condition && typeof condition.texte === 'string' ? condition.texte.trim() : critere.name;
            signs.add(locale.pick({ fr: `critère ${quote(locale, text)}`, en: `criterion ${quote(locale, text)}` }));
        } else if (condition && !('texte' in condition && typeof condition.texte === 'string')) visit(condition as Expression, false);
    };
    const visit = (node: Expression | undefined, negated: boolean): void => {
        if (!node) return;
        if (isOu(node) || isEt(node)) { visit(node.gauche, negated); visit(node.droite, negated); return; }
        if (isNon(node)) { visit(node.operande, !negated); return; }
        if (isParentheses(node)) { visit(node.interieur, negated); return; }
        if (negated) return;
        if (isCritereQuelconque(node)) {
            if (node.aucun) return;
            const nature = node.retrait ? 'retrait' : 'exclusion';
            const protocole = protocolOf(node);
            for (const element of protocole?.elements ?? []) {
                if (element.$type === 'Patients') for (const critere of (element as { criteres: Critere[] }).criteres) if (critere.nature === nature) criterion(critere);
            }
            return;
        }
        if (!isComparaison(node)) return;
        const target = node.ref?.ref;
        if (isCritere(target)) { criterion(target); return; }
        if (isDonnee(target) && target.signeGravite) {
            if (isTypeOuiNon(target.type) && node.egalite && (fold(node.valeurTexte ?? '') === 'non') === (node.egalite === '=')) return;
            signs.add(locale.pick({ fr: `donnée ${quote(locale, target.libelle?.trim() || target.name)}`, en: `datum ${quote(locale, target.libelle?.trim() || target.name)}` }));
        }
    };
    visit(expression, false);
    return [...signs];
}

interface UrgencyProblem {
    readonly node: AstNode;
    readonly property?: string;
    /** The action that is not urgent, as written. */
    readonly actual: string;
    /** `replace`: the delay is too long (the fix writes the urgent one); `insert`: there is none. */
    readonly fix?: 'replace' | 'insert';
    readonly after?: { line: number; character: number };
}

/** The referral an action ends with (« réaliser … puis orienter vers … »), if any. */
function finalReferral(action: Action | undefined): Action | undefined {
    if (isOrienter(action)) return action;
    if (isRealiser(action) && action.suite) return finalReferral(action.suite as Action);
    return undefined;
}

/**
 * Why an action does not lead to emergency services or a referral within `hours`, or undefined
 * when it does. Acts before the referral are fine; `aller à` goes on through every situation of the
 * step it reaches (a loop back is not urgent).
 */
function urgencyProblem(action: Action | undefined, hours: number, visited: Set<Etape>): UrgencyProblem | undefined {
    if (!action) return undefined;
    if (isRealiser(action)) return action.suite ? urgencyProblem(action.suite as Action, hours, visited) : { node: action, actual: sourceText(action) };
    if (isOrienter(action)) {
        if (action.externe?.urgences || action.externe?.samu) return undefined;
        const delay = durationHours(action.delai);
        if (delay !== undefined && delay <= hours) return undefined;
        // The referral without its reason: « orienter vers mg sous 7 jours ».
        const written = `orienter vers ${action.delegant?.$refText ?? sourceText(action.externe)}${action.delai ? ` sous ${sourceText(action.delai)}` : ''}`;
        if (action.delai) return { node: action.delai, actual: written, fix: 'replace' };
        const end = (action.delegant?.$refNode ?? action.externe?.$cstNode)?.range.end;
        return { node: action, property: action.delegant ? 'delegant' : undefined, actual: written, fix: end ? 'insert' : undefined, after: end };
    }
    if (isAllerA(action)) {
        const etape = action.etape?.ref;
        if (!etape) return undefined;
        if (visited.has(etape)) return { node: action, actual: sourceText(action) };
        visited.add(etape);
        for (const situation of etape.situations) {
            const problem = urgencyProblem(situation.action, hours, visited);
            if (problem) return { node: action, actual: problem.actual };
        }
        return undefined;
    }
    if (isFin(action)) return { node: action, actual: sourceText(action) };
    return undefined;
}

function reportProblem(report: Report, problem: UrgencyProblem, args: Record<string, string | undefined>, delay: string): void {
    const data: Record<string, string | number> = { delay };
    if (problem.fix === 'replace') data.fix = 'replace';
    if (problem.fix === 'insert' && problem.after) Object.assign(data, { fix: 'insert', line: problem.after.line, character: problem.after.character });
    report(problem.node, args, { ...(problem.property ? { property: problem.property as never } : {}), data });
}

const STOP_WORDS = new Set(['de', 'la', 'le', 'les', 'du', 'des', 'l', 'd', 'en', 'et', 'a', 'au', 'aux', 'un', 'une']);

/** A name for a resource from its label: « Cardiologue de garde » → `cardiologue-de-garde`. */
export function resourceId(label: string): string {
    const words = fold(label).split(/[^a-z0-9]+/).filter(word => word && !STOP_WORDS.has(word));
    const id = words.slice(0, 3).join('-');
    return /^[a-z]/.test(id) ? id : `ressource${id ? '-' + id : ''}`;
}
