import { AstUtils } from 'langium';
import type { Equipe, MembreEquipe } from '../generated/ast.js';
import { fold, nearest } from '../model/text.js';
import { appliedProtocol, nationalProtocols, workspaceProtocols, type AppliedProtocol } from '../team/applied-protocol.js';
import { addMonths, displayDate, finessFormatOk, memberName, rppsFormatOk, teamModel } from '../team/team-model.js';
import { insertAttestationsFix, insertTeamHeadFix } from '../team/team-fixes.js';
import { useSuggestionFix } from './fixes.js';
import { defineRule, type RuleContext } from './rule.js';

/**
 * Team files (`équipe "…" applique <protocole>`, issue 12): the checks an ARS would make on a team
 * declaration (../shared/domain/lifecycle.md §2). They serve no requirement of R.4011-1 (those are
 * about the protocol's text), so they do not count in the protocol's conformity summary.
 */

const applied = (context: RuleContext, equipe: Equipe): AppliedProtocol | undefined =>
    appliedProtocol(equipe, context.services.shared.workspace.LangiumDocuments);

const professionOf = (membre: MembreEquipe): string | undefined => membre.profession?.ref?.name;

const SETTINGS: Record<string, { fr: string; en: string }> = {
    'établissement': { fr: 'établissement de santé', en: 'health establishment' },
    ght: { fr: 'GHT', en: 'GHT' }, msp: { fr: 'MSP', en: 'MSP' }, 'centre-de-santé': { fr: 'centre de santé', en: 'health centre' },
    esp: { fr: 'ESP', en: 'ESP' }, cpts: { fr: 'CPTS', en: 'CPTS' }, esms: { fr: 'ESMS', en: 'ESMS' }, 'inter-entités': { fr: 'inter-entités', en: 'cross-entity' }
};

export const teamRules = [
    defineRule({
        code: 'equipe-protocole-introuvable', severity: 'error', category: 'coherence', legalBasis: 'L.4011-3 ; L.4011-4', basis: 'source',
        title: { fr: 'Protocole appliqué introuvable', en: 'Applied protocol not found' },
        message: { fr: 'Le protocole appliqué « {code} » est introuvable : ce n\'est ni un protocole national du catalogue, ni l\'identifiant d\'un protocole local de l\'espace de travail.{hint}', en: 'The applied protocol "{code}" is not found: neither a national protocol of the catalogue nor the identifier of a local protocol of the workspace.{hint}' },
        rationale: { fr: 'Une équipe déclare qu\'elle applique un protocole autorisé (national) ou un protocole local décidé par ses entités ; sans lui, rien de la déclaration ne peut être vérifié.', en: 'A team declares that it applies an authorised national protocol or a local one its entities decided; without it nothing can be checked.' },
        fix: { fr: 'Écrivez le nom court d\'un protocole du catalogue (`coop catalogue`) ou l\'identifiant d\'un protocole local du dossier.', en: 'Write the short name of a catalogue protocol (`coop catalogue`) or the identifier of a local protocol of the folder.' },
        checks: (context) => ({
            Equipe: (equipe, report) => {
                if (!equipe.protocole || applied(context, equipe)) return;
                const documents = context.services.shared.workspace.LangiumDocuments;
                const candidates = [...[...nationalProtocols(documents).values()].map(entry => entry.name), ...[...workspaceProtocols(documents).keys()]];
                const suggestion = nearest(equipe.protocole, candidates);
                const hint = suggestion ? context.locale.pick({ fr: ` Vouliez-vous dire « ${suggestion} » ?`, en: ` Did you mean "${suggestion}"?` }) : '';
                report(equipe, { code: equipe.protocole, hint }, { property: 'protocole', data: suggestion ? { suggestion } : {} });
            }
        }),
        quickFix: useSuggestionFix
    }),
    defineRule({
        code: 'equipe-roles-incomplets', severity: 'error', category: 'completude', legalBasis: 'L.4011-1', basis: 'source',
        title: { fr: 'Équipe sans délégant ou sans délégué', en: 'Team without a delegating professional or a delegate' },
        message: { fr: 'L\'équipe ne compte aucun {role} : un protocole de coopération se met en œuvre entre au moins un délégant et un délégué.', en: 'The team has no {role}: a cooperation protocol is carried out between at least one delegating professional and one delegate.' },
        rationale: { fr: 'La coopération transfère des actes d\'un professionnel délégant à un professionnel délégué (art. L.4011-1) ; la déclaration d\'équipe nomme les uns et les autres.', en: 'Cooperation transfers acts from a delegating professional to a delegate (art. L.4011-1); the team declaration names both.' },
        fix: { fr: 'Ajoutez un membre « membre "Nom" "Prénom" : <profession> délégant » (ou délégué).', en: 'Add a member "membre "Name" "First name" : <profession> délégant" (or délégué).' },
        checks: ({ locale }) => ({
            Equipe: (equipe, report) => {
                const members = teamModel(equipe).members;
                for (const role of ['délégant', 'délégué'] as const) {
                    if (!members.some(membre => membre.role === role)) {
                        report(equipe, { role: locale.pick(role === 'délégant' ? { fr: 'délégant', en: 'delegating professional' } : { fr: 'délégué', en: 'delegate' }) }, { property: 'titre' });
                    }
                }
            }
        })
    }),
    defineRule({
        code: 'equipe-profession-non-prevue', severity: 'error', category: 'coherence', legalBasis: 'L.4011-2 ; L.4011-3', basis: 'source',
        title: { fr: 'Profession non prévue par le protocole pour ce rôle', en: 'Profession not provided for this role by the protocol' },
        message: { fr: '{name} est {profession} {role}, mais le protocole « {code} » ne prévoit comme {role} que : {allowed}.', en: '{name} is a {role} {profession}, but protocol "{code}" only provides as {role}: {allowed}.' },
        rationale: { fr: 'Le protocole fixe la profession des délégants et des délégués ; un autre professionnel ne peut pas y adhérer dans ce rôle.', en: 'The protocol sets the profession of delegating professionals and delegates; no other professional can join in that role.' },
        fix: { fr: 'Corrigez la profession ou le rôle du membre, ou retirez-le de l\'équipe.', en: 'Correct the member\'s profession or role, or remove them from the team.' },
        checks: (context) => ({
            MembreEquipe: (membre, report) => {
                const protocol = applied(context, teamOf(membre));
                const profession = professionOf(membre);
                if (!protocol || !profession || !membre.role) return;
                const allowed = membre.role === 'délégant' ? protocol.delegants : protocol.delegues;
                if (allowed.size === 0 || allowed.has(profession)) return;
                report(membre, { name: memberName(membre), profession, role: membre.role, code: protocol.code, allowed: [...allowed].join(', ') }, { property: 'profession' });
            }
        })
    }),
    defineRule({
        code: 'equipe-formation-manquante', severity: 'error', category: 'completude', legalBasis: 'R.4011-1 3° ; L.4011-2', basis: 'source',
        title: { fr: 'Formation du protocole non suivie par un délégué', en: 'Protocol training not completed by a delegate' },
        message: { fr: 'Le délégué {name} n\'a pas suivi {missing}.', en: 'Delegate {name} has not completed {missing}.' },
        rationale: { fr: 'Chaque délégué atteste sur l\'honneur des compétences requises par le protocole, c\'est-à-dire de la formation qu\'il prévoit, avant de réaliser les actes délégués. Quand le protocole (souvent une entrée du catalogue national) ne nomme pas ses formations, au moins une formation suivie est demandée.', en: 'Each delegate attests the competences the protocol requires, i.e. its training, before performing delegated acts. When the protocol (often a national catalogue entry) names no training, at least one completed training is required.' },
        fix: { fr: 'Ajoutez dans le bloc du membre « formation <nom> le AAAA-MM-JJ "organisme, attestation" ».', en: 'Add to the member\'s block "formation <name> le YYYY-MM-DD "provider, certificate"".' },
        checks: (context) => ({
            MembreEquipe: (membre, report) => {
                if (membre.role !== 'délégué') return;
                const protocol = applied(context, teamOf(membre));
                if (!protocol) return;
                const done = new Set(membre.formations.map(formation => fold(formation.formation ?? '')));
                const profession = professionOf(membre);
                const required = protocol.trainings.filter(training => training.professions.size === 0 || !profession || training.professions.has(profession));
                const missing = required.length > 0
                    ? required.filter(training => !done.has(fold(training.name))).map(training => context.locale.pick({ fr: `la formation « ${training.name} »`, en: `training "${training.name}"` }))
                    : membre.formations.length === 0 ? [context.locale.pick({ fr: 'la formation du protocole (aucune formation indiquée)', en: 'the protocol\'s training (no training given)' })] : [];
                if (missing.length > 0) report(membre, { name: memberName(membre), missing: missing.join(', ') }, { property: 'nom' });
            }
        })
    }),
    defineRule({
        code: 'equipe-formation-inconnue', severity: 'warning', category: 'coherence', legalBasis: 'R.4011-1 3°', basis: 'inference',
        title: { fr: 'Formation citée inconnue du protocole', en: 'Training not part of the protocol' },
        message: { fr: 'La formation « {formation} » de {name} n\'est pas une formation du protocole « {code} » ({known}).', en: 'Training "{formation}" of {name} is not a training of protocol "{code}" ({known}).' },
        rationale: { fr: 'Une formation suivie n\'atteste des compétences que si c\'est celle que le protocole prévoit.', en: 'A training only attests competences if it is the one the protocol provides.' },
        fix: { fr: 'Citez le nom d\'une formation du protocole.', en: 'Cite the name of one of the protocol\'s trainings.' },
        checks: (context) => ({
            FormationSuivie: (suivie, report) => {
                const membre = suivie.$container;
                const protocol = applied(context, teamOf(membre));
                if (!protocol || protocol.trainings.length === 0 || !suivie.formation) return;
                if (protocol.trainings.some(training => fold(training.name) === fold(suivie.formation))) return;
                const suggestion = nearest(suivie.formation, protocol.trainings.map(training => training.name));
                report(suivie, { formation: suivie.formation, name: memberName(membre), code: protocol.code, known: protocol.trainings.map(training => training.name).join(', ') },
                    { property: 'formation', data: suggestion ? { suggestion } : {} });
            }
        }),
        quickFix: useSuggestionFix
    }),
    defineRule({
        code: 'equipe-maintien-echu', severity: 'warning', category: 'coherence', legalBasis: 'R.4011-1 3°', basis: 'inference',
        title: { fr: 'Maintien des compétences échu', en: 'Competence maintenance overdue' },
        message: { fr: 'La formation « {formation} » de {name} date du {date} : son maintien (tous les {months} mois) était dû le {due}, avant la date du fichier ({at}).', en: 'Training "{formation}" of {name} dates from {date}: its maintenance (every {months} months) was due on {due}, before the file\'s date ({at}).' },
        rationale: { fr: 'Le protocole fixe un maintien des compétences périodique ; une formation plus ancienne que cette période n\'atteste plus des compétences à la date de la déclaration.', en: 'The protocol sets a periodic competence maintenance; an older training no longer attests competences at the date of the declaration.' },
        fix: { fr: 'Indiquez la dernière session de maintien suivie (« formation <nom> le AAAA-MM-JJ »).', en: 'Give the latest maintenance session attended ("formation <name> le YYYY-MM-DD").' },
        checks: (context) => ({
            MembreEquipe: (membre, report) => {
                const equipe = teamOf(membre);
                const protocol = applied(context, equipe);
                const at = teamModel(equipe).referenceDate;
                if (!protocol || !at || membre.role !== 'délégué') return;
                const locale = context.locale.current;
                for (const training of protocol.trainings) {
                    if (!training.maintenanceMonths) continue;
                    const sessions = membre.formations.filter(suivie => fold(suivie.formation ?? '') === fold(training.name) && suivie.date).sort((a, b) => a.date.localeCompare(b.date));
                    const latest = sessions.at(-1);
                    if (!latest) continue;
                    const due = addMonths(latest.date, training.maintenanceMonths);
                    if (due < at) {
                        report(latest, {
                            formation: training.name, name: memberName(membre), date: displayDate(latest.date, locale),
                            months: Math.round(training.maintenanceMonths * 10) / 10, due: displayDate(due, locale), at: displayDate(at, locale)
                        }, { property: 'date' });
                    }
                }
            }
        })
    }),
    defineRule({
        code: 'rpps-invalide', severity: 'error', category: 'coherence', legalBasis: 'Déclaration d\'équipe (ARS)', basis: 'inference',
        title: { fr: 'Numéro RPPS mal formé', en: 'Malformed RPPS number' },
        message: { fr: 'Le numéro RPPS « {rpps} » de {name} n\'a pas 11 chiffres.', en: 'The RPPS number "{rpps}" of {name} does not have 11 digits.' },
        rationale: { fr: 'La déclaration identifie chaque professionnel par son numéro RPPS, de 11 chiffres. Seul le format est vérifié : l\'algorithme de la clé de contrôle n\'a pas été confirmé par une source publique.', en: 'The declaration identifies each professional by an 11-digit RPPS number. Only the format is checked: the check-key algorithm was not confirmed by a public source.' },
        fix: { fr: 'Recopiez le numéro RPPS de la carte CPS ou de l\'annuaire santé (11 chiffres).', en: 'Copy the RPPS number from the CPS card or the health directory (11 digits).' },
        checks: () => ({
            MembreEquipe: (membre, report) => {
                if (membre.rpps !== undefined && !rppsFormatOk(String(membre.rpps))) report(membre, { rpps: String(membre.rpps), name: memberName(membre) }, { property: 'rpps' });
            }
        })
    }),
    defineRule({
        code: 'finess-invalide', severity: 'error', category: 'coherence', legalBasis: 'Déclaration d\'équipe (ARS)', basis: 'inference',
        title: { fr: 'Numéro FINESS mal formé', en: 'Malformed FINESS number' },
        message: { fr: 'Le numéro FINESS « {finess} » n\'a pas la forme attendue : 9 caractères, le département (2 chiffres, ou 2A, 2B) puis 7 chiffres.', en: 'The FINESS number "{finess}" does not have the expected form: 9 characters, the département (2 digits, or 2A, 2B) then 7 digits.' },
        rationale: { fr: 'La structure déclarante donne son numéro FINESS quand elle en a un. Seul le format est vérifié : l\'algorithme de la clé n\'a pas été confirmé par une source publique.', en: 'The declaring structure gives its FINESS number when it has one. Only the format is checked: the key algorithm was not confirmed by a public source.' },
        fix: { fr: 'Recopiez le numéro FINESS de la structure (9 caractères), ou retirez-le si elle n\'en a pas.', en: 'Copy the structure\'s FINESS number (9 characters), or remove it if it has none.' },
        checks: () => ({
            StructureEquipe: (structure, report) => {
                if (structure.finess !== undefined && !finessFormatOk(String(structure.finess))) report(structure, { finess: String(structure.finess) }, { property: 'finess' });
            }
        })
    }),
    defineRule({
        code: 'membre-en-double', severity: 'error', category: 'coherence', legalBasis: 'Déclaration d\'équipe (ARS)', basis: 'inference',
        title: { fr: 'Membre déclaré deux fois', en: 'Member listed twice' },
        message: { fr: '{name} figure déjà dans l\'équipe (ligne {line}).', en: '{name} is already in the team (line {line}).' },
        rationale: { fr: 'Chaque professionnel est déclaré une fois, avec un seul rôle ; un doublon fausse la déclaration et ses modifications.', en: 'Each professional is declared once, with one role; a duplicate corrupts the declaration and its changes.' },
        fix: { fr: 'Supprimez l\'une des deux déclarations.', en: 'Delete one of the two entries.' },
        checks: () => ({
            Equipe: (equipe, report) => {
                const seen = new Map<string, MembreEquipe>();
                for (const membre of teamModel(equipe).members) {
                    const keys = [membre.rpps !== undefined ? `rpps:${String(membre.rpps).replace(/\s+/g, '')}` : undefined, `nom:${fold(membre.nom ?? '')}|${fold(membre.prenom ?? '')}`].filter((key): key is string => Boolean(key));
                    const first = keys.map(key => seen.get(key)).find(Boolean);
                    if (first) report(membre, { name: memberName(membre), line: (first.$cstNode?.range.start.line ?? 0) + 1 }, { property: 'nom' });
                    else keys.forEach(key => seen.set(key, membre));
                }
            }
        })
    }),
    defineRule({
        code: 'equipe-cadre-non-prevu', severity: 'error', category: 'cadre', legalBasis: 'L.4011-3 ; L.4011-4 à L.4011-4-3', basis: 'source',
        title: { fr: 'Structure hors des cadres prévus par le protocole', en: 'Structure outside the settings of the protocol' },
        message: { fr: 'La structure est de type {kind}, mais le protocole « {code} » ne s\'applique {when}qu\'en : {allowed}.', en: 'The structure is a {kind}, but protocol "{code}" only applies {when}in: {allowed}.' },
        rationale: { fr: 'Le protocole impose son cadre d\'exercice ; une structure d\'un autre type ne peut pas l\'appliquer.', en: 'The protocol imposes its setting; a structure of another kind cannot apply it.' },
        fix: { fr: 'Corrigez le type de la structure, ou appliquez un protocole prévu pour ce cadre.', en: 'Correct the kind of the structure, or apply a protocol made for that setting.' },
        checks: (context) => ({
            StructureEquipe: (structure, report) => {
                const equipe = structure.$container;
                const protocol = applied(context, equipe);
                if (!protocol?.settings || !structure.nature) return;
                const at = teamModel(equipe).start?.valeur;
                const inForce = protocol.settings.filter(setting => !at || ((!setting.since || setting.since <= at) && (!setting.until || at <= setting.until)));
                if (inForce.some(setting => setting.value === structure.nature)) return;
                const label = (value: string) => context.locale.pick(SETTINGS[value] ?? { fr: value, en: value });
                const when = at ? context.locale.pick({ fr: `au ${displayDate(at, 'fr')} `, en: `on ${at} ` }) : '';
                report(structure, { kind: label(structure.nature), code: protocol.code, when, allowed: [...new Set(inForce.map(setting => label(setting.value)))].join(', ') || '—' }, { property: 'nature' });
            }
        })
    }),
    defineRule({
        code: 'equipe-protocole-hors-vigueur', severity: 'error', category: 'cadre', legalBasis: 'L.4011-3', basis: 'source',
        title: { fr: 'Protocole pas en vigueur à la date de début', en: 'Protocol not in force at the start date' },
        message: { fr: 'Au {start}, date de début de l\'équipe, le protocole « {code} » {reason}.', en: 'On {start}, the team\'s start date, protocol "{code}" {reason}.' },
        rationale: { fr: 'Une équipe n\'applique qu\'un protocole en vigueur : après son autorisation (arrêté), avant son abrogation ou son passage dans le droit commun.', en: 'A team only applies a protocol in force: after its authorisation, before its repeal or transfer to ordinary law.' },
        fix: { fr: 'Corrigez la date de début, ou appliquez la version en vigueur du protocole.', en: 'Correct the start date, or apply the version in force.' },
        checks: (context) => ({
            DebutEquipe: (debut, report) => {
                const protocol = applied(context, debut.$container);
                if (!protocol || !debut.valeur) return;
                const locale = context.locale.current;
                const start = debut.valeur;
                let reason: string | undefined;
                if (protocol.since && start < protocol.since) {
                    reason = context.locale.pick({ fr: `n'existait pas encore (premier texte du ${displayDate(protocol.since, 'fr')})`, en: `did not exist yet (first text on ${protocol.since})` });
                } else if (protocol.state && ['abrogé', 'droit-commun', 'suspendu'].includes(protocol.state.value) && (!protocol.state.since || protocol.state.since <= start)) {
                    const since = protocol.state.since ? context.locale.pick({ fr: ` depuis le ${displayDate(protocol.state.since, 'fr')}`, en: ` since ${protocol.state.since}` }) : '';
                    const what = context.locale.pick({
                        fr: protocol.state.value === 'droit-commun' ? 'est passé dans le droit commun' : protocol.state.value === 'suspendu' ? 'est suspendu' : 'est abrogé',
                        en: protocol.state.value === 'droit-commun' ? 'has become ordinary law' : protocol.state.value === 'suspendu' ? 'is suspended' : 'is repealed'
                    });
                    reason = what + since;
                }
                if (reason) report(debut, { start: displayDate(start, locale), code: protocol.code, reason }, { property: 'valeur' });
            }
        })
    }),
    defineRule({
        code: 'equipe-droit-commun', severity: 'error', category: 'cadre', legalBasis: 'L.4011-3', basis: 'source',
        title: { fr: 'Profession sortie du protocole (droit commun)', en: 'Profession out of the protocol (ordinary law)' },
        message: { fr: '{name} est {profession} : depuis le {date}, cette profession réalise ces actes dans le droit commun et ne relève plus du protocole « {code} »{detail}.', en: '{name} is a {profession}: since {date} this profession performs these acts under ordinary law and no longer under protocol "{code}"{detail}.' },
        rationale: { fr: 'Quand les actes d\'un protocole national entrent dans les compétences d\'une profession, ses membres en sortent (ex. : pharmaciens, odynophagie et cystite, juin 2024).', en: 'When a national protocol\'s acts become part of a profession\'s scope, its members leave the protocol (e.g. pharmacists, June 2024).' },
        fix: { fr: 'Retirez ce membre de l\'équipe (et déclarez la modification), ou corrigez la date de début.', en: 'Remove this member (and declare the change), or correct the start date.' },
        checks: (context) => ({
            MembreEquipe: (membre, report) => {
                const equipe = teamOf(membre);
                const protocol = applied(context, equipe);
                const profession = professionOf(membre);
                const at = teamModel(equipe).start?.valeur ?? teamModel(equipe).referenceDate;
                if (!protocol || !profession || !at) return;
                const transfer = protocol.transfers.find(item => item.profession === profession && item.date <= at);
                if (!transfer) return;
                report(membre, {
                    name: memberName(membre), profession, date: displayDate(transfer.date, context.locale.current), code: protocol.code,
                    detail: transfer.detail ? ` (${transfer.detail})` : ''
                }, { property: 'profession' });
            }
        })
    }),
    defineRule({
        code: 'equipe-hors-promoteurs', severity: 'error', category: 'cadre', legalBasis: 'L.4011-4 ; L.4011-4-1 à L.4011-4-3', basis: 'inference',
        title: { fr: 'Protocole local appliqué hors des entités qui l\'ont rédigé', en: 'Local protocol applied outside the entities that wrote it' },
        message: { fr: 'La structure « {structure} » n\'est pas une entité promotrice du protocole local « {code} » ({promoters}) : un protocole local ne vaut que dans les entités qui l\'ont décidé.', en: 'Structure "{structure}" is not a promoting entity of local protocol "{code}" ({promoters}): a local protocol is only valid in the entities that decided it.' },
        rationale: { fr: 'Un protocole local ne s\'applique que dans l\'entité ou les entités qui l\'ont décidé ; une autre structure doit écrire le sien ou appliquer un protocole national. La comparaison se fait sur les noms (sans casse ni accents, l\'un contenant l\'autre) : lecture déduite.', en: 'A local protocol only applies in the entities that decided it. Names are compared (case- and accent-insensitive, one containing the other): an inferred reading.' },
        fix: { fr: 'Nommez la structure comme dans les promoteurs du protocole, ou ajoutez-la aux promoteurs s\'il a été décidé avec elle.', en: 'Name the structure as in the protocol\'s promoters, or add it if it decided the protocol.' },
        checks: (context) => ({
            StructureEquipe: (structure, report) => {
                const protocol = applied(context, structure.$container);
                if (!protocol || protocol.kind !== 'local' || !structure.nom || protocol.promoters.length === 0) return;
                const name = fold(structure.nom);
                if (protocol.promoters.some(promoter => fold(promoter).includes(name) || name.includes(fold(promoter)))) return;
                report(structure, { structure: structure.nom, code: protocol.code, promoters: protocol.promoters.join(' ; ') }, { property: 'nom' });
            }
        })
    }),
    defineRule({
        code: 'equipe-attestation-manquante', severity: 'error', category: 'completude', legalBasis: 'Déclaration d\'équipe (ARS) ; L.4011-3', basis: 'source',
        title: { fr: 'Attestation sur l\'honneur manquante', en: 'Sworn statement missing' },
        message: { fr: 'La déclaration n\'atteste pas : {missing}.', en: 'The declaration does not attest: {missing}.' },
        rationale: { fr: 'Le représentant légal atteste sur l\'honneur que chaque professionnel adhère volontairement, que l\'équipe travaille ensemble et que les avis et décisions requis ont été obtenus (ou que le protocole figure au projet de santé).', en: 'The legal representative attests that every professional joins voluntarily, that they work as a team and that the required opinions and decisions were obtained (or the protocol is in the projet de santé).' },
        fix: { fr: 'Ajoutez « attestations { adhésion-volontaire  travail-en-équipe  avis-obtenus } ».', en: 'Add "attestations { adhésion-volontaire  travail-en-équipe  avis-obtenus }".' },
        checks: ({ locale }) => ({
            Equipe: (equipe, report) => {
                const blocks = teamModel(equipe).attestations;
                const natures = new Set(blocks.flatMap(block => block.attestations.map(attestation => attestation.nature)));
                const missing = [
                    !natures.has('adhésion-volontaire') && locale.pick({ fr: 'l\'adhésion volontaire de chaque professionnel (adhésion-volontaire)', en: 'voluntary adherence (adhésion-volontaire)' }),
                    !natures.has('travail-en-équipe') && locale.pick({ fr: 'le travail en équipe (travail-en-équipe)', en: 'team working (travail-en-équipe)' }),
                    !natures.has('avis-obtenus') && !natures.has('projet-de-santé') && locale.pick({ fr: 'les avis et décisions obtenus ou l\'inscription au projet de santé (avis-obtenus, projet-de-santé)', en: 'the opinions and decisions obtained or the projet de santé (avis-obtenus, projet-de-santé)' })
                ].filter(Boolean);
                if (missing.length === 0) return;
                if (blocks[0]) report(blocks[0], { missing: missing.join(' ; ') });
                else report(equipe, { missing: missing.join(' ; ') }, { property: 'titre' });
            }
        }),
        quickFix: insertAttestationsFix
    }),
    defineRule({
        code: 'equipe-rubrique-absente', severity: 'error', category: 'completude', legalBasis: 'Déclaration d\'équipe (ARS)', basis: 'source',
        title: { fr: 'Rubrique de la déclaration d\'équipe absente', en: 'Team declaration section missing' },
        message: { fr: 'La déclaration d\'équipe ne donne pas {missing}.', en: 'The team declaration does not give {missing}.' },
        rationale: { fr: 'La déclaration en ligne demande la structure déclarante, le référent de la déclaration, le représentant légal et la date de début de mise en œuvre.', en: 'The online declaration asks for the declaring structure, the referent, the legal representative and the start date.' },
        fix: { fr: 'Ajoutez « structure "…" type msp », « référent "…" contact "…" », « représentant "…" qualité "…" » et « début AAAA-MM-JJ ».', en: 'Add "structure", "référent", "représentant" and "début".' },
        checks: ({ locale }) => ({
            Equipe: (equipe, report) => {
                const model = teamModel(equipe);
                const missing = [
                    !model.structure && locale.pick({ fr: 'la structure (structure)', en: 'the structure (structure)' }),
                    !model.referent && locale.pick({ fr: 'le référent (référent)', en: 'the referent (référent)' }),
                    !model.representant && locale.pick({ fr: 'le représentant légal (représentant)', en: 'the legal representative (représentant)' }),
                    !model.start && locale.pick({ fr: 'la date de début (début)', en: 'the start date (début)' })
                ].filter(Boolean);
                if (missing.length > 0) report(equipe, { missing: missing.join(', ') }, { property: 'titre', data: { missingTeam: missing.length } });
            }
        }),
        quickFix: insertTeamHeadFix
    })
] as const;

function teamOf(membre: MembreEquipe): Equipe {
    return AstUtils.getContainerOfType(membre, (node): node is Equipe => node.$type === 'Equipe')!;
}
