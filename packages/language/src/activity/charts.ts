import type { Locale } from '../i18n/locale.js';

// ---------------------------------------------------------------------------------------------
// The yearly report's charts (issue 13) as small, self-contained SVG documents: bars for the
// monthly activity, a line for a monthly rate with its objective and alert threshold. A few dozen
// rectangles, lines and labels each: a charting library would bring a DOM or a canvas for this
// (docs/design.md, « Graphiques du rapport annuel »). The same data gives the same bytes; every
// text is escaped; only presentation attributes (no CSS), so that pdfmake's SVG reader, resvg
// (the DOCX's PNG fallback) and a webview's content security policy all take it.
// ---------------------------------------------------------------------------------------------

const WIDTH = 640;
const HEIGHT = 250;
const PAD = { left: 46, right: 16, top: 14, bottom: 44 };
const FONT = 'Roboto, Helvetica, Arial, sans-serif';
const COLORS = { axis: '#5f6b7a', grid: '#dde3ea', text: '#1f2a37', bars: ['#1f5fa8', '#8fb4dc'], line: '#1f5fa8', objective: '#2e7d32', threshold: '#c62828' };

const MONTHS: Record<Locale, string[]> = {
    fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
};

export function escapeXml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A number with at most one decimal, French comma in French. */
export function formatNumber(value: number, locale: Locale): string {
    const text = String(Math.round(value * 10) / 10);
    return locale === 'fr' ? text.replace('.', ',') : text;
}

const n = (value: number) => String(Math.round(value * 100) / 100);

function monthLabel(month: string, locale: Locale, many: boolean): string {
    const [year, index] = month.split('-');
    const name = MONTHS[locale][Number(index) - 1] ?? month;
    return many && index === '01' ? `${name} ${year.slice(2)}` : name;
}

/** A tick step giving about 5 ticks up to `max`: 1, 2 or 5 × 10ⁿ. */
function niceStep(max: number): number {
    const raw = Math.max(max, 1) / 5;
    const power = 10 ** Math.floor(Math.log10(raw));
    const unit = raw / power;
    return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

class Svg {
    readonly parts: string[] = [];

    constructor(readonly title: string) {}

    text(x: number, y: number, text: string, options: { anchor?: 'start' | 'middle' | 'end'; size?: number; color?: string; weight?: string } = {}): void {
        this.parts.push(`<text x="${n(x)}" y="${n(y)}" font-family="${FONT}" font-size="${options.size ?? 10}" fill="${options.color ?? COLORS.text}"${options.anchor ? ` text-anchor="${options.anchor}"` : ''}${options.weight ? ` font-weight="${options.weight}"` : ''}>${escapeXml(text)}</text>`);
    }

    line(x1: number, y1: number, x2: number, y2: number, color: string, width = 1, dash?: string): void {
        this.parts.push(`<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${color}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    }

    rect(x: number, y: number, width: number, height: number, color: string): void {
        this.parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(width, 0))}" height="${n(Math.max(height, 0))}" fill="${color}"/>`);
    }

    polyline(points: Array<[number, number]>, color: string): void {
        if (points.length > 1) this.parts.push(`<polyline points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${color}" stroke-width="2"/>`);
        for (const [x, y] of points) this.parts.push(`<circle cx="${n(x)}" cy="${n(y)}" r="3" fill="${color}"/>`);
    }

    toString(): string {
        return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`
            + `<title>${escapeXml(this.title)}</title><rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>${this.parts.join('')}</svg>`;
    }
}

/** Axes, horizontal grid and month labels; returns the scales. */
function frame(svg: Svg, months: string[], max: number, locale: Locale, unit: string) {
    const plotWidth = WIDTH - PAD.left - PAD.right;
    const plotHeight = HEIGHT - PAD.top - PAD.bottom;
    const step = niceStep(max);
    const top = Math.max(step, Math.ceil(max / step) * step);
    const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;
    const slot = plotWidth / Math.max(months.length, 1);
    const x = (index: number) => PAD.left + slot * index + slot / 2;
    for (let value = 0; value <= top + step / 2; value += step) {
        svg.line(PAD.left, y(value), WIDTH - PAD.right, y(value), COLORS.grid);
        svg.text(PAD.left - 6, y(value) + 3.5, `${formatNumber(value, locale)}${unit}`, { anchor: 'end', size: 9, color: COLORS.axis });
    }
    svg.line(PAD.left, PAD.top + plotHeight, WIDTH - PAD.right, PAD.top + plotHeight, COLORS.axis);
    const many = months.length > 12;
    const every = Math.ceil(months.length / 12);
    months.forEach((month, index) => {
        if (index % every === 0) svg.text(x(index), HEIGHT - PAD.bottom + 14, monthLabel(month, locale, many), { anchor: 'middle', size: 9, color: COLORS.axis });
    });
    return { x, y, slot, plotHeight };
}

function legend(svg: Svg, entries: Array<{ label: string; color: string; dash?: boolean }>): void {
    let x = PAD.left;
    const y = HEIGHT - 12;
    for (const entry of entries) {
        if (entry.dash) svg.line(x, y - 4, x + 18, y - 4, entry.color, 2, '5 3');
        else svg.rect(x, y - 9, 12, 10, entry.color);
        svg.text(x + (entry.dash ? 22 : 16), y, entry.label, { size: 9 });
        x += (entry.dash ? 26 : 20) + entry.label.length * 5.2 + 14;
    }
}

export interface BarSeries {
    label: string;
    values: number[];
}

/** Grouped bars per month (the monthly activity). */
export function barChart(title: string, months: string[], series: BarSeries[], locale: Locale): string {
    const svg = new Svg(title);
    const max = Math.max(1, ...series.flatMap(item => item.values));
    const { x, y, slot, plotHeight } = frame(svg, months, max, locale, '');
    const barWidth = Math.min(16, (slot * 0.8) / Math.max(series.length, 1));
    months.forEach((_month, index) => {
        series.forEach((item, position) => {
            const value = item.values[index] ?? 0;
            const left = x(index) - (barWidth * series.length) / 2 + position * barWidth;
            svg.rect(left, y(value), barWidth - 1, PAD.top + plotHeight - y(value), COLORS.bars[position % COLORS.bars.length]);
        });
    });
    legend(svg, series.map((item, position) => ({ label: item.label, color: COLORS.bars[position % COLORS.bars.length] })));
    return svg.toString();
}

export interface RateLine {
    label: string;
    /** A rate in % per month; undefined when the month has no denominator. */
    values: Array<number | undefined>;
    objective?: { value: number; label: string };
    threshold?: { value: number; label: string };
}

/** A monthly rate (in %) with its objective and alert threshold as dashed lines. */
export function rateChart(title: string, months: string[], rate: RateLine, locale: Locale): string {
    const svg = new Svg(title);
    const known = rate.values.filter((value): value is number => value !== undefined);
    const max = Math.max(1, ...known, rate.objective?.value ?? 0, rate.threshold?.value ?? 0) * 1.1;
    const { x, y } = frame(svg, months, max, locale, ' %');
    const entries: Array<{ label: string; color: string; dash?: boolean }> = [{ label: rate.label, color: COLORS.line }];
    // The objective's value is written at the left end of its line, the threshold's at the right end: they never overlap.
    for (const [target, color, left] of [[rate.objective, COLORS.objective, true], [rate.threshold, COLORS.threshold, false]] as const) {
        if (!target) continue;
        svg.line(PAD.left, y(target.value), WIDTH - PAD.right, y(target.value), color, 1.5, '5 3');
        const text = `${target.label} ${formatNumber(target.value, locale)} %`;
        if (left) svg.text(PAD.left + 4, y(target.value) - 4, text, { anchor: 'start', size: 9, color });
        else svg.text(WIDTH - PAD.right - 2, y(target.value) - 4, text, { anchor: 'end', size: 9, color });
        entries.push({ label: target.label, color, dash: true });
    }
    // Consecutive months with a value are joined; a month without acts breaks the line.
    let run: Array<[number, number]> = [];
    rate.values.forEach((value, index) => {
        if (value === undefined) { svg.polyline(run, COLORS.line); run = []; return; }
        run.push([x(index), y(value)]);
    });
    svg.polyline(run, COLORS.line);
    legend(svg, entries);
    return svg.toString();
}

export const CHART_SIZE = { width: WIDTH, height: HEIGHT };
