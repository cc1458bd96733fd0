import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestServices, noReview, languageOnly, protocol, validateWorkspace, validator, type TestServices } from './helpers.js';

let services: TestServices;
const disposables: Array<{ dispose(): Promise<void> }> = [];
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { for (const d of disposables.splice(0)) await d.dispose(); });

/** Validates one document and keeps only the language's own diagnostics. */
async function validate(text: string) {
    const result = await validator(services)(text);
    disposables.push(result);
    return { ...result, diagnostics: languageOnly(result.diagnostics) };
}

function onlyCode(code: string) {
    return (result: Awaited<ReturnType<typeof validate>>) => result.diagnostics.filter(d => d.code === code);
}

describe('nom-en-double', () => {
    it('fires when two acts share a name', async () => {
        const result = await validate(protocol('acte bu "Autre" { non dérogatoire par ide }'));
        expect(codes(result.diagnostics)).toEqual(['nom-en-double']);
        expect(result.diagnostics[0].message).toMatch(/^L'acte « bu » est déjà déclaré ligne 13\./);
    });

    it('fires for a délégant and a délégué with the same name', async () => {
        const result = await validate(protocol('délégant ide : pharmacien'));
        expect(codes(result.diagnostics)).toEqual(['nom-en-double']);
    });

    it('stays quiet for the same name in different namespaces', async () => {
        const result = await validate(protocol('indicateur bu "Nombre de bandelettes" { nature nombre }'));
        expect(result.diagnostics).toEqual([]);
    });

    it('fires when two libraries export the same name', async () => {
        const result = await validateWorkspace({
            'a.coop': 'bibliothèque "A" { module m "M" { théorie 1 h } }',
            'b.coop': 'bibliothèque "B" { module m "M" { théorie 2 h } }'
        });
        expect(codes(result['a.coop'])).toEqual(['nom-en-double']);
        expect(result['a.coop'][0].message).toMatch(/dans b\.coop/);
        expect(codes(result['b.coop'])).toEqual(['nom-en-double']);
    });

    it('stays quiet for the same act name in two protocols', async () => {
        const result = await validateWorkspace({ 'a.coop': protocol(), 'b.coop': protocol() });
        expect({ 'a.coop': noReview(result['a.coop']), 'b.coop': noReview(result['b.coop']) }).toEqual({ 'a.coop': [], 'b.coop': [] });
    });
});

describe('element-en-double', () => {
    it('fires when a single section is given twice', async () => {
        const result = await validate(protocol('type local'));
        expect(onlyCode('element-en-double')(result)).toHaveLength(1);
        expect(result.diagnostics[0].message).toMatch(/« Type de protocole » figure déjà plus haut \(ligne 3\)/);
    });

    it('stays quiet for repeatable elements', async () => {
        const result = await validate(protocol('lieu "Cabinet"\nlieu "Domicile"\nannexe "A"\nannexe "B"'));
        expect(result.diagnostics).toEqual([]);
    });
});

describe('attribut-en-double', () => {
    it('fires when a single-valued attribute is written twice, naming it', async () => {
        const result = await validate(protocol('indicateur r "Reprise" { nature taux seuil > 10 % seuil > 20 % }'));
        expect(codes(result.diagnostics)).toEqual(['attribut-en-double']);
        expect(result.diagnostics[0].message).toMatch(/^« seuil » est déjà renseigné/);
    });

    it('fires for a text or keyword value written twice (numérateur, nature)', async () => {
        const result = await validate(protocol('indicateur r "Reprise" { nature taux numérateur "a" numérateur "b" nature nombre }'));
        expect(codes(result.diagnostics)).toEqual(['attribut-en-double', 'attribut-en-double']);
        expect(result.diagnostics.map(d => /^« (\S+) » est déjà renseigné/.exec(String(d.message))![1]).sort()).toEqual(['nature', 'numérateur']);
    });

    it('stays quiet for list attributes', async () => {
        const result = await validate(protocol('délégué ide2 : aide-soignant { qualification "DEAS" qualification "AFGSU" }'));
        expect(result.diagnostics).toEqual([]);
    });
});

describe('catalogue-reserve', () => {
    it('fires when a user file declares a catalogue', async () => {
        const result = await validate('catalogue { article X1 "x" }');
        expect(codes(result.diagnostics)).toEqual(['catalogue-reserve']);
    });
});

describe('codes', () => {
    it('gives every diagnostic a registered code and a documentation link', async () => {
        const result = await validate('protocole "T" { délégant x : sorcier  type }');
        expect(result.diagnostics.length).toBeGreaterThan(0);
        for (const diagnostic of result.diagnostics) {
            expect(['syntaxe', 'reference-inconnue']).toContain(diagnostic.code);
            expect(diagnostic.codeDescription?.href).toMatch(new RegExp(`/docs/rules/${String(diagnostic.code)}\\.md$`));
            expect(diagnostic.source).toBe('coop');
        }
    });
});
