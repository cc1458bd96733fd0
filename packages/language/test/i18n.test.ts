import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { createCoopServices, diagnosticRegistry, loadAndValidate, REQUIREMENTS, SECTION_KINDS, type Localized } from 'coop-language';
import { frameworkMessages, referenceKinds } from '../src/i18n/framework-messages.js';
import { cliMessages } from '../../cli/src/messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map(match => match[1]).sort();

function checkBoth(name: string, text: Localized) {
    expect(text.fr.trim(), `${name} (fr)`).not.toBe('');
    expect(text.en.trim(), `${name} (en)`).not.toBe('');
    expect(placeholders(text.en), `${name}: same placeholders in both languages`).toEqual(placeholders(text.fr));
}

describe('every message exists in French and in English', () => {
    it('rules and language diagnostics', () => {
        for (const definition of diagnosticRegistry.values()) {
            for (const key of ['title', 'message', 'rationale', 'fix'] as const) checkBoth(`${definition.code}.${key}`, definition[key]);
        }
    });

    it('parser, lexer and linker messages, reference kinds, sections, requirements', () => {
        for (const [key, text] of Object.entries(frameworkMessages)) checkBoth(key, text);
        for (const [key, text] of Object.entries(referenceKinds)) checkBoth(key, text);
        for (const kind of SECTION_KINDS) checkBoth(kind.type, kind.label);
        for (const requirement of REQUIREMENTS) checkBoth(requirement.id, requirement.title);
    });

    it('CLI messages', () => {
        for (const [key, text] of Object.entries(cliMessages)) checkBoth(key, text);
    });
});

describe('English', () => {
    it('reports parser, linker and rule messages in English when asked', async () => {
        const { shared, Coop } = createCoopServices(EmptyFileSystem);
        Coop.i18n.Locale.current = 'en';
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/en.coop'), text: 'protocole "T" {\n  type régional\n  délégué ide : infirmer\n}' }]);
        const messages = result.diagnostics.map(d => d.message);
        expect(messages).toContainEqual(expect.stringMatching(/^In "type", after "type": write one of: "national", "local" \(found "régional"\)\.$/));
        expect(messages).toContainEqual('Profession "infirmer" not found. Did you mean "infirmier"?');
        expect(messages).toContainEqual('The protocol cites no good-practice recommendation ("références" section).');
    });
});
