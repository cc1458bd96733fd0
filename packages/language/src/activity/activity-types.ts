import type { Localized } from '../i18n/locale.js';
import type { EventKind, SatisfactionAnswer } from './journal-format.js';

// The plain data the yearly report works on (issue 13): what it needs of the protocol and of the
// team file (read from their AST by protocol-info.ts), the period, and what it produces.

/** What an indicator's numerator or denominator counts over the journal. */
export type CountKind = 'inclusions' | 'actes' | 'reprises' | 'orientations' | 'evenements-indesirables' | 'retraits' | 'patients' | 'consultations' | 'reponses' | 'satisfaits';

export interface EventCount {
    kind: CountKind;
    /** Only the events of these acts (names in the protocol). */
    actes?: string[];
}

export interface Target {
    operator: '<' | '<=' | '>' | '>=' | '=';
    value: number;
    percent: boolean;
    /** The target as the author wrote it (« < 20 % »). */
    text: string;
}

export type LegalIndicator = 'patients' | 'reprise' | 'événements-indésirables' | 'satisfaction-professionnels';

export interface IndicatorSpec {
    name: string;
    label: string;
    exigence?: LegalIndicator;
    nature?: string;
    numerator?: EventCount;
    denominator?: EventCount;
    /** Numerator and denominator as the author described them in words. */
    numeratorText?: string;
    denominatorText?: string;
    objective?: Target;
    threshold?: Target;
}

export interface ForfaitSpec {
    amount: number;
    /** « par patient et par an » (else once per patient in the period). */
    perYear: boolean;
    /** The events that make a patient count (inclusions by default). */
    counts: CountKind[];
    /** Split between professions: `{ who: 'infirmier', amount: 310 }`. */
    split: Array<{ who: string; amount: number }>;
    /** Not combinable with an ordinary consultation of the same patient the same day (0) or up to the next day (1). */
    noCombineDays?: 0 | 1;
    text: string;
}

export interface PrimeSpec {
    /** Per délégué and per month. */
    amount: number;
    text: string;
}

export interface FinancingSpec {
    text?: string;
    forfaits: ForfaitSpec[];
    prime?: PrimeSpec;
}

export interface ActivityProtocol {
    code: string;
    title: string;
    actes: Array<{ name: string; label: string }>;
    indicators: IndicatorSpec[];
    financing?: FinancingSpec;
}

export interface ActivityMember {
    key: string;
    label: string;
    rpps?: string;
    nom: string;
    prenom: string;
    role: string;
    profession: string;
    /** ISO date of the accord d'engagement. */
    engagement?: string;
}

export interface Period {
    /** ISO dates, inclusive. */
    from: string;
    to: string;
    label: string;
}

export type IssueCode =
    | 'csv-mal-forme' | 'fichier-vide' | 'colonne-manquante' | 'colonne-identifiante' | 'valeur-identifiante' | 'colonne-ignoree'
    | 'cellules-en-trop' | 'date-illisible' | 'date-hors-periode' | 'patient-manquant' | 'evenement-inconnu'
    | 'acte-manquant' | 'acte-inconnu' | 'professionnel-inconnu' | 'reponse-inconnue' | 'cumul-interdit';

export interface JournalIssue {
    file: string;
    line: number;
    code: IssueCode;
    /** `refus`: the file is refused (privacy, unreadable); `exclu`: the row is not counted; `signal`: counted, flagged. */
    severity: 'refus' | 'exclu' | 'signal';
    message: Localized;
}

export interface JournalEvent {
    line: number;
    /** Day number (days since 1970-01-01, UTC). */
    day: number;
    /** ISO date. */
    date: string;
    patient: string;
    kind: EventKind;
    acte?: string;
    professional?: string;
    cible?: string;
    nature?: string;
    grave: boolean;
}

export type IndicatorStatus = 'alerte' | 'objectif-atteint' | 'objectif-non-atteint' | 'sans-cible' | 'non-calculable';

export interface IndicatorResult {
    name: string;
    label: string;
    legal?: LegalIndicator;
    kind: 'taux' | 'nombre';
    numerator: number;
    denominator?: number;
    /** A rate in % (rounded to 0.1), or the count. Undefined when the denominator is 0. */
    value?: number;
    objective?: Target & { met: boolean };
    threshold?: Target & { crossed: boolean };
    status: IndicatorStatus;
    numeratorText: Localized;
    denominatorText?: Localized;
    /** Monthly values (numerator per month, and the rate when there is a denominator). */
    monthly: Array<{ month: string; numerator: number; denominator?: number; value?: number }>;
}

export interface ProfessionalActivity {
    key: string;
    label: string;
    role?: string;
    inTeam: boolean;
    counts: Record<EventKind, number>;
}

export interface FinancingResult {
    text?: string;
    forfaits: Array<{ text: string; amount: number; patients: number; withheld: number; due: number; split: Array<{ who: string; amount: number }> }>;
    prime?: { text: string; amount: number; members: Array<{ label: string; months: number; due: number }>; due: number; needsTeam: boolean };
    total: number;
    flagged: number;
}

export interface ActivityReport {
    protocol: { code: string; title: string };
    period: Period;
    files: { journal: string; satisfaction?: string; team?: string };
    rows: { read: number; counted: number; excluded: number; flagged: number };
    satisfactionRows?: { read: number; counted: number; excluded: number };
    /** Excluded and flagged rows by kind. */
    issueCounts: Partial<Record<IssueCode, number>>;
    /** The issues, in file order (at most MAX_LISTED_ISSUES; `issueCounts` counts them all). */
    issues: JournalIssue[];
    indicators: IndicatorResult[];
    alerts: string[];
    months: string[];
    monthly: Array<{ month: string; inclusions: number; actes: number; reprises: number; evenements: number; patients: number }>;
    adverseEvents: Array<{ nature: string; count: number; graves: number }>;
    adverseEventList: Array<{ line: number; date: string; nature: string; grave: boolean; acte?: string }>;
    professionals: ProfessionalActivity[];
    satisfaction?: Record<SatisfactionAnswer, number>;
    financing?: FinancingResult;
}

export const MAX_LISTED_ISSUES = 500;
