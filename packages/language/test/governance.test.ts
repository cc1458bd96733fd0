import { describe, expect, it } from 'vitest';
import { codes, validateWorkspace } from './helpers.js';

/** A local hospital protocol with the given governance lines (and header lines). */
function hospital(lines: string, header = 'statut soumis'): string {
    return `protocole "Adaptation des doses d'insuline par l'infirmière" {
    type local
    cadre établissement
    ${header}
    délégant diabeto : médecin
    délégué ide : infirmier
    gouvernance {
        ${lines}
    }
}`;
}

async function codesOf(text: string): Promise<string[]> {
    const { 'p.coop': diagnostics } = await validateWorkspace({ 'p.coop': text });
    return codes(diagnostics);
}

describe('governance: committees under their usual names and word orders', () => {
    const wordings = [
        'avis conforme de la CME du 2025-01-14 favorable\n avis conforme de la CSIRMT du 2025-01-21 favorable\n décision du directeur du 2025-02-03',
        'avis conforme cme du 2025-01-14 favorable\n avis csirmt du 2025-01-21 favorable\n décision directeur du 2025-02-03',
        'avis favorable de la "Commission médicale d\'établissement" du 2025-01-14\n avis favorable avec réserves de la "commission des soins infirmiers, de rééducation et médico-techniques" du 2025-01-21\n décision "Directeur général du CHU" du 2025-02-03',
        'avis conforme "CME" du 2025-01-14 favorable\n avis conforme de la "Commission des soins infirmiers, de rééducation et médico-techniques (CSIRMT)" du 2025-01-21 favorable "Avis rendu en séance plénière"\n décision du "Directeur de l\'établissement" du 2025-02-03'
    ];
    for (const [index, lines] of wordings.entries()) {
        it(`wording ${index + 1}: no missing opinion, no governance finding, no internal error`, async () => {
            const found = await codesOf(hospital(lines));
            expect(found.filter(code => ['decision-etablissement-absente', 'gouvernance-incomplete', 'decision-avant-avis', 'decision-apres-avis-defavorable', 'erreur-interne', 'syntaxe'].includes(code))).toEqual([]);
        });
    }

    it('« Directrice des soins » is not the director of the establishment', async () => {
        const found = await codesOf(hospital('avis cme du 2025-01-14 favorable\n avis csirmt du 2025-01-21 favorable\n décision "Directrice des soins" du 2025-02-03'));
        expect(found).toContain('decision-etablissement-absente');
    });
});

describe('governance checks on several natural wordings', () => {
    const cases: Array<[string, string[], string[]]> = [
        ['decision-apres-avis-defavorable', [
            'avis conforme de la CME du 2025-01-14 défavorable\n avis csirmt du 2025-01-21 favorable\n décision du directeur du 2025-02-03',
            'avis défavorable de la csirmt du 2025-01-21\n avis cme du 2025-01-14 favorable\n décision directeur du 2025-02-03 "Mise en œuvre"',
            'avis "Commission médicale d\'établissement" du 2025-01-14 défavorable "Formation insuffisante"\n avis csirmt du 2025-01-21 favorable\n décision du "Directeur général" du 2025-02-03'
        ], [
            'avis cme du 2024-11-12 défavorable\n avis cme du 2025-01-14 favorable\n avis csirmt du 2025-01-21 favorable\n décision du directeur du 2025-02-03',
            'avis cme du 2025-01-14 favorable avec réserves\n avis csirmt du 2025-01-21 favorable\n décision du directeur du 2025-02-03',
            'avis cme du 2025-01-14 favorable\n avis csirmt du 2025-01-21 favorable\n avis "Commission des usagers" du 2025-01-25 défavorable\n décision du directeur du 2025-02-03'
        ]],
        ['decision-avant-avis', [
            'avis cme du 2025-03-14 favorable\n avis csirmt du 2025-01-21 favorable\n décision du directeur du 2025-02-03',
            'décision directeur du 2025-01-02\n avis conforme cme du 2025-01-14 favorable\n avis conforme csirmt du 2025-01-21 favorable',
            'avis cme du 2025-01-14 favorable\n avis conforme de la "CSIRMT" du 2025-02-04 favorable\n décision du directeur du 2025-02-03'
        ], [
            'avis cme du 2025-01-14 favorable\n avis csirmt du 2025-01-21 favorable\n décision du directeur du 2025-02-03',
            'avis cme du 2025-02-03 favorable\n avis csirmt du 2025-02-03 favorable\n décision du directeur du 2025-02-03',
            'avis cme du 2025-01-14 favorable\n avis csirmt du 2025-01-21 favorable\n décision du directeur du 2025-02-03\n avis "Commission des usagers" du 2025-04-01 favorable'
        ]]
    ];
    for (const [code, failing, passing] of cases) {
        failing.forEach((lines, index) => it(`${code} fires on wording ${index + 1}`, async () => {
            expect(await codesOf(hospital(lines))).toContain(code);
        }));
        passing.forEach((lines, index) => it(`${code} stays quiet on wording ${index + 1}`, async () => {
            expect(await codesOf(hospital(lines))).not.toContain(code);
        }));
    }

    const governance = 'avis cme du 2025-01-14 favorable\n avis csirmt du 2025-01-21 favorable\n décision du directeur du 2025-02-03';
    for (const header of ['date 2025-04-15\n statut déclaré', 'date 2025-02-04\n statut soumis', 'statut suspendu\n date 2025-06-01']) {
        it(`statut-avant-decision fires: ${header.replace(/\n/g, ',')}`, async () => {
            expect(await codesOf(hospital(governance, header))).toContain('statut-avant-decision');
        });
    }
    for (const header of ['date 2025-01-06\n statut déclaré', 'date 2025-02-03\n statut déclaré', 'date 2025-04-15\n statut brouillon']) {
        it(`statut-avant-decision stays quiet: ${header.replace(/\n/g, ',')}`, async () => {
            expect(await codesOf(hospital(governance, header))).not.toContain('statut-avant-decision');
        });
    }
    it('statut-avant-decision: « déclaré » with an undated decision', async () => {
        expect(await codesOf(hospital('avis cme du 2025-01-14 favorable\n avis csirmt du 2025-01-21 favorable\n décision du directeur', 'statut déclaré'))).toContain('statut-avant-decision');
    });
});

describe('governance never throws on partial input', () => {
    const partial = [
        'avis conforme cme du 2025-01-14', 'avis conforme', 'avis de la', 'avis conforme de la cme du', 'avis favorable', 'avis favorable avec',
        'décision du', 'décision de la "Assemblée" du 2025-02-30', 'avis cme du 2025-13-45 favorable\n décision directeur du 2025-00-01', 'avis "" du 2025-01-01 défavorable\n décision ""'
    ];
    for (const lines of partial) {
        it(JSON.stringify(lines), async () => {
            const found = await codesOf(hospital(lines, 'statut déclaré\n date 2025-01-01'));
            expect(found).not.toContain('erreur-interne');
        });
    }
});

describe('conformity states (contract): review, counts, label', () => {
    it('a favourable opinion with reservations leaves `cadre` « à vérifier », never missing', async () => {
        const { readFileSync } = await import('node:fs');
        const { EmptyFileSystem, URI } = await import('langium');
        const { computeConformity, conformityLabel, createCoopServices, isProtocole, loadAndValidate } = await import('coop-language');
        const { shared, Coop } = createCoopServices(EmptyFileSystem);
        const example = readFileSync(new URL('../../../examples/insuline-adaptation-doses.coop', import.meta.url), 'utf8');
        const text = example.replace('du 2024-03-12 favorable', 'du 2024-03-12 favorable avec réserves');
        expect(text).not.toBe(example);
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/c/insuline.coop'), text }]);
        const root = result.document.parseResult.value;
        const conformity = computeConformity(result.diagnostics, Coop.validation.SuppressedDiagnostics.get(result.document), isProtocole(root) ? root : undefined);
        const cadre = conformity.items.find(item => item.requirement.id === 'cadre')!;
        expect(cadre.status).toBe('review');
        expect(cadre.review.map(d => d.code)).toEqual(['avis-avec-reserves']);
        // 4° a is « à vérifier » too: this example's decision conditions are written in prose.
        expect(conformity.items.find(item => item.requirement.id === 'arbres')!.status).toBe('review');
        expect([conformity.verified, conformity.toReview, conformity.missing, conformity.total]).toEqual([14, 2, 0, 16]);
        expect(conformityLabel(conformity, 'fr')).toBe('Contrôles automatiques : 14/16 exigences vérifiées, 2 à vérifier');
        expect(conformityLabel(conformity, 'en')).toBe('Automatic checks: 14/16 requirements verified, 2 to review');
        // A missing requirement outranks a review point of the same requirement.
        const broken = text.replace(/\n\s*décision du directeur[^\n]*/, '\n');
        const [other] = await loadAndValidate(shared, [{ uri: URI.file('/c/insuline2.coop'), text: broken }]);
        const root2 = other.document.parseResult.value;
        const second = computeConformity(other.diagnostics, [], isProtocole(root2) ? root2 : undefined);
        expect(second.items.find(item => item.requirement.id === 'cadre')!.status).toBe('missing');
        expect(conformityLabel(second, 'fr')).toBe('Contrôles automatiques : 14/16 exigences vérifiées, 1 à vérifier, 1 manquante');
    });
});
