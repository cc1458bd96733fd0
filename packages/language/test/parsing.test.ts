import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import { isProtocole, type Acte, type Cadre, type Indicateur, type Objectifs, type Protocole, type Statut } from 'coop-language';
import { convertTextBlock } from '../src/parser/coop-value-converter.js';
import { clear, createTestServices, parser, protocol, type TestServices } from './helpers.js';

let services: TestServices;
let documents: LangiumDocument[] = [];
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await clear(services, documents); documents = []; });

async function parse(text: string) {
    const document = await parser(services)(text);
    documents.push(document);
    return document;
}

/** The parser alone, without the document factory's size limits. */
function parseOnly(text: string): Pick<LangiumDocument, 'parseResult'> {
    return { parseResult: services.Coop.parser.LangiumParser.parse(text) };
}

function elements<T>(document: Pick<LangiumDocument, 'parseResult'>, type: string): T[] {
    const root = document.parseResult.value;
    if (!isProtocole(root)) throw new Error('not a protocol');
    return (root as Protocole).elements.filter(element => element.$type === type) as T[];
}

describe('parsing', () => {
    it('parses a minimal protocol without error', async () => {
        const document = await parse(protocol());
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.parseResult.lexerErrors).toEqual([]);
    });

    it('accepts unaccented and capitalised keywords and normalises their values', async () => {
        const document = await parse(protocol('cadre Etablissement, MSP, centre-de-sante\nstatut autorise\n', {
            'délégant mg': 'DELEGANT mg', 'délégué ide': 'delegue ide', 'étape accueil': 'etape accueil', 'dérogatoire à': 'derogatoire a'
        }));
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(elements<Cadre>(document, 'Cadre').at(-1)!.valeurs).toEqual(['établissement', 'msp', 'centre-de-santé']);
        expect(elements<Statut>(document, 'Statut').at(-1)!.valeur).toBe('autorisé');
    });

    it('keeps free text exactly, removing only the common indentation of """ blocks', async () => {
        const document = await parse(protocol(`    objectifs """
        - Réduire le délai « de prise en charge ».
          * sous-point avec "guillemets"
        """`));
        expect(elements<Objectifs>(document, 'Objectifs').at(-1)!.valeur).toBe('- Réduire le délai « de prise en charge ».\n  * sous-point avec "guillemets"');
    });

    it('reads escapes in "…" strings and the French decimal comma', async () => {
        const document = await parse(protocol(`indicateur t "Taux \\"test\\"" { nature taux objectif < 2,5 % }`));
        const indicateur = elements<Indicateur>(document, 'Indicateur').at(-1)!;
        expect(indicateur.libelle).toBe('Taux "test"');
        expect(indicateur.objectif?.valeur).toBe(2.5);
        expect(indicateur.objectif?.pourcent).toBe(true);
    });

    it('lets common keywords serve as names', async () => {
        const document = await parse(protocol('acte reprise "Reprise" { non dérogatoire par ide }'));
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(elements<Acte>(document, 'Acte').map(acte => acte.name)).toContain('reprise');
    });

    it('reports syntax errors in French, naming what was expected', async () => {
        const document = await parse('protocole "T" {\n  type régional\n}');
        const messages = document.parseResult.parserErrors.map(error => error.message);
        expect(messages[0]).toBe('Dans « type », après « type » : écrivez l\'un de : « national », « local » (trouvé « régional »).');
    });

    it('reports an unknown character in French', async () => {
        const document = await parse('protocole "T" {\n  version "1" §\n}');
        expect(document.parseResult.lexerErrors[0]?.message).toMatch(/Caractère inattendu « § »/);
    });

    it('parses a library and the built-in catalogue syntax', async () => {
        const document = await parse('bibliothèque "Commun" { module m "Module" { théorie 2 h } référence r "Reco" auteur "HAS" année 2020 has }');
        expect(document.parseResult.parserErrors).toEqual([]);
    });

    it('lexes a string literal of several MB without overflowing the stack (issue 15)', async () => {
        // 6 MB: the former pattern /"(\\.|[^"\\])*"/ overflowed V8's stack from about 4.5 million characters.
        const long = 'ébcd\\"'.repeat(1_000_000);
        // Straight to the parser: the document factory refuses such a text before the lexer
        // (texte-trop-long, workspace/size-limit.ts); the lexer itself must still hold.
        const document = parseOnly(`protocole "T" {\n  objectifs "${long}"\n}`);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(elements<Objectifs>(document, 'Objectifs')[0].valeur).toBe('ébcd"'.repeat(1_000_000));
    }, 30_000);

    it('parses and converts a """ block of 130,000 lines (issue 15)', async () => {
        const lines = Array.from({ length: 130_000 }, (_, i) => `      ligne ${i}`);
        // Straight to the parser, as above (the factory refuses a block of more than 10,000 lines).
        const document = parseOnly(`protocole "T" {\n  objectifs """\n${lines.join('\n')}\n  """\n}`);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const valeur = elements<Objectifs>(document, 'Objectifs')[0].valeur;
        expect(valeur.split('\n')).toHaveLength(130_000);
        expect(valeur.startsWith('ligne 0\nligne 1\n')).toBe(true);
    }, 30_000);

    it('removes the common indentation of a long block with a loop, not a spread (issue 15)', () => {
        const block = `"""\n${Array.from({ length: 200_000 }, (_, i) => (i % 2 ? '    ' : '  ') + i).join('\n')}\n"""`;
        const converted = convertTextBlock(block).split('\n');
        expect(converted).toHaveLength(200_000);
        expect(converted.slice(0, 2)).toEqual(['0', '  1']);
        expect(convertTextBlock('"""\n\n   \n"""')).toBe('\n   ');
    });
});
