import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createCoopServices, loadAndValidate } from 'coop-language';

/**
 * Issue 10: no check may throw on any input. Every example is mutated the way editing does it —
 * cut at many places, one line dropped, a keyword swapped — and validated with every rule; a throw
 * would show as `erreur-interne`.
 */
const folder = fileURLToPath(new URL('../../../examples/', import.meta.url));
const examples = readdirSync(folder).filter(name => name.endsWith('.coop')).map(name => [name, readFileSync(folder + name, 'utf8')] as const);
const { shared } = createCoopServices(EmptyFileSystem);
let counter = 0;

async function internalErrors(text: string): Promise<string[]> {
    const uri = URI.file(`/mutations/m${counter++}.coop`);
    const [result] = await loadAndValidate(shared, [{ uri, text }]);
    shared.workspace.LangiumDocuments.deleteDocument(uri);
    return result.diagnostics.filter(d => d.code === 'erreur-interne').map(d => String(d.message));
}

function* mutations(text: string): Generator<string> {
    const lines = text.split('\n');
    for (let i = 1; i <= 12; i++) yield text.slice(0, Math.floor(text.length * i / 13));
    for (let i = 1; i <= 8; i++) {
        const drop = Math.floor(lines.length * i / 9);
        yield [...lines.slice(0, drop), ...lines.slice(drop + 1)].join('\n');
    }
    yield text.replace(/favorable/g, 'défavorable').replace(/dérogatoire à L4161-1/g, 'dérogatoire à L4311-1');
    yield text.replace(/ du \d{4}-\d{2}-\d{2}/g, '').replace(/vers mg/g, 'vers "cardiologue"');
    yield text.replace(/"[^"\n]*"/g, '""');
    yield text.replace(/"[^"\n]*"/g, '"À compléter"');
}

describe('no rule throws on mutated examples', { timeout: 240_000 }, () => {
    for (const [name, text] of examples) {
        it(name, async () => {
            const found: string[] = [];
            for (const mutated of mutations(text)) found.push(...await internalErrors(mutated));
            expect(found).toEqual([]);
        });
    }
});
