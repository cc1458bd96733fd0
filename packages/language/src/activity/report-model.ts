import type { Locale, Localized } from '../i18n/locale.js';
import type { Block, DocumentModel, Field, Section, TableRow } from '../render/model-types.js';
import { formDocument } from '../render/form-document.js';
import { typesetModel } from '../render/typography.js';
import type { ActivityReport, IndicatorResult, IndicatorStatus, IssueCode } from './activity-types.js';
import { barChart, CHART_SIZE, formatNumber, rateChart } from './charts.js';
import { EVENT_KINDS, SATISFACTION_ANSWERS } from './journal-format.js';

// ---------------------------------------------------------------------------------------------
// The yearly report as a neutral document model (render/model-types.ts, `layout: 'form'`): the
// existing HTML, PDF and DOCX renderers lay it out, charts included (figure blocks). Alerts come
// first. The same report gives the same model.
// ---------------------------------------------------------------------------------------------

const STATUS: Record<IndicatorStatus, Localized> = {
    alerte: { fr: '⚠ Alerte : seuil franchi', en: '⚠ Alert: threshold crossed' },
    'objectif-atteint': { fr: 'Objectif atteint', en: 'Objective met' },
    'objectif-non-atteint': { fr: 'Objectif non atteint', en: 'Objective not met' },
    'sans-cible': { fr: 'Sans objectif déclaré', en: 'No objective declared' },
    'non-calculable': { fr: 'Non calculable (dénominateur nul)', en: 'Cannot be computed (zero denominator)' }
};

const ISSUES: Record<IssueCode, Localized> = {
    'csv-mal-forme': { fr: 'CSV mal formé', en: 'Malformed CSV' },
    'fichier-vide': { fr: 'Fichier vide', en: 'Empty file' },
    'colonne-manquante': { fr: 'Colonne obligatoire absente', en: 'Required column missing' },
    'colonne-identifiante': { fr: 'Colonne identifiante', en: 'Identifying column' },
    'valeur-identifiante': { fr: 'Valeur identifiante (NIR)', en: 'Identifying value (NIR)' },
    'colonne-ignoree': { fr: 'Colonne inconnue, ignorée', en: 'Unknown column, ignored' },
    'cellules-en-trop': { fr: 'Cellules en trop', en: 'Extra cells' },
    'date-illisible': { fr: 'Date illisible', en: 'Unreadable date' },
    'date-hors-periode': { fr: 'Date hors période', en: 'Date outside the period' },
    'patient-manquant': { fr: 'Patient manquant', en: 'Patient missing' },
    'evenement-inconnu': { fr: 'Événement inconnu', en: 'Unknown event' },
    'acte-manquant': { fr: 'Acte manquant', en: 'Act missing' },
    'acte-inconnu': { fr: 'Acte inconnu du protocole', en: 'Act not in the protocol' },
    'professionnel-inconnu': { fr: 'Professionnel absent de l\'équipe', en: 'Professional not in the team' },
    'reponse-inconnue': { fr: 'Réponse hors échelle', en: 'Answer off the scale' },
    'cumul-interdit': { fr: 'Cumul interdit avec le forfait', en: 'Combination with the forfait forbidden' }
};

/** The legal indicators on the first page. */
const LEGAL_SHORT: Record<string, Localized> = {
    patients: { fr: 'Patients pris en charge', en: 'Patients cared for' },
    reprise: { fr: 'Taux de reprise', en: 'Reprise rate' },
    'événements-indésirables': { fr: 'Taux d\'événements indésirables', en: 'Adverse event rate' },
    'satisfaction-professionnels': { fr: 'Satisfaction des professionnels', en: 'Professionals\' satisfaction' }
};

/** Column headings of the per-professional table. */
const SHORT_KIND: Record<string, Localized> = {
    inclusion: { fr: 'Inclusions', en: 'Inclusions' }, acte: { fr: 'Actes', en: 'Acts' }, reprise: { fr: 'Reprises', en: 'Reprises' },
    orientation: { fr: 'Orientations', en: 'Referrals' }, 'evenement-indesirable': { fr: 'Événements indésirables', en: 'Adverse events' },
    retrait: { fr: 'Retraits', en: 'Withdrawals' }, consultation: { fr: 'Consultations ordinaires', en: 'Ordinary consultations' }
};

class ReportBuilder {
    private number = 0;

    constructor(private readonly report: ActivityReport, private readonly locale: Locale) {}

    t(text: Localized): string {
        return text[this.locale];
    }

    num(value: number | undefined): string {
        return value === undefined ? '—' : formatNumber(value, this.locale);
    }

    euros(value: number): string {
        const [whole, decimals] = value.toFixed(2).split('.');
        const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, this.locale === 'fr' ? '\u202f' : ',');
        return this.locale === 'fr' ? `${grouped},${decimals} €` : `€${grouped}.${decimals}`;
    }

    date(iso: string): string {
        if (this.locale !== 'fr') return iso;
        const [year, month, day] = iso.split('-');
        return `${day}/${month}/${year}`;
    }

    section(id: string, title: Localized, blocks: Block[]): Section {
        return { id, number: ++this.number, title: this.t(title), empty: blocks.length === 0, blocks, line: 0, notes: [] };
    }

    fields(fields: Array<[Localized, string | string[] | undefined]>, title?: Localized): Block {
        const list: Field[] = fields.filter(([, value]) => value !== undefined && value !== '').map(([label, value]) => ({ label: this.t(label), value: value!, line: 0, notes: [] }));
        return { type: 'fields', ...(title ? { title: this.t(title) } : {}), fields: list, line: 0, notes: [] };
    }

    table(columns: Localized[], widths: number[], rows: string[][], title?: Localized): Block {
        const tableRows: TableRow[] = rows.map(cells => ({ cells, line: 0, notes: [] }));
        return { type: 'table', ...(title ? { title: this.t(title) } : {}), role: 'data', columns: columns.map(column => this.t(column)), widths, rows: tableRows, line: 0, notes: [] };
    }

    prose(markdown: string, title?: Localized): Block {
        return { type: 'prose', ...(title ? { title: this.t(title) } : {}), content: { markdown }, line: 0, notes: [] };
    }

    value(indicator: IndicatorResult): string {
        if (indicator.value === undefined) return '—';
        return indicator.kind === 'taux' ? `${this.num(indicator.value)} %` : this.num(indicator.value);
    }

    indicatorRows(indicators: IndicatorResult[]): string[][] {
        const ordered = [...indicators].sort((a, b) => Number(b.status === 'alerte') - Number(a.status === 'alerte'));
        return ordered.map(indicator => [
            `${indicator.label} (${indicator.name})`,
            `${this.t(indicator.numeratorText)} : ${this.num(indicator.numerator)}`,
            indicator.denominatorText ? `${this.t(indicator.denominatorText)} : ${this.num(indicator.denominator)}` : '—',
            this.value(indicator),
            indicator.objective?.text ?? '—',
            indicator.threshold?.text ?? '—',
            this.t(STATUS[indicator.status])
        ]);
    }

    build(): DocumentModel {
        const report = this.report;
        const t = (text: Localized) => this.t(text);
        const sections: Section[] = [];
        const excluded = report.rows.excluded;

        // 1. Alerts first.
        const alerts = report.indicators.filter(indicator => indicator.status === 'alerte');
        sections.push(this.section('alertes', { fr: 'Alertes', en: 'Alerts' }, [
            alerts.length === 0
                ? this.prose(t({ fr: 'Aucun indicateur n\'a franchi son seuil d\'alerte sur la période.', en: 'No indicator crossed its alert threshold over the period.' }))
                : this.prose(alerts.map(indicator => `- **${indicator.label}** : ${this.value(indicator)} (${t({ fr: 'seuil d\'alerte', en: 'alert threshold' })} ${indicator.threshold?.text ?? ''}) — ${this.num(indicator.numerator)} / ${this.num(indicator.denominator)}`).join('\n')
                    + '\n\n' + t({ fr: 'Tout franchissement d\'un seuil d\'alerte et tout événement indésirable grave sont signalés sans délai au directeur général de l\'ARS.', en: 'Any alert threshold crossed and any serious adverse event are reported without delay to the ARS director general.' }))
        ]));

        // 2. Summary and data quality.
        const files = [report.files.journal, report.files.satisfaction, report.files.team].filter((file): file is string => file !== undefined);
        sections.push(this.section('synthese', { fr: 'Période et données', en: 'Period and data' }, [
            this.fields([
                [{ fr: 'Période', en: 'Period' }, `${this.date(report.period.from)} – ${this.date(report.period.to)}`],
                [{ fr: 'Fichiers lus', en: 'Files read' }, files],
                [{ fr: 'Lignes du journal', en: 'Journal rows' }, format(t({ fr: '{read} lues, {counted} comptées, {excluded} exclues', en: '{read} read, {counted} counted, {excluded} excluded' }), { read: report.rows.read, counted: report.rows.counted, excluded })],
                [{ fr: 'Lignes signalées (comptées)', en: 'Rows flagged (counted)' }, report.rows.flagged > 0 ? String(report.rows.flagged) : undefined],
                [{ fr: 'Questionnaire de satisfaction', en: 'Satisfaction questionnaire' }, report.satisfactionRows ? format(t({ fr: '{read} réponses lues, {counted} comptées, {excluded} exclues', en: '{read} answers read, {counted} counted, {excluded} excluded' }), report.satisfactionRows) : t({ fr: 'non fourni', en: 'not given' })]
            ])
        ]));

        // 3. Legal indicators, then the protocol's own.
        const columns: Localized[] = [
            { fr: 'Indicateur', en: 'Indicator' }, { fr: 'Numérateur', en: 'Numerator' }, { fr: 'Dénominateur', en: 'Denominator' },
            { fr: 'Valeur', en: 'Value' }, { fr: 'Objectif', en: 'Objective' }, { fr: 'Seuil d\'alerte', en: 'Alert threshold' }, { fr: 'État', en: 'Status' }
        ];
        const widths = [20, 20, 20, 9, 9, 9, 13];
        const legal = report.indicators.filter(indicator => indicator.legal);
        const own = report.indicators.filter(indicator => !indicator.legal);
        sections.push(this.section('indicateurs-legaux', { fr: 'Indicateurs obligatoires (art. D.4011-4-1 et D.4011-4-2 du CSP)', en: 'Mandatory indicators (CSP art. D.4011-4-1 and D.4011-4-2)' }, [
            this.table(columns, widths, this.indicatorRows(legal)),
            this.prose(t({
                fr: 'Définitions de l\'article D.4011-4-1 : nombre de patients pris en charge au titre du protocole ; taux de reprise = actes réalisés par le délégant à la demande du délégué ÷ actes réalisés par le délégué ; taux d\'événements indésirables = événements indésirables déclarés ÷ actes réalisés par le délégué (nature de chacun ci-dessous) ; taux de satisfaction = professionnels « satisfaits » ou « très satisfaits » ÷ professionnels ayant répondu au questionnaire.',
                en: 'Definitions of article D.4011-4-1: number of patients cared for under the protocol; reprise rate = acts performed by the délégant at the délégué\'s request ÷ acts performed by the délégué; adverse event rate = adverse events reported ÷ acts performed by the délégué (nature of each below); satisfaction rate = professionals « satisfied » or « very satisfied » ÷ professionals who answered the questionnaire.'
            }))
        ]));
        if (own.length > 0) {
            sections.push(this.section('indicateurs-protocole', { fr: 'Indicateurs propres au protocole', en: 'The protocol\'s own indicators' }, [this.table(columns, widths, this.indicatorRows(own))]));
        }

        // 4. Monthly activity and rates, with their charts.
        const months = report.months;
        const monthName = (month: string) => this.date(`${month}-01`).slice(3);
        const activityChart = barChart(t({ fr: 'Activité mensuelle', en: 'Monthly activity' }), months, [
            { label: t({ fr: 'Actes du délégué', en: 'Acts of the délégué' }), values: report.monthly.map(month => month.actes) },
            { label: t({ fr: 'Patients inclus', en: 'Patients included' }), values: report.monthly.map(month => month.inclusions) }
        ], this.locale);
        const monthBlocks: Block[] = [
            this.figure(activityChart, t({ fr: 'Activité mensuelle', en: 'Monthly activity' }), format(t({ fr: 'Actes du délégué et patients inclus par mois, {from} à {to}.', en: 'Acts of the délégué and patients included per month, {from} to {to}.' }), { from: monthName(months[0]), to: monthName(months[months.length - 1]) })),
            this.table(
                [{ fr: 'Mois', en: 'Month' }, { fr: 'Inclusions', en: 'Inclusions' }, { fr: 'Actes du délégué', en: 'Acts of the délégué' }, { fr: 'Reprises', en: 'Reprises' }, { fr: 'Événements indésirables', en: 'Adverse events' }, { fr: 'Patients vus', en: 'Patients seen' }],
                [20, 16, 16, 16, 16, 16],
                report.monthly.map(month => [monthName(month.month), String(month.inclusions), String(month.actes), String(month.reprises), String(month.evenements), String(month.patients)])
            )
        ];
        for (const indicator of report.indicators) {
            if (indicator.kind !== 'taux' || indicator.monthly.length === 0) continue;
            const chart = rateChart(indicator.label, months, {
                label: t({ fr: 'Taux mensuel', en: 'Monthly rate' }),
                values: indicator.monthly.map(month => month.value),
                ...(indicator.objective ? { objective: { value: indicator.objective.value, label: t({ fr: 'Objectif', en: 'Objective' }) } } : {}),
                ...(indicator.threshold ? { threshold: { value: indicator.threshold.value, label: t({ fr: 'Seuil d\'alerte', en: 'Alert threshold' }) } } : {})
            }, this.locale);
            monthBlocks.push(this.figure(chart, indicator.label, format(t({ fr: 'Taux mensuel en %, sur l\'année : {value} ({numerator} / {denominator}).', en: 'Monthly rate in %, over the year: {value} ({numerator} / {denominator}).' }), { value: this.value(indicator), numerator: indicator.numerator, denominator: indicator.denominator ?? 0 })));
        }
        sections.push(this.section('mensuel', { fr: 'Séries mensuelles', en: 'Monthly series' }, monthBlocks));

        // 5. Adverse events by nature.
        sections.push(this.section('evenements-indesirables', { fr: 'Nature des événements indésirables', en: 'Nature of the adverse events' }, report.adverseEvents.length === 0
            ? [this.prose(t({ fr: 'Aucun événement indésirable déclaré sur la période.', en: 'No adverse event reported over the period.' }))]
            : [
                this.table([{ fr: 'Nature', en: 'Nature' }, { fr: 'Nombre', en: 'Count' }, { fr: 'Dont graves (EIG)', en: 'Of which serious' }], [60, 20, 20], report.adverseEvents.map(event => [event.nature, String(event.count), String(event.graves)])),
                this.table([{ fr: 'Date', en: 'Date' }, { fr: 'Nature', en: 'Nature' }, { fr: 'Gravité', en: 'Severity' }, { fr: 'Acte', en: 'Act' }, { fr: 'Ligne du journal', en: 'Journal line' }], [14, 44, 14, 16, 12],
                    report.adverseEventList.map(event => [this.date(event.date), event.nature, event.grave ? t({ fr: 'grave', en: 'serious' }) : t({ fr: 'non grave', en: 'not serious' }), event.acte ?? '—', String(event.line)]), { fr: 'Liste', en: 'List' })
            ]));

        // 6. Per professional.
        if (report.professionals.length > 0) {
            const kinds = EVENT_KINDS.filter(kind => report.professionals.some(pro => pro.counts[kind.key] > 0));
            sections.push(this.section('professionnels', { fr: 'Activité par professionnel', en: 'Activity per professional' }, [
                this.table([{ fr: 'Professionnel', en: 'Professional' }, ...kinds.map(kind => SHORT_KIND[kind.key])], [28, ...kinds.map(() => Math.floor(72 / Math.max(kinds.length, 1)))],
                    report.professionals.map(pro => [`${pro.label}${pro.role ? ` (${pro.role})` : ''}`, ...kinds.map(kind => String(pro.counts[kind.key]))])),
                ...(report.files.team ? [] : [this.prose(t({ fr: 'Sans fichier d\'équipe (--equipe), les professionnels sont ceux écrits dans le journal, sans vérification.', en: 'Without a team file (--equipe), professionals are those written in the journal, unchecked.' }))])
            ]));
        }

        // 7. Satisfaction.
        if (report.satisfaction) {
            const answers = report.satisfaction;
            sections.push(this.section('satisfaction', { fr: 'Questionnaire de satisfaction des professionnels', en: 'Professionals\' satisfaction questionnaire' }, [
                this.table([{ fr: 'Réponse', en: 'Answer' }, { fr: 'Nombre', en: 'Count' }], [70, 30], SATISFACTION_ANSWERS.map(answer => [t(answer.label), String(answers[answer.key])]))
            ]));
        }

        // 8. Financing.
        const financing = report.financing;
        if (financing) {
            const rows: string[][] = financing.forfaits.map(forfait => [
                forfait.text, String(forfait.patients), String(forfait.withheld), this.euros(forfait.due),
                forfait.split.map(part => `${part.who} : ${this.euros(part.amount)}`).join(' ; ') || '—'
            ]);
            if (financing.prime) rows.push([financing.prime.text, String(financing.prime.members.length), '—', this.euros(financing.prime.due), financing.prime.members.map(member => `${member.label} : ${member.months} ${t({ fr: 'mois', en: 'months' })}`).join(' ; ') || '—']);
            sections.push(this.section('financement', { fr: 'Financement dû pour la période', en: 'Financing due for the period' }, [
                ...(financing.text ? [this.prose(financing.text)] : []),
                this.table([{ fr: 'Règle', en: 'Rule' }, { fr: 'Patients ou délégués', en: 'Patients or délégués' }, { fr: 'Retenus', en: 'Withheld' }, { fr: 'Montant dû', en: 'Amount due' }, { fr: 'Répartition', en: 'Split' }], [34, 14, 10, 16, 26], rows),
                this.fields([
                    [{ fr: 'Total dû', en: 'Total due' }, this.euros(financing.total)],
                    [{ fr: 'Lignes contraires aux règles de financement', en: 'Rows breaking a financing rule' }, financing.flagged > 0 ? format(t({ fr: '{count} (voir « Qualité des données »)', en: '{count} (see « Data quality »)' }), { count: financing.flagged }) : '0']
                ]),
                ...(financing.prime?.needsTeam ? [this.prose(t({ fr: 'La prime de coopération se calcule par délégué : donnez le fichier d\'équipe (--equipe).', en: 'The prime de coopération is computed per délégué: give the team file (--equipe).' }))] : [])
            ]));
        }

        // 9. Data quality: what was not counted, and why.
        const counts = Object.entries(report.issueCounts) as Array<[IssueCode, number]>;
        const listed = report.issues.filter(issue => issue.severity !== 'refus');
        sections.push(this.section('qualite', { fr: 'Qualité des données', en: 'Data quality' }, counts.length === 0
            ? [this.prose(t({ fr: 'Toutes les lignes ont été comptées.', en: 'Every row was counted.' }))]
            : [
                this.table([{ fr: 'Motif', en: 'Reason' }, { fr: 'Lignes', en: 'Rows' }], [75, 25], counts.map(([code, count]) => [t(ISSUES[code]), String(count)])),
                this.table([{ fr: 'Fichier:ligne', en: 'File:line' }, { fr: 'Message', en: 'Message' }], [25, 75], listed.map(issue => [`${issue.file}:${issue.line}`, t(issue.message)]), { fr: 'Lignes exclues ou signalées', en: 'Rows excluded or flagged' }),
                ...(listed.length < counts.reduce((sum, [, count]) => sum + count, 0) ? [this.prose(t({ fr: 'Liste tronquée : le fichier JSON des chiffres donne les effectifs complets.', en: 'List truncated: the figures JSON gives the full counts.' }))] : [])
            ]));

        const model = formDocument({
            locale: this.locale,
            title: format(t({ fr: 'Rapport annuel {period} — {title}', en: 'Yearly report {period} — {title}' }), { period: report.period.label, title: report.protocol.title || report.protocol.code }),
            meta: { ...(report.protocol.code ? { identifier: report.protocol.code } : {}), date: report.period.to },
            header: {
                kicker: t({ fr: 'Protocole de coopération — rapport annuel d\'activité', en: 'Cooperation protocol — yearly activity report' }),
                title: report.protocol.title || report.protocol.code,
                // The first page is the summary: the four legal figures, the alerts, the amount due.
                fields: [
                    { label: t({ fr: 'Protocole', en: 'Protocol' }), value: report.protocol.code || '—', line: 0, notes: [] },
                    { label: t({ fr: 'Période', en: 'Period' }), value: `${report.period.label} (${this.date(report.period.from)} – ${this.date(report.period.to)})`, line: 0, notes: [] },
                    ...legal.map(indicator => ({ label: t(LEGAL_SHORT[indicator.legal!]), value: indicator.kind === 'taux' ? `${this.value(indicator)} (${this.num(indicator.numerator)} / ${this.num(indicator.denominator)})` : this.value(indicator), line: 0, notes: [] })),
                    { label: t({ fr: 'Alertes', en: 'Alerts' }), value: alerts.length === 0 ? t({ fr: 'aucune', en: 'none' }) : alerts.map(indicator => `${indicator.label} : ${this.value(indicator)} (${t({ fr: 'seuil', en: 'threshold' })} ${indicator.threshold?.text ?? ''})`), line: 0, notes: [] },
                    ...(financing ? [{
                        label: t({ fr: 'Financement dû', en: 'Financing due' }),
                        // Without the team file the prime per délégué cannot be counted: never show « 0,00 € » for it.
                        value: financing.prime?.needsTeam
                            ? `${financing.total > 0 ? `${this.euros(financing.total)} ` : ''}${t({ fr: '(prime de coopération non calculée : donnez le fichier d\'équipe, --equipe)', en: '(prime de coopération not computed: give the team file, --equipe)' })}`
                            : this.euros(financing.total),
                        line: 0, notes: []
                    }] : []),
                    { label: t({ fr: 'Lignes du journal', en: 'Journal rows' }), value: format(t({ fr: '{counted} comptées, {excluded} exclues', en: '{counted} counted, {excluded} excluded' }), { counted: report.rows.counted, excluded }), line: 0, notes: [] }
                ],
                line: 0,
                notes: []
            },
            sections
        });
        return typesetModel(model, this.locale);
    }

    figure(svg: string, title: string, caption: string): Block {
        return { type: 'figure', title, svg, width: CHART_SIZE.width, height: CHART_SIZE.height, alt: caption, caption, line: 0, notes: [] };
    }
}

function format(template: string, args: Record<string, string | number>): string {
    return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}

/** The yearly report's document model (HTML, PDF, DOCX through the existing renderers). */
export function buildActivityReportModel(report: ActivityReport, locale: Locale = 'fr'): DocumentModel {
    return new ReportBuilder(report, locale).build();
}
