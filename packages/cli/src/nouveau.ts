import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createCoopServices, format, loadAndValidate, nearest, newTeamText, resolveProtocol, catalogueEntries, type Localized, type LocaleSetting } from 'coop-language';
import { UsageError } from './exit-codes.js';
import { writeAtomically } from './write-output.js';

const messages = {
    unknown: { fr: 'coop : protocole « {code} » introuvable : ni protocole national du catalogue (coop catalogue), ni identifiant d\'un protocole .coop de ce dossier.{hint}', en: 'coop: protocol "{code}" not found: neither a national protocol of the catalogue (coop catalogue) nor the identifier of a .coop protocol of this folder.{hint}' },
    exists: { fr: 'coop : {path} existe déjà ; choisissez un autre fichier avec -o', en: 'coop: {path} already exists; choose another file with -o' },
    written: { fr: '✔ Fichier d\'équipe écrit : {path} (à compléter, puis coop validate {path})', en: '✔ Team file written: {path} (fill it in, then coop validate {path})' }
} satisfies Record<string, Localized>;

/**
 * `coop nouveau equipe <protocole> [-o fichier]`: writes a team file for a national protocol of the
 * catalogue or a local protocol of the current folder (by identifiant), with its roles ready to fill.
 * Without -o, prints it. Never overwrites a file.
 */
export async function newTeamCommand(code: string, options: { output?: string }, locale: LocaleSetting, io: { stdout(text: string): void }, cwd = process.cwd()): Promise<number> {
    const t = (message: Localized, args: Record<string, string | number> = {}) => format(locale.pick(message), args);
    const services = createCoopServices(NodeFileSystem);
    const names = await readdir(cwd).catch(() => [] as string[]);
    const inputs: Array<{ uri: URI; text: string }> = [];
    for (const name of names.filter(file => file.endsWith('.coop')).sort()) {
        const text = await readFile(join(cwd, name), 'utf8').catch(() => undefined);
        if (text !== undefined && /(?:^|\n)\s*(?:protocole\s+"|catalogue\s*\{)/u.test(text)) inputs.push({ uri: URI.file(join(cwd, name)), text });
    }
    await loadAndValidate(services.shared, inputs);
    const documents = services.shared.workspace.LangiumDocuments;
    const protocol = resolveProtocol(code, documents);
    if (!protocol) {
        const suggestion = nearest(code, catalogueEntries(documents).map(entry => entry.name));
        throw new UsageError(t(messages.unknown, { code, hint: suggestion ? locale.pick({ fr: ` Vouliez-vous dire « ${suggestion} » ?`, en: ` Did you mean "${suggestion}"?` }) : '' }));
    }
    const text = newTeamText(protocol, locale, new Date().toISOString().slice(0, 10));
    if (!options.output) {
        io.stdout(text);
        return 0;
    }
    const path = resolve(cwd, options.output);
    if (await stat(path).then(() => true, () => false)) throw new UsageError(t(messages.exists, { path: options.output }));
    await writeAtomically(path, text, locale);
    io.stdout(t(messages.written, { path: options.output }) + '\n');
    return 0;
}
