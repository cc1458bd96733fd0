import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createCoopServices, diagnosticRegistry, loadAndValidate } from 'coop-language';

/**
 * Generic driver over the rule fixtures: `test/rules/<code>/echec.coop` must trigger <code> exactly
 * on the lines marked `// attendu: <code>` (the diagnostic starts on that line), and
 * `test/rules/<code>/succes.coop` must not trigger it at all. Other codes are ignored: each fixture
 * is about one rule. The same files illustrate the rule in docs/rules/<code>.md.
 */
const ROOT = 'test/rules';
const codes = readdirSync(ROOT, { withFileTypes: true }).filter(entry => entry.isDirectory()).map(entry => entry.name).sort();

// One set of services for all fixtures (building the parser is the slow part); each fixture is
// removed from the workspace after validation so fixtures never see each other.
const { shared } = createCoopServices(EmptyFileSystem);

async function diagnosticsOf(path: string) {
    const uri = URI.file('/fixtures/' + path);
    const [result] = await loadAndValidate(shared, [{ uri, text: readFileSync(path, 'utf8') }]);
    shared.workspace.LangiumDocuments.deleteDocument(uri);
    return result.diagnostics;
}

function expectedLines(text: string, code: string): number[] {
    return text.split('\n').flatMap((line, index) => (line.includes(`// attendu: ${code}`) ? [index] : []));
}

describe('rule fixtures', () => {
    it('exist for every rule of the catalogue (except language diagnostics tested elsewhere)', () => {
        const rules = [...diagnosticRegistry.values()].filter(definition => definition.category !== 'langage').map(definition => definition.code);
        expect(rules.filter(code => !codes.includes(code))).toEqual([]);
    });

    for (const code of codes) {
        describe(code, () => {
            it('is a registered code', () => {
                expect(diagnosticRegistry.has(code)).toBe(true);
            });

            it('fires on the marked lines of echec.coop', async () => {
                const path = join(ROOT, code, 'echec.coop');
                expect(existsSync(path)).toBe(true);
                const expected = expectedLines(readFileSync(path, 'utf8'), code);
                expect(expected.length).toBeGreaterThan(0);
                const actual = (await diagnosticsOf(path)).filter(d => d.code === code).map(d => d.range.start.line);
                expect(actual.sort((a, b) => a - b)).toEqual(expected);
            });

            it('stays quiet on succes.coop', async () => {
                const path = join(ROOT, code, 'succes.coop');
                expect(existsSync(path)).toBe(true);
                const diagnostics = await diagnosticsOf(path);
                expect(diagnostics.filter(d => d.code === 'syntaxe' || d.code === 'reference-inconnue')).toEqual([]);
                expect(diagnostics.filter(d => d.code === code)).toEqual([]);
            });
        });
    }
});
