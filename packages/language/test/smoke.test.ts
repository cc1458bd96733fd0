import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createCoopServices, loadAndValidate } from 'coop-language';

describe('smoke', () => {
    it('parses the cystitis example', async () => {
        const { shared } = createCoopServices(EmptyFileSystem);
        const text = readFileSync('examples/cystite-femme.coop', 'utf8');
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ex/cystite.coop'), text }]);
        console.log(result.diagnostics.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`).join('\n'));
        expect(result.diagnostics).toEqual([]);
    });
});
