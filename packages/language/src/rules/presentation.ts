import { protocolModel } from '../model/protocol-model.js';
import { sectionKind, templateRank } from '../model/sections.js';
import { insertSectionFix, onTitle } from './fixes.js';
import { defineRule } from './rule.js';

/**
 * Presentation: what the HAS template asks that no article requires. These rules count in no
 * requirement of the conformity summary.
 */
export const presentationRules = [
    defineRule({
        code: 'objectifs-absents', severity: 'warning', category: 'completude', legalBasis: 'Modèle HAS, item 4', basis: 'source',
        title: { fr: 'Objectifs non précisés', en: 'Objectives not stated' },
        message: { fr: 'Le protocole n\'énonce pas ses objectifs (« objectifs "…" »).', en: 'The protocol states no objectives ("objectifs "…"").' },
        rationale: { fr: 'Les objectifs sont un item du modèle de la HAS et la première chose que lit un relecteur.', en: 'Objectives are an item of the HAS template and the first thing a reviewer reads.' },
        fix: { fr: 'Ajoutez « objectifs """…""" ».', en: 'Add "objectifs """…"""".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                if (!protocolModel(protocole).has('Objectifs')) report(protocole, {}, onTitle('Objectifs'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'ordre-du-modele', severity: 'info', category: 'completude', legalBasis: 'Modèle type de la HAS', basis: 'source',
        title: { fr: 'Ordre différent du modèle', en: 'Order differs from the template' },
        message: { fr: '« {section} » vient d\'ordinaire avant « {previous} » dans le modèle de protocole.', en: '"{section}" usually comes before "{previous}" in the protocol template.' },
        rationale: { fr: 'Le relecteur lit le protocole dans l\'ordre du modèle (fiche projet de la HAS, puis exigences du décret) ; l\'aperçu suit cet ordre quel que soit celui du fichier.', en: 'Reviewers read the protocol in the template order; the preview follows it whatever the file order.' },
        fix: { fr: 'Déplacez la rubrique (la vue « Structure » montre l\'ordre du modèle).', en: 'Move the section (the Outline shows the template order).' },
        checks: ({ locale }) => ({
            // Elements may come in any order, but reviewers read the template's order.
            Protocole: (protocole, report) => {
                let latest: { rank: number; type: string } | undefined;
                const reported = new Set<string>();
                for (const element of protocole.elements) {
                    if (element.$type === 'Suppression') continue;
                    const rank = templateRank(element.$type);
                    const kind = sectionKind(element.$type);
                    const previous = latest && sectionKind(latest.type);
                    if (latest && kind && previous && rank < latest.rank && !reported.has(element.$type)) {
                        reported.add(element.$type);
                        report(element, { section: locale.pick(kind.label), previous: locale.pick(previous.label) });
                    }
                    if (!latest || rank > latest.rank) latest = { rank, type: element.$type };
                }
            }
        })
    })
] as const;
