// A reader of LSP messages (`Content-Length: N\r\n\r\n{json}`) that survives what the standard
// one does not: vscode-jsonrpc's reader stops for good on a header it cannot read (the bytes stay in
// its buffer, every later message is lost: the server is alive but deaf). This one drops what it
// cannot read, logs one line, and resynchronises on the next `Content-Length:` header.
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/**
 * The start of a header: raw CR LF never occurs inside a JSON body (JSON escapes them), so this
 * cannot be mistaken for text inside a message.
 */
const CONTENT_LENGTH = /content-length:[ \t]*\d+\r\n/i;
/** A header block longer than this is garbage: no client sends one. */
const MAX_HEADER_BYTES = 8 * 1024;
/** A message not complete after this long with another header inside is given up. */
const PARTIAL_TIMEOUT_MS = 2_000;

export class TolerantMessageReader extends AbstractMessageReader {
    private buffer: Buffer = Buffer.alloc(0);
    /** Chunks received while a long body is incomplete (joined once it is: no quadratic copying). */
    private pending: Buffer[] = [];
    private pendingLength = 0;
    private expected = -1;
    private callback: DataCallback | undefined;
    private partialTimer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly input: NodeJS.ReadableStream, private readonly log: (text: string) => void) {
        super();
    }

    listen(callback: DataCallback): Disposable {
        this.callback = callback;
        const onData = (data: Buffer | string) => this.onData(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
        const onError = (error: Error) => this.fireError(error);
        const onClose = () => this.fireClose();
        this.input.on('data', onData);
        this.input.on('error', onError);
        this.input.on('close', onClose);
        return {
            dispose: () => {
                this.input.off('data', onData);
                this.input.off('error', onError);
                this.input.off('close', onClose);
            }
        };
    }

    /** Bytes received: every complete message in the buffer is delivered (tested directly). */
    onData(data: Buffer): void {
        if (this.expected >= 0 && this.buffer.length + this.pendingLength + data.length < this.expected) {
            this.pending.push(data);
            this.pendingLength += data.length;
            return;
        }
        this.buffer = Buffer.concat([this.buffer, ...this.pending, data]);
        this.pending = [];
        this.pendingLength = 0;
        this.clearPartialTimer();
        while (this.buffer.length > 0) {
            if (this.expected < 0 && !this.readHeader()) break;
            if (this.expected < 0) continue;
            if (this.buffer.length < this.expected) {
                this.partialTimer = setTimeout(() => this.giveUpPartial(), PARTIAL_TIMEOUT_MS);
                break;
            }
            const body = this.buffer.subarray(0, this.expected);
            this.buffer = this.buffer.subarray(this.expected);
            this.expected = -1;
            this.deliver(body);
        }
    }

    /** Reads one header block; false when more bytes are needed. Garbage is dropped. */
    private readHeader(): boolean {
        const end = this.buffer.indexOf(HEADER_END);
        if (end < 0) {
            if (this.buffer.length > MAX_HEADER_BYTES) this.resync('en-tête trop long');
            return false;
        }
        const header = this.buffer.subarray(0, end).toString('ascii');
        let length: number | undefined;
        for (const line of header.split('\r\n')) {
            const colon = line.indexOf(':');
            if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === 'content-length') {
                const value = line.slice(colon + 1).trim();
                if (/^\d+$/.test(value)) length = Number(value);
            }
        }
        if (length === undefined) {
            this.buffer = this.buffer.subarray(end + HEADER_END.length);
            this.log(`Message ignoré : en-tête sans Content-Length valide (${JSON.stringify(header.slice(0, 80))}).`);
            this.skipToNextHeader();
            return true;
        }
        this.buffer = this.buffer.subarray(end + HEADER_END.length);
        this.expected = length;
        return true;
    }

    private deliver(body: Buffer): void {
        let message: unknown;
        try {
            message = JSON.parse(body.toString('utf8'));
        } catch (error) {
            this.log(`Message ignoré : JSON illisible (${error instanceof Error ? error.message : String(error)}).`);
            return;
        }
        if (typeof message !== 'object' || message === null || Array.isArray(message)) {
            this.log(`Message ignoré : un objet JSON-RPC est attendu, reçu ${JSON.stringify(message).slice(0, 80)}.`);
            return;
        }
        try {
            this.callback?.(message as Message);
        } catch (error) {
            this.log(`Message ignoré : ${error instanceof Error ? error.message : String(error)}.`);
        }
    }

    /** Drops bytes up to the next `Content-Length` header (or all of them). */
    private skipToNextHeader(): void {
        const text = this.buffer.toString('latin1');
        const next = text.search(CONTENT_LENGTH);
        this.buffer = next < 0 ? Buffer.alloc(0) : this.buffer.subarray(next);
    }

    private resync(reason: string): void {
        this.log(`Octets ignorés : ${reason}.`);
        const text = this.buffer.toString('latin1');
        const next = text.slice(1).search(CONTENT_LENGTH);
        this.buffer = next < 0 ? Buffer.alloc(0) : this.buffer.subarray(next + 1);
    }

    /** A message announced longer than what came, while another header came after it: given up. */
    private giveUpPartial(): void {
        this.partialTimer = undefined;
        this.buffer = Buffer.concat([this.buffer, ...this.pending]);
        this.pending = [];
        this.pendingLength = 0;
        if (this.expected < 0 || this.buffer.toString('latin1').search(CONTENT_LENGTH) < 0) return;
        this.log(`Message incomplet ignoré (${this.buffer.length} octets reçus sur ${this.expected} annoncés).`);
        this.expected = -1;
        this.skipToNextHeader();
        this.onData(Buffer.alloc(0));
    }

    private clearPartialTimer(): void {
        if (this.partialTimer) clearTimeout(this.partialTimer);
        this.partialTimer = undefined;
    }

    override dispose(): void {
        this.clearPartialTimer();
        super.dispose();
    }
}
