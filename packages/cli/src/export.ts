import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import {
    buildDocumentModel, createCoopServices, format, loadAndValidate, NotAProtocolError,
    renderDocx, renderHtml, renderPdf, type DocumentModel, type Locale, type LocaleSetting
} from 'coop-language';
import { collectCoopFiles } from './collect-files.js';
import { displayPath, loadRuleConfig } from './config-file.js';
import { UsageError } from './exit-codes.js';
import { cliMessages } from './messages.js';
import { explainError } from './read-input.js';
import { writeAtomically } from './write-output.js';

export type ExportFormat = 'html' | 'pdf' | 'docx';

export interface ExportCliOptions {
    format?: ExportFormat;
    out?: string;
    config?: string;
    lang: Locale;
}

export interface ExportIo {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** The format asked for, or the one the output's extension names, or PDF. */
function formatOf(options: ExportCliOptions): ExportFormat {
    if (options.format) return options.format;
    const extension = options.out ? extname(options.out).toLowerCase() : '';
    return extension === '.html' || extension === '.htm' ? 'html' : extension === '.docx' ? 'docx' : 'pdf';
}

/**
 * `coop export <fichier>`: validates the protocol with the `.coop` files of its folder as one
 * workspace (so its libraries resolve), builds its submission document and writes it as HTML, PDF
 * or DOCX. A protocol with errors is exported all the same (the document shows them); a file with
 * syntax errors gets a warning on stderr. Returns the exit code (0); usage errors throw UsageError.
 */
export async function exportCommand(file: string, options: ExportCliOptions, locale: LocaleSetting, io: ExportIo, cwd = process.cwd()): Promise<number> {
    const t = (key: keyof typeof cliMessages, args: Record<string, string | number> = {}) => format(locale.pick(cliMessages[key]), args);
    const path = resolve(cwd, file);
    let info;
    try {
        info = await stat(path);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR' ? t('pathNotFound', { path: file }) : t('pathUnreadable', { path: file, reason: explainError(error, locale) }));
    }
    if (info.isDirectory()) throw new UsageError(t('exportNeedsFile', { path: file }));
    if (!path.endsWith('.coop')) throw new UsageError(t('notCoopFile', { path: file }));

    const exportFormat = formatOf(options);
    const out = resolve(cwd, options.out ?? path.replace(/\.coop$/, `.${exportFormat}`));
    // Fail before the work when the output cannot be written (same message as the write itself).
    if (!(await stat(dirname(out)).then(folder => folder.isDirectory(), () => false))) {
        throw new UsageError(format(locale.pick(cliMessages.writeFailed), { path: out, reason: explainError({ code: 'ENOENT' }, locale) }));
    }

    // The protocol and the other .coop files of its folder, loaded as one workspace.
    const workspace = await collectCoopFiles([dirname(path)], locale);
    const paths = workspace.includes(path) ? workspace : [...workspace, path];
    const inputs = await Promise.all(paths.map(async candidate => {
        let bytes: Buffer;
        try {
            bytes = await readFile(candidate);
        } catch (error) {
            if (candidate !== path) return undefined; // a neighbour that cannot be read only loses its library
            throw new UsageError(t('pathUnreadable', { path: file, reason: explainError(error, locale) }));
        }
        let text: string;
        try {
            text = candidate === path ? strictUtf8.decode(bytes) : lenientUtf8.decode(bytes);
        } catch {
            throw new UsageError(t('notUtf8', { path: file }));
        }
        return { uri: URI.file(candidate), text };
    }));

    const { shared, Coop } = createCoopServices(NodeFileSystem);
    Coop.i18n.Locale.current = options.lang;
    const config = await loadRuleConfig(options.config, cwd, locale);
    if (config) Coop.validation.RuleSettings.set(config.rules);

    const results = await loadAndValidate(shared, inputs.filter(input => input !== undefined));
    const target = results.find(result => result.document.uri.toString() === URI.file(path).toString());
    if (!target) throw new UsageError(t('exportUnreadable', { path: file }));

    let model: DocumentModel;
    try {
        model = buildDocumentModel(target.document, Coop, { locale: options.lang });
    } catch (error) {
        if (error instanceof NotAProtocolError) {
            throw new UsageError(t(error.kind === 'library' ? 'exportLibrary' : 'exportUnreadable', { path: file }));
        }
        throw error;
    }
    if (model.diagnostics.syntaxErrors > 0) {
        io.stderr(t('exportSyntaxWarning', { path: file, count: model.diagnostics.syntaxErrors }) + '\n');
    }

    const content = exportFormat === 'html'
        ? renderHtml(model, { locale: options.lang })
        : exportFormat === 'pdf' ? await renderPdf(model, { locale: options.lang }) : await renderDocx(model, { locale: options.lang });
    await writeAtomically(out, content, locale);
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    io.stdout(t('exportDone', { path: displayPath(out, cwd), format: exportFormat.toUpperCase(), size: Math.max(1, Math.round(bytes / 1024)) }) + '\n');
    return 0;
}

