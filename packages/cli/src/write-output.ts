import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { format, type LocaleSetting } from 'coop-language';
import { UsageError } from './exit-codes.js';
import { cliMessages } from './messages.js';

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over it, so a reader never
 * sees half a report and an interrupted run never destroys the previous one.
 */
export async function writeAtomically(path: string, content: string | Uint8Array, locale: LocaleSetting): Promise<void> {
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
        await writeFile(temporary, content);
        await rename(temporary, path);
    } catch (error) {
        await rm(temporary, { force: true });
        const reason = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new UsageError(format(locale.pick(cliMessages.writeFailed), { path, reason }));
    }
}
