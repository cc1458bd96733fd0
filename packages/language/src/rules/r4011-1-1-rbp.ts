import { isProtocole } from '../generated/ast.js';
import { validDate } from '../model/governance.js';
import { protocolModel } from '../model/protocol-model.js';
import { insertSectionFix, onTitle } from './fixes.js';
import { defineRule } from './rule.js';

/** R.4011-1 1° — the protocol follows the good-practice recommendations of the HAS (requirement `rbp`). */
export const rbpRules = [
    defineRule({
        code: 'references-absentes', severity: 'error', category: 'completude', requirement: 'rbp', legalBasis: 'R.4011-1 1°', basis: 'source',
        title: { fr: 'Aucune recommandation de bonne pratique citée', en: 'No good-practice recommendation cited' },
        message: { fr: 'Le protocole ne cite aucune recommandation de bonne pratique (rubrique « références »).', en: 'The protocol cites no good-practice recommendation ("références" section).' },
        rationale: { fr: 'Un protocole doit respecter les recommandations de bonne pratique élaborées ou validées par la HAS ; le relecteur vérifie qu\'elles sont citées.', en: 'A protocol must follow the good-practice recommendations produced or endorsed by the HAS; reviewers check they are cited.' },
        fix: { fr: 'Ajoutez une rubrique « références { référence … } » citant les recommandations suivies (titre, auteur, année).', en: 'Add a "références { référence … }" section citing the recommendations followed (title, author, year).' },
        checks: () => ({
            Protocole: (protocole, report) => {
                if (protocolModel(protocole).references.length === 0) report(protocole, {}, onTitle('References'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'reference-has-absente', severity: 'warning', category: 'completude', requirement: 'rbp', legalBasis: 'R.4011-1 1°', basis: 'source',
        title: { fr: 'Aucune recommandation de la HAS', en: 'No HAS recommendation' },
        message: { fr: 'Aucune des références n\'est marquée comme recommandation élaborée ou validée par la HAS (mot-clé « has »).', en: 'None of the references is marked as produced or endorsed by the HAS (keyword "has").' },
        rationale: { fr: 'R.4011-1 1° vise les recommandations élaborées ou validées par la HAS ; une bibliographie sans elles sera questionnée.', en: 'R.4011-1 1° refers to recommendations produced or endorsed by the HAS; a bibliography without them will be questioned.' },
        fix: { fr: 'Ajoutez « has » à la référence qui est une recommandation de la HAS, ou citez-en une.', en: 'Add "has" to the reference that is a HAS recommendation, or cite one.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                if (model.references.length > 0 && !model.references.some(reference => reference.has || /\bHAS\b|haute autorité de santé/i.test(reference.auteur ?? ''))) {
                    const section = model.first('References');
                    report(section ?? protocole, {}, section ? {} : onTitle());
                }
            }
        })
    }),
    defineRule({
        code: 'reference-annee-absente', severity: 'warning', category: 'coherence', requirement: 'rbp', legalBasis: 'R.4011-1 1°', basis: 'inference',
        title: { fr: 'Référence sans année', en: 'Reference without year' },
        message: { fr: 'La référence « {name} » n\'a pas d\'année (« année 2021 ») : le relecteur ne peut pas vérifier qu\'elle est à jour.', en: 'Reference "{name}" has no year ("année 2021"): reviewers cannot check it is current.' },
        rationale: { fr: 'Les recommandations sont révisées ; l\'année identifie la version suivie.', en: 'Recommendations are revised; the year identifies the version followed.' },
        fix: { fr: 'Ajoutez « année <AAAA> ».', en: 'Add "année <YYYY>".' },
        checks: () => ({
            Reference: (reference, report) => {
                if (reference.annee === undefined) report(reference, { name: reference.name }, { property: 'name' });
            }
        })
    }),
    defineRule({
        code: 'reference-annee-invraisemblable', severity: 'error', category: 'coherence', requirement: 'rbp', legalBasis: 'R.4011-1 1°', basis: 'inference',
        title: { fr: 'Année de référence invraisemblable', en: 'Implausible reference year' },
        message: { fr: 'La référence « {name} » est datée de {annee} : {raison}.', en: 'Reference "{name}" is dated {annee}: {raison}.' },
        rationale: {
            fr: 'Une recommandation suivie par le protocole existe avant lui : son année se situe entre 1950 (aucune recommandation de bonne pratique citée n\'est plus ancienne) et la date du protocole (ou l\'année en cours). Une autre année est une faute de frappe (« 20219 », « 2052 »).',
            en: 'A recommendation the protocol follows exists before it: its year lies between 1950 and the protocol\'s date (or the current year).'
        },
        fix: { fr: 'Corrigez l\'année de la recommandation (ou la date du protocole).', en: 'Fix the recommendation\'s year (or the protocol\'s date).' },
        checks: ({ locale }) => ({
            Reference: (reference, report) => {
                if (typeof reference.annee !== 'number' || !Number.isFinite(reference.annee)) return;
                let root = reference.$container as { $container?: unknown } | undefined;
                while (root && !isProtocole(root) && root.$container) root = root.$container as { $container?: unknown };
                const dated = isProtocole(root) ? validDate(protocolModel(root).first('DateProtocole')?.valeur) : undefined;
                const limit = dated ? Number(dated.slice(0, 4)) : new Date().getUTCFullYear();
                const raison = reference.annee < 1950
                    ? locale.pick({ fr: 'avant 1950, ce n\'est pas une recommandation en vigueur', en: 'before 1950, this is not a current recommendation' })
                    : reference.annee > limit
                        ? (dated
                            ? locale.pick({ fr: `après la date du protocole (${dated})`, en: `after the protocol's date (${dated})` })
                            : locale.pick({ fr: `après l'année en cours (${limit})`, en: `after the current year (${limit})` }))
                        : undefined;
                if (raison) report(reference, { name: reference.name ?? '…', annee: reference.annee, raison }, { property: 'annee' });
            }
        })
    }),
] as const;
