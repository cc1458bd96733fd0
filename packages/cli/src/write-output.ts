import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { format, type LocaleSetting } from 'coop-language';
import { UsageError } from './exit-codes.js';
import { cliMessages } from './messages.js';
import { explainError } from './read-input.js';

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over it, so a reader never
 * sees half a report and an interrupted run never destroys the previous one. Every failure (a folder
 * that does not exist, a file where a folder is expected, no right to write, a folder at the path
 * itself) is a UsageError: one line in words, exit code 2.
 */
export async function writeAtomically(path: string, content: string | Uint8Array, locale: LocaleSetting): Promise<void> {
    const fail = (reason: string): never => { throw new UsageError(format(locale.pick(cliMessages.writeFailed), { path, reason })); };
    const folder = dirname(path);
    const folderInfo = await stat(folder).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (folderInfo instanceof Error) fail(explainError(folderInfo, locale));
    else if (!folderInfo.isDirectory()) fail(format(locale.pick(cliMessages.notAFolder), { path: folder }));
    const target = await stat(path).catch(() => undefined);
    if (target?.isDirectory()) fail(explainError(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), locale));
    const temporary = join(folder, `.${basename(path)}.${process.pid}.tmp`);
    try {
        await writeFile(temporary, content);
        await rename(temporary, path);
    } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        fail(explainError(error, locale));
    }
}
