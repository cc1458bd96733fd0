import type { NoteKind, TreeAction } from './model-types.js';
import type { RequirementStatus } from '../rules/conformity.js';

// The one look of the submission document, shared by the HTML preview and export, the PDF and the
// DOCX: colours (as `rrggbb`, the form Word wants; `css()` adds the `#`), type sizes, spacing and
// table lines. A change here changes the three formats together.

/** A colour as written in CSS and in pdfmake (`#rrggbb`). */
export const css = (color: string): string => `#${color}`;

/** Every colour of a palette in CSS form. */
export function cssPalette<T extends Record<string, string>>(palette: T): { [K in keyof T]: string } {
    return Object.fromEntries(Object.entries(palette).map(([name, color]) => [name, css(color)])) as { [K in keyof T]: string };
}

export const COLORS = {
    /** Body text. */
    ink: '1d2733',
    /** Secondary text: labels, line numbers, running header. */
    muted: '5b6675',
    /** Table and separator lines. */
    line: 'd5dbe3',
    /** Shaded label cells, code. */
    soft: 'f4f6f9',
    /** Every second row of a data table. */
    zebra: 'fafbfd',
    /** Titles, table headers. */
    brand: '1f3a5f',
    /** Links. */
    accent: '2d6cb5',
    white: 'ffffff',
    /** Background around the page on screen. */
    desk: 'eef1f5',
    ok: '1f7a3f', okBg: 'e6f4ea',
    ko: 'b3261e', koBg: 'fdecea',
    warn: '8a5a00', warnBg: 'fff4d6', warnBorder: 'd29a00',
    info: '2d5f9a', infoBg: 'e8f0fb',
    sup: '5e4b8b', supBg: 'f1edf9',
    // Decision trees.
    condition: 'fff8e1', conditionBorder: 'e2c36b',
    otherwise: 'f2f2f2', otherwiseBorder: 'c9c9c9',
    stepHead: 'eef3f9', stepBorder: 'b9c6d6',
    arrow: '7a8899',
    risk: 'fff7f6', riskInk: '8a2c24', riskBorder: 'd9a4a0'
} as const;

/** The box of each kind of action in a decision tree. */
export const ACTION_COLORS: Record<TreeAction['kind'], { fill: string; ink: string; border: string }> = {
    perform: { fill: 'e8f0fb', ink: '2d5f9a', border: '8fb0dc' },
    goto: { fill: 'f4f6f9', ink: COLORS.muted, border: 'b9c6d6' },
    refer: { fill: 'fff0e6', ink: 'a14a0b', border: 'e7a06b' },
    end: { fill: 'e6f4ea', ink: COLORS.ok, border: '86c29a' }
};

/** A diagnostic shown in place. */
export const NOTE_COLORS: Record<NoteKind, { fill: string; ink: string }> = {
    error: { fill: COLORS.koBg, ink: COLORS.ko },
    warning: { fill: COLORS.warnBg, ink: COLORS.warn },
    info: { fill: COLORS.infoBg, ink: COLORS.info },
    suppressed: { fill: COLORS.supBg, ink: COLORS.sup }
};

/** A row of the conformity matrix. */
export const STATUS_COLORS: Record<RequirementStatus, { fill: string; ink: string }> = {
    met: { fill: COLORS.okBg, ink: COLORS.ok },
    missing: { fill: COLORS.koBg, ink: COLORS.ko },
    suppressed: { fill: COLORS.supBg, ink: COLORS.sup },
    review: { fill: COLORS.warnBg, ink: COLORS.warn },
    'to-fix': { fill: COLORS.koBg, ink: COLORS.ko }
};

/** Fonts: the PDF embeds Roboto (pdfmake's own); Word uses Calibri; the screen its system font. */
export const FONTS = {
    pdf: 'Roboto',
    docx: 'Calibri',
    docxCode: 'Consolas',
    html: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
} as const;

/**
 * Type sizes of the DOCX, in points (Word counts in half-points: `halfPoints()`), and the body size
 * of the HTML, read on screen. The PDF has its own, smaller scale (`PDF_SIZES`): pdfmake's Roboto
 * sets wider than Calibri.
 */
export const SIZES = {
    title: 18,
    h1: 14,
    h2: 12,
    h3: 11,
    h4: 10,
    body: 10,
    /** Field values. */
    field: 9.5,
    /** Table cells, field labels. */
    table: 9,
    /** Notes, the conformity details. */
    note: 8.5,
    small: 8,
    /** Running header and footer, kicker, line numbers. */
    tiny: 7.5,
    micro: 7,
    html: 10.5
} as const;

/** Type sizes of the PDF, in points. */
export const PDF_SIZES = {
    title: 18, h2: 13, h3: 11, h4: 10, h5: 9.5, body: 9, note: 8.5, small: 8, tiny: 7.5, micro: 7, nano: 6.5
} as const;

/** Points to Word's half-points. */
export const halfPoints = (points: number): number => Math.round(points * 2);

/** Table lines: width in points, colour; and cell padding in points. */
export const TABLE = {
    line: COLORS.line,
    lineWidth: 0.5,
    padding: { x: 5, y: 3 }
} as const;
