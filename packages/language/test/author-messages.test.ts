import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CstUtils, EmptyFileSystem, isLeafCstNode, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { computeConformity, conformityLabel, createCoopServices, isProtocole, loadAndValidate, type Protocole } from 'coop-language';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
const files = readdirSync(EXAMPLES).filter(name => name.endsWith('.coop')).sort();
const texts = Object.fromEntries(files.map(name => [name, readFileSync(join(EXAMPLES, name), 'utf8')]));
const { Coop } = createCoopServices(EmptyFileSystem);
const parser = Coop.parser.LangiumParser;

/** A parser message names what is being written (« Dans « disponibilité », … »), or the block left open, or the unknown section, or the brace too many. */
const NAMES_CONSTRUCT = /^(Dans « [^»]+ »|Le bloc « [^»]+ » n'est pas fermé|« [^»]+ » n'est pas une rubrique|Texte inattendu après la fin|Accolade « } » en trop : elle ferme )/;

/** Every 5th token of every example, deleted or doubled: a corpus of one-token mistakes. */
function mutants(text: string): string[] {
    const root = parser.parse(text).value;
    const leaves = CstUtils.flattenCst(root.$cstNode!).filter(leaf => isLeafCstNode(leaf) && !leaf.hidden).toArray();
    const result: string[] = [];
    leaves.forEach((leaf, index) => {
        if (index % 5 !== 0 || index === 0) return;
        result.push(text.slice(0, leaf.offset) + text.slice(leaf.end));
        result.push(text.slice(0, leaf.offset) + 'zorglub ' + text.slice(leaf.offset));
    });
    return result;
}

describe('parser messages say what to write (issue 11 §2)', () => {
    test.each(files)('%s: no message of its mutants is a bare « Attendu … trouvé … »', name => {
        const bare: string[] = [];
        let count = 0;
        for (const mutant of mutants(texts[name])) {
            for (const error of parser.parse(mutant).parserErrors) {
                count++;
                if (!NAMES_CONSTRUCT.test(error.message)) bare.push(error.message);
            }
        }
        expect(count).toBeGreaterThan(20);
        expect([...new Set(bare)]).toEqual([]);
    });

    test('after a keyword, the example comes from the section skeleton', () => {
        const { parserErrors } = parser.parse('protocole "T" {\n    disponibilité {\n        réponse immédiate\n    }\n}');
        expect(parserErrors.map(e => e.message)).toEqual(['Dans « disponibilité », après « réponse » : écrivez « sous 30 min » (trouvé « immédiate »).']);
    });

    test('a block left open is named', () => {
        const { parserErrors } = parser.parse('protocole "T" {\n    disponibilité {\n        réponse sous 30 min\n');
        expect(parserErrors.at(-1)!.message).toMatch(/^Le bloc « (disponibilité|protocole) \{ … \} » n'est pas fermé : ajoutez « \} » à sa fin\.$/);
    });

    test('a misspelt statement or section gets the keyword it was meant to be', () => {
        const { parserErrors } = parser.parse('protocole "T" {\n    disponibilité {\n        horaire "8 h – 20 h"\n    }\n    iformation du patient {\n        document "Fiche"\n    }\n}');
        expect(parserErrors.map(e => e.message)).toEqual([
            expect.stringMatching(/^Dans « disponibilité », « horaire » ne commence aucune ligne possible ici\. Écrivez par exemple : .*« réponse sous 30 min »\. Vouliez-vous écrire « horaires » \?$/),
            '« iformation » n\'est pas une rubrique du protocole. Vouliez-vous écrire « information du patient » ?'
        ]);
    });
});

async function validate(text: string) {
    const { shared } = createCoopServices(EmptyFileSystem);
    const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/p.coop'), text }]);
    return result;
}

describe('unclosed texts (issue 11 §2)', () => {
    test('a missing closing quote gives one error that says so, and the rest reads as written', async () => {
        const text = texts['cystite-femme.coop'];
        const broken = text.replace(/(modalités "[^"]*)"/, '$1');
        expect(broken).not.toBe(text);
        const { diagnostics } = await validate(broken);
        expect(diagnostics.map(d => d.message)).toEqual([expect.stringMatching(/^Texte entre guillemets non fermé : « "Le délégant/)]);
    });

    test('an unclosed text block is named as such', async () => {
        const { diagnostics } = await validate('protocole "T" {\n    objectifs """\n        - Réduire\n}\n');
        expect(diagnostics[0].message).toMatch(/^Bloc de texte non fermé/);
    });
});

describe('a present section with a syntax error is « à corriger », never absent (issue 11 §1)', () => {
    test('the requirement is to-fix, the syntax error comes first, nothing absent', async () => {
        const broken = texts['cystite-femme.coop'].replace('réponse sous 30 min', 'réponse immédiate');
        const { diagnostics, document } = await validate(broken);
        expect(diagnostics.map(d => d.code)).toEqual(['syntaxe']);
        const root = document.parseResult.value as Protocole;
        expect(isProtocole(root)).toBe(true);
        const conformity = computeConformity(diagnostics, [], root);
        expect(conformity.items.find(item => item.requirement.id === 'disponibilite')!.status).toBe('to-fix');
        expect(conformity.items.filter(item => item.status === 'missing')).toEqual([]);
        expect(conformity.toFix).toBe(1);
        expect(conformityLabel(conformity, 'fr')).toBe('Contrôles automatiques : 15/16 exigences vérifiées, 1 à corriger');
    });

    test('syntax errors are listed first', async () => {
        const { diagnostics } = await validate('protocole "T" {\n    type national\n    disponibilité {\n        réponse immédiate\n    }\n}');
        expect(diagnostics[0].code).toBe('syntaxe');
        expect(diagnostics.length).toBeGreaterThan(1);
    });
});

describe('messages quote long texts cut, on one line', () => {
    test('a prose condition of 5,000 characters and a garbled line of 3,000 are quoted in a few words, with « … »', async () => {
        const { shared } = createCoopServices(EmptyFileSystem);
        const long = 'Douleur persistante malgré le traitement antalgique bien conduit '.repeat(80);
        const text = texts['entorse-cheville.coop']
            .replace(/si "([^"]+)"/, `si "${long}\n${long}"`)
            .replace(/\n(\s*)lieu /, `\n$1${'mot'.repeat(1000)} :\n$1lieu `);
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/entorse-longue.coop'), text }]);
        const prose = result.diagnostics.find(d => d.code === 'condition-en-prose' && String(d.message).includes('Douleur persistante malgré'));
        expect(prose).toBeDefined();
        const syntax = result.diagnostics.find(d => d.code === 'syntaxe');
        expect(syntax).toBeDefined();
        for (const diagnostic of [prose!, syntax!]) {
            const message = String(diagnostic.message);
            expect(message.length).toBeLessThan(600);
            expect(message).toContain('…');
            expect(message).not.toMatch(/[\r\n]/);
        }
    });
});

describe('a text that is not a protocol being written', () => {
    test('past 500 unreadable lines, one last error says the reading stops there', () => {
        const text = `protocole "Collé" {\n${'    zorglub blabla\n'.repeat(2000)}}\n`;
        const errors = parser.parse(text).parserErrors;
        expect(errors.length).toBeLessThanOrEqual(502);
        expect(errors.some(error => error.message.startsWith('Plus de 500 lignes illisibles : coop arrête la lecture ici'))).toBe(true);
        // Below the limit, every line has its error.
        expect(parser.parse(`protocole "Collé" {\n${'    zorglub blabla\n'.repeat(300)}}\n`).parserErrors.length).toBe(300);
    });
});
