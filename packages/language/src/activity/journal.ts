import { format, type Localized } from '../i18n/locale.js';
import type { ActivityMember, ActivityProtocol, ActivityReport, CountKind, EventCount, IndicatorResult, IndicatorSpec, IssueCode, JournalEvent, JournalIssue, LegalIndicator, Period, ProfessionalActivity, Target } from './activity-types.js';
import { MAX_LISTED_ISSUES } from './activity-types.js';
import { describeCount, LEGAL_DEFINITIONS } from './legal-indicators.js';
import { csvRecords, CsvSyntaxError, type Chunks } from './csv-stream.js';
import { computeFinancing, FinancingTracker } from './financing.js';
import {
    columnOf, EVENT_KINDS, eventKindOf, foldName, identifyingHeader, JOURNAL_COLUMNS, looksLikeNir, SATISFACTION_ANSWERS, SATISFACTION_COLUMNS, satisfactionOf,
    type ColumnSpec, type EventKind, type JournalColumn, type SatisfactionAnswer, type SatisfactionColumn
} from './journal-format.js';

// ---------------------------------------------------------------------------------------------
// The yearly report's computation (issue 13): reads the journal row by row (streaming), checks
// each row against the protocol, the team and the period, and counts. A row that cannot be counted
// is listed with its file:line and a French message, and counted among the excluded rows; a file
// with a column of direct patient identifiers is refused whole. Pure: no file system.
// ---------------------------------------------------------------------------------------------

/** A file is refused (identifying data, unreadable CSV, missing column): exit code 2 in the CLI. */
export class JournalRefused extends Error {
    constructor(readonly issues: JournalIssue[]) {
        super(issues.map(issue => `${issue.file}:${issue.line} ${issue.message.fr}`).join('\n'));
    }
}

const M = {
    malformed: { fr: 'CSV mal formé ({reason}) : vérifiez les guillemets de cette ligne', en: 'Malformed CSV ({reason}): check the quotes on this line' },
    empty: { fr: 'Le fichier est vide : il faut au moins la ligne d\'en-tête ({columns})', en: 'The file is empty: it needs at least the header line ({columns})' },
    missingColumn: { fr: 'Colonne obligatoire absente : « {column} » (en-tête lu : {header})', en: 'Required column missing: « {column} » (header read: {header})' },
    identifyingColumn: { fr: 'La colonne « {header} » contient {what} : un journal d\'activité doit être pseudonymisé ; retirez cette colonne (fichier refusé)', en: 'Column « {header} » holds {what}: an activity journal must be pseudonymous; remove this column (file refused)' },
    identifyingValue: { fr: 'La colonne « {header} » contient un numéro de sécurité sociale (NIR) : un journal d\'activité doit être pseudonymisé (fichier refusé)', en: 'Column « {header} » holds a social security number (NIR): an activity journal must be pseudonymous (file refused)' },
    ignoredColumn: { fr: 'Colonne « {header} » inconnue : ignorée (colonnes reconnues : {columns})', en: 'Unknown column « {header} »: ignored (known columns: {columns})' },
    extraCells: { fr: 'Ligne de {count} cellules pour {expected} colonnes : séparateur en trop ou guillemets manquants ; ligne exclue', en: 'Row of {count} cells for {expected} columns: extra separator or missing quotes; row excluded' },
    badDate: { fr: 'Date « {value} » illisible (attendu jj/mm/aaaa ou aaaa-mm-jj) ; ligne exclue', en: 'Unreadable date « {value} » (expected dd/mm/yyyy or yyyy-mm-dd); row excluded' },
    outOfPeriod: { fr: 'Date {value} hors de la période {period} ; ligne exclue', en: 'Date {value} outside the period {period}; row excluded' },
    noPatient: { fr: 'Identifiant de patient manquant ; ligne exclue', en: 'Patient id missing; row excluded' },
    unknownEvent: { fr: 'Événement « {value} » inconnu (attendu : {kinds}) ; ligne exclue', en: 'Unknown event « {value} » (expected: {kinds}); row excluded' },
    noAct: { fr: 'Acte manquant pour un événement « {kind} » (actes du protocole : {actes}) ; ligne exclue', en: 'Act missing for a « {kind} » event (acts of the protocol: {actes}); row excluded' },
    unknownAct: { fr: 'Acte « {value} » inconnu du protocole {code} (actes : {actes}) ; ligne exclue', en: 'Act « {value} » is not an act of protocol {code} (acts: {actes}); row excluded' },
    unknownProfessional: { fr: 'Professionnel « {value} » absent du fichier d\'équipe ; ligne exclue', en: 'Professional « {value} » is not in the team file; row excluded' },
    unknownAnswer: { fr: 'Réponse « {value} » hors de l\'échelle (très satisfait, satisfait, peu satisfait, pas satisfait) ; ligne exclue', en: 'Answer « {value} » is not on the scale (très satisfait, satisfait, peu satisfait, pas satisfait); row excluded' }
} satisfies Record<string, Localized>;

function localized(message: Localized, args: Record<string, string | number>): Localized {
    return { fr: format(message.fr, args), en: format(message.en, args) };
}

const DAY = 86_400_000;

/** `jj/mm/aaaa` (also `j/m/aaaa`, `jj-mm-aaaa`, `jj.mm.aaaa`) or `aaaa-mm-jj`, optionally followed by a time: the ISO date, or undefined. */
export function parseDate(value: string): string | undefined {
    const text = value.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2})?.*$/, '');
    let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    let year: number, month: number, day: number;
    if (match) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    else {
        match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
        if (!match) return undefined;
        [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    }
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
    return date.toISOString().slice(0, 10);
}

export function dayNumber(iso: string): number {
    return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

/** `2025` (a calendar year), `2025-03` (a month) or `2025-01-01..2025-06-30`: the period, or undefined. */
export function parsePeriod(text: string): Period | undefined {
    const value = text.trim();
    if (/^\d{4}$/.test(value)) return { from: `${value}-01-01`, to: `${value}-12-31`, label: value };
    const month = /^(\d{4})-(\d{2})$/.exec(value);
    if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
        const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
        return { from: `${value}-01`, to: `${value}-${String(last).padStart(2, '0')}`, label: value };
    }
    const range = /^(.+?)\s*(?:\.\.|au)\s*(.+)$/.exec(value);
    if (range) {
        const from = parseDate(range[1]);
        const to = parseDate(range[2]);
        if (from && to && from <= to) return { from, to, label: `${from} – ${to}` };
    }
    return undefined;
}

/** The months of a period (`2025-01` … `2025-12`). */
export function monthsOf(period: Period): string[] {
    const months: string[] = [];
    let [year, month] = period.from.slice(0, 7).split('-').map(Number);
    const last = period.to.slice(0, 7);
    for (;;) {
        const key = `${year}-${String(month).padStart(2, '0')}`;
        months.push(key);
        if (key >= last || months.length > 600) break;
        month++;
        if (month > 12) { month = 1; year++; }
    }
    return months;
}

/** Finds a team member from the journal's « professionnel » cell: RPPS, « Nom Prénom » or « Prénom Nom ». */
export class MemberIndex {
    private readonly byKey = new Map<string, ActivityMember>();

    constructor(readonly members: ActivityMember[]) {
        for (const member of members) {
            if (member.rpps) this.byKey.set(member.rpps.replace(/\s/g, ''), member);
            this.byKey.set(foldName(`${member.nom}${member.prenom}`), member);
            this.byKey.set(foldName(`${member.prenom}${member.nom}`), member);
            this.byKey.set(foldName(member.key), member);
        }
    }

    find(value: string): ActivityMember | undefined {
        return this.byKey.get(value.replace(/\s/g, '')) ?? this.byKey.get(foldName(value));
    }
}

interface HeaderMap<K extends string> {
    index: Partial<Record<K, number>>;
    width: number;
}

/** Reads the header: the columns found, the refusals (identifying columns, missing required ones), the ignored columns. */
function readHeader<K extends string>(file: string, line: number, cells: string[], columns: ReadonlyArray<ColumnSpec<K>>, issues: JournalIssue[]): HeaderMap<K> | undefined {
    const index: Partial<Record<K, number>> = {};
    let refused = false;
    cells.forEach((header, position) => {
        const what = identifyingHeader(header);
        const key = columnOf(header, columns);
        if (what && !key) {
            refused = true;
            const message = { fr: format(M.identifyingColumn.fr, { header, what: what.fr }), en: format(M.identifyingColumn.en, { header, what: what.en }) };
            issues.push({ file, line, code: 'colonne-identifiante', severity: 'refus', message });
        } else if (key && index[key] === undefined) index[key] = position;
        else if (header.trim() !== '') issues.push({ file, line, code: 'colonne-ignoree', severity: 'signal', message: localized(M.ignoredColumn, { header, columns: columns.map(column => column.header).join(', ') }) });
    });
    for (const column of columns) {
        if (column.required && index[column.key] === undefined) {
            refused = true;
            issues.push({ file, line, code: 'colonne-manquante', severity: 'refus', message: localized(M.missingColumn, { column: column.header, header: cells.join(' ; ') }) });
        }
    }
    return refused ? undefined : { index, width: cells.length };
}

function emptyCounts(): Record<EventKind, number> {
    return Object.fromEntries(EVENT_KINDS.map(kind => [kind.key, 0])) as Record<EventKind, number>;
}

const KIND_OF_COUNT: Partial<Record<CountKind, EventKind>> = {
    inclusions: 'inclusion', actes: 'acte', reprises: 'reprise', orientations: 'orientation',
    'evenements-indesirables': 'evenement-indesirable', retraits: 'retrait', consultations: 'consultation'
};

const LEGAL_ORDER: LegalIndicator[] = ['patients', 'reprise', 'événements-indésirables', 'satisfaction-professionnels'];

/** A counter of one EventCount, total and by month. */
class Counter {
    total = 0;
    readonly byMonth = new Map<string, number>();
    private readonly patients?: Set<string>;
    private readonly monthPatients?: Map<string, Set<string>>;

    constructor(readonly spec: EventCount) {
        if (spec.kind === 'patients') { this.patients = new Set(); this.monthPatients = new Map(); }
    }

    add(event: JournalEvent, month: string): void {
        const spec = this.spec;
        if (spec.actes && spec.actes.length > 0 && !(event.acte && spec.actes.includes(event.acte))) return;
        if (spec.kind === 'patients') {
            if (event.kind !== 'inclusion' && event.kind !== 'acte') return;
            this.patients!.add(event.patient);
            let set = this.monthPatients!.get(month);
            if (!set) this.monthPatients!.set(month, set = new Set());
            set.add(event.patient);
            this.total = this.patients!.size;
            this.byMonth.set(month, set.size);
            return;
        }
        if (KIND_OF_COUNT[spec.kind] !== event.kind) return;
        this.total++;
        this.byMonth.set(month, (this.byMonth.get(month) ?? 0) + 1);
    }
}

function countKey(spec: EventCount): string {
    return `${spec.kind}|${(spec.actes ?? []).join(',')}`;
}

function meets(value: number, target: Target): boolean {
    switch (target.operator) {
        case '<': return value < target.value;
        case '<=': return value <= target.value;
        case '>': return value > target.value;
        case '>=': return value >= target.value;
        default: return value === target.value;
    }
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export interface ReportInputs {
    protocol: ActivityProtocol;
    period: Period;
    journal: { name: string; chunks: Chunks };
    satisfaction?: { name: string; chunks: Chunks };
    /** Members of the team file, when one is given. */
    team?: { name: string; members: ActivityMember[] };
    /** Called for every issue as it is found (the editor's diagnostics). */
    onIssue?: (issue: JournalIssue) => void;
}

/** Reads and counts the journal (and the satisfaction answers). Throws JournalRefused when a file is refused. */
export async function computeReport(inputs: ReportInputs): Promise<ActivityReport> {
    const { protocol, period, journal } = inputs;
    const issues: JournalIssue[] = [];
    const issueCounts: Partial<Record<IssueCode, number>> = {};
    const refusals: JournalIssue[] = [];
    const report = (issue: JournalIssue) => {
        issueCounts[issue.code] = (issueCounts[issue.code] ?? 0) + 1;
        if (issue.severity === 'refus') refusals.push(issue);
        if (issues.length < MAX_LISTED_ISSUES) issues.push(issue);
        inputs.onIssue?.(issue);
    };
    const months = monthsOf(period);
    const from = dayNumber(period.from);
    const to = dayNumber(period.to);
    const actes = new Map(protocol.actes.map(acte => [foldName(acte.name), acte.name]));
    const acteList = protocol.actes.map(acte => acte.name).join(', ') || '—';
    const members = inputs.team ? new MemberIndex(inputs.team.members) : undefined;

    // What to count: the legal definitions, and every count an indicator of the protocol names.
    const counters = new Map<string, Counter>();
    const counter = (spec: EventCount) => {
        const key = countKey(spec);
        let found = counters.get(key);
        if (!found) counters.set(key, found = new Counter(spec));
        return found;
    };
    for (const legal of LEGAL_ORDER) {
        const definition = LEGAL_DEFINITIONS[legal];
        if (definition.numerator.kind !== 'satisfaits') counter(definition.numerator);
        if (definition.denominator && definition.denominator.kind !== 'reponses') counter(definition.denominator);
    }
    for (const spec of protocol.indicators) {
        for (const count of [spec.numerator, spec.denominator]) if (count && count.kind !== 'satisfaits' && count.kind !== 'reponses') counter(count);
    }
    for (const kind of ['inclusions', 'actes', 'reprises', 'evenements-indesirables'] as CountKind[]) counter({ kind });

    const financing = protocol.financing ? new FinancingTracker(protocol.financing) : undefined;
    const professionals = new Map<string, ProfessionalActivity>();
    const adverse = new Map<string, { nature: string; count: number; graves: number }>();
    const adverseEventList: ActivityReport['adverseEventList'] = [];
    const rows = { read: 0, counted: 0, excluded: 0, flagged: 0 };

    // The values of a journal repeat (a few hundred dates, a handful of kinds, acts and
    // professionals): each distinct cell is read once (the caches stay small: bounded vocabularies).
    const memo = <T>(read: (value: string) => T) => {
        const cache = new Map<string, T>();
        return (value: string): T => {
            let found = cache.get(value);
            if (found === undefined && !cache.has(value)) {
                found = read(value);
                if (cache.size < 10_000) cache.set(value, found);
            }
            return found as T;
        };
    };
    const dateOf = memo(parseDate);
    const dayOf = memo(dayNumber);
    const kindOf = memo(eventKindOf);
    const acteOf = memo(value => actes.get(foldName(value)));
    const memberOf = memo(value => members?.find(value));
    const isGrave = memo(value => { const folded = foldName(value); return folded === 'grave' || folded === 'eig' || folded === 'oui'; });
    const isEig = memo(value => foldName(value) === 'eig');

    let header: HeaderMap<JournalColumn> | undefined;
    let headerSeen = false;
    try {
        for await (const record of csvRecords(journal.chunks)) {
            if (!headerSeen) {
                headerSeen = true;
                const found: JournalIssue[] = [];
                header = readHeader(journal.name, record.line, record.cells, JOURNAL_COLUMNS, found);
                found.forEach(report);
                if (!header) throw new JournalRefused(refusals);
                continue;
            }
            rows.read++;
            const event = checkRow(record.line, record.cells);
            if (!event) { rows.excluded++; continue; }
            rows.counted++;
            const month = event.date.slice(0, 7);
            for (const count of counters.values()) count.add(event, month);
            const who = event.professional ?? '';
            if (who) {
                let activity = professionals.get(who);
                if (!activity) {
                    const member = members?.find(who);
                    activity = { key: who, label: member?.label ?? who, role: member?.role, inTeam: member !== undefined, counts: emptyCounts() };
                    professionals.set(who, activity);
                }
                activity.counts[event.kind]++;
            }
            if (event.kind === 'evenement-indesirable') {
                const nature = event.nature || 'non précisée';
                const key = foldName(nature);
                const entry = adverse.get(key) ?? { nature, count: 0, graves: 0 };
                entry.count++;
                if (event.grave) entry.graves++;
                adverse.set(key, entry);
                if (adverseEventList.length < MAX_LISTED_ISSUES) adverseEventList.push({ line: event.line, date: event.date, nature, grave: event.grave, ...(event.acte ? { acte: event.acte } : {}) });
            }
            financing?.add(event);
        }
    } catch (error) {
        if (error instanceof CsvSyntaxError) {
            report({ file: journal.name, line: error.line, code: 'csv-mal-forme', severity: 'refus', message: localized(M.malformed, { reason: error.reason }) });
            throw new JournalRefused(refusals);
        }
        throw error;
    }
    if (!headerSeen) {
        report({ file: journal.name, line: 1, code: 'fichier-vide', severity: 'refus', message: localized(M.empty, { columns: JOURNAL_COLUMNS.filter(c => c.required).map(c => c.header).join(' ; ') }) });
        throw new JournalRefused(refusals);
    }
    if (refusals.length > 0) throw new JournalRefused(refusals);

    function checkRow(line: number, cells: string[]): JournalEvent | undefined {
        const index = header!.index;
        const cell = (key: JournalColumn) => (index[key] === undefined ? '' : (cells[index[key]!] ?? '').trim());
        const exclude = (code: IssueCode, message: Localized, args: Record<string, string | number> = {}) => {
            report({ file: journal.name, line, code, severity: 'exclu', message: localized(message, args) });
            return undefined;
        };
        // Privacy first: a NIR anywhere refuses the file.
        for (let position = 0; position < cells.length; position++) {
            const value = cells[position];
            if (value.length >= 13 && looksLikeNir(value)) {
                const headerName = Object.entries(index).find(([, value]) => value === position)?.[0] ?? String(position + 1);
                report({ file: journal.name, line, code: 'valeur-identifiante', severity: 'refus', message: localized(M.identifyingValue, { header: headerName }) });
                return undefined;
            }
        }
        if (cells.length > header!.width && cells.slice(header!.width).some(value => value.trim() !== '')) return exclude('cellules-en-trop', M.extraCells, { count: cells.length, expected: header!.width });
        const rawDate = cell('date');
        const date = dateOf(rawDate);
        if (!date) return exclude('date-illisible', M.badDate, { value: rawDate });
        const day = dayOf(date);
        if (day < from || day > to) return exclude('date-hors-periode', M.outOfPeriod, { value: rawDate, period: period.label });
        const patient = cell('patient');
        if (!patient) return exclude('patient-manquant', M.noPatient);
        const rawKind = cell('evenement');
        const kind = kindOf(rawKind);
        if (!kind) return exclude('evenement-inconnu', M.unknownEvent, { value: rawKind, kinds: EVENT_KINDS.map(k => k.key).join(', ') });
        const rawActe = cell('acte');
        let acte: string | undefined;
        if (rawActe) {
            acte = acteOf(rawActe);
            if (!acte) return exclude('acte-inconnu', M.unknownAct, { value: rawActe, code: protocol.code, actes: acteList });
        } else if (kind === 'acte' && actes.size > 0) {
            return exclude('acte-manquant', M.noAct, { kind: rawKind, actes: acteList });
        }
        const rawProfessional = cell('professionnel');
        let professional: string | undefined = rawProfessional || undefined;
        if (rawProfessional && members) {
            const member = memberOf(rawProfessional);
            if (!member) return exclude('professionnel-inconnu', M.unknownProfessional, { value: rawProfessional });
            professional = member.key;
        }
        const gravity = cell('gravite');
        const grave = (gravity !== '' && isGrave(gravity)) || isEig(rawKind);
        return { line, day, date, patient, kind, acte, professional, cible: cell('cible') || undefined, nature: cell('nature') || undefined, grave };
    }

    // Satisfaction questionnaire.
    const answers = Object.fromEntries(SATISFACTION_ANSWERS.map(answer => [answer.key, 0])) as Record<SatisfactionAnswer, number>;
    let satisfactionRows: ActivityReport['satisfactionRows'];
    if (inputs.satisfaction) {
        satisfactionRows = await readSatisfaction(inputs.satisfaction, answers, members, period, report, refusals);
    }

    const monthly = months.map(month => ({
        month,
        inclusions: counter({ kind: 'inclusions' }).byMonth.get(month) ?? 0,
        actes: counter({ kind: 'actes' }).byMonth.get(month) ?? 0,
        reprises: counter({ kind: 'reprises' }).byMonth.get(month) ?? 0,
        evenements: counter({ kind: 'evenements-indesirables' }).byMonth.get(month) ?? 0,
        patients: counter({ kind: 'patients' }).byMonth.get(month) ?? 0
    }));
    const satisfied = SATISFACTION_ANSWERS.filter(a => a.satisfied).reduce((sum, a) => sum + answers[a.key], 0);
    const answered = SATISFACTION_ANSWERS.reduce((sum, a) => sum + answers[a.key], 0);
    const totalOf = (spec: EventCount) => spec.kind === 'satisfaits' ? satisfied : spec.kind === 'reponses' ? answered : counter(spec).total;
    const monthOf = (spec: EventCount, month: string) => spec.kind === 'satisfaits' || spec.kind === 'reponses' ? undefined : counter(spec).byMonth.get(month) ?? 0;

    const indicators: IndicatorResult[] = [];
    const evaluate = (base: { name: string; label: string; legal?: LegalIndicator; kind: 'taux' | 'nombre'; numerator: EventCount; denominator?: EventCount; numeratorText: Localized; denominatorText?: Localized }, spec?: IndicatorSpec): IndicatorResult => {
        const numerator = totalOf(base.numerator);
        const denominator = base.denominator ? totalOf(base.denominator) : undefined;
        // Targets are compared with the exact rate, the report shows it rounded to 0.1.
        const exact = denominator === undefined ? numerator : denominator > 0 ? (numerator / denominator) * 100 : undefined;
        const value = exact === undefined ? undefined : round1(exact);
        const objective = spec?.objective && exact !== undefined ? { ...spec.objective, met: meets(exact, spec.objective) } : undefined;
        const threshold = spec?.threshold && exact !== undefined ? { ...spec.threshold, crossed: meets(exact, spec.threshold) } : undefined;
        const status = value === undefined ? 'non-calculable' : threshold?.crossed ? 'alerte' : objective ? (objective.met ? 'objectif-atteint' : 'objectif-non-atteint') : 'sans-cible';
        const monthlyValues = base.numerator.kind === 'satisfaits' ? [] : months.map(month => {
            const n = monthOf(base.numerator, month) ?? 0;
            const d = base.denominator ? monthOf(base.denominator, month) : undefined;
            return { month, numerator: n, ...(d !== undefined ? { denominator: d, ...(d > 0 ? { value: round1((n / d) * 100) } : {}) } : { value: n }) };
        });
        return {
            name: base.name, label: base.label, ...(base.legal ? { legal: base.legal } : {}), kind: base.kind, numerator,
            ...(denominator !== undefined ? { denominator } : {}), ...(value !== undefined ? { value } : {}),
            ...(objective ? { objective } : {}), ...(threshold ? { threshold } : {}), status,
            numeratorText: base.numeratorText, ...(base.denominatorText ? { denominatorText: base.denominatorText } : {}), monthly: monthlyValues
        };
    };
    const locale = (text: string): Localized => ({ fr: text, en: text });
    for (const legal of LEGAL_ORDER) {
        const definition = LEGAL_DEFINITIONS[legal];
        const spec = protocol.indicators.find(indicator => indicator.exigence === legal);
        indicators.push(evaluate({ ...definition, name: spec?.name ?? legal, label: spec?.label ?? definition.label.fr, legal }, spec));
    }
    for (const spec of protocol.indicators) {
        if (spec.exigence || !spec.numerator) continue;
        indicators.push(evaluate({
            name: spec.name, label: spec.label, kind: spec.denominator ? 'taux' : 'nombre', numerator: spec.numerator, denominator: spec.denominator,
            numeratorText: locale(spec.numeratorText ?? describeCount(spec.numerator)), ...(spec.denominator ? { denominatorText: locale(spec.denominatorText ?? describeCount(spec.denominator)) } : {})
        }, spec));
    }

    let financingResult: ActivityReport['financing'];
    if (financing) {
        for (const flag of financing.flags()) {
            report({ file: journal.name, line: flag.line, code: 'cumul-interdit', severity: 'signal', message: flag.message });
            rows.flagged++;
        }
        financingResult = computeFinancing(protocol.financing!, financing, period, inputs.team?.members);
    }
    issues.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));

    return {
        protocol: { code: protocol.code, title: protocol.title },
        period,
        files: { journal: journal.name, ...(inputs.satisfaction ? { satisfaction: inputs.satisfaction.name } : {}), ...(inputs.team ? { team: inputs.team.name } : {}) },
        rows,
        ...(satisfactionRows ? { satisfactionRows } : {}),
        issueCounts,
        issues,
        indicators,
        alerts: indicators.filter(indicator => indicator.status === 'alerte').map(indicator => indicator.name),
        months,
        monthly,
        adverseEvents: [...adverse.values()].sort((a, b) => b.count - a.count || a.nature.localeCompare(b.nature, 'fr')),
        adverseEventList,
        professionals: [...professionals.values()].sort((a, b) => a.label.localeCompare(b.label, 'fr')),
        ...(inputs.satisfaction ? { satisfaction: answers } : {}),
        ...(financingResult ? { financing: financingResult } : {})
    };
}

async function readSatisfaction(
    input: { name: string; chunks: Chunks }, answers: Record<SatisfactionAnswer, number>, members: MemberIndex | undefined, period: Period,
    report: (issue: JournalIssue) => void, refusals: JournalIssue[]
): Promise<{ read: number; counted: number; excluded: number }> {
    const rows = { read: 0, counted: 0, excluded: 0 };
    let header: HeaderMap<SatisfactionColumn> | undefined;
    let headerSeen = false;
    const from = dayNumber(period.from);
    const to = dayNumber(period.to);
    try {
        for await (const record of csvRecords(input.chunks)) {
            if (!headerSeen) {
                headerSeen = true;
                const found: JournalIssue[] = [];
                header = readHeader(input.name, record.line, record.cells, SATISFACTION_COLUMNS, found);
                found.forEach(report);
                if (!header) throw new JournalRefused(refusals);
                continue;
            }
            rows.read++;
            const index = header!.index;
            const cell = (key: SatisfactionColumn) => (index[key] === undefined ? '' : (record.cells[index[key]!] ?? '').trim());
            const exclude = (code: IssueCode, message: Localized, args: Record<string, string | number>) => {
                report({ file: input.name, line: record.line, code, severity: 'exclu', message: localized(message, args) });
                rows.excluded++;
            };
            if (record.cells.some(looksLikeNir)) {
                report({ file: input.name, line: record.line, code: 'valeur-identifiante', severity: 'refus', message: localized(M.identifyingValue, { header: '—' }) });
                continue;
            }
            const rawDate = cell('date');
            if (rawDate) {
                const date = parseDate(rawDate);
                if (!date) { exclude('date-illisible', M.badDate, { value: rawDate }); continue; }
                const day = dayNumber(date);
                if (day < from || day > to) { exclude('date-hors-periode', M.outOfPeriod, { value: rawDate, period: period.label }); continue; }
            }
            const who = cell('professionnel');
            if (who && members && !members.find(who)) { exclude('professionnel-inconnu', M.unknownProfessional, { value: who }); continue; }
            const raw = cell('reponse');
            const answer = satisfactionOf(raw);
            if (!answer) { exclude('reponse-inconnue', M.unknownAnswer, { value: raw }); continue; }
            answers[answer]++;
            rows.counted++;
        }
    } catch (error) {
        if (error instanceof CsvSyntaxError) {
            report({ file: input.name, line: error.line, code: 'csv-mal-forme', severity: 'refus', message: localized(M.malformed, { reason: error.reason }) });
            throw new JournalRefused(refusals);
        }
        throw error;
    }
    if (!headerSeen) {
        report({ file: input.name, line: 1, code: 'fichier-vide', severity: 'refus', message: localized(M.empty, { columns: 'réponse' }) });
    }
    if (refusals.length > 0) throw new JournalRefused(refusals);
    return rows;
}
