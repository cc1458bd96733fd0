import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { buildDocumentModel, createCoopServices, loadAndValidate, type Block } from 'coop-language';
import { codes, protocol, validateWorkspace } from './helpers.js';

async function codesOf(text: string): Promise<string[]> {
    const { 'p.coop': diagnostics } = await validateWorkspace({ 'p.coop': text });
    return codes(diagnostics);
}

const TRAINING = 'formation f-ide pour ide { théorie 6 h  pratique 5 cas  couvre bu, atb }';

describe('training as a total or split (issue 10 §6)', () => {
    it('accepts a total alone, a split alone, and both when they agree', async () => {
        for (const training of [
            'formation f-ide pour ide { durée 10 h  couvre bu, atb }',
            'formation f-ide pour ide { durée 2 jours  validation "QCM"  couvre bu, atb }',
            'formation f-ide pour ide { théorie 6 h  pratique 5 cas  couvre bu, atb }',
            'formation f-ide pour ide { durée 11 h  théorie 6 h  pratique 5 h  pratique 10 cas  couvre bu, atb }'
        ]) {
            const found = await codesOf(protocol('', { [TRAINING]: training }));
            expect(found.filter(code => /^formation-|theorie-en-cas/.test(code)), training).toEqual([]);
        }
    });

    it('flags a total in cases or shorter than its split', async () => {
        for (const training of [
            'formation f-ide pour ide { durée 10 cas  théorie 6 h  pratique 5 cas  couvre bu, atb }',
            'formation f-ide pour ide { durée 4 h  théorie 6 h  pratique 5 cas  couvre bu, atb }',
            'formation f-ide pour ide { théorie 3 h  pratique 3 h  durée 300 min  couvre bu, atb }'
        ]) {
            expect(await codesOf(protocol('', { [TRAINING]: training })), training).toContain('formation-duree-incoherente');
        }
    });

    it('shows the total in the dossier', async () => {
        const { shared, Coop } = createCoopServices(EmptyFileSystem);
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/p/p.coop'), text: protocol('', { [TRAINING]: 'formation f-ide pour ide { durée 10 h  couvre bu, atb }' }) }]);
        const fields: string[] = [];
        const visit = (block: Block) => {
            if (block.type === 'group') block.blocks.forEach(visit);
            if (block.type === 'fields') for (const field of block.fields) fields.push(`${field.label}: ${String(field.value)}`);
        };
        for (const section of buildDocumentModel(result.document, Coop).sections) section.blocks.forEach(visit);
        expect(fields.map(field => field.replace(/\u00a0|\u202f/g, ' '))).toContain('Durée totale de la formation: 10 h');
    });
});

/** A protocol with an act whose eligibility is a criterion scoped to it (« pour titration »). */
function titration(criteria: string, situations: string): string {
    return `protocole "Adaptation des doses d'insuline" {
    délégant diabeto : médecin
    délégué ide : infirmier
    donnée hba1c "HbA1c" : nombre % de 4 à 15
    donnée hypos "Hypoglycémies répétées" : oui ou non
    patients {
        inclusion age : âge de 16 à 80 ans
${criteria}
    }
    acte titration "Adapter les doses d'insuline" { dérogatoire à L4161-1  par ide }
    acte education "Éducation thérapeutique" { non dérogatoire  par ide }
    parcours suivi "Suivi" {
        étape decision "Décision" {
            par ide
${situations}
        }
    }
}`;
}

describe('criteria scoped to one act or one tree (issue 10 §6)', () => {
    const treat = '            si hba1c > 8 % : réaliser titration puis fin\n            sinon : réaliser education puis fin';

    it('an exclusion scoped to an act counts where that act is reached, and only there', async () => {
        expect(await codesOf(titration('        exclusion hypo : hypos pour titration', treat))).toContain('patient-exclu-traite');
        const guarded = '            si hypos : orienter vers diabeto sous 24 h\n' + treat;
        expect(await codesOf(titration('        exclusion hypo : hypos pour titration', guarded))).not.toContain('patient-exclu-traite');
        // Scoped to another act: the titration may go on.
        expect(await codesOf(titration('        exclusion hypo : hypos pour education', treat))).not.toContain('patient-exclu-traite');
    });

    it('an inclusion scoped to an act is its eligibility: a patient outside it must not receive the act', async () => {
        const found = await codesOf(titration('        inclusion majeur : âge ≥ 18 ans pour titration', treat));
        expect(found).toContain('patient-exclu-traite');
        const guarded = '            si âge < 18 ans : orienter vers diabeto sous 48 h\n' + treat;
        expect(await codesOf(titration('        inclusion majeur : âge ≥ 18 ans pour titration', guarded))).not.toContain('patient-exclu-traite');
        // Not an inclusion of the protocol: a patient of 16 is still included (no « inclusion-impossible »).
        expect(await codesOf(titration('        inclusion majeur : âge ≥ 18 ans pour titration\n        inclusion mineur : âge < 18 ans', treat.replace('réaliser titration', 'réaliser education')))).not.toContain('inclusion-impossible');
    });

    it('in its tree, « un critère d\'exclusion » reads the criteria scoped to that tree', async () => {
        const situations = '            si un critère d\'exclusion : orienter vers diabeto sous 24 h\n' + treat;
        expect(await codesOf(titration('        exclusion hypo : hypos pour suivi', situations))).not.toContain('patient-exclu-traite');
        expect(await codesOf(titration('        exclusion hypo : hypos pour suivi', treat))).toContain('patient-exclu-traite');
    });

    it('names an act or a tree of the protocol', async () => {
        expect(await codesOf(titration('        exclusion hypo : hypos pour inconnu', treat))).toContain('reference-inconnue');
    });
});

describe('the dossier shows a criterion\'s scope and mark', () => {
    it('« pour l\'acte … », « signe de gravité »', async () => {
        const { shared, Coop } = createCoopServices(EmptyFileSystem);
        const text = titration('        exclusion hypo : hypos pour titration\n        exclusion malaise : "Malaise" signe de gravité', '            si hypos : orienter vers diabeto sous 24 h\n            sinon : réaliser education puis fin');
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/p/t.coop'), text }]);
        const items: string[] = [];
        const visit = (block: Block) => {
            if (block.type === 'group') block.blocks.forEach(visit);
            if (block.type === 'list') for (const item of block.items) items.push(typeof item.content === 'string' ? item.content : item.content.markdown);
        };
        for (const section of buildDocumentModel(result.document, Coop).sections) section.blocks.forEach(visit);
        const plain = items.map(item => item.replace(/\u00a0|\u202f/g, ' ').replace(/\\/g, ''));
        expect(plain.some(item => item.endsWith('— pour l\'acte « Adapter les doses d\'insuline »'))).toBe(true);
        expect(plain.some(item => item.startsWith('Malaise') && item.endsWith('— signe de gravité'))).toBe(true);
    });
});
