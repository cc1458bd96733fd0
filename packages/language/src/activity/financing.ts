import type { Localized } from '../i18n/locale.js';
import type { ActivityMember, CountKind, FinancingResult, FinancingSpec, JournalEvent, Period } from './activity-types.js';

// ---------------------------------------------------------------------------------------------
// Financing (issue 13 §4; lifecycle.md §3): the amounts due for the period from the protocol's
// `modèle économique` and the journal, and the rows that break a financing rule. Facts: the
// forfait per patient who enters the protocol (25 € for cystite/angine, arrêté of Aug 2023 [S]),
// not combinable with an ordinary fee billed the same or next day for that patient [S]; a yearly
// amount per patient split between professions (370 € = 310 € nurse + 60 € doctor [S]); the prime
// de coopération, 100 € gross a month for délégués in public establishments [S] (pro-rata rules not
// found: whole months from the accord d'engagement are counted [I]).
// ---------------------------------------------------------------------------------------------

const EVENT_OF: Partial<Record<CountKind, JournalEvent['kind']>> = {
    inclusions: 'inclusion', actes: 'acte', reprises: 'reprise', orientations: 'orientation', retraits: 'retrait', 'evenements-indesirables': 'evenement-indesirable'
};

/** Per patient: the days of care under the protocol (few: a small array), and the consultations, if any. */
interface PatientDays {
    care: number[];
    consultations?: Array<{ day: number; line: number }>;
}

/** Follows what the financing needs, row by row: patients counted per forfait, care and consultation days. */
export class FinancingTracker {
    readonly counted: Array<Set<string>>;
    private readonly days = new Map<string, PatientDays>();
    private readonly window: number | undefined;

    constructor(readonly spec: FinancingSpec) {
        this.counted = spec.forfaits.map(() => new Set<string>());
        const windows = spec.forfaits.map(forfait => forfait.noCombineDays).filter((value): value is 0 | 1 => value !== undefined);
        this.window = windows.length > 0 ? Math.max(...windows) : undefined;
    }

    add(event: JournalEvent): void {
        this.spec.forfaits.forEach((forfait, index) => {
            const kinds = forfait.counts.length > 0 ? forfait.counts : ['inclusions' as CountKind];
            if (kinds.some(kind => EVENT_OF[kind] === event.kind)) {
                this.counted[index].add(forfait.perYear ? `${event.patient}\u0000${event.date.slice(0, 4)}` : event.patient);
            }
        });
        if (this.window === undefined) return;
        if (event.kind !== 'consultation' && event.kind !== 'inclusion' && event.kind !== 'acte' && event.kind !== 'reprise') return;
        let entry = this.days.get(event.patient);
        if (!entry) this.days.set(event.patient, entry = { care: [] });
        if (event.kind === 'consultation') (entry.consultations ??= []).push({ day: event.day, line: event.line });
        else if (!entry.care.includes(event.day)) entry.care.push(event.day);
    }

    /** Consultations billed the same day as (or the day after) a care under the protocol, when combining is forbidden. */
    flags(): Array<{ line: number; patient: string; message: Localized }> {
        if (this.window === undefined) return [];
        const result: Array<{ line: number; patient: string; message: Localized }> = [];
        for (const [patient, entry] of this.days) {
            for (const consultation of entry.consultations ?? []) {
                const same = entry.care.includes(consultation.day);
                const next = this.window >= 1 && entry.care.includes(consultation.day - 1);
                if (!same && !next) continue;
                const when: Localized = same ? { fr: 'le même jour qu\'une', en: 'the same day as a' } : { fr: 'le lendemain d\'une', en: 'the day after a' };
                result.push({
                    line: consultation.line, patient,
                    message: {
                        fr: `Consultation ordinaire ${when.fr} prise en charge au titre du protocole pour le patient « ${patient} » : non cumulable avec le forfait ; le forfait de ce patient est retenu`,
                        en: `Ordinary consultation ${when.en} care under the protocol for patient « ${patient} »: not combinable with the forfait; this patient's forfait is withheld`
                    }
                });
            }
        }
        return result.sort((a, b) => a.line - b.line);
    }
}

const cents = (value: number) => Math.round(value * 100) / 100;

function monthsFrom(period: Period, engagement: string | undefined): number {
    const start = engagement && engagement > period.from ? engagement : period.from;
    if (start > period.to) return 0;
    const [y1, m1] = start.slice(0, 7).split('-').map(Number);
    const [y2, m2] = period.to.slice(0, 7).split('-').map(Number);
    return (y2 - y1) * 12 + (m2 - m1) + 1;
}

export function computeFinancing(spec: FinancingSpec, tracker: FinancingTracker, period: Period, members: ActivityMember[] | undefined): FinancingResult {
    const withheldPatients = new Set(tracker.flags().map(flag => flag.patient));
    const forfaits = spec.forfaits.map((forfait, index) => {
        const keys = [...tracker.counted[index]];
        const withheld = forfait.noCombineDays === undefined ? 0 : keys.filter(key => withheldPatients.has(key.split('\u0000')[0])).length;
        const patients = keys.length;
        const paid = patients - withheld;
        return {
            text: forfait.text, amount: forfait.amount, patients, withheld, due: cents(paid * forfait.amount),
            split: forfait.split.map(part => ({ who: part.who, amount: cents(paid * part.amount) }))
        };
    });
    let prime: FinancingResult['prime'];
    if (spec.prime) {
        const delegues = (members ?? []).filter(member => member.role === 'délégué');
        const list = delegues.map(member => {
            const months = monthsFrom(period, member.engagement);
            return { label: member.label, months, due: cents(months * spec.prime!.amount) };
        });
        prime = { text: spec.prime.text, amount: spec.prime.amount, members: list, due: cents(list.reduce((sum, item) => sum + item.due, 0)), needsTeam: members === undefined };
    }
    const total = cents(forfaits.reduce((sum, item) => sum + item.due, 0) + (prime?.due ?? 0));
    return { ...(spec.text ? { text: spec.text } : {}), forfaits, ...(prime ? { prime } : {}), total, flagged: tracker.flags().length };
}
