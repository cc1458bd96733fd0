import type { Attestations, DebutEquipe, DateProtocole, ElementEquipe, Equipe, MembreEquipe, Referent, Representant, StructureEquipe } from '../generated/ast.js';

type ElementOfType<T extends ElementEquipe['$type']> = Extract<ElementEquipe, { $type: T }>;

/** The elements of a team file by kind (a half-typed file may lack any of them). */
export class TeamModel {
    private readonly byType = new Map<string, ElementEquipe[]>();

    constructor(readonly equipe: Equipe) {
        for (const element of equipe.elements) {
            const list = this.byType.get(element.$type) ?? [];
            list.push(element);
            this.byType.set(element.$type, list);
        }
    }

    all<T extends ElementEquipe['$type']>(type: T): Array<ElementOfType<T>> {
        return (this.byType.get(type) ?? []) as Array<ElementOfType<T>>;
    }

    first<T extends ElementEquipe['$type']>(type: T): ElementOfType<T> | undefined {
        return this.all(type)[0];
    }

    get structure(): StructureEquipe | undefined { return this.first('StructureEquipe'); }
    get referent(): Referent | undefined { return this.first('Referent'); }
    get representant(): Representant | undefined { return this.first('Representant'); }
    get members(): MembreEquipe[] { return this.all('MembreEquipe'); }
    get attestations(): Attestations[] { return this.all('Attestations'); }
    get start(): DebutEquipe | undefined { return this.first('DebutEquipe'); }
    get date(): DateProtocole | undefined { return this.first('DateProtocole'); }

    /** The date the file speaks at: its `date`, else its start date. */
    get referenceDate(): string | undefined { return this.date?.valeur ?? this.start?.valeur; }
}

const cache = new WeakMap<Equipe, TeamModel>();

/** The model of a team file, computed once per parse. */
export function teamModel(equipe: Equipe): TeamModel {
    let model = cache.get(equipe);
    if (!model) {
        model = new TeamModel(equipe);
        cache.set(equipe, model);
    }
    return model;
}

/** `date` + `months` (calendar months, fractional months as days), as YYYY-MM-DD. */
export function addMonths(date: string, months: number): string {
    const [year, month, day] = date.split('-').map(Number);
    const whole = Math.floor(months);
    const result = new Date(Date.UTC(2000, 0, 1));
    result.setUTCFullYear(year, month - 1 + whole, day);
    result.setUTCDate(result.getUTCDate() + Math.round((months - whole) * 30.44));
    return result.toISOString().slice(0, 10);
}

/** 2024-06-17 → « 17/06/2024 » (fr) or « 2024-06-17 » (en). */
export function displayDate(date: string, locale: 'fr' | 'en'): string {
    if (locale !== 'fr') return date;
    const [year, month, day] = date.split('-');
    return `${day}/${month}/${year}`;
}

/** The full name of a member as people write it: « Claire Martin ». */
export function memberName(membre: MembreEquipe): string {
    return [membre.prenom, membre.nom].filter(Boolean).join(' ');
}

/** RPPS: 11 digits (format only: the check-key algorithm was not confirmed from a public source). */
export function rppsFormatOk(rpps: string): boolean {
    return /^\d{11}$/.test(rpps.replace(/\s+/g, ''));
}

/**
 * FINESS: 9 characters — 2 for the département (digits, or 2A / 2B for Corsica), then 7 digits
 * (format only: the key algorithm of the last character was not confirmed from a public source).
 */
export function finessFormatOk(finess: string): boolean {
    return /^(\d{2}|2[AB])\d{7}$/i.test(finess.replace(/\s+/g, ''));
}
