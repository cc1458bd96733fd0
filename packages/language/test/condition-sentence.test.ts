import { describe, expect, it } from 'vitest';
import { isProtocole, type Etape, type Protocole } from 'coop-language';
import { AstUtils } from 'langium';
import { conditionSentence } from '../src/logic/sentence.js';
import { createTestServices, parser } from './helpers.js';

/** The sentences the dossier shows for the conditions of one step, in order. */
async function sentences(conditions: string[]): Promise<string[]> {
    const text = [
        'protocole "Angine" {', '    délégant mg : médecin', '    délégué ide : infirmier',
        '    donnée tdr "Résultat du TROD" : parmi positif, négatif, ininterprétable',
        '    donnée allergie "Allergie connue aux bêta-lactamines" : oui ou non',
        '    donnée temperature "Température" : nombre °C de 34 à 43',
        '    donnée frissons "Frissons" : oui ou non',
        '    patients {', '        inclusion adulte : âge ≥ 15 ans', '        exclusion grave : "Signe de gravité"', '    }',
        '    parcours principal "Angine" {', '        étape decision "Décision" {', '            par ide',
        ...conditions.map(condition => `            si ${condition} : fin`),
        '            sinon : fin', '        }', '    }', '}'
    ].join('\n');
    const document = await parser(await createTestServices())(text);
    const root = document.parseResult.value;
    if (!isProtocole(root)) throw new Error('not a protocol');
    const etape = AstUtils.streamAst(root as Protocole).find((node): node is Etape => node.$type === 'Etape')!;
    return etape.situations.filter(situation => situation.expression).map(situation => conditionSentence(situation.expression));
}

describe('conditions read as sentences in the dossier', () => {
    it('introduces a value of a list with « : », and its negation with « autre que »', async () => {
        expect(await sentences(['tdr = positif', 'tdr != négatif', 'tdr = positif ou tdr = ininterprétable'])).toEqual([
            'résultat du TROD : positif', 'résultat du TROD : autre que négatif', 'résultat du TROD : positif ou résultat du TROD : ininterprétable'
        ]);
    });

    it('reads a negated yes/no datum as « sans … », and keeps « non » before anything else', async () => {
        expect(await sentences(['tdr = positif et non allergie', 'non frissons', 'non (frissons ou allergie)', 'non temperature ≥ 38 °C'])).toEqual([
            'résultat du TROD : positif et sans allergie connue aux bêta-lactamines', 'sans frissons', 'non (frissons ou allergie connue aux bêta-lactamines)', 'non température ≥ 38 °C'
        ]);
    });

    it('keeps the signs of numbers and the words of ages and criteria', async () => {
        expect(await sentences(['temperature ≥ 38 °C et frissons', 'âge < 15 ans ou un critère d\'exclusion'])).toEqual([
            'température ≥ 38 °C et frissons', 'âge < 15 ans ou un critère d\'exclusion'
        ]);
    });
});
