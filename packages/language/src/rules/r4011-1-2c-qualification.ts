import type { Profession } from '../generated/ast.js';
import { protocolModel } from '../model/protocol-model.js';
import { insertSectionFix, onTitle } from './fixes.js';
import { defineRule } from './rule.js';

/** R.4011-1 2° c — qualification of the délégants and délégués (requirement `qualification`). */
export const qualificationRules = [
    defineRule({
        code: 'delegant-absent', severity: 'error', category: 'completude', requirement: 'qualification', legalBasis: 'R.4011-1 2° c', basis: 'source',
        title: { fr: 'Aucun délégant', en: 'No delegating professional' },
        message: { fr: 'Le protocole ne déclare aucun délégant (« délégant nom : profession »).', en: 'The protocol declares no delegating professional ("délégant name : profession").' },
        rationale: { fr: 'La qualification des professionnels délégants doit être définie.', en: 'The qualification of the delegating professionals must be defined.' },
        fix: { fr: 'Ajoutez « délégant mg : médecin { spécialité "…" } ».', en: 'Add "délégant mg : médecin { spécialité "…" }".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                if (!protocolModel(protocole).has('Delegant')) report(protocole, {}, onTitle('Delegant'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'delegue-absent', severity: 'error', category: 'completude', requirement: 'qualification', legalBasis: 'R.4011-1 2° c', basis: 'source',
        title: { fr: 'Aucun délégué', en: 'No delegate' },
        message: { fr: 'Le protocole ne déclare aucun délégué (« délégué nom : profession »).', en: 'The protocol declares no delegate ("délégué name : profession").' },
        rationale: { fr: 'La qualification des professionnels délégués doit être définie.', en: 'The qualification of the delegates must be defined.' },
        fix: { fr: 'Ajoutez « délégué ide : infirmier { qualification "…"  expérience 1 an } ».', en: 'Add "délégué ide : infirmier { qualification "…"  expérience 1 an }".' },
        checks: () => ({
            Protocole: (protocole, report) => {
                if (!protocolModel(protocole).has('Delegue')) report(protocole, {}, onTitle('Delegue'));
            }
        }),
        quickFix: insertSectionFix
    }),
    defineRule({
        code: 'qualification-absente', severity: 'warning', category: 'completude', requirement: 'qualification', legalBasis: 'R.4011-1 2° c', basis: 'source',
        title: { fr: 'Qualification non précisée', en: 'Qualification not stated' },
        message: { fr: '{role} « {name} » n\'a ni qualification ni spécialité précisée.', en: '{role} "{name}" has no qualification or specialty stated.' },
        rationale: { fr: 'Le décret demande la qualification professionnelle et, le cas échéant, la spécialité des délégants et des délégués, pas seulement leur profession.', en: 'The decree asks for the professional qualification and, where relevant, the specialty, not only the profession.' },
        fix: { fr: 'Ajoutez « qualification "…" » ou « spécialité "…" » dans son bloc.', en: 'Add "qualification "…"" or "spécialité "…"" to its block.' },
        checks: ({ locale }) => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                for (const professional of [...model.delegants, ...model.delegues]) {
                    if (professional.qualifications.length === 0 && professional.specialites.length === 0) {
                        const role = professional.$type === 'Delegant' ? { fr: 'Le délégant', en: 'Delegating professional' } : { fr: 'Le délégué', en: 'Delegate' };
                        report(professional, { role: locale.pick(role), name: professional.name }, { property: 'name' });
                    }
                }
            }
        })
    }),
    defineRule({
        code: 'professions-identiques', severity: 'error', category: 'coherence', requirement: 'qualification', legalBasis: 'L.4011-1 ; R.4011-1 2° c', basis: 'source',
        title: { fr: 'Délégant et délégué de même profession', en: 'Delegating professional and delegate of the same profession' },
        message: { fr: 'Le délégué « {delegue} » et le délégant « {delegant} » ont la même profession ({profession}) : la coopération suppose des titres et des formations différents.', en: 'Delegate "{delegue}" and delegating professional "{delegant}" have the same profession ({profession}): cooperation requires different titles and training.' },
        rationale: { fr: 'Un protocole de coopération transfère des actes entre professionnels de titres et de formations différents ; entre pairs, il n\'y a pas de dérogation.', en: 'A cooperation protocol transfers acts between professionals of different titles and training; between peers there is no derogation.' },
        fix: { fr: 'Vérifiez les professions ; une délégation entre pairs relève de l\'organisation interne, pas d\'un protocole.', en: 'Check the professions; delegation between peers is internal organisation, not a protocol.' },
        checks: () => ({
            Protocole: (protocole, report) => {
                const model = protocolModel(protocole);
                // The first délégant of each profession, found in one pass.
                const delegantOf = new Map<Profession, (typeof model.delegants)[number]>();
                for (const delegant of model.delegants) {
                    const profession = delegant.profession?.ref;
                    if (profession && !delegantOf.has(profession)) delegantOf.set(profession, delegant);
                }
                for (const delegue of model.delegues) {
                    const profession = delegue.profession?.ref;
                    const same = profession && delegantOf.get(profession);
                    if (same && profession) {
                        report(delegue, { delegue: delegue.name, delegant: same.name, profession: profession.libelle }, { property: 'profession' });
                    }
                }
            }
        })
    })
] as const;
