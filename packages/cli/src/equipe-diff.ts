import { diffTeams, type LocaleSetting, type MemberChange, type TeamDiff, type TeamMemberData } from 'coop-language';
import { gitShow, loadTeam, splitRevision, type LoadedTeam } from './team-load.js';

export interface TeamDiffOptions {
    format: 'stylish' | 'json';
}

/** Loads `fichier` or `fichier@rev` (read with `git show`). */
async function loadVersion(argument: string, locale: LocaleSetting, cwd: string): Promise<LoadedTeam> {
    const { path, rev } = await splitRevision(argument, cwd);
    if (rev === undefined) return loadTeam(path, locale, { cwd });
    const { resolve } = await import('node:path');
    const text = await gitShow(resolve(cwd, path), rev, locale);
    return loadTeam(path, locale, { cwd, text, shown: `${path}@${rev}` });
}

/**
 * `coop equipe diff <ancien> <nouveau>`: the members added, removed and changed (role, profession,
 * trainings, accord d'engagement) between two versions of a team file — the content of a
 * « modification d'équipe » declaration. Either argument may be `fichier@révision` (git).
 */
export async function teamDiffCommand(before: string, after: string, options: TeamDiffOptions, locale: LocaleSetting, cwd = process.cwd()): Promise<string> {
    const old = await loadVersion(before, locale, cwd);
    const now = await loadVersion(after, locale, cwd);
    const diff = diffTeams(old.data, now.data);
    if (options.format === 'json') {
        const strip = ({ line: _line, endLine: _endLine, ...member }: TeamMemberData) => member;
        return JSON.stringify({
            ancien: { fichier: old.shown, titre: old.data.titre, protocole: old.data.protocole.code },
            nouveau: { fichier: now.shown, titre: now.data.titre, protocole: now.data.protocole.code },
            ajoutes: diff.added.map(strip),
            retires: diff.removed.map(strip),
            modifies: diff.changed.map(item => ({ membre: strip(item.member), changements: item.changes })),
            declaration: diff.header
        }, null, 2) + '\n';
    }
    return stylish(old, now, diff, locale);
}

function stylish(old: LoadedTeam, now: LoadedTeam, diff: TeamDiff, locale: LocaleSetting): string {
    const t = (fr: string, en: string) => locale.pick({ fr, en });
    const date = (iso: string) => (locale.current === 'fr' ? iso.split('-').reverse().join('/') : iso);
    const who = (member: TeamMemberData) => `${member.prenom} ${member.nom}, ${member.profession}, ${member.role}${member.rpps ? ` (RPPS ${member.rpps})` : ''}`;
    const change = (item: MemberChange): string => {
        switch (item.field) {
            case 'formation': {
                const [name, when] = (item.after ?? item.before ?? '').split(' ');
                return item.after ? t(`formation ${name} du ${date(when)} ajoutée`, `training ${name} of ${when} added`) : t(`formation ${name} du ${date(when)} retirée`, `training ${name} of ${when} removed`);
            }
            case 'engagement':
                return t(`accord d'engagement : ${item.before ? date(item.before) : '—'} → ${item.after ? date(item.after) : '—'}`, `commitment: ${item.before ?? '—'} → ${item.after ?? '—'}`);
            default: {
                const label = { role: t('rôle', 'role'), profession: 'profession', rpps: 'RPPS', nom: t('nom', 'name') }[item.field];
                return `${label} : ${item.before ?? '—'} → ${item.after ?? '—'}`;
            }
        }
    };
    const lines = [t(`Modification d'équipe : ${old.shown} → ${now.shown}`, `Team change: ${old.shown} → ${now.shown}`), `  ${now.data.titre} (${now.data.protocole.code})`, ''];
    for (const member of diff.added) lines.push(`  + ${t('ajouté ', 'added  ')}  ${who(member)}`);
    for (const member of diff.removed) lines.push(`  - ${t('retiré ', 'removed')}  ${who(member)}`);
    for (const { member, changes } of diff.changed) lines.push(`  ~ ${t('modifié', 'changed')}  ${member.prenom} ${member.nom} : ${changes.map(change).join(' ; ')}`);
    for (const item of diff.header) lines.push(`  ~ ${item.field} : ${item.before ?? '—'} → ${item.after ?? '—'}`);
    if (lines.length === 3) lines.push(t('  Aucun changement de membre.', '  No member changed.'));
    lines.push('', t(`${diff.added.length} ajouté(s), ${diff.removed.length} retiré(s), ${diff.changed.length} modifié(s).`, `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed.`));
    return lines.join('\n') + '\n';
}
