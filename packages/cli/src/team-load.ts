import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import {
    appliedProtocol, createCoopServices, format, isEquipe, loadAndValidate, teamData,
    type AppliedProtocol, type Equipe, type Localized, type LocaleSetting, type TeamData
} from 'coop-language';
import type { Diagnostic } from 'vscode-languageserver-types';
import { UsageError } from './exit-codes.js';
import { cliMessages } from './messages.js';
import { explainError, readCoopFile } from './read-input.js';
import { protocolCompanions } from './companions.js';

/** Messages of the team commands (issue 12). */
export const teamMessages = {
    notATeam: { fr: 'coop : {path} n\'est pas un fichier d\'équipe (« équipe "…" applique … { … } »)', en: 'coop: {path} is not a team file ("équipe "…" applique … { … }")' },
    unreadableTeam: { fr: 'coop : {path} contient des erreurs de syntaxe ({count}) ; corrigez-les d\'abord (coop validate {path})', en: 'coop: {path} has syntax errors ({count}); fix them first (coop validate {path})' },
    gitFailed: { fr: 'coop : impossible de lire {path} à la révision « {rev} » avec git : {reason}', en: 'coop: cannot read {path} at revision "{rev}" with git: {reason}' },
    gitMissing: { fr: 'git est introuvable sur cette machine', en: 'git is not installed on this machine' }
} satisfies Record<string, Localized>;

export interface LoadedTeam {
    document: LangiumDocument;
    equipe: Equipe;
    applied?: AppliedProtocol;
    data: TeamData;
    diagnostics: Diagnostic[];
    /** How the file is named in messages (`equipe.coop`, `equipe.coop@HEAD~1`). */
    shown: string;
}

const t = (locale: LocaleSetting, message: Localized, args: Record<string, string | number> = {}) => format(locale.pick(message), args);

/** The `.coop` files of a folder that declare a workspace catalogue (national protocols of the team). */
async function folderCatalogues(folder: string): Promise<Array<{ path: string; text: string }>> {
    const names = await readdir(folder).catch(() => [] as string[]);
    const result: Array<{ path: string; text: string }> = [];
    for (const name of names.filter(file => file.endsWith('.coop')).sort()) {
        const text = await readFile(join(folder, name), 'utf8').catch(() => undefined);
        if (text !== undefined && /(?:^|\n)\s*catalogue\s*\{/u.test(text)) result.push({ path: join(folder, name), text });
    }
    return result;
}

/** Reads `path` at git revision `rev` (`git show rev:./file`, from the file's folder). */
export function gitShow(path: string, rev: string, locale: LocaleSetting): Promise<string> {
    return new Promise((resolvePromise, reject) => {
        execFile('git', ['show', `${rev}:./${basename(path)}`], { cwd: dirname(path), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (!error) return resolvePromise(stdout);
            const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? locale.pick(teamMessages.gitMissing) : (stderr.trim().split('\n')[0] || error.message);
            reject(new UsageError(t(locale, teamMessages.gitFailed, { path, rev, reason })));
        });
    });
}

/**
 * `equipe.coop` or `equipe.coop@<rev>`: the path and the revision. A path that exists as written is
 * a path, even with an « @ » in it.
 */
export async function splitRevision(argument: string, cwd: string): Promise<{ path: string; rev?: string }> {
    if (await stat(resolve(cwd, argument)).then(() => true, () => false)) return { path: argument };
    const at = argument.lastIndexOf('@');
    if (at > 0) return { path: argument.slice(0, at), rev: argument.slice(at + 1) };
    return { path: argument };
}

/**
 * Loads a team file with what it needs from its folder (the local protocol it applies, the
 * workspace catalogues) and validates them as one workspace. `text` replaces the file's content
 * (a git revision). Usage errors (no such file, not a team file, syntax errors) throw UsageError.
 */
export async function loadTeam(file: string, locale: LocaleSetting, options: { cwd?: string; text?: string; shown?: string; services?: ReturnType<typeof createCoopServices> } = {}): Promise<LoadedTeam> {
    const cwd = options.cwd ?? process.cwd();
    const path = resolve(cwd, file);
    const shown = options.shown ?? file;
    if (options.text === undefined) {
        const info = await stat(path).catch((error: unknown) => error as NodeJS.ErrnoException);
        if (info instanceof Error) {
            throw new UsageError(info.code === 'ENOENT' || info.code === 'ENOTDIR' ? t(locale, cliMessages.pathNotFound, { path: file }) : t(locale, cliMessages.pathUnreadable, { path: file, reason: explainError(info, locale) }));
        }
        if (!path.endsWith('.coop') || info.isDirectory()) throw new UsageError(t(locale, cliMessages.notCoopFile, { path: file }));
    }
    const text = options.text ?? await readCoopFile(path, shown, locale);
    const folder = dirname(path);
    const companions = await protocolCompanions([{ path, shown, text }]);
    const catalogues = (await folderCatalogues(folder)).filter(entry => entry.path !== path);
    const services = options.services ?? createCoopServices(NodeFileSystem);
    services.Coop.i18n.Locale.current = locale.current;
    const inputs = [{ uri: URI.file(path), text }, ...companions.extra.map(input => ({ uri: URI.file(input.path), text: input.text })), ...catalogues.map(entry => ({ uri: URI.file(entry.path), text: entry.text }))];
    const [result] = await loadAndValidate(services.shared, inputs);
    const root = result.document.parseResult.value;
    if (!isEquipe(root)) throw new UsageError(t(locale, teamMessages.notATeam, { path: shown }));
    const syntax = result.diagnostics.filter(d => d.code === 'syntaxe' || d.code === 'caractere-inconnu').length;
    if (syntax > 0) throw new UsageError(t(locale, teamMessages.unreadableTeam, { path: shown, count: syntax }));
    const documents = services.shared.workspace.LangiumDocuments;
    return { document: result.document, equipe: root, applied: appliedProtocol(root, documents), data: teamData(root, documents), diagnostics: result.diagnostics, shown };
}
