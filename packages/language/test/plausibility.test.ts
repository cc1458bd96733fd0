import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { buildDocumentModel, createCoopServices, loadAndValidate, type Block } from 'coop-language';
import { codes, protocol, validateWorkspace } from './helpers.js';

async function codesOf(text: string): Promise<string[]> {
    const { 'p.coop': diagnostics } = await validateWorkspace({ 'p.coop': text });
    return codes(diagnostics);
}

const TRAINING = 'formation f-ide pour ide { théorie 6 h  pratique 5 cas  couvre bu, atb }';

describe('training as a total or split (issue 10 §6)', () => {
    it('accepts a total alone, a split alone, and both when they agree', async () => {
        for (const training of [
            'formation f-ide pour ide { durée 10 h  couvre bu, atb }',
            'formation f-ide pour ide { durée 2 jours  validation "QCM"  couvre bu, atb }',
            'formation f-ide pour ide { théorie 6 h  pratique 5 cas  couvre bu, atb }',
            'formation f-ide pour ide { durée 11 h  théorie 6 h  pratique 5 h  pratique 10 cas  couvre bu, atb }'
        ]) {
            const found = await codesOf(protocol('', { [TRAINING]: training }));
            expect(found.filter(code => /^formation-|theorie-en-cas/.test(code)), training).toEqual([]);
        }
    });

    it('flags a total in cases or shorter than its split', async () => {
        for (const training of [
            'formation f-ide pour ide { durée 10 cas  théorie 6 h  pratique 5 cas  couvre bu, atb }',
            'formation f-ide pour ide { durée 4 h  théorie 6 h  pratique 5 cas  couvre bu, atb }',
            'formation f-ide pour ide { théorie 3 h  pratique 3 h  durée 300 min  couvre bu, atb }'
        ]) {
            expect(await codesOf(protocol('', { [TRAINING]: training })), training).toContain('formation-duree-incoherente');
        }
    });

    it('shows the total in the dossier', async () => {
        const { shared, Coop } = createCoopServices(EmptyFileSystem);
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/p/p.coop'), text: protocol('', { [TRAINING]: 'formation f-ide pour ide { durée 10 h  couvre bu, atb }' }) }]);
        const fields: string[] = [];
        const visit = (block: Block) => {
            if (block.type === 'group') block.blocks.forEach(visit);
            if (block.type === 'fields') for (const field of block.fields) fields.push(`${field.label}: ${String(field.value)}`);
        };
        for (const section of buildDocumentModel(result.document, Coop).sections) section.blocks.forEach(visit);
        expect(fields.map(field => field.replace(/\u00a0|\u202f/g, ' '))).toContain('Durée totale de la formation: 10 h');
    });
});
