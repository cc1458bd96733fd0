import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { format, type LocaleSetting, type Localized } from 'coop-language';
import { UsageError } from './exit-codes.js';
import { cliMessages } from './messages.js';

/** The system error codes a user meets, in words (the code itself stays in brackets, for searching). */
const ERRNO: Record<string, Localized> = {
    ENOENT: { fr: 'fichier ou dossier introuvable', en: 'no such file or folder' },
    EACCES: { fr: 'accès refusé', en: 'permission denied' },
    EPERM: { fr: 'opération non permise', en: 'operation not permitted' },
    ELOOP: { fr: 'trop de liens symboliques (boucle de liens ?)', en: 'too many symbolic links (a loop of links?)' },
    EISDIR: { fr: 'c\'est un dossier, pas un fichier', en: 'it is a folder, not a file' },
    ENOTDIR: { fr: 'un élément du chemin n\'est pas un dossier', en: 'a part of the path is not a folder' },
    EMFILE: { fr: 'trop de fichiers ouverts par le processus', en: 'too many open files in the process' },
    ENFILE: { fr: 'trop de fichiers ouverts sur le système', en: 'too many open files on the system' },
    ENAMETOOLONG: { fr: 'nom de fichier trop long', en: 'file name too long' },
    EIO: { fr: 'erreur d\'entrée-sortie du disque', en: 'input/output error of the disk' },
    ENOSPC: { fr: 'plus de place sur le disque', en: 'no space left on the disk' },
    EROFS: { fr: 'système de fichiers en lecture seule', en: 'read-only file system' },
    EBUSY: { fr: 'ressource occupée', en: 'resource busy' },
    EEXIST: { fr: 'le fichier existe déjà', en: 'the file already exists' },
    EAGAIN: { fr: 'ressource momentanément indisponible', en: 'resource temporarily unavailable' },
    ENXIO: { fr: 'périphérique introuvable', en: 'no such device' },
    ENODEV: { fr: 'périphérique introuvable', en: 'no such device' },
    EXDEV: { fr: 'déplacement entre deux disques impossible', en: 'cannot move across devices' },
    EINVAL: { fr: 'argument invalide', en: 'invalid argument' }
};

/** An error of the file system in words: « accès refusé (EACCES) »; an error without code keeps its message. */
export function explainError(error: unknown, locale: LocaleSetting): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === 'string') {
        const words = ERRNO[code];
        return words ? `${locale.pick(words)} (${code})` : format(locale.pick(cliMessages.systemError), { code });
    }
    return error instanceof Error ? error.message : String(error);
}

/** The kind of a file system entry that is not a regular file, in words. */
export function specialKind(info: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }, locale: LocaleSetting): string {
    const key = info.isDirectory() ? 'kindFolder' : info.isFIFO() ? 'kindFifo' : info.isCharacterDevice() || info.isBlockDevice() ? 'kindDevice' : info.isSocket() ? 'kindSocket' : 'kindOther';
    return locale.pick(cliMessages[key]);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a `.coop` file as UTF-8 text without ever blocking: opened with O_NONBLOCK (a FIFO or a
 * device does not wait for a writer), then checked to be a regular file before reading. Anything
 * else is a UsageError with one line that says why, in words.
 */
export async function readCoopFile(path: string, shown: string, locale: LocaleSetting, options: { lenient?: boolean } = {}): Promise<string> {
    let handle;
    try {
        handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (error) {
        throw new UsageError(format(locale.pick(cliMessages.pathUnreadable), { path: shown, reason: explainError(error, locale) }));
    }
    let bytes: Buffer;
    try {
        const info = await handle.stat();
        if (!info.isFile()) {
            throw new UsageError(format(locale.pick(cliMessages.notRegularFile), { path: shown, kind: specialKind(info, locale) }));
        }
        bytes = await handle.readFile();
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(format(locale.pick(cliMessages.pathUnreadable), { path: shown, reason: explainError(error, locale) }));
    } finally {
        await handle.close().catch(() => undefined);
    }
    if (options.lenient) return new TextDecoder('utf-8').decode(bytes);
    try {
        return utf8.decode(bytes);
    } catch {
        throw new UsageError(format(locale.pick(cliMessages.notUtf8), { path: shown }));
    }
}
