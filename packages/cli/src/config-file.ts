import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, format, parseConfig, type CoopConfig, type LocaleSetting } from 'coop-language';
import { UsageError } from './exit-codes.js';
import { cliMessages } from './messages.js';
import { readCoopFile } from './read-input.js';

/**
 * The rule configuration of a CLI run: the file given with --config (relative to the working
 * directory), else the nearest coop.config.json from the working directory up; none if there is none.
 * A problem in the file is a usage error naming its line and column.
 */
export async function loadRuleConfig(explicit: string | undefined, cwd: string, locale: LocaleSetting): Promise<CoopConfig | undefined> {
    const path = explicit ? resolve(cwd, explicit) : findConfig(cwd);
    if (!path) return undefined;
    const shown = displayPath(path, cwd);
    if (!existsSync(path)) throw new UsageError(format(locale.pick(cliMessages.pathNotFound), { path: shown }));
    // Read like a .coop file: regular files only, never blocking, errors in words.
    const text = await readCoopFile(path, shown, locale);
    try {
        return parseConfig(text, locale);
    } catch (error) {
        if (error instanceof ConfigError) throw new UsageError(`coop : ${shown}:${error.line}:${error.column} : ${error.message}`);
        throw error;
    }
}

function findConfig(cwd: string): string | undefined {
    for (let folder = cwd; ; folder = dirname(folder)) {
        const candidate = join(folder, CONFIG_FILE_NAME);
        if (existsSync(candidate)) return candidate;
        if (dirname(folder) === folder) return undefined;
    }
}

/** A path as the user reads it: relative to the working directory when inside it, else absolute. */
export function displayPath(path: string, cwd: string): string {
    const relativePath = relative(cwd, path);
    const shown = relativePath && !relativePath.startsWith('..') ? relativePath : path;
    return sep === '/' ? shown : shown.split(sep).join('/');
}
