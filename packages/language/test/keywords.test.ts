// Keywords at the token level (parser/coop-token-builder.ts): one spelling per keyword in the grammar,
// matched with or without accents and in any case; word keywords are also names, except the
// structural ones.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GrammarAST, AstUtils, type LangiumDocument } from 'langium';
import { isProtocole, type Acte, type Orienter, type Protocole, type Realiser } from 'coop-language';
import { STRUCTURAL_KEYWORDS, keywordPattern } from '../src/parser/coop-token-builder.js';
import { fold } from '../src/model/text.js';
import { clear, createTestServices, parser, type TestServices } from './helpers.js';

let services: TestServices;
let documents: LangiumDocument[] = [];
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await clear(services, documents); documents = []; });

async function parse(text: string) {
    const document = await parser(services)(text);
    documents.push(document);
    return document;
}

function grammarKeywords(): string[] {
    const values = new Set<string>();
    for (const rule of services.Coop.Grammar.rules) {
        if (!GrammarAST.isParserRule(rule)) continue;
        for (const node of AstUtils.streamAllContents(rule)) {
            if (GrammarAST.isKeyword(node)) values.add(node.value);
        }
    }
    return [...values].sort();
}

const ID_PATTERN = /^[_a-zA-Z\u00C0-\u024F][\w\u00C0-\u024F]*(-[\w\u00C0-\u024F]+)*$/;
const wordKeywords = () => grammarKeywords().filter(keyword => ID_PATTERN.test(keyword));
const nameKeywords = () => wordKeywords().filter(keyword => !STRUCTURAL_KEYWORDS.includes(keyword));

function tokens(text: string): Array<{ image: string; type: string }> {
    const result = services.Coop.parser.Lexer.tokenize(text);
    expect(result.errors).toEqual([]);
    return result.tokens.map(token => ({ image: token.image, type: token.tokenType.name }));
}

describe('keywords in the grammar', () => {
    it('writes each keyword once: no two keywords differ only by accents or case', () => {
        const byFold = new Map<string, string[]>();
        for (const keyword of grammarKeywords()) byFold.set(fold(keyword), [...byFold.get(fold(keyword)) ?? [], keyword]);
        expect([...byFold.values()].filter(spellings => spellings.length > 1)).toEqual([]);
        expect(grammarKeywords()).not.toContain('delegant');
        expect(grammarKeywords()).toContain('délégant');
    });

    it('has no Nom rule: names are identifiers', () => {
        expect(services.Coop.Grammar.rules.map(rule => rule.name)).not.toContain('Nom');
    });

    it('pins the structural keywords: the only word keywords that are not names', () => {
        // Orienter / SituationReorientation: `vers` takes a délégant (a name) or `urgences` / `samu`.
        expect([...STRUCTURAL_KEYWORDS].sort()).toEqual(['samu', 'urgences']);
        const vocabulary = services.Coop.parser.Lexer.definition;
        const types = Array.isArray(vocabulary) ? vocabulary : Object.values(vocabulary);
        const notNames = wordKeywords().filter(keyword => {
            const type = types.find(token => token.name === keyword);
            return !type?.CATEGORIES?.some((category: { name: string }) => category.name === 'ID');
        });
        expect(notNames).toEqual(['samu', 'urgences']);
    });
});

describe('keywords at the lexer', () => {
    it('matches every keyword with and without its accents, in any case', () => {
        for (const keyword of wordKeywords()) {
            const variants = [keyword, fold(keyword), keyword.toUpperCase(), fold(keyword).toUpperCase()];
            for (const variant of variants) {
                expect(tokens(variant), variant).toEqual([{ image: variant, type: keyword }]);
            }
        }
        expect(tokens('DÉLÉGANT Delegant délégant')).toEqual(['DÉLÉGANT', 'Delegant', 'délégant'].map(image => ({ image, type: 'délégant' })));
        expect(tokens('système d’information')).toEqual([{ image: 'système', type: 'système' }, { image: 'd’information', type: "d'information" }]);
    });

    it('keeps a keyword followed by name characters one identifier (longer alternative)', () => {
        for (const text of ['acte-bu', 'acteur', 'delegants', 'étape2', 'age-min', 'urgences-pédiatriques']) {
            expect(tokens(text), text).toEqual([{ image: text, type: 'ID' }]);
        }
    });

    it('does not accept a wrong accent: the pattern folds accents away, never adds them', () => {
        expect(keywordPattern('acte').test('âcte')).toBe(false);
        expect(keywordPattern('délégant').source).toBe('[dD][éÉeE][lL][éÉeE][gG][aA][nN][tT]');
    });
});

describe('keywords as names', () => {
    it('accepts every non-structural word keyword as a declared name and as a reference', async () => {
        const names = nameKeywords();
        const actes = names.map(name => `    acte ${name} "Acte ${name}" { par ide }`).join('\n');
        const uses = names.map(name => `            si "cas ${name}" : réaliser ${name}`).join('\n');
        const document = await parse(`protocole "Mots-clés" {
    délégué ide : infirmier
${actes}
    parcours {
        étape accueil {
${uses}
        }
    }
}`);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const root = document.parseResult.value as Protocole;
        const declared = root.elements.filter((element): element is Acte => element.$type === 'Acte').map(acte => acte.name);
        expect(declared).toEqual(names);
        const references = AstUtils.streamAllContents(root).filter((node): node is Realiser => node.$type === 'Realiser').toArray();
        expect(references.map(realiser => realiser.acte.ref?.name)).toEqual(names);
    });

    it('keeps the name as written, whatever the keyword spelling', async () => {
        const document = await parse('protocole "x" {\n    délégué ide : infirmier\n    acte Décision "A" { par ide }\n    acte age "B" { par ide }\n    acte delegant "C" { par ide }\n}');
        expect(document.parseResult.parserErrors).toEqual([]);
        const root = document.parseResult.value;
        if (!isProtocole(root)) throw new Error('not a protocol');
        expect(root.elements.filter((element): element is Acte => element.$type === 'Acte').map(acte => acte.name)).toEqual(['Décision', 'age', 'delegant']);
    });

    it('reads a structural keyword as the keyword, never as a name', async () => {
        const document = await parse(`protocole "x" {
    délégant urgences : medecin
    parcours { étape e { si "grave" : orienter vers urgences  sinon : orienter vers SAMU } }
}`);
        // « urgences » cannot name the délégant…
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        expect(document.parseResult.parserErrors[0].message).toContain('un nom');
        // …and after `vers` it is the emergency department.
        const orienter = AstUtils.streamAllContents(document.parseResult.value).filter((node): node is Orienter => node.$type === 'Orienter').toArray();
        expect(orienter.map(node => [node.externe?.urgences, node.externe?.samu, node.delegant])).toEqual([[true, false, undefined], [false, true, undefined]]);
    });
});
