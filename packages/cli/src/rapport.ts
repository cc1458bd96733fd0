import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import {
    activityMembers, activityProtocol, buildActivityReportModel, computeReport, createCoopServices, format, isProtocole,
    JournalRefused, loadAndValidate, parsePeriod, renderDocx, renderHtml, renderPdf,
    type ActivityReport, type Chunks, type JournalIssue, type Localized, type LocaleSetting
} from 'coop-language';
import { ExitCode, UsageError } from './exit-codes.js';
import { cliMessages } from './messages.js';
import { explainError, readCoopFile } from './read-input.js';
import { usedLibraries } from './export.js';
import { loadTeam } from './team-load.js';
import { writeAtomically } from './write-output.js';

// ---------------------------------------------------------------------------------------------
// `coop rapport <protocole.coop> --journal <csv> [--satisfaction <csv>] [--equipe <équipe.coop>]
// --periode 2025 [-o <dossier>]` (issue 13): the yearly report from the team's activity journal —
// rapport.html, rapport.pdf, rapport.docx (charts included), indicateurs.csv, mensuel.csv and
// rapport.json, written atomically into the folder. Exit 0; 1 when an indicator crosses its alert
// threshold; 2 on bad input (a refused journal: identifying column, unreadable CSV; bad options).
// ---------------------------------------------------------------------------------------------

export const RAPPORT_MESSAGES = {
    description: { fr: 'rapport annuel d\'un protocole à partir du journal d\'activité de l\'équipe : les quatre indicateurs légaux et ceux du protocole, séries mensuelles, alertes, événements indésirables, financement ; HTML, PDF, DOCX, CSV et JSON', en: 'yearly report of a protocol from the team\'s activity journal: the four legal indicators and the protocol\'s own, monthly series, alerts, adverse events, financing; HTML, PDF, DOCX, CSV and JSON' },
    protocolArgument: { fr: 'protocole (.coop)', en: 'protocol (.coop)' },
    journalOption: { fr: 'journal d\'activité (CSV, « ; » ou « , », UTF-8 ; voir docs/journal.md)', en: 'activity journal (CSV, « ; » or « , », UTF-8; see docs/journal.md)' },
    satisfactionOption: { fr: 'réponses au questionnaire de satisfaction des professionnels (CSV)', en: 'answers to the professionals\' satisfaction questionnaire (CSV)' },
    teamOption: { fr: 'fichier d\'équipe (.coop) : vérifie les professionnels du journal, activité par délégué, prime de coopération', en: 'team file (.coop): checks the journal\'s professionals, activity per délégué, prime de coopération' },
    periodOption: { fr: 'période : une année (2025), un mois (2025-03) ou aaaa-mm-jj..aaaa-mm-jj', en: 'period: a year (2025), a month (2025-03) or yyyy-mm-dd..yyyy-mm-dd' },
    outputOption: { fr: 'dossier de sortie (par défaut : rapport-<période> à côté du journal)', en: 'output folder (default: rapport-<period> beside the journal)' },
    badPeriod: { fr: 'coop : période « {value} » illisible : attendu une année (2025), un mois (2025-03) ou aaaa-mm-jj..aaaa-mm-jj', en: 'coop: unreadable period « {value} »: expected a year (2025), a month (2025-03) or yyyy-mm-dd..yyyy-mm-dd' },
    notAProtocol: { fr: 'coop : {path} n\'est pas un protocole (« protocole "…" { … } »)', en: 'coop: {path} is not a protocol (« protocole "…" { … } »)' },
    syntax: { fr: 'coop : {path} contient des erreurs de syntaxe ({count}) ; corrigez-les d\'abord (coop validate {path})', en: 'coop: {path} has syntax errors ({count}); fix them first (coop validate {path})' },
    notAFile: { fr: 'coop : {path} n\'est pas un fichier', en: 'coop: {path} is not a file' },
    notAFolder: { fr: 'coop : {path} existe et n\'est pas un dossier', en: 'coop: {path} exists and is not a folder' },
    cannotCreate: { fr: 'coop : impossible de créer le dossier {path} : {reason}', en: 'coop: cannot create folder {path}: {reason}' },
    refused: { fr: 'coop : {path} refusé, aucun rapport écrit :', en: 'coop: {path} refused, no report written:' },
    excluded: { fr: 'coop : {count} ligne(s) exclue(s) des comptes (détail dans le rapport, section « Qualité des données ») :', en: 'coop: {count} row(s) excluded from the counts (details in the report, « Data quality » section):' },
    flagged: { fr: 'coop : {count} ligne(s) ou colonne(s) signalée(s), comptées quand ce sont des lignes (détail dans le rapport) :', en: 'coop: {count} row(s) or column(s) flagged, counted when they are rows (details in the report):' },
    more: { fr: '  … et {count} autre(s)', en: '  … and {count} more' },
    alerts: { fr: '⚠ {count} indicateur(s) au-delà du seuil d\'alerte : {names}', en: '⚠ {count} indicator(s) beyond the alert threshold: {names}' },
    written: { fr: '✔ Rapport {period} écrit dans {out} : rapport.html, rapport.pdf, rapport.docx, indicateurs.csv, mensuel.csv, rapport.json ({counted} ligne(s) comptée(s), {excluded} exclue(s)).', en: '✔ Report {period} written to {out}: rapport.html, rapport.pdf, rapport.docx, indicateurs.csv, mensuel.csv, rapport.json ({counted} row(s) counted, {excluded} excluded).' }
} satisfies Record<string, Localized>;

export interface RapportOptions {
    journal: string;
    satisfaction?: string;
    equipe?: string;
    periode: string;
    output?: string;
}

interface Io {
    stdout(text: string): void;
    stderr(text: string): void;
}

/** A file to read as a stream of chunks; usage errors (missing, a folder, unreadable) in French. */
async function fileChunks(path: string, shown: string, locale: LocaleSetting): Promise<Chunks> {
    const t = (message: Localized, args: Record<string, string | number>) => format(locale.pick(message), args);
    const info = await stat(path).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (info instanceof Error) {
        throw new UsageError(info.code === 'ENOENT' || info.code === 'ENOTDIR' ? t(cliMessages.pathNotFound, { path: shown }) : t(cliMessages.pathUnreadable, { path: shown, reason: explainError(info, locale) }));
    }
    if (!info.isFile()) throw new UsageError(t(RAPPORT_MESSAGES.notAFile, { path: shown }));
    const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
    return {
        async *[Symbol.asyncIterator]() {
            try {
                for await (const chunk of stream) yield chunk as Buffer;
            } catch (error) {
                throw new UsageError(t(cliMessages.pathUnreadable, { path: shown, reason: explainError(error, locale) }));
            }
        }
    };
}

/**
 * The PNG fallback of the DOCX's SVG charts, drawn by resvg with the PDF's font (Roboto, from
 * pdfmake's package) so that the bytes do not depend on the machine's fonts. Undefined when resvg
 * cannot be loaded (the DOCX then carries a blank fallback; Word 2016 and later draw the SVG).
 */
function rasterizer(): ((svg: string, width: number) => Uint8Array) | undefined {
    try {
        // The CLI is bundled as CommonJS (`__filename` is the bundle); in the tests, the runner's script.
        const require = createRequire(typeof __filename === 'string' ? __filename : resolve(process.argv[1] ?? join(process.cwd(), 'index.js')));
        const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
        let fonts: string[] = [];
        try {
            let folder = dirname(require.resolve('pdfmake'));
            while (basename(folder) !== 'pdfmake' && dirname(folder) !== folder) folder = dirname(folder);
            fonts = ['Roboto-Regular.ttf', 'Roboto-Medium.ttf'].map(name => join(folder, 'fonts', 'Roboto', name));
        } catch {
            fonts = [];
        }
        return (svg: string, width: number) => new Resvg(svg, {
            fitTo: { mode: 'width', value: Math.round(width) },
            font: { loadSystemFonts: fonts.length === 0, fontFiles: fonts, defaultFontFamily: 'Roboto' },
            background: '#ffffff'
        }).render().asPng();
    } catch {
        return undefined;
    }
}

declare const __filename: string;

function issueLine(issue: JournalIssue, locale: LocaleSetting): string {
    return `  ${issue.file}:${issue.line}  ${locale.pick(issue.message)}`;
}

/** The figures for the ARS's tools: one row per indicator. */
function indicatorsCsv(report: ActivityReport, locale: LocaleSetting): string {
    const rows = report.indicators.map(indicator => ({
        indicateur: indicator.name,
        libelle: indicator.label,
        exigence: indicator.legal ?? '',
        nature: indicator.kind,
        numerateur: indicator.numerator,
        denominateur: indicator.denominator ?? '',
        valeur: indicator.value === undefined ? '' : String(indicator.value).replace('.', locale.current === 'fr' ? ',' : '.'),
        objectif: indicator.objective?.text ?? '',
        seuil: indicator.threshold?.text ?? '',
        etat: indicator.status
    }));
    const columns = ['indicateur', 'libelle', 'exigence', 'nature', 'numerateur', 'denominateur', 'valeur', 'objectif', 'seuil', 'etat'];
    return '\ufeff' + stringify(rows, { header: true, columns, delimiter: ';', record_delimiter: '\r\n' });
}

function monthlyCsv(report: ActivityReport): string {
    const rates = report.indicators.filter(indicator => indicator.kind === 'taux' && indicator.monthly.length > 0);
    const rows = report.monthly.map((month, index) => ({
        mois: month.month, inclusions: month.inclusions, actes: month.actes, reprises: month.reprises, evenements_indesirables: month.evenements, patients: month.patients,
        ...Object.fromEntries(rates.map(rate => [`taux_${rate.name}`, rate.monthly[index]?.value === undefined ? '' : String(rate.monthly[index].value).replace('.', ',')]))
    }));
    const columns = ['mois', 'inclusions', 'actes', 'reprises', 'evenements_indesirables', 'patients', ...rates.map(rate => `taux_${rate.name}`)];
    return '\ufeff' + stringify(rows, { header: true, columns, delimiter: ';', record_delimiter: '\r\n' });
}

export async function rapportCommand(file: string, options: RapportOptions, locale: LocaleSetting, io: Io, cwd = process.cwd()): Promise<number> {
    const t = (message: Localized, args: Record<string, string | number> = {}) => format(locale.pick(message), args);
    const period = parsePeriod(options.periode);
    if (!period) throw new UsageError(t(RAPPORT_MESSAGES.badPeriod, { value: options.periode }));

    // The protocol, with the libraries it uses from its folder.
    const path = resolve(cwd, file);
    const info = await stat(path).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (info instanceof Error) {
        throw new UsageError(info.code === 'ENOENT' || info.code === 'ENOTDIR' ? t(cliMessages.pathNotFound, { path: file }) : t(cliMessages.pathUnreadable, { path: file, reason: explainError(info, locale) }));
    }
    if (info.isDirectory() || !path.endsWith('.coop')) throw new UsageError(t(cliMessages.notCoopFile, { path: file }));
    const text = await readCoopFile(path, file, locale);
    const { shared, Coop } = createCoopServices(NodeFileSystem);
    Coop.i18n.Locale.current = locale.current;
    const results = await loadAndValidate(shared, [{ uri: URI.file(path), text }, ...await usedLibraries(path, text)]);
    const target = results.find(result => result.document.uri.toString() === URI.file(path).toString());
    const root = target?.document.parseResult.value;
    if (!target || !root || !isProtocole(root)) throw new UsageError(t(RAPPORT_MESSAGES.notAProtocol, { path: file }));
    const syntax = target.diagnostics.filter(d => d.code === 'syntaxe' || d.code === 'caractere-inconnu').length;
    if (syntax > 0) throw new UsageError(t(RAPPORT_MESSAGES.syntax, { path: file, count: syntax }));
    const protocol = activityProtocol(root);

    const team = options.equipe ? await loadTeam(options.equipe, locale, { cwd }) : undefined;
    const journalPath = resolve(cwd, options.journal);
    const journal = { name: options.journal, chunks: await fileChunks(journalPath, options.journal, locale) };
    const satisfaction = options.satisfaction ? { name: options.satisfaction, chunks: await fileChunks(resolve(cwd, options.satisfaction), options.satisfaction, locale) } : undefined;

    // The output folder: checked before the work.
    const out = resolve(cwd, options.output ?? join(dirname(options.journal), `rapport-${period.label.replace(/[^0-9A-Za-z-]+/g, '_')}`));
    const shownOut = options.output ?? out;
    const outInfo = await stat(out).catch(() => undefined);
    if (outInfo && !outInfo.isDirectory()) throw new UsageError(t(RAPPORT_MESSAGES.notAFolder, { path: shownOut }));

    let report: ActivityReport;
    try {
        report = await computeReport({ protocol, period, journal, ...(satisfaction ? { satisfaction } : {}), ...(team ? { team: { name: options.equipe!, members: activityMembers(team.data) } } : {}) });
    } catch (error) {
        if (error instanceof JournalRefused) {
            const files = [...new Set(error.issues.map(issue => issue.file))];
            io.stderr(files.map(name => t(RAPPORT_MESSAGES.refused, { path: name })).join('\n') + '\n' + error.issues.map(issue => issueLine(issue, locale)).join('\n') + '\n');
            return ExitCode.UsageOrIo;
        }
        throw error;
    }

    try {
        await mkdir(out, { recursive: true });
    } catch (error) {
        throw new UsageError(t(RAPPORT_MESSAGES.cannotCreate, { path: shownOut, reason: explainError(error, locale) }));
    }
    const model = buildActivityReportModel(report, locale.current);
    const date = new Date(`${period.to}T00:00:00Z`);
    await writeAtomically(join(out, 'rapport.html'), renderHtml(model, { locale: locale.current }), locale);
    await writeAtomically(join(out, 'rapport.pdf'), await renderPdf(model, { date }), locale);
    const rasterize = rasterizer();
    await writeAtomically(join(out, 'rapport.docx'), await renderDocx(model, { date, ...(rasterize ? { rasterize } : {}) }), locale);
    await writeAtomically(join(out, 'indicateurs.csv'), indicatorsCsv(report, locale), locale);
    await writeAtomically(join(out, 'mensuel.csv'), monthlyCsv(report), locale);
    await writeAtomically(join(out, 'rapport.json'), JSON.stringify(report, null, 2) + '\n', locale);

    // What was not counted, then what was counted but flagged: file:line and the message, 50 of each at most.
    const list = (issues: JournalIssue[], heading: string) => {
        if (issues.length === 0) return;
        const shown = issues.slice(0, 50);
        io.stderr(heading + '\n' + shown.map(issue => issueLine(issue, locale)).join('\n') + '\n');
        if (issues.length > shown.length) io.stderr(t(RAPPORT_MESSAGES.more, { count: issues.length - shown.length }) + '\n');
    };
    const excluded = report.rows.excluded + (report.satisfactionRows?.excluded ?? 0);
    list(report.issues.filter(issue => issue.severity === 'exclu'), t(RAPPORT_MESSAGES.excluded, { count: excluded }));
    list(report.issues.filter(issue => issue.severity === 'signal'), t(RAPPORT_MESSAGES.flagged, { count: report.issues.filter(issue => issue.severity === 'signal').length }));
    if (report.alerts.length > 0) {
        const value = (number: number | undefined) => (number === undefined ? '—' : locale.current === 'fr' ? String(number).replace('.', ',') : String(number));
        const names = report.indicators.filter(indicator => indicator.status === 'alerte')
            .map(indicator => `${indicator.name} (${value(indicator.value)}${indicator.kind === 'taux' ? ' %' : ''} ; ${locale.pick({ fr: 'seuil', en: 'threshold' })} ${indicator.threshold?.text ?? ''})`);
        io.stdout(t(RAPPORT_MESSAGES.alerts, { count: report.alerts.length, names: names.join(', ') }) + '\n');
    }
    io.stdout(t(RAPPORT_MESSAGES.written, { period: period.label, out: shownOut, counted: report.rows.counted, excluded: report.rows.excluded }) + '\n');
    return report.alerts.length > 0 ? ExitCode.Findings : ExitCode.Success;
}
