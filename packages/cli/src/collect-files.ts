import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { format, type LocaleSetting } from 'coop-language';
import { UsageError } from './exit-codes.js';
import { cliMessages } from './messages.js';

const EXTENSION = '.coop';

/** Folders never searched: dependencies, build output, version control and other hidden folders. */
function isSkippedFolder(name: string): boolean {
    return name.startsWith('.') || name === 'node_modules' || name === 'dist' || name === 'out';
}

/**
 * Expands the paths given on the command line into the sorted list of `.coop` files to validate.
 * A file given explicitly must end in `.coop`; folders are searched recursively.
 */
export async function collectCoopFiles(paths: string[], locale: LocaleSetting): Promise<string[]> {
    const files = new Set<string>();
    for (const path of paths) {
        const absolute = resolve(path);
        let info;
        try {
            info = await stat(absolute);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'ENOENT' || code === 'ENOTDIR') {
                throw new UsageError(format(locale.pick(cliMessages.pathNotFound), { path }));
            }
            throw new UsageError(format(locale.pick(cliMessages.pathUnreadable), { path, reason: code ?? String(error) }));
        }
        if (info.isDirectory()) {
            await walk(absolute, files, path, locale);
        } else if (absolute.endsWith(EXTENSION)) {
            files.add(absolute);
        } else {
            throw new UsageError(format(locale.pick(cliMessages.notCoopFile), { path }));
        }
    }
    if (files.size === 0) {
        throw new UsageError(format(locale.pick(cliMessages.noCoopFile), { paths: paths.join(', ') }));
    }
    return [...files].sort();
}

async function walk(folder: string, files: Set<string>, shownPath: string, locale: LocaleSetting): Promise<void> {
    let entries;
    try {
        entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new UsageError(format(locale.pick(cliMessages.pathUnreadable), { path: shownPath, reason }));
    }
    for (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
            if (!isSkippedFolder(entry.name)) await walk(path, files, path, locale);
        } else if (entry.isFile() && entry.name.endsWith(EXTENSION)) {
            files.add(path);
        }
    }
}
