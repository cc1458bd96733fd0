import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TolerantMessageReader } from '../packages/server/src/tolerant-reader.js';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

function reader() {
    const messages: unknown[] = [];
    const logs: string[] = [];
    const input = new PassThrough();
    const instance = new TolerantMessageReader(input, text => logs.push(text));
    instance.listen(message => messages.push(message));
    return { instance, messages, logs, feed: (text: string) => instance.onData(Buffer.from(text, 'utf8')) };
}

describe('stdio reader that survives framing errors', () => {
    it('reads messages split anywhere, and several in one chunk', () => {
        const { messages, feed } = reader();
        const text = frame('{"jsonrpc":"2.0","method":"a","params":{"t":"é"}}') + frame('{"jsonrpc":"2.0","id":1,"method":"b"}');
        for (let i = 0; i < text.length; i += 7) feed(text.slice(i, i + 7));
        expect(messages).toEqual([{ jsonrpc: '2.0', method: 'a', params: { t: 'é' } }, { jsonrpc: '2.0', id: 1, method: 'b' }]);
    });

    it('drops what it cannot read and reads the next message', () => {
        const { messages, logs, feed } = reader();
        feed('Content-Length: abc\r\n\r\n{}');
        feed('Garbage header\r\n\r\n');
        feed(frame('{ not json'));
        feed(frame('null'));
        feed(frame('[1,2]'));
        feed(frame('{"jsonrpc":"2.0","id":2,"method":"ok"}'));
        expect(messages).toEqual([{ jsonrpc: '2.0', id: 2, method: 'ok' }]);
        expect(logs.length).toBeGreaterThanOrEqual(4);
        expect(logs.every(line => /^(Message|Octets) ignorés?/.test(line))).toBe(true);
    });

    it('a long body in many chunks is read once complete', () => {
        const { messages, feed } = reader();
        const body = JSON.stringify({ jsonrpc: '2.0', method: 'big', params: { text: 'x'.repeat(3_000_000) } });
        const text = frame(body);
        for (let i = 0; i < text.length; i += 65_536) feed(text.slice(i, i + 65_536));
        expect(messages).toHaveLength(1);
        expect((messages[0] as { params: { text: string } }).params.text.length).toBe(3_000_000);
    });
});
