import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { format, type LocaleSetting } from 'coop-language';
import { UsageError } from './exit-codes.js';
import { cliMessages } from './messages.js';
import { explainError, specialKind } from './read-input.js';

const EXTENSION = '.coop';
/** The ignore file read from the working directory (one glob a line, `#` comments, like .gitignore). */
export const IGNORE_FILE = '.coopignore';

/** Folders never searched: dependencies, build output, version control and other hidden folders. */
function isSkippedFolder(name: string): boolean {
    return name.startsWith('.') || name === 'node_modules' || name === 'dist' || name === 'out';
}

export interface CollectOptions {
    cwd?: string;
    /** Glob patterns of files (or folders) to leave out, relative to the working directory (--ignore). */
    ignore?: string[];
    /** Read `.coopignore` of the working directory (default true). */
    ignoreFile?: boolean;
}

const toPosix = (path: string) => (sep === '/' ? path : path.split(sep).join('/'));

/** The patterns of `.coopignore` in `cwd`: one a line, blank lines and `#` comments left out. */
export function readIgnoreFile(cwd: string): string[] {
    const path = join(cwd, IGNORE_FILE);
    // A regular file only (a FIFO named .coopignore must not block the run).
    if (!existsSync(path) || !statSync(path).isFile()) return [];
    return readFileSync(path, 'utf8').split(/\r\n|\r|\n/).map(line => line.trim()).filter(line => line !== '' && !line.startsWith('#'));
}

/**
 * A matcher for ignore patterns, gitignore-like: a pattern without `/` matches a file or folder name
 * at any depth (`brouillons`, `*.draft.coop`); one with `/` matches from the working directory
 * (`protocoles/archives/**`); a folder pattern also leaves out everything below it.
 */
export function ignoreMatcher(patterns: string[]): (relativePath: string) => boolean {
    const globs: string[] = [];
    for (const raw of patterns) {
        let pattern = toPosix(raw.trim()).replace(/^\.\//, '');
        if (pattern === '') continue;
        const anchored = pattern.startsWith('/') || pattern.replace(/\/$/, '').includes('/');
        pattern = pattern.replace(/^\//, '').replace(/\/$/, '');
        const base = anchored ? pattern : `**/${pattern}`;
        globs.push(base, `${base}/**`);
    }
    if (globs.length === 0) return () => false;
    const match = picomatch(globs, { dot: true });
    return relativePath => match(relativePath);
}

/** True when the argument is a glob pattern rather than a path (`protocoles/**\/*.coop`). */
export function isGlob(argument: string): boolean {
    return picomatch.scan(toPosix(argument)).isGlob;
}

/**
 * Expands the paths given on the command line into the sorted list of `.coop` files to validate.
 * A file given explicitly must end in `.coop` (and is validated even if an ignore pattern matches it);
 * folders are searched recursively, symbolic links included (each real folder once, so a loop of
 * links ends); a glob (`"protocoles/**\/*.coop"`, quoted so the shell leaves it) matches paths relative
 * to the working directory. Files found through folders and globs are filtered by --ignore and
 * `.coopignore`. A FIFO, a device or a socket named `.coop` is refused at once (never opened).
 */
export async function collectCoopFiles(paths: string[], locale: LocaleSetting, options: CollectOptions = {}): Promise<string[]> {
    const cwd = options.cwd ?? process.cwd();
    const ignored = ignoreMatcher([...(options.ignore ?? []), ...(options.ignoreFile === false ? [] : readIgnoreFile(cwd))]);
    const found: string[] = [];
    const explicit = new Set<string>();
    const visited = new Set<string>();
    for (const path of paths) {
        if (isGlob(path)) {
            const scan = picomatch.scan(toPosix(path));
            const absolutePattern = isAbsolute(path);
            const matches = picomatch(absolutePattern ? toPosix(path) : toPosix(path).replace(/^\.\//, ''), { dot: false });
            const base = resolve(cwd, scan.base || '.');
            const before = found.length;
            if (await isFolder(base)) await walk(base, found, visited, locale, cwd);
            const kept = found.splice(before).filter(file => matches(absolutePattern ? toPosix(file) : toPosix(relative(cwd, file))));
            found.push(...kept);
            continue;
        }
        const absolute = resolve(cwd, path);
        let info: Stats;
        try {
            info = await stat(absolute);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'ENOENT' || code === 'ENOTDIR') {
                throw new UsageError(format(locale.pick(cliMessages.pathNotFound), { path }));
            }
            throw new UsageError(format(locale.pick(cliMessages.pathUnreadable), { path, reason: explainError(error, locale) }));
        }
        if (info.isDirectory()) {
            await walk(absolute, found, visited, locale, cwd);
        } else if (!absolute.endsWith(EXTENSION)) {
            throw new UsageError(format(locale.pick(cliMessages.notCoopFile), { path }));
        } else if (!info.isFile()) {
            throw new UsageError(format(locale.pick(cliMessages.notRegularFile), { path, kind: specialKind(info, locale) }));
        } else {
            found.push(absolute);
            explicit.add(absolute);
        }
    }
    const kept = found.filter(file => explicit.has(file) || !ignored(toPosix(relative(cwd, file))));
    if (kept.length === 0) {
        throw new UsageError(format(locale.pick(found.length > 0 ? cliMessages.allIgnored : cliMessages.noCoopFile), { paths: paths.join(', ') }));
    }
    // One document per real file: a file reached twice (directly and through a link) is loaded once.
    const byRealPath = new Map<string, string>();
    for (const file of [...new Set(kept)].sort()) {
        const real = await realpath(file).catch(() => file);
        if (!byRealPath.has(real)) byRealPath.set(real, file);
    }
    return [...byRealPath.values()].sort();
}

async function isFolder(path: string): Promise<boolean> {
    return stat(path).then(info => info.isDirectory(), () => false);
}

async function walk(folder: string, files: string[], visited: Set<string>, locale: LocaleSetting, cwd: string): Promise<void> {
    const shown = (path: string) => toPosix(relative(cwd, path)) || '.';
    const real = await realpath(folder).catch(() => folder);
    if (visited.has(real)) return; // already searched (a link back to a parent, or two links to one folder)
    visited.add(real);
    let entries;
    try {
        entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
        throw new UsageError(format(locale.pick(cliMessages.pathUnreadable), { path: shown(folder), reason: explainError(error, locale) }));
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isSymbolicLink()) {
            // Followed: a link to a folder is searched, a link to a .coop file is validated.
            let target: Stats;
            try {
                target = await stat(path);
            } catch (error) {
                if (!entry.name.endsWith(EXTENSION) && (error as NodeJS.ErrnoException).code === 'ENOENT') continue; // a dangling link to something else
                throw new UsageError(format(locale.pick(cliMessages.pathUnreadable), { path: shown(path), reason: explainError(error, locale) }));
            }
            if (target.isDirectory()) {
                if (!isSkippedFolder(entry.name)) await walk(path, files, visited, locale, cwd);
            } else if (entry.name.endsWith(EXTENSION)) {
                if (!target.isFile()) throw new UsageError(format(locale.pick(cliMessages.notRegularFile), { path: shown(path), kind: specialKind(target, locale) }));
                files.push(path);
            }
        } else if (entry.isDirectory()) {
            if (!isSkippedFolder(entry.name)) await walk(path, files, visited, locale, cwd);
        } else if (entry.name.endsWith(EXTENSION)) {
            if (!entry.isFile()) throw new UsageError(format(locale.pick(cliMessages.notRegularFile), { path: shown(path), kind: specialKind(entry, locale) }));
            files.push(path);
        }
    }
}
