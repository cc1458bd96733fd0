// The snippets of snippets/coop.json, expanded with their default values, must be valid coop:
// the whole-protocol skeleton (« Coop : Nouveau protocole ») passes every rule, and each section
// snippet parses and links once inserted where it belongs.
import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createCoopServices, loadAndValidate } from 'coop-language';
import { snippetText } from './snippet-text.js';

interface Snippet {
    prefix: string | string[];
    body: string[];
    description: string;
}

const snippets = JSON.parse(readFileSync(new URL('../../snippets/coop.json', import.meta.url), 'utf8')) as Record<string, Snippet>;

/** Whole documents; every other snippet is a part of a protocol (or of a parcours). */
const DOCUMENTS = ['Nouveau protocole', 'Nouvelle bibliothèque'];
const IN_PARCOURS = ['Étape'];
/** Codes that mean the snippet itself is wrong (a duplicate name only means the host has it too). */
const BROKEN = ['syntaxe', 'caractere-inconnu', 'reference-inconnue'];

function host(name: string, text: string): string {
    if (DOCUMENTS.includes(name)) return text;
    const indented = text.split('\n').map(line => `        ${line}`).join('\n');
    const body = IN_PARCOURS.includes(name) ? `    parcours {\n${indented}\n    }` : indented;
    return [
        'protocole "Hôte" {',
        '    délégant mg : médecin',
        '    délégué ide : infirmier',
        '    acte acte "Acte" { dérogatoire à L4161-1  par ide }',
        body,
        '}'
    ].join('\n');
}

async function validate(text: string): Promise<Diagnostic[]> {
    const { shared } = createCoopServices(EmptyFileSystem);
    const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/snippet.coop'), text }]);
    return result!.diagnostics;
}

function describeAll(diagnostics: Diagnostic[]): string[] {
    return diagnostics.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} [${String(d.code)}] ${d.message}`);
}

describe('snippets/coop.json', () => {
    it('has a French description and at least one prefix for every snippet', () => {
        for (const [name, snippet] of Object.entries(snippets)) {
            expect(snippet.description, name).toMatch(/\S/);
            expect([snippet.prefix].flat().length, name).toBeGreaterThan(0);
            expect(Array.isArray(snippet.body), name).toBe(true);
        }
    });

    it('offers the skeleton used by « Coop : Nouveau protocole »', () => {
        // src/new-protocol.ts reads this key.
        expect(snippets['Nouveau protocole']?.prefix).toContain('protocole');
    });

    // Issue 10: left as generated, the skeleton's only errors are the texts still to write.
    it('expands the skeleton to a readable protocol whose only errors are the texts to replace', async () => {
        const diagnostics = await validate(snippetText(snippets['Nouveau protocole']!.body));
        expect(describeAll(diagnostics.filter(d => d.severity === 1 && d.code !== 'texte-a-completer'))).toEqual([]);
        expect(diagnostics.filter(d => d.code === 'texte-a-completer').length).toBeGreaterThan(10);
    });

    for (const name of Object.keys(snippets).filter(key => key !== 'Nouveau protocole')) {
        it(`« ${name} » parses and links where it is inserted`, async () => {
            const diagnostics = await validate(host(name, snippetText(snippets[name]!.body)));
            expect(describeAll(diagnostics.filter(d => BROKEN.includes(String(d.code))))).toEqual([]);
        });
    }
});
