import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { declarationPacket, documentsToSign, format, type Localized, type LocaleSetting } from 'coop-language';
import { UsageError } from './exit-codes.js';
import { loadTeam } from './team-load.js';
import { writeAtomically } from './write-output.js';

const messages = {
    notAFolder: { fr: 'coop : {path} existe et n\'est pas un dossier', en: 'coop: {path} exists and is not a folder' },
    cannotCreate: { fr: 'coop : impossible de créer le dossier {path} : {reason}', en: 'coop: cannot create folder {path}: {reason}' },
    errors: { fr: 'coop : attention, {path} a {count} erreur(s) (coop validate {path}) ; le dossier est écrit quand même.', en: 'coop: warning, {path} has {count} error(s) (coop validate {path}); the packet is written anyway.' },
    written: { fr: '✔ Dossier de déclaration écrit dans {out} : declaration.csv, declaration.json et {count} document(s) à signer (PDF et DOCX).', en: '✔ Declaration packet written to {out}: declaration.csv, declaration.json and {count} document(s) to sign (PDF and DOCX).' }
} satisfies Record<string, Localized>;

export interface DeclarationOptions {
    out?: string;
}

/**
 * `coop declaration <équipe.coop> -o <dossier>`: the declaration packet of a team —
 * `declaration.csv` (header row, « ; » separator, UTF-8 with BOM for spreadsheets) and
 * `declaration.json` in the order of the online form, and in `documents/` one PDF and one DOCX per
 * member to sign (accord d'engagement, sworn statement of competences) plus the legal
 * representative's statements. Every file is written atomically; the same team file always gives
 * the same bytes. Returns the exit code (0).
 */
export async function declarationCommand(file: string, options: DeclarationOptions, locale: LocaleSetting, io: { stdout(text: string): void; stderr(text: string): void }, cwd = process.cwd()): Promise<number> {
    const t = (message: Localized, args: Record<string, string | number> = {}) => format(locale.pick(message), args);
    const team = await loadTeam(file, locale, { cwd });
    const out = resolve(cwd, options.out ?? file.replace(/\.coop$/, '-declaration'));
    const info = await stat(out).catch(() => undefined);
    if (info && !info.isDirectory()) throw new UsageError(t(messages.notAFolder, { path: options.out ?? out }));
    try {
        await mkdir(join(out, 'documents'), { recursive: true });
    } catch (error) {
        throw new UsageError(t(messages.cannotCreate, { path: options.out ?? out, reason: (error as Error).message }));
    }
    const errors = team.diagnostics.filter(d => d.severity === 1).length;
    if (errors > 0) io.stderr(t(messages.errors, { path: file, count: errors }) + '\n');

    const files = await declarationPacket(team.data, locale.current);
    for (const packetFile of files) await writeAtomically(join(out, ...packetFile.path.split('/')), packetFile.data, locale);
    io.stdout(t(messages.written, { out: options.out ?? out, count: documentsToSign(files) }) + '\n');
    return 0;
}
