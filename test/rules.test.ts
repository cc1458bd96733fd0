import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { createCoopServices, diagnosticRegistry, loadAndValidate } from 'coop-language';

/**
 * Generic driver over the rule fixtures (see docs/contributing.md):
 * - `test/rules/<code>/echec.coop` must trigger <code> exactly where it is marked. A marker is a
 *   comment at the end of the line where the diagnostic starts:
 *       `// attendu: <code> @<first>-<last>` « <message> »
 *   `@<first>-<last>` are the 1-based columns of the first and last characters the diagnostic
 *   underlines on that line (`@<first>` alone when it ends on a later line); the optional
 *   `« <message> »` is the exact French message. Whether given or not, every message must be the
 *   rule's template with its placeholders filled, and never show « undefined », « NaN » or
 *   « Infinity ».
 * - A failing fixture has no syntax or link error (`syntaxe`, `caractere-inconnu`,
 *   `reference-inconnue`) unless it marks it the same way: the rule must fire on a readable protocol.
 * - `test/rules/<code>/succes.coop` must not trigger <code> at all, and has no syntax or link error.
 * Other codes are ignored: each fixture is about one rule. The same files illustrate the rule in
 * docs/rules/<code>.md, where the markers become « ⚠ <code> ».
 */
const ROOT = 'test/rules';
const codes = readdirSync(ROOT, { withFileTypes: true }).filter(entry => entry.isDirectory()).map(entry => entry.name).sort();
const UNREADABLE = new Set(['syntaxe', 'caractere-inconnu', 'reference-inconnue']);

// One set of services for all fixtures (building the parser is the slow part); each fixture is
// removed from the workspace after validation so fixtures never see each other.
const { shared } = createCoopServices(EmptyFileSystem);

/**
 * Validates a fixture with the other `.coop` files of its folder besides echec/succes (a team
 * fixture's local protocol, say), which are loaded but not checked.
 */
async function diagnosticsOf(path: string) {
    const folder = dirname(path);
    const companions = readdirSync(folder).filter(name => name.endsWith('.coop') && name !== 'echec.coop' && name !== 'succes.coop').map(name => join(folder, name));
    const files = [path, ...companions].map(file => ({ uri: URI.file('/fixtures/' + file), text: readFileSync(file, 'utf8') }));
    const [result] = await loadAndValidate(shared, files);
    files.forEach(file => shared.workspace.LangiumDocuments.deleteDocument(file.uri));
    return result.diagnostics;
}

export interface Marker {
    code: string;
    /** 0-based line. */
    line: number;
    /** 1-based columns of the first and last underlined characters (`last` absent: ends on a later line). */
    first: number;
    last?: number;
    message?: string;
}

const MARKER = /\/\/ attendu: ([\w-]+)(?: @(\d+)(?:-(\d+))?)?(?: « (.*) »)?\s*$/;

type InvalidMarker = { code: string; line: number; invalid: true };

export function markersOf(text: string): Array<Marker | InvalidMarker> {
    return text.split('\n').flatMap((content, line): Array<Marker | InvalidMarker> => {
        const match = MARKER.exec(content);
        if (!match) return [];
        const [, code, first, last, message] = match;
        if (first === undefined) return [{ code, line, invalid: true as const }];
        return [{ code, line, first: Number(first), ...(last ? { last: Number(last) } : {}), ...(message !== undefined ? { message } : {}) }];
    });
}

/** What a marker says of a diagnostic, in the same shape, to compare them as a whole. */
function asMarker(diagnostic: Diagnostic, withMessage: boolean): Marker {
    const { start, end } = diagnostic.range;
    return {
        code: String(diagnostic.code), line: start.line, first: start.character + 1,
        ...(end.line === start.line ? { last: end.character } : {}),
        ...(withMessage ? { message: messageOf(diagnostic) } : {})
    };
}

/** The rule's French template as a pattern: `{placeholder}` matches any non-empty text. */
function templatePattern(code: string): RegExp {
    const template = diagnosticRegistry.get(code)!.message.fr;
    const escaped = template.split(/\{\w+\}/).map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${escaped.join('.+')}$`, 's');
}

function messageOf(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function expectWellFormed(diagnostic: Diagnostic): void {
    expect(messageOf(diagnostic), `message of ${diagnostic.code}`).toMatch(templatePattern(String(diagnostic.code)));
    expect(messageOf(diagnostic)).not.toMatch(/\bundefined\b|\bNaN\b|\bInfinity\b/);
}

describe('rule fixtures', () => {
    it('exist for every rule of the catalogue (except language diagnostics tested elsewhere)', () => {
        const rules = [...diagnosticRegistry.values()].filter(definition => definition.category !== 'langage').map(definition => definition.code);
        expect(rules.filter(code => !codes.includes(code))).toEqual([]);
    });

    it('marker syntax: columns, optional range end and message', () => {
        expect(markersOf('a // attendu: x @3-9 « Le délégué « ide » manque. »\nb\n  c // attendu: y @3')).toEqual([
            { code: 'x', line: 0, first: 3, last: 9, message: 'Le délégué « ide » manque.' },
            { code: 'y', line: 2, first: 3 }
        ]);
        expect(markersOf('// attendu: x')).toEqual([{ code: 'x', line: 0, invalid: true }]);
    });

    for (const code of codes) {
        describe(code, () => {
            it('is a registered code', () => {
                expect(diagnosticRegistry.has(code)).toBe(true);
            });

            it('fires exactly as marked in echec.coop (line, columns, message), on a readable protocol', async () => {
                const path = join(ROOT, code, 'echec.coop');
                expect(existsSync(path)).toBe(true);
                const markers = markersOf(readFileSync(path, 'utf8'));
                expect(markers.filter(marker => 'invalid' in marker), 'every marker gives its columns (@first-last)').toEqual([]);
                const expected = (markers as Marker[]).filter(marker => marker.code === code || UNREADABLE.has(marker.code));
                expect(expected.filter(marker => marker.code === code).length).toBeGreaterThan(0);
                const diagnostics = (await diagnosticsOf(path)).filter(d => d.code === code || UNREADABLE.has(String(d.code)));
                for (const diagnostic of diagnostics.filter(d => d.code === code)) expectWellFormed(diagnostic);
                const byLine = new Map(expected.map(marker => [`${marker.code}:${marker.line}`, marker]));
                const actual = diagnostics.map(d => asMarker(d, byLine.get(`${d.code}:${d.range.start.line}`)?.message !== undefined));
                const order = (a: Marker, b: Marker) => a.line - b.line || a.first - b.first || a.code.localeCompare(b.code);
                expect(actual.sort(order)).toEqual([...expected].sort(order));
            });

            it('stays quiet on succes.coop, which is readable', async () => {
                const path = join(ROOT, code, 'succes.coop');
                expect(existsSync(path)).toBe(true);
                const diagnostics = await diagnosticsOf(path);
                expect(diagnostics.filter(d => UNREADABLE.has(String(d.code)))).toEqual([]);
                expect(diagnostics.filter(d => d.code === code)).toEqual([]);
            });
        });
    }
});
