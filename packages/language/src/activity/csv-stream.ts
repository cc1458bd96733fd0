import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';

// ---------------------------------------------------------------------------------------------
// Streaming CSV reading for the activity journal (issue 13), on csv-parse (the parser of the
// csv-stringify family the CLI already uses). The source is any iterable of chunks (a file stream
// in the CLI, the editor's text in the extension): no file system here. The separator (« ; » or
// « , », also tab) is read from the header line; a UTF-8 BOM is skipped; quoted fields may hold
// separators and line breaks. Memory does not grow with the number of rows.
// ---------------------------------------------------------------------------------------------

export type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

export interface CsvRecord {
    /** 1-based line where the record starts in the file. */
    line: number;
    cells: string[];
}

/** The CSV is not well formed (an unclosed quote, a character after a closing quote…). */
export class CsvSyntaxError extends Error {
    constructor(readonly line: number, readonly reason: string) {
        super(reason);
    }
}

/** The separator of a header line: the most frequent of « ; », « , » and tab outside quotes (« ; » on a tie). */
export function sniffDelimiter(headerLine: string): string {
    const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
    let quoted = false;
    for (const char of headerLine) {
        if (char === '"') quoted = !quoted;
        else if (!quoted && char in counts) counts[char]++;
    }
    const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
    return best[1] === 0 || counts[';'] === best[1] ? ';' : best[0];
}

const HEADER_PROBE = 64 * 1024;

/** Re-yields the chunks as Buffers, after reading enough of the start to see the whole header line. */
async function* asBuffers(source: Chunks, head: Buffer[]): AsyncGenerator<Buffer> {
    yield* head;
    for await (const chunk of source as AsyncIterable<string | Uint8Array>) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
}

/** The first line of the text that starts with `head` (without its BOM), and whether it is complete. */
function firstLine(head: Buffer): { line: string; complete: boolean } {
    const text = head.toString('utf8').replace(/^\ufeff/, '');
    const end = text.search(/\r?\n/);
    return end < 0 ? { line: text, complete: false } : { line: text.slice(0, end), complete: true };
}

/**
 * The records of a CSV, the header first, each with the line it starts on. Empty lines are
 * skipped; rows may have more or fewer cells than the header (the caller reports them). Throws
 * CsvSyntaxError on malformed CSV.
 */
export async function* csvRecords(source: Chunks): AsyncGenerator<CsvRecord> {
    const iterator = (Symbol.asyncIterator in source ? (source as AsyncIterable<string | Uint8Array>)[Symbol.asyncIterator]() : (source as Iterable<string | Uint8Array>)[Symbol.iterator]()) as AsyncIterator<string | Uint8Array> | Iterator<string | Uint8Array>;
    const head: Buffer[] = [];
    let size = 0;
    let done = false;
    while (size < HEADER_PROBE) {
        const next = await iterator.next();
        if (next.done) { done = true; break; }
        const buffer = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : Buffer.from(next.value);
        head.push(buffer);
        size += buffer.length;
        if (firstLine(Buffer.concat(head)).complete) break;
    }
    const delimiter = sniffDelimiter(firstLine(Buffer.concat(head)).line);
    const rest: Chunks = done ? [] : { [Symbol.asyncIterator]: () => ({ next: async () => iterator.next() }) } as AsyncIterable<string | Uint8Array>;
    const parser = parse({ delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true });
    const input = Readable.from(asBuffers(rest, head));
    input.on('error', error => parser.destroy(error));
    input.pipe(parser);
    try {
        for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
            let breaks = 0;
            for (const cell of record) if (cell.includes('\n')) breaks += cell.split('\n').length - 1;
            yield { line: info.lines - breaks, cells: record };
        }
    } catch (error) {
        if (error instanceof CsvError) {
            const line = (error as CsvError & { lines?: number }).lines ?? 0;
            throw new CsvSyntaxError(line, error.code);
        }
        throw error;
    } finally {
        input.destroy();
    }
}
