import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { AstUtils, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import {
    buildDocumentModel, createBuiltinDocuments, createCoopServices, format, loadAndValidate, NotAProtocolError,
    renderDocx, renderHtml, renderPdf, type Disposition, type DocumentModel, type Locale, type LocaleSetting, type Localized
} from 'coop-language';
import { displayPath, loadRuleConfig } from './config-file.js';
import { UsageError } from './exit-codes.js';
import { cliMessages } from './messages.js';
import { explainError, readCoopFile } from './read-input.js';
import { writeAtomically } from './write-output.js';

export type ExportFormat = 'html' | 'pdf' | 'docx';

export interface ExportCliOptions {
    format?: ExportFormat;
    out?: string;
    config?: string;
    lang: Locale;
    /** `exigences` (default: the order of the requirements) or `has-2012` (the HAS « fiche projet »). */
    disposition?: Disposition;
    /** `--avec-lignes`: source line numbers in the annex of the dossier. */
    avecLignes?: boolean;
}

/** The words of the dossier options (help and stderr), French first. */
export const EXPORT_OPTIONS = {
    disposition: {
        fr: 'mise en page du dossier : exigences (dans l\'ordre des exigences, par défaut) ou has-2012 (fiche projet HAS en trois colonnes, puis tableau du processus)',
        en: 'layout of the dossier: exigences (in the order of the requirements, default) or has-2012 (HAS three-column project sheet, then the process table)'
    },
    withLines: {
        fr: 'indique dans l\'annexe la ligne du fichier source de chaque point relevé',
        en: 'show in the annex the source line of each finding'
    },
    nonConforming: {
        fr: 'coop : {path} contient {count} erreur(s) : le dossier est exporté avec le bandeau « NON CONFORME » et la liste des points en annexe.',
        en: 'coop: {path} has {count} error(s): the dossier is exported with the "NOT COMPLIANT" banner and the findings in its annex.'
    },
    draft: {
        fr: 'coop : {path} est au statut brouillon : le dossier porte la mention « BROUILLON ».',
        en: 'coop: {path} is a draft: the dossier is marked "DRAFT".'
    }
} satisfies Record<string, Localized>;

export interface ExportIo {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
}

const lenientUtf8 = new TextDecoder('utf-8');

/** The format asked for, or the one the output's extension names, or PDF. */
function formatOf(options: ExportCliOptions): ExportFormat {
    if (options.format) return options.format;
    const extension = options.out ? extname(options.out).toLowerCase() : '';
    return extension === '.html' || extension === '.htm' ? 'html' : extension === '.docx' ? 'docx' : 'pdf';
}

/**
 * `coop export <fichier>`: validates the protocol with the libraries it uses from its folder (so
 * its references resolve; other files of the folder, and its sub-folders, are never validated), builds its submission document and writes it as HTML, PDF
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

    // The protocol, read strictly (its errors are the user's to see).
    // A FIFO or a device named .coop is refused at once, never waited on (read-input.ts).
    const protocolText = await readCoopFile(path, file, locale);
    const config = await loadRuleConfig(options.config, cwd, locale);
    // Only the libraries it uses: a broken neighbour or a draft never reaches the validation.
    const libraries = await usedLibraries(path, protocolText);

    const { shared, Coop } = createCoopServices(NodeFileSystem);
    Coop.i18n.Locale.current = options.lang;
    if (config) Coop.validation.RuleSettings.set(config.rules);

    const results = await loadAndValidate(shared, [{ uri: URI.file(path), text: protocolText }, ...libraries]);
    const target = results.find(result => result.document.uri.toString() === URI.file(path).toString());
    if (!target) throw new UsageError(t('exportUnreadable', { path: file }));

    let model: DocumentModel;
    try {
        model = buildDocumentModel(target.document, Coop, { locale: options.lang, disposition: options.disposition ?? 'exigences', withLines: options.avecLignes === true });
    } catch (error) {
        if (error instanceof NotAProtocolError) {
            throw new UsageError(t(error.kind === 'library' ? 'exportLibrary' : 'exportUnreadable', { path: file }));
        }
        throw error;
    }
    if (model.diagnostics.syntaxErrors > 0) {
        io.stderr(t('exportSyntaxWarning', { path: file, count: model.diagnostics.syntaxErrors }) + '\n');
    }
    // The export succeeds all the same; the dossier says its state, and so does stderr.
    if (model.diagnostics.errors > 0) io.stderr(format(locale.pick(EXPORT_OPTIONS.nonConforming), { path: file, count: model.diagnostics.errors }) + '\n');
    if (model.draft) io.stderr(format(locale.pick(EXPORT_OPTIONS.draft), { path: file }) + '\n');

    const content = exportFormat === 'html'
        ? renderHtml(model, { locale: options.lang })
        : exportFormat === 'pdf' ? await renderPdf(model, { locale: options.lang }) : await renderDocx(model, { locale: options.lang });
    await writeAtomically(out, content, locale);
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    io.stdout(t('exportDone', { path: displayPath(out, cwd), format: exportFormat.toUpperCase(), size: Math.max(1, Math.round(bytes / 1024)) }) + '\n');
    return 0;
}


/** The `.coop` files of a folder, not its sub-folders (regular files, or links to them), unreadable ones skipped. */
async function folderFiles(folder: string, except: string): Promise<Array<{ uri: URI; text: string }>> {
    let names: string[];
    try {
        names = (await readdir(folder)).filter(name => name.endsWith('.coop')).sort();
    } catch {
        return [];
    }
    const files = await Promise.all(names.map(async name => {
        const candidate = join(folder, name);
        if (candidate === except) return undefined;
        try {
            const info = await stat(candidate); // follows links; a FIFO or a device is never opened
            if (!info.isFile() || info.size > MAX_NEIGHBOUR_SIZE) return undefined;
            return { uri: URI.file(candidate), text: lenientUtf8.decode(await readFile(candidate)) };
        } catch {
            return undefined; // a neighbour that cannot be read only loses its library
        }
    }));
    return files.filter(entry => entry !== undefined);
}

/** A neighbour larger than this is no library of the protocol's (and is not read). */
const MAX_NEIGHBOUR_SIZE = 4 * 1024 * 1024;

/**
 * The files of the protocol's folder that it uses (`utilise …`, modules, and what those libraries
 * use in turn), found by parsing and linking the folder without validating it. The export then
 * validates the protocol with these files only: a neighbour that is broken, a draft of the same
 * protocol or an unrelated file never adds a diagnostic (nor a stack trace) to the export.
 */
export async function usedLibraries(path: string, text: string): Promise<Array<{ uri: URI; text: string }>> {
    const neighbours = await folderFiles(dirname(path), path);
    if (neighbours.length === 0) return [];
    try {
        const { shared } = createCoopServices(EmptyFileSystem);
        const documents = shared.workspace.LangiumDocuments;
        const factory = shared.workspace.LangiumDocumentFactory;
        const builtins = createBuiltinDocuments(factory);
        builtins.forEach(document => documents.addDocument(document));
        const protocol = factory.fromString(text, URI.file(path));
        documents.addDocument(protocol);
        const parsed = new Map(neighbours.map(neighbour => {
            const document = factory.fromString(neighbour.text, neighbour.uri);
            documents.addDocument(document);
            return [neighbour.uri.toString(), document] as const;
        }));
        await shared.workspace.DocumentBuilder.build([...builtins, protocol, ...parsed.values()], { validation: false });
        const used = new Set<string>();
        const queue: LangiumDocument[] = [protocol];
        for (let document = queue.shift(); document; document = queue.shift()) {
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                for (const { reference } of AstUtils.streamReferences(node)) {
                    const targets = 'items' in reference ? reference.items.map(item => item.ref) : [reference.ref];
                    for (const target of targets) {
                        const uri = target ? AstUtils.getDocument(target).uri.toString() : undefined;
                        const library = uri ? parsed.get(uri) : undefined;
                        if (!uri || !library || used.has(uri)) continue;
                        used.add(uri);
                        queue.push(library);
                    }
                }
            }
        }
        return neighbours.filter(neighbour => used.has(neighbour.uri.toString()));
    } catch {
        return []; // a neighbour that cannot even be parsed is no library of the protocol's
    }
}
