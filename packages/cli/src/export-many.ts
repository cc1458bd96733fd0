import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { format, type LocaleSetting } from 'coop-language';
import { collectCoopFiles } from './collect-files.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { exportCommand, type ExportCliOptions, type ExportFormat, type ExportIo } from './export.js';
import { cliMessages } from './messages.js';
import { explainError } from './read-input.js';

/**
 * A file whose root is a library, a team file, a workspace catalogue or patient cases (after
 * comments): no protocol to export, skipped when found in a folder (a team's packet is `coop declaration`).
 */
const LIBRARY = /^\uFEFF?(?:\s|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*(?:biblioth[eè]que|[ée]quipe|catalogue|cas)(?![\p{L}\p{N}_-])/iu;

const isFolder = (path: string) => stat(path).then(info => info.isDirectory(), () => false);

/**
 * `coop export <fichiers...>`: one protocol file exports as before (`-o` names the document, or an
 * existing folder to write it in); several
 * files, or folders (searched like `coop validate`, libraries left out), export each protocol into
 * the folder given with `-o` (created if needed), or beside its source without `-o`. A protocol that
 * fails is reported on stderr and the others are exported all the same; the exit code is then 2.
 */
export async function exportMany(files: string[], options: ExportCliOptions, locale: LocaleSetting, io: ExportIo, cwd = process.cwd()): Promise<number> {
    const t = (key: keyof typeof cliMessages, args: Record<string, string | number> = {}) => format(locale.pick(cliMessages[key]), args);
    // One file, written to a file: as it always was. Into an existing folder: the loop below.
    const single = files.length === 1 && !(await isFolder(resolve(cwd, files[0])));
    if (single && !(options.out && (await isFolder(resolve(cwd, options.out))))) return exportCommand(files[0], options, locale, io, cwd);

    const folder = options.out ? resolve(cwd, options.out) : undefined;
    if (folder) {
        const info = await stat(folder).catch(() => undefined);
        if (info && !info.isDirectory()) throw new UsageError(t('exportOutputNotFolder', { path: options.out! }));
        await mkdir(folder, { recursive: true }).catch((error: unknown) => {
            throw new UsageError(t('writeFailed', { path: options.out!, reason: explainError(error, locale) }));
        });
    }
    const explicit = new Set(files.map(file => resolve(cwd, file)));
    const paths = await collectCoopFiles(files, locale, { cwd });
    const protocols: string[] = [];
    for (const path of paths) {
        if (!explicit.has(path)) {
            const text = await readFile(path, 'utf8').catch(() => '');
            if (LIBRARY.test(text)) continue;
        }
        protocols.push(path);
    }
    if (protocols.length === 0) throw new UsageError(t('exportNothing', { paths: files.join(', ') }));

    const extension: ExportFormat = options.format ?? 'pdf';
    const targets = new Map<string, string>();
    for (const path of protocols) {
        const target = folder ? join(folder, basename(path).replace(/\.coop$/, `.${extension}`)) : path.replace(/\.coop$/, `.${extension}`);
        const other = targets.get(target);
        if (other) throw new UsageError(t('exportSameName', { first: shown(other, cwd), second: shown(path, cwd), target: shown(target, cwd) }));
        targets.set(target, path);
    }
    let failed = 0;
    for (const [target, path] of targets) {
        try {
            await exportCommand(shown(path, cwd), { ...options, format: extension, out: target }, locale, io, cwd);
        } catch (error) {
            if (!(error instanceof UsageError)) throw error;
            io.stderr(error.message + '\n');
            failed++;
        }
    }
    if (failed > 0) {
        io.stderr(t('exportFailedCount', { failed, total: targets.size }) + '\n');
        return ExitCode.UsageOrIo;
    }
    return ExitCode.Success;
}

function shown(path: string, cwd: string): string {
    const relativePath = relative(cwd, path);
    const result = relativePath && !relativePath.startsWith('..') ? relativePath : path;
    return sep === '/' ? result : result.split(sep).join('/');
}
