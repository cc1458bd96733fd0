import { describe, expect, test } from 'vitest';
import { RULES } from 'coop-language';

describe('issue 11 §7 regressions', () => {
    test('no rule text shown outside a diagnostic (title, rationale, fix) keeps a literal {placeholder}', () => {
        const literal = RULES.flatMap(rule => [rule.title, rule.rationale, rule.fix].flatMap(text => [text.fr, text.en])
            .filter(text => /\{[a-zA-Z]+\}/.test(text)).map(text => `${rule.code}: ${text}`));
        expect(literal).toEqual([]);
    });
});

import { expectSymbols } from 'langium/test';
import { createLspTestServices } from './lsp-helpers.js';

describe('outline while the protocol is being typed (issue 11 §7)', () => {
    test.each(['protocole', 'protocole ', 'protocole "', 'protocole {', 'protocole "T" {\n  acte', 'protocole "T" {\n  délégué', 'protocole "T" {\n  acte a'])('« %s » gives an outline, never a throw', async text => {
        const services = await createLspTestServices();
        const result = await expectSymbols(services.Coop)({
            text,
            assert: symbols => {
                for (const symbol of symbols) {
                    expect(typeof symbol.name).toBe('string');
                    expect(symbol.name.length).toBeGreaterThan(0);
                    expect(symbol.range).toBeDefined();
                    for (const child of symbol.children ?? []) {
                        expect(child.name.length).toBeGreaterThan(0);
                        expect(child.range).toBeDefined();
                    }
                }
            }
        });
        await result.dispose();
    });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('editor defaults (issue 11 §7)', () => {
    test('long prose lines wrap in .coop files', () => {
        const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../extension/package.json'), 'utf8'));
        expect(manifest.contributes.configurationDefaults['[coop]']['editor.wordWrap']).toBe('on');
    });
});

import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCoopServices, getRule, loadAndValidate } from 'coop-language';
import { protocol } from './helpers.js';

async function validateText(text: string) {
    const services = createCoopServices(EmptyFileSystem);
    const [result] = await loadAndValidate(services.shared, [{ uri: URI.file('/ws/p.coop'), text }]);
    return { ...result, locale: services.Coop.i18n.Locale };
}

async function applyFix(text: string, code: string) {
    const { document, diagnostics, locale } = await validateText(text);
    const diagnostic = diagnostics.find(d => d.code === code);
    expect(diagnostic, code).toBeDefined();
    const fix = getRule(code)!.quickFix!({ document, diagnostic: diagnostic!, data: diagnostic!.data as never, locale });
    expect(fix).toBeDefined();
    const fixed = TextDocument.applyEdits(TextDocument.create('file:///p.coop', 'coop', 1, text), fix!.edits);
    return { title: fix!.title, fixed, after: await validateText(fixed) };
}

describe('quick fixes (issue 11 §4)', () => {
    test('« formation absente » adds a training covering the délégué\'s real acts, never « couvre acte »', async () => {
        const text = protocol('', { 'formation f-ide pour ide { théorie 6 h  pratique 5 cas  couvre bu, atb }': '' });
        const { title, fixed, after } = await applyFix(text, 'formation-absente');
        expect(title).toBe('Ajouter une formation pour « ide » (couvre bu, atb)');
        expect(fixed).toMatch(/couvre bu, atb\n/);
        expect(fixed).toMatch(/formation f-ide pour ide \{/);
        expect(fixed).not.toMatch(/couvre acte\b/);
        // What remains is the skeleton's texts to replace (issue 10 §1), nothing the fix got wrong.
        const remaining = after.diagnostics.filter(d => (d.severity ?? 1) <= 2);
        expect(remaining.length).toBeGreaterThan(0);
        expect(remaining.filter(d => d.code !== 'texte-a-completer')).toEqual([]);
    });

    test('« acte non couvert » adds a « couvre » line to a training that has none', async () => {
        const text = protocol('', { 'formation f-ide pour ide { théorie 6 h  pratique 5 cas  couvre bu, atb }': 'formation f-ide pour ide {\n        théorie 6 h\n        pratique 5 cas\n    }' });
        const { title, fixed, after } = await applyFix(text, 'acte-non-couvert');
        expect(title).toBe('Ajouter « atb » aux actes couverts par « f-ide »');
        expect(fixed).toContain('pratique 5 cas\n        couvre atb\n    }');
        expect(after.diagnostics.filter(d => d.code === 'acte-non-couvert' || d.code === 'syntaxe')).toEqual([]);
    });
});

import { parseHelper } from 'langium/test';
import type { Document } from 'coop-language';
import type { CodeAction } from 'vscode-languageserver';

describe('« Ajouter toutes les rubriques manquantes » (issue 11 §4)', () => {
    test('one action inserts every missing section in template order; duplicates are told apart or offered once', async () => {
        const services = await createLspTestServices();
        const text = 'protocole "Cystite" {\n    type national\n    cadre msp\n}\n';
        const document = await parseHelper<Document>(services.Coop)(text, { documentUri: 'file:///ws/vide.coop' });
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const onTitle = document.diagnostics!.filter(d => (d.data as { section?: string }).section && d.range.start.line === 0);
        expect(onTitle.length).toBeGreaterThan(5);
        const actions = await services.Coop.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: onTitle[0].range, context: { diagnostics: onTitle }
        }) as CodeAction[];
        const titles = actions.map(action => action.title);
        expect(new Set(titles).size).toBe(titles.length);
        expect(titles).toContain('Ajouter l\'indicateur obligatoire « taux de reprise par le délégant »');
        const all = actions.find(action => action.title.startsWith('Ajouter toutes les rubriques manquantes'))!;
        expect(all).toBeDefined();
        const fixed = TextDocument.applyEdits(TextDocument.create('file:///p.coop', 'coop', 1, text), all.edit!.changes![document.uri.toString()]);
        const after = await validateText(fixed);
        expect(after.diagnostics.filter(d => d.code === 'syntaxe')).toEqual([]);
        const order = ['délégant', 'patients', 'acte', 'parcours', 'disponibilité', 'gestion des risques', 'indicateur'].map(word => fixed.search(new RegExp(`^\\s+${word}[\\s{]`, 'm')));
        expect(order.every(index => index > 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
    });
});
