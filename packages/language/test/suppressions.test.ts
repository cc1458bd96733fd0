import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { computeConformity, conformityLabel, createCoopServices, isProtocole, loadAndValidate, parseConfig, ConfigError, LocaleSetting } from 'coop-language';
import { codes, noReview, protocol } from './helpers.js';

async function validate(text: string, rules: Record<string, 'error' | 'warning' | 'info' | 'off'> = {}) {
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    Coop.validation.RuleSettings.set(rules);
    const [result] = await loadAndValidate(shared, [{ uri: URI.file('/p.coop'), text }]);
    return { diagnostics: noReview(result.diagnostics), suppressed: Coop.validation.SuppressedDiagnostics.get(result.document) };
}

describe('ignorer', () => {
    it('sets a finding aside with its justification, in the element that contains the suppression', async () => {
        const text = protocol('', { 'lieu "Cabinet"': 'ignorer lieu-absent : "Téléconsultation uniquement"' });
        const { diagnostics, suppressed } = await validate(text);
        expect(codes(diagnostics)).toEqual([]);
        expect(suppressed.map(s => [s.diagnostic.code, s.justification])).toEqual([['lieu-absent', 'Téléconsultation uniquement']]);
    });

    it('covers the elements inside the block, not their siblings', async () => {
        const text = protocol('', {
            'acte bu "Bandelette urinaire" { non dérogatoire  par ide }': 'acte bu "Bandelette urinaire" { non dérogatoire }\n    acte ecg "ECG" { non dérogatoire  ignorer acte-sans-delegue : "Réalisé par le délégant" }',
            'couvre bu, atb': 'couvre bu, atb, ecg'
        });
        const { diagnostics, suppressed } = await validate(text);
        const reported = diagnostics.filter(d => d.code === 'acte-sans-delegue');
        expect(reported.map(d => d.range.start.line)).toEqual([12]); // bu, whose block has no suppression
        expect(suppressed.map(s => [s.diagnostic.code, s.diagnostic.range.start.line])).toEqual([['acte-sans-delegue', 13]]);
    });

    it('requires a justification, and reports unknown or language codes', async () => {
        const { diagnostics } = await validate(protocol('ignorer lieu-absent\nignorer lieu-absen : "x"\nignorer syntaxe : "x"'));
        expect(codes(diagnostics).sort()).toEqual(['suppression-impossible', 'suppression-regle-inconnue', 'suppression-sans-justification']);
        expect(diagnostics.find(d => d.code === 'suppression-regle-inconnue')!.message).toMatch(/Vouliez-vous dire « lieu-absent » \?/);
    });
});

describe('rule levels', () => {
    it('turns a rule off or changes its severity', async () => {
        const text = protocol('', { 'lieu "Cabinet"': '' });
        expect((await validate(text)).diagnostics.map(d => [d.code, d.severity])).toEqual([['lieu-absent', 1]]);
        expect((await validate(text, { 'lieu-absent': 'info' })).diagnostics.map(d => [d.code, d.severity])).toEqual([['lieu-absent', 3]]);
        expect((await validate(text, { 'lieu-absent': 'off' })).diagnostics).toEqual([]);
    });

    it('parses coop.config.json with comments, and rejects what it cannot use with a position', () => {
        const locale = new LocaleSetting();
        expect(parseConfig('{ // niveaux\n "rules": { "lieu-absent": "warning", } }', locale)).toEqual({ rules: { 'lieu-absent': 'warning' } });
        expect(() => parseConfig('{ "regles": {} }', locale)).toThrow(ConfigError);
        let error: unknown;
        try {
            parseConfig('{\n "rules": { "lieu-absent": 3 } }', locale);
        } catch (caught) {
            error = caught;
        }
        expect(error).toMatchObject({ line: 2, column: 28 });
    });
});

describe('conformity', () => {
    it('counts requirements met, missing, and met through a justified suppression', async () => {
        const complete = await validate(protocol());
        const all = computeConformity(complete.diagnostics, complete.suppressed);
        expect([all.met, all.total, all.suppressed]).toEqual([16, 16, 0]);
        expect(conformityLabel(all, 'fr')).toBe('Contrôles automatiques : 16/16 exigences vérifiées');

        const missing = await validate(protocol('', { 'lieu "Cabinet"': '', 'responsabilité civile "Assurance de chaque professionnel"': '' }));
        const partial = computeConformity(missing.diagnostics, missing.suppressed);
        expect(partial.met).toBe(14);
        expect(partial.items.filter(i => i.status === 'missing').map(i => i.requirement.legalBasis)).toEqual(['R.4011-1 6°', 'L.4011-2']);

        const ignored = await validate(protocol('', { 'lieu "Cabinet"': 'ignorer lieu-absent : "Téléconsultation"' }));
        const justified = computeConformity(ignored.diagnostics, ignored.suppressed);
        expect([justified.met, justified.suppressed]).toEqual([16, 1]);
        expect(conformityLabel(justified, 'en')).toBe('Automatic checks: 16/16 requirements verified (1 through a justified suppression)');
    });
});

describe('conformity and language errors', () => {
    it('counts an unresolved step in a decision tree against the decision-tree requirement', async () => {
        const { shared } = createCoopServices(EmptyFileSystem);
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/c.coop'), text: protocol('', { 'puis aller à decision': 'puis aller à decisoin' }) }]);
        expect(noReview(result.diagnostics).map(d => d.code)).toEqual(['reference-inconnue', 'etape-inaccessible']);
        const root = result.document.parseResult.value;
        if (!isProtocole(root)) throw new Error('not a protocol');
        // Without the protocol, a language error belongs to no requirement; with it, to the section it sits in.
        const withoutUnreachable = result.diagnostics.filter(d => d.code === 'reference-inconnue');
        expect(computeConformity(withoutUnreachable, []).items.find(i => i.requirement.id === 'arbres')!.status).toBe('met');
        expect(computeConformity(withoutUnreachable, [], root).items.find(i => i.requirement.id === 'arbres')!.status).toBe('missing');
    });
});
