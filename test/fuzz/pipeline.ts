// One input through everything the CLI and the editor do with a file: workspace loading, parsing,
// linking and every check (loadAndValidate, as the CLI), the formatter (whole and range), the
// document model and the HTML rendering, and optionally the PDF and DOCX exports. Every way it can
// go wrong is a finding; findings with the same cause share a key (for deduplication).
import { AstUtils, EmptyFileSystem, GrammarAST, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { buildDocumentModel, createCoopServices, escapeHtml, loadAndValidate, NotAProtocolError, renderDocx, renderHtml, renderPdf } from 'coop-language';
import { CoopFormatter } from '../../packages/language/src/lsp/coop-formatter.js';

export type FindingKind = 'exception' | 'interne' | 'undefined' | 'lent' | 'formatage' | 'stderr';
export const KIND_LABELS: Record<FindingKind, string> = {
    exception: 'exception',
    interne: 'diagnostic interne',
    undefined: 'message « undefined/NaN/Infinity »',
    lent: 'entrée lente (> 2 s)',
    formatage: 'formatage incorrect',
    stderr: "écriture sur la sortie d'erreur"
};
export type Stage = 'validation' | 'formatage' | 'modèle' | 'html' | 'pdf' | 'docx';

export interface Finding { kind: FindingKind; stage: Stage; cause: string; detail: string }
export interface Outcome { findings: Finding[]; ms: number; stages: Partial<Record<Stage, number>> }
export interface RunOptions { exports?: boolean; slowMs?: number }

export const SLOW_MS = 2000;
const SUSPECT = /\b(undefined|NaN|Infinity)\b/;

/** Normalises a message into a cause: numbers, quoted names and paths give way to placeholders. */
export function normalise(message: string): string {
    return message.split('\n')[0]
        .replace(/«\s*([^»]*?)\s*»/g, (_, inner: string) => SUSPECT.test(inner) ? `« ${inner.match(SUSPECT)![0]} »` : '« … »')
        .replace(/"[^"]*"/g, match => SUSPECT.test(match) ? match : '"…"')
        .replace(/\d+/g, 'N')
        .slice(0, 160);
}

/** The first stack frame in our code (or else the first one), as `path:line`. */
export function firstFrame(error: unknown): string {
    const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack.split('\n').slice(1) : [];
    const frames = stack.map(line => line.trim()).filter(line => line.startsWith('at '));
    const ours = frames.find(frame => /packages\/(language|cli|server)\/src\//.test(frame)) ?? frames[0] ?? '';
    const match = ours.match(/((?:packages|node_modules)\/[^():]+):(\d+)/);
    return match ? `${match[1].replace(/^.*node_modules\//, '')}:${match[2]}` : ours.replace(/^at\s+/, '').slice(0, 80);
}

export class Pipeline {
    private services = createCoopServices(EmptyFileSystem);
    private formatter = new CoopFormatter(this.services.Coop);
    private count = 0;
    private ready: Promise<unknown> = loadAndValidate(this.services.shared, []);

    /** The keywords of the grammar (for the mutator). */
    keywords(): string[] {
        const grammar = this.services.Coop.Grammar;
        return [...new Set(AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value).toArray())].sort();
    }

    /** Fresh services (after a failure that may have left the workspace in a bad state, or every N inputs). */
    reset(): void {
        this.services = createCoopServices(EmptyFileSystem);
        this.formatter = new CoopFormatter(this.services.Coop);
        this.ready = loadAndValidate(this.services.shared, []);
    }

    async run(text: string, options: RunOptions = {}): Promise<Outcome> {
        await this.ready;
        const findings: Finding[] = [];
        const stages: Partial<Record<Stage, number>> = {};
        const started = performance.now();
        const errors: string[] = [];
        const original = { error: console.error, warn: console.warn };
        console.error = (...args: unknown[]) => { errors.push(args.map(String).join(' ')); };
        console.warn = console.error;
        const uri = URI.parse(`file:///fuzz/entree-${this.count++}.coop`);
        let document: LangiumDocument | undefined;
        let failed = false;
        const stage = async (name: Stage, work: () => unknown) => {
            const start = performance.now();
            try {
                await work();
            } catch (error) {
                failed = true;
                const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
                findings.push({ kind: 'exception', stage: name, cause: `${name} · ${normalise(message)} @ ${firstFrame(error)}`, detail: message.slice(0, 300) });
            } finally {
                stages[name] = (stages[name] ?? 0) + performance.now() - start;
            }
        };
        try {
            let diagnostics: Diagnostic[] = [];
            await stage('validation', async () => {
                const [loaded] = await loadAndValidate(this.services.shared, [{ uri, text }]);
                document = loaded.document;
                diagnostics = loaded.diagnostics;
            });
            for (const diagnostic of diagnostics) {
                const code = String(diagnostic.code ?? (diagnostic.data as { code?: unknown } | undefined)?.code ?? '');
                const message = typeof diagnostic.message === 'string' ? diagnostic.message : String(diagnostic.message);
                if (code === 'erreur-interne' || message.startsWith('An error occurred')) {
                    findings.push({ kind: 'interne', stage: 'validation', cause: `interne · ${code || 'sans code'} · ${normalise(message)}`, detail: message.slice(0, 300) });
                }
                const suspect = message.match(SUSPECT);
                if (suspect && !text.includes(suspect[0])) {
                    findings.push({ kind: 'undefined', stage: 'validation', cause: `${code || 'sans code'} · ${normalise(message)}`, detail: message.slice(0, 300) });
                }
            }
            await stage('formatage', () => this.checkFormatter(text, document, findings));
            if (document) {
                const doc = document;
                let model: ReturnType<typeof buildDocumentModel> | undefined;
                await stage('modèle', () => {
                    try {
                        model = buildDocumentModel(doc, this.services.Coop);
                    } catch (error) {
                        if (!(error instanceof NotAProtocolError)) throw error;
                    }
                });
                if (model) {
                    const built = model;
                    // Only the renderer is timed; the check of its text below is the harness's own work.
                    let html = '';
                    await stage('html', () => { html = renderHtml(built); });
                    if (html) {
                        // The diagnostics shown in the document are already counted above: blank them out.
                        html = blankOut(html, diagnostics.map(diagnostic => escapeHtml(String(diagnostic.message))));
                        const visible = html.replace(/<[^>]*>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
                        const suspect = visible.match(SUSPECT);
                        if (suspect && !text.includes(suspect[0])) {
                            const around = visible.slice(Math.max(0, (suspect.index ?? 0) - 30), (suspect.index ?? 0) + 12).replace(/\s+/g, ' ').trim();
                            findings.push({ kind: 'undefined', stage: 'html', cause: `html · ${normalise(around)}`, detail: around });
                        }
                    }
                    if (options.exports) {
                        await stage('pdf', () => renderPdf(built));
                        await stage('docx', () => renderDocx(built));
                    }
                }
            }
        } finally {
            console.error = original.error;
            console.warn = original.warn;
            try {
                await this.services.shared.workspace.DocumentBuilder.update([], [uri]);
            } catch {
                failed = true;
            }
            if (failed) this.reset();
        }
        for (const line of errors) {
            findings.push({ kind: 'stderr', stage: 'validation', cause: `stderr · ${normalise(line)}`, detail: line.slice(0, 300) });
        }
        const ms = performance.now() - started;
        if (ms > (options.slowMs ?? SLOW_MS)) {
            const slowest = (Object.entries(stages) as Array<[Stage, number]>).sort((a, b) => b[1] - a[1])[0];
            findings.push({ kind: 'lent', stage: slowest?.[0] ?? 'validation', cause: `lent · ${slowest?.[0] ?? '?'}`, detail: `${Math.round(ms)} ms (${text.length} caractères)` });
        }
        return { findings, ms, stages };
    }

    /** The formatter never changes anything but spaces, tabs and blank lines, and a second pass changes nothing. */
    private checkFormatter(text: string, document: LangiumDocument | undefined, findings: Finding[]): void {
        const once = this.formatter.format(text);
        const strip = (value: string) => value.replace(/[ \t\r\n]/g, '');
        if (strip(once) !== strip(text)) findings.push({ kind: 'formatage', stage: 'formatage', cause: 'formatage · contenu modifié', detail: '' });
        else if (this.formatter.format(once) !== once) findings.push({ kind: 'formatage', stage: 'formatage', cause: 'formatage · pas idempotent', detail: '' });
        if (document) {
            const lines = document.textDocument.lineCount;
            const first = Math.floor(lines / 3);
            const range = { start: { line: first, character: 0 }, end: { line: Math.min(lines - 1, first + 20), character: 0 } };
            const edits = this.formatter.formatDocumentRange(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true }, range });
            const ranged = TextDocument.applyEdits(document.textDocument as TextDocument, edits as never);
            const prefix = document.textDocument.offsetAt(range.start);
            if (ranged.slice(0, prefix) !== text.slice(0, prefix) || strip(ranged) !== strip(text)) {
                findings.push({ kind: 'formatage', stage: 'formatage', cause: 'formatage · plage hors limites', detail: '' });
            }
        }
    }
}

/**
 * `html` with every occurrence of the messages replaced by a space, longest first. One regular
 * expression per hundred short messages (one split per message was quadratic on inputs with many;
 * one expression for all of them overflowed V8's limit on a mutant whose messages quote 100 kB of
 * text); a very long message by itself, with split and join.
 */
export function blankOut(html: string, messages: string[]): string {
    const unique = [...new Set(messages)].filter(Boolean).sort((a, b) => b.length - a.length);
    const long = unique.filter(message => message.length > 2000);
    const short = unique.filter(message => message.length <= 2000).map(message => message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    for (const message of long) html = html.split(message).join(' ');
    for (let start = 0; start < short.length; start += 100) html = html.replace(new RegExp(short.slice(start, start + 100).join('|'), 'g'), ' ');
    return html;
}
