import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isProtocole, type Protocole } from 'coop-language';
import { cells } from '../../src/logic/evaluate.js';
import { logicAnalysis, MAX_COMBINATIONS } from '../../src/logic/analysis.js';
import { createTestServices, parser, validateWorkspace } from '../helpers.js';

const cystite = readFileSync('examples/cystite-femme.coop', 'utf8');
const odynophagie = readFileSync('examples/odynophagie.coop', 'utf8');
const entorse = readFileSync('examples/entorse-cheville.coop', 'utf8');

async function diagnostics(text: string): Promise<Diagnostic[]> {
    return (await validateWorkspace({ 'p.coop': text }))['p.coop'];
}

function only(list: Diagnostic[], code: string): string[] {
    return list.filter(d => d.code === code).map(d => d.message as string);
}

function replace(text: string, from: string, to: string): string {
    expect(text.includes(from), from).toBe(true);
    return text.replace(from, to);
}

describe('analysis of the examples', () => {
    it('the converted examples have no finding of the logic rules', async () => {
        for (const text of [cystite, odynophagie, entorse]) {
            const list = await diagnostics(text);
            for (const code of ['situation-non-couverte', 'situation-morte', 'situations-chevauchantes', 'patient-exclu-traite', 'unite-incompatible', 'valeur-inconnue', 'comparaison-impossible', 'trop-de-combinaisons']) {
                expect(only(list, code), code).toEqual([]);
            }
        }
    });

    it('deleting a situation of the cystitis decision gives a gap with the patient it leaves out', async () => {
        const text = replace(cystite, 'si bandelette = négative : orienter vers mg sous 48 h "Autre diagnostic à rechercher"', '');
        expect(only(await diagnostics(text), 'situation-non-couverte')).toEqual([
            'Aucune situation de l\'étape « Décision » ne s\'applique à une patiente de 16 ans, bandelette urinaire négative : le délégué n\'a pas de conduite à tenir.'
        ]);
    });

    it('deleting the positive TROD line of the sore throat tree leaves the positive non-allergic patient to « sinon » (no gap), deleting « sinon » too gives the gap', async () => {
        let text = replace(odynophagie, 'si resultat-trod = positif et non allergie : réaliser prescription-atb puis fin "Conseils, consigne de reconsulter si absence d\'amélioration sous 72 heures"', '');
        expect(only(await diagnostics(text), 'situation-non-couverte')).toEqual([]);
        text = replace(text, 'sinon : orienter vers mg sous 24 h "TROD non interprétable"', '');
        const [message] = only(await diagnostics(text), 'situation-non-couverte');
        expect(message).toMatch(/^Aucune situation de l'étape « Décision selon le résultat du TROD » ne s'applique à un patient de \d+ ans, résultat du TROD (positif|ininterprétable)/);
    });

    it('making two situations overlap gives a warning naming a patient who meets both', async () => {
        const text = replace(odynophagie, 'si resultat-trod = positif et non allergie :', 'si resultat-trod = positif :');
        const list = await diagnostics(text);
        // The allergic line comes first and refers the patient: the new line is simply covered there.
        expect(only(list, 'situations-chevauchantes')).toEqual([]);
        const swapped = replace(replace(odynophagie,
            'si resultat-trod = positif et allergie : orienter vers mg sous 24 h "Choix d\'une alternative à l\'amoxicilline"', 'MOVED'),
            'si resultat-trod = positif et non allergie : réaliser prescription-atb puis fin "Conseils, consigne de reconsulter si absence d\'amélioration sous 72 heures"',
            'si resultat-trod = positif : réaliser prescription-atb puis fin "Conseils"\n            si resultat-trod = positif et allergie : orienter vers mg sous 24 h "Choix d\'une alternative à l\'amoxicilline"').replace('MOVED', '');
        const overlaps = await diagnostics(swapped);
        expect(only(overlaps, 'situation-morte')).toEqual([
            'La situation « resultat-trod = positif et allergie » de l\'étape « Décision selon le résultat du TROD » ne s\'applique jamais : tout patient qui la remplit relève déjà de « resultat-trod = positif », placée avant elle ; par exemple un patient de 6 ans, résultat du TROD positif, avec allergie connue aux bêta-lactamines.'
        ]);
    });

    it('an overlap where the first situation goes on is a warning with the patient', async () => {
        const text = replace(odynophagie, 'si mac-isaac ≥ 2 ou âge < 15 ans : aller à test', 'si mac-isaac ≥ 2 ou âge < 15 ans : aller à test\n            si temperature > 38 °C : orienter vers mg sous 24 h');
        const [message, ...rest] = only(await diagnostics(text), 'situations-chevauchantes');
        expect(rest).toEqual([]);
        expect(message).toMatch(/^Dans l'étape « Indication du TROD », « mac-isaac ≥ 2 ou âge < 15 ans » et « temperature > 38 °C » s'appliquent toutes deux à un patient de \d+ ans, température 3(8,1|9) °C/);
    });

    it('letting an excluded patient reach a derogating act is an error with the patient and the criterion', async () => {
        const text = replace(cystite, 'si un critère d\'exclusion : orienter vers mg sous 24 h', '');
        const [message, ...rest] = only(await diagnostics(text), 'patient-exclu-traite');
        expect(rest).toEqual([]);
        expect(message).toMatch(/^L'acte dérogatoire « prescription-atb » de l'étape « Décision » est réalisé chez une patiente de \d+ ans.*qui remplit pourtant le critère d'exclusion « \w+ »/);
    });

    it('a unit error and an out-of-range threshold on the examples', async () => {
        const text = replace(cystite, 'exclusion fievre : temperature ≥ 38 °C', 'exclusion fievre : temperature ≥ 38 mmHg');
        expect(only(await diagnostics(text), 'unite-incompatible')).toEqual(['« temperature » est une température (°C) : elle ne se compare pas à une valeur en « mmHg ».']);
        const far = replace(cystite, 'exclusion fievre : temperature ≥ 38 °C', 'exclusion fievre : temperature ≥ 83 °C');
        expect(only(await diagnostics(far), 'valeur-hors-plage')).toEqual(['La valeur 83 °C comparée à « temperature » sort de sa plage plausible (de 34 à 43 °C).']);
    });

    it('an all-prose protocol is « à vérifier » for 4° a, never met', async () => {
        const { computeConformity } = await import('../../src/rules/conformity.js');
        const text = readFileSync('examples/insuline-adaptation-doses.coop', 'utf8');
        const conformity = computeConformity(await diagnostics(text), []);
        const arbres = conformity.items.find(item => item.requirement.id === 'arbres')!;
        expect(arbres.status).toBe('review');
        expect(arbres.review.length).toBeGreaterThan(0);
        expect(conformity.toReview).toBeGreaterThanOrEqual(1);
        expect(conformity.verified + conformity.toReview + conformity.missing).toBe(conformity.total);
        const structured = computeConformity(await diagnostics(cystite), []);
        expect(structured.items.find(item => item.requirement.id === 'arbres')!.status).toBe('met');
    });
});

describe('engine', () => {
    it('splits a number at the thresholds the protocol mentions, inside the plausible range', () => {
        const thresholds = new Set([38, 39]);
        expect(cells({ id: 't', kind: 'num', label: 't', min: 34, max: 43, thresholds })).toEqual([35, 38, 38.1, 39, 40]);
        expect(cells({ id: 'a', kind: 'num', label: 'âge', min: 0, max: 120, thresholds: new Set([1, 12]) })).toEqual([0.1, 1, 2, 12, 13]);
        expect(cells({ id: 'b', kind: 'bool', label: 'b', thresholds: new Set() })).toEqual([false, true]);
    });

    it('ranges with mixed units: âge de 12 mois à 12 ans', async () => {
        const services = await createTestServices();
        const document = await parser(services)(`protocole "T" {
            donnée fievre "Fièvre" : oui ou non
            patients { inclusion age : âge de 12 mois à 12 ans }
            acte a "Acte" { dérogatoire à L4161-1 }
            parcours { étape e { si âge < 2 ans et fievre : orienter vers urgences sous 0 h
                si âge ≥ 2 ans : réaliser a puis fin } }
        }`);
        const root = document.parseResult.value;
        expect(isProtocole(root)).toBe(true);
        const analysis = logicAnalysis(root as Protocole);
        const [step] = analysis.steps.values();
        expect(step.gap?.get('âge')).toBeLessThan(2);
        expect(step.gap?.get('âge')).toBeGreaterThanOrEqual(1);
        expect(step.gap?.get('donnee:fievre')).toBe(false);
    });

    it('stops past the bound with one finding, and stays fast', async () => {
        const names = Array.from({ length: 16 }, (_, i) => `f${i}`);
        const text = `protocole "T" {
            ${names.map(n => `donnée ${n} : oui ou non`).join('\n')}
            parcours { étape e { si ${names.join(' et ')} : fin
                sinon : fin } }
        }`;
        const started = performance.now();
        const list = await diagnostics(text);
        expect(performance.now() - started).toBeLessThan(5000);
        expect(only(list, 'trop-de-combinaisons')).toHaveLength(1);
        expect(MAX_COMBINATIONS).toBe(20_000);
    });
});
