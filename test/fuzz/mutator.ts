// Seeded mutator of the fuzz suite (npm run fuzz): inputs built from the examples and at random.
// Deterministic: the same seed gives the same inputs, input by input (see inputAt).

/** A small, fast, seeded generator (mulberry32). */
export class Random {
    private state: number;
    constructor(seed: number) { this.state = seed >>> 0; }
    next(): number {
        let t = (this.state = (this.state + 0x6D2B79F5) >>> 0);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    int(max: number): number { return Math.floor(this.next() * max); }
    pick<T>(items: readonly T[]): T { return items[this.int(items.length)]; }
    chance(p: number): boolean { return this.next() < p; }
}

const PUNCTUATION = ['{', '}', '"', '"""', ':', ',', '(', ')', '//', '/*', '*/', '-', '.', '%', '<', '>', '≥', '≤', '@', '=', '\\'];
const ODD = ['\u0000', '\uFEFF', '\r', '\r\n', '\n', '\t', '\u00A0', '\u202F', '\u2028', '\uFFFD', 'é', '😀', '\uD800', ' '];
const VALUES = ['0', '-1', '99999999999999999999', '1.5', '1,5', '2023-02-30', '1234-56-78', '0000-00-00', '9999-99-99', '""', '"x"', 'ans', 'mois', 'h', 'min', 'jours'];

/** Splits a text into word, string, number, punctuation and whitespace pieces (a rough lexer). */
export function pieces(text: string): string[] {
    return text.match(/"""[\s\S]*?"""|"(?:\\.|[^"\\])*"|[\p{L}\p{N}_-]+|\s+|./gsu) ?? [];
}

export type Mutator = (text: string, random: Random, keywords: readonly string[]) => string;

const at = (text: string, random: Random) => random.int(text.length + 1);
const insert = (text: string, position: number, part: string) => text.slice(0, position) + part + text.slice(position);
const tokenBoundary = (text: string, random: Random): number => {
    const parts = pieces(text);
    const index = random.int(parts.length + 1);
    return parts.slice(0, index).join('').length;
};

export const mutators: Record<string, Mutator> = {
    'byte-flip': (text, random) => {
        const position = random.int(Math.max(1, text.length));
        const replacement = random.chance(0.5) ? String.fromCharCode(random.int(128)) : random.pick(ODD);
        return text.slice(0, position) + replacement + text.slice(position + 1);
    },
    'token-delete': (text, random) => {
        const parts = pieces(text);
        const count = 1 + random.int(3);
        for (let i = 0; i < count && parts.length > 0; i++) parts.splice(random.int(parts.length), 1 + random.int(2));
        return parts.join('');
    },
    'token-swap': (text, random) => {
        const parts = pieces(text);
        if (parts.length < 2) return text;
        const a = random.int(parts.length);
        const b = random.int(parts.length);
        [parts[a], parts[b]] = [parts[b], parts[a]];
        return parts.join('');
    },
    'token-duplicate': (text, random) => {
        const parts = pieces(text);
        if (parts.length === 0) return text;
        const index = random.int(parts.length);
        parts.splice(index, 0, ...parts.slice(index, index + 1 + random.int(8)));
        return parts.join('');
    },
    truncate: (text, random) => random.chance(0.7) ? text.slice(0, at(text, random)) : text.slice(at(text, random)),
    'line-delete': (text, random) => {
        const lines = text.split('\n');
        lines.splice(random.int(lines.length), 1 + random.int(5));
        return lines.join('\n');
    },
    'insert-keyword': (text, random, keywords) => insert(text, tokenBoundary(text, random), ` ${random.pick(keywords)} `),
    'insert-punctuation': (text, random) => insert(text, tokenBoundary(text, random), random.pick(PUNCTUATION)),
    'insert-value': (text, random) => insert(text, tokenBoundary(text, random), ` ${random.pick(VALUES)} `),
    'insert-odd': (text, random) => insert(text, at(text, random), random.pick(ODD)),
    'line-endings': (text, random) => {
        const eol = random.pick(['\r\n', '\r', '\n']);
        if (random.chance(0.5)) return text.replace(/\r\n|\r|\n/g, eol);
        return text.replace(/\r\n|\r|\n/g, match => random.chance(0.2) ? random.pick(['\r\n', '\r', '\n']) : match);
    },
    bom: (text, random) => random.chance(0.7) ? '\uFEFF' + text : insert(text, at(text, random), '\uFEFF'),
    // Rare and large: long strings, long text blocks, many repeated elements, deep nesting.
    huge: (text, random) => {
        const size = random.pick([10_000, 100_000, 1_000_000]);
        const kind = random.int(4);
        const part = kind === 0 ? `"${'a'.repeat(size)}"`
            : kind === 1 ? `"""\n${'ligne\n'.repeat(size / 10)}"""`
                : kind === 2 ? Array.from({ length: size / 1000 }, (_, i) => `acte a "Acte ${i}" { non dérogatoire par d }\n`).join('')
                    : '{'.repeat(size / 100);
        return insert(text, tokenBoundary(text, random), part);
    }
};

const ORDINARY = Object.keys(mutators).filter(name => name !== 'huge');

/** Random input: keywords, names, values and punctuation, or random characters. */
export function randomInput(random: Random, keywords: readonly string[]): string {
    const length = 1 + random.int(60);
    if (random.chance(0.2)) return Array.from({ length: length * 3 }, () => random.chance(0.9) ? String.fromCharCode(random.int(0x300)) : random.pick(ODD)).join('');
    const parts: string[] = random.chance(0.7) ? ['protocole', '"P"', '{'] : [];
    for (let i = 0; i < length; i++) {
        const roll = random.next();
        parts.push(roll < 0.45 ? random.pick(keywords) : roll < 0.6 ? random.pick(['a', 'mg', 'ide', 'x-1', 'étape', 'Décision']) : roll < 0.75 ? random.pick(VALUES) : roll < 0.9 ? random.pick(PUNCTUATION) : random.pick(['\n', '\n    ', '\r\n', ' ']));
    }
    return parts.join(random.chance(0.5) ? ' ' : '');
}

/** The input number `index` of a run with `seed`: reproducible alone. */
export function inputAt(seed: number, index: number, examples: readonly string[], keywords: readonly string[]): { text: string; recipe: string } {
    const random = new Random((seed * 0x9E3779B1 + index * 0x85EBCA6B) >>> 0);
    if (random.chance(0.08)) return { text: randomInput(random, keywords), recipe: 'aléatoire' };
    let text = random.pick(examples);
    const steps: string[] = [];
    if (random.chance(0.05)) {
        // Splice two examples together.
        const other = random.pick(examples);
        text = text.slice(0, random.int(text.length)) + other.slice(random.int(other.length));
        steps.push('collage');
    }
    const count = 1 + random.int(4);
    for (let i = 0; i < count; i++) {
        const name = random.chance(0.003) ? 'huge' : random.pick(ORDINARY);
        text = mutators[name](text, random, keywords);
        steps.push(name);
    }
    return { text, recipe: steps.join(' + ') };
}
