import type { ValidationChecks } from 'langium';
import type { CoopServices } from '../coop-module.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import type { CoopAstType } from '../generated/ast.js';
import { sectionKind, templateRank } from '../model/sections.js';

/** Order advice: elements may come in any order, but reviewers read the template's order. */
export const templateOrderDefinitions = [
    defineDiagnostic({
        code: 'ordre-du-modele', severity: 'info', category: 'completude', legalBasis: 'Modèle type de la HAS', basis: 'source',
        title: { fr: 'Ordre différent du modèle', en: 'Order differs from the template' },
        message: { fr: '« {section} » vient d\'ordinaire avant « {previous} » dans le modèle de protocole.', en: '"{section}" usually comes before "{previous}" in the protocol template.' },
        rationale: { fr: 'Le relecteur lit le protocole dans l\'ordre du modèle (fiche projet de la HAS, puis exigences du décret) ; l\'aperçu suit cet ordre quel que soit celui du fichier.', en: 'Reviewers read the protocol in the template order; the preview follows it whatever the file order.' },
        fix: { fr: 'Déplacez la rubrique (la vue « Structure » montre l\'ordre du modèle).', en: 'Move the section (the Outline shows the template order).' }
    })
] as const;

export function templateOrderChecks(services: CoopServices): ValidationChecks<CoopAstType> {
    const reporter = services.validation.DiagnosticReporter;
    const locale = services.i18n.Locale;
    return {
        Protocole: (protocole, accept) => {
            let latest: { rank: number; type: string } | undefined;
            const reported = new Set<string>();
            for (const element of protocole.elements) {
                if (element.$type === 'Suppression') continue;
                const rank = templateRank(element.$type);
                if (latest && rank < latest.rank && !reported.has(element.$type)) {
                    reported.add(element.$type);
                    reporter.report(accept, 'ordre-du-modele', element, {
                        section: locale.pick(sectionKind(element.$type)!.label),
                        previous: locale.pick(sectionKind(latest.type)!.label)
                    });
                }
                if (!latest || rank > latest.rank) latest = { rank, type: element.$type };
            }
        }
    };
}
