import type { TextEdit } from 'vscode-languageserver-types';
import { isOrienter, isProtocole, isRessource } from '../generated/ast.js';
import { fold } from '../model/text.js';
import { protocolModel } from '../model/protocol-model.js';
import { insertSection, insertSectionFix, onTitle } from './fixes.js';
import { quote } from './r4011-1-4a-arbres.js';
import { defineRule } from './rule.js';

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
    })
] as const;

const STOP_WORDS = new Set(['de', 'la', 'le', 'les', 'du', 'des', 'l', 'd', 'en', 'et', 'a', 'au', 'aux', 'un', 'une']);

/** A name for a resource from its label: « Cardiologue de garde » → `cardiologue-de-garde`. */
export function resourceId(label: string): string {
    const words = fold(label).split(/[^a-z0-9]+/).filter(word => word && !STOP_WORDS.has(word));
    const id = words.slice(0, 3).join('-');
    return /^[a-z]/.test(id) ? id : `ressource${id ? '-' + id : ''}`;
}
