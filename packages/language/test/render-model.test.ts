import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import {
    buildDocumentModel, computeConformity, createCoopServices, isProtocole, loadAndValidate, NotAProtocolError, REQUIREMENTS, templateRank,
    type Block, type DocumentModel, type Locale, type Note, type Section
} from 'coop-language';
import { plainSpaces } from './render-spaces.js';
import { protocol } from './helpers.js';

const CYSTITE = readFileSync(new URL('../../../examples/cystite-femme.coop', import.meta.url), 'utf8');

/** Validates `text` (with optional neighbour files) and builds its document model. */
async function model(text: string, options: { locale?: Locale; files?: Record<string, string> } = {}) {
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    Coop.i18n.Locale.current = options.locale ?? 'fr';
    const neighbours = Object.entries(options.files ?? {}).map(([name, content]) => ({ uri: URI.file(`/ws/${name}`), text: content }));
    const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/protocole.coop'), text }, ...neighbours]);
    return { model: plainSpaces(buildDocumentModel(result.document, Coop)), document: result.document, Coop };
}

/** Every block of the model, groups flattened. */
function blocks(section: Section): Block[] {
    const all: Block[] = [];
    const visit = (block: Block) => {
        all.push(block);
        if (block.type === 'group') block.blocks.forEach(visit);
    };
    section.blocks.forEach(visit);
    return all;
}

function section(model: DocumentModel, id: string): Section {
    const found = model.sections.find(candidate => candidate.id === id);
    if (!found) throw new Error(`no section ${id}`);
    return found;
}

/** Every note attached anywhere in the model (header, sections, blocks, fields, rows, steps…). */
function allNotes(model: DocumentModel): Array<{ where: string; note: Note }> {
    const result: Array<{ where: string; note: Note }> = [];
    const walk = (where: string, value: unknown) => {
        if (Array.isArray(value)) value.forEach(item => walk(where, item));
        else if (value && typeof value === 'object') {
            const record = value as Record<string, unknown>;
            for (const note of (record.notes as Note[] | undefined) ?? []) result.push({ where, note });
            for (const [key, child] of Object.entries(record)) if (key !== 'notes') walk(typeof record.id === 'string' ? record.id : where, child);
        }
    };
    walk('header', model.header);
    model.sections.forEach(s => walk(s.id, s));
    return result;
}

/** The example with its elements in reverse order (the file stays valid: order is free). */
function reversed(text: string): string {
    const head = text.slice(0, text.indexOf('{', text.indexOf('protocole')) + 1);
    const body = text.slice(head.length, text.lastIndexOf('}'));
    const chunks: string[] = [];
    let depth = 0;
    let inBlock = false;
    let current = '';
    for (const line of body.split('\n')) {
        current += line + '\n';
        if ((line.match(/"""/g) ?? []).length % 2 === 1) inBlock = !inBlock;
        if (!inBlock) depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
        if (depth === 0 && !inBlock && current.trim()) {
            chunks.push(current);
            current = '';
        }
    }
    return `${head}\n${chunks.reverse().join('')}}\n`;
}

describe('document model', () => {
    it('lays the sections out in the template order, whatever the order in the file', async () => {
        const straight = (await model(CYSTITE)).model;
        const shuffledText = reversed(CYSTITE);
        expect(shuffledText.indexOf('annexe')).toBeLessThan(shuffledText.indexOf('identifiant'));
        const { model: shuffled, document } = await model(shuffledText);
        expect(document.parseResult.parserErrors).toEqual([]);
        const ids = straight.sections.map(s => s.id);
        expect(shuffled.sections.map(s => s.id)).toEqual(ids);
        expect(ids).toEqual([...ids].sort((a, b) => templateRank(a) - templateRank(b)));
        expect(ids.slice(0, 6)).toEqual(['Contexte', 'Objectifs', 'References', 'Delegant', 'Delegue', 'Patients']);
        expect(ids).toContain('Parcours');
        // The reviewer checklist closes the document, after the last section of the template.
        expect(ids.slice(-2)).toEqual(['Annexe', 'Checklist']);
        // Same content, different source lines: each section points at its element in the file.
        const lines = shuffledText.split('\n');
        for (const s of shuffled.sections) {
            expect(lines[s.line], s.id).toMatch(/^\s*\S/);
        }
        expect(lines[section(shuffled, 'Objectifs').line]).toMatch(/^\s*objectifs/);
        expect(section(shuffled, 'Objectifs').line).not.toBe(section(straight, 'Objectifs').line);
        expect(shuffled.sections.map(s => s.number)).toEqual(shuffled.sections.map((_, index) => index + 1));
    });

    it('gives every block, field, row and step its 0-based source line', async () => {
        const { model: m } = await model(CYSTITE);
        const lines = CYSTITE.split('\n');
        expect(lines[m.line]).toMatch(/^protocole /);
        expect(lines[m.header.fields.find(f => f.label === 'Identifiant')!.line]).toMatch(/identifiant PC-CYSTITE/);
        const parcours = blocks(section(m, 'Parcours'));
        const tree = parcours.find(b => b.type === 'tree');
        if (tree?.type !== 'tree') throw new Error('no tree');
        expect(tree.steps.map(step => lines[step.line].trim().split(' ').slice(0, 2).join(' '))).toEqual(['étape accueil', 'étape examen', 'étape decision']);
        expect(lines[tree.steps[0].branches[0].line]).toMatch(/si un critère d'exclusion :/);
        for (const s of m.sections) {
            for (const block of blocks(s)) expect(Number.isInteger(block.line) && block.line >= 0, `${s.id}/${block.type}`).toBe(true);
        }
    });

    it('writes the header, the professionals and the criteria in words', async () => {
        const { model: m } = await model(CYSTITE);
        expect(m.title).toBe('Prise en charge de la pollakiurie et des brûlures mictionnelles non fébriles chez la femme de 16 à 65 ans');
        expect(m.meta).toEqual({ identifier: 'PC-CYSTITE', version: '2.0', date: '2023-03-09', type: 'national', status: 'autorisé' });
        const header = Object.fromEntries(m.header.fields.map(f => [f.label, f.value]));
        expect(header['Date de la version']).toBe('9 mars 2023');
        expect(header['Statut']).toBe('Autorisé');
        expect(header["Cadre d'exercice"]).toContain('Maison de santé pluriprofessionnelle (MSP)');
        expect(m.header.promoters?.rows).toHaveLength(3);

        const delegant = blocks(section(m, 'Delegant')).find(b => b.type === 'fields');
        if (delegant?.type !== 'fields') throw new Error('no fields');
        const fields = Object.fromEntries(delegant.fields.map(f => [f.label, f.value]));
        expect(fields['Profession']).toBe('Médecin');
        expect(fields['Article qui réserve ses actes']).toBe('L4111-1 — Professions médicales (médecin, chirurgien-dentiste, sage-femme) : conditions d\'exercice');

        const lists = blocks(section(m, 'Patients')).filter(b => b.type === 'list');
        expect(lists.map(b => b.title)).toEqual(['Critères d\'inclusion', 'Critères d\'exclusion', 'Critères de retrait']);
        const inclusion = lists[0].type === 'list' ? lists[0].items.map(item => item.content) : [];
        expect(inclusion.slice(0, 2)).toEqual(['Sexe féminin', 'Âge de 16 à 65 ans']);
    });

    it('shows acts with their articles, trees with an action per situation, and the process table', async () => {
        const { model: m } = await model(CYSTITE);
        const tables = blocks(section(m, 'Acte')).filter(b => b.type === 'table');
        expect(tables.map(t => t.title)).toEqual(['Actes dérogatoires', 'Actes non dérogatoires']);
        const derogating = tables[0].type === 'table' ? tables[0] : undefined;
        expect(derogating?.rows[0].cells[1]).toEqual(['L4161-1 — Exercice illégal de la médecine']);

        const all = blocks(section(m, 'Parcours'));
        const tree = all.find(b => b.type === 'tree');
        if (tree?.type !== 'tree') throw new Error('no tree');
        const decision = tree.steps[2];
        expect(decision.branches.map(branch => branch.action.kind)).toEqual(['perform', 'refer']);
        expect(decision.branches[0].action.then?.kind).toBe('end');
        expect(decision.branches[1].action.delay).toBe('sous 48 h');
        expect(tree.steps[0].branches[2]).toMatchObject({ conditionLabel: 'Dans tous les autres cas', action: { kind: 'goto', target: { id: 'etape-2', number: 2 } } });

        const process = all.find(b => b.type === 'table' && b.role === 'process');
        if (process?.type !== 'table') throw new Error('no process table');
        expect(process.columns).toEqual(['Étapes', 'Description', 'Risques identifiés', 'Maîtrise du risque']);
        expect(process.rows[0].cells[2]).toEqual(['Méconnaissance d\'une pyélonéphrite (gravité : majeure)']);

        const indicators = blocks(section(m, 'Indicateur'));
        const summary = indicators.find(b => b.type === 'table');
        expect(summary?.type === 'table' && summary.rows).toHaveLength(4);
        const sheet = indicators.find(b => b.type === 'fields' && b.layout === 'sheet');
        expect(sheet?.type === 'fields' && sheet.fields.map(f => f.label)).toEqual(expect.arrayContaining(['Libellé', 'Définition', 'Numérateur', 'Dénominateur', 'Objectif', 'Seuil d\'alerte', 'Périodicité', 'Modalités de recueil', 'Source des données']));
    });

    it('builds the conformity matrix from the conformity of the document', async () => {
        const text = protocol('', {
            'coordination { intégration "Médecin traitant informé"  transmission "Dossier partagé" }': '',
            'gestion des risques { signalement "Sans délai"  revue rex tous les 3 mois }': 'gestion des risques { signalement "Sans délai"  ignorer revue-risques-absente : "Revue au sein de la CME de l\'établissement" }'
        });
        const { model: m, document, Coop } = await model(text);
        const conformity = computeConformity(document.diagnostics ?? [], Coop.validation.SuppressedDiagnostics.get(document));
        expect(m.conformity.rows.map(row => [row.id, row.status])).toEqual(conformity.items.map(item => [item.requirement.id, item.status]));
        expect(m.conformity.rows).toHaveLength(REQUIREMENTS.length);
        expect(m.conformity.label).toBe('Contrôles automatiques : 14/16 exigences vérifiées (dont 1 par dérogation justifiée), 1 à vérifier, 1 manquante');

        const missing = m.conformity.rows.find(row => row.id === 'parcours')!;
        expect(missing.status).toBe('missing');
        expect(missing.statusLabel).toBe('Manquante');
        expect(missing.details[0]).toMatch(/ne dit pas comment il s'intègre au parcours/);
        expect(missing.line).toBe(0); // reported on the protocol's title

        const suppressed = m.conformity.rows.find(row => row.id === 'risques')!;
        expect(suppressed.status).toBe('suppressed');
        expect(suppressed.details).toEqual(['Justification : Revue au sein de la CME de l\'établissement']);
        expect(text.split('\n')[suppressed.line]).toMatch(/ignorer revue-risques-absente/);

        const met = m.conformity.rows.find(row => row.id === 'indicateurs')!;
        expect(met.status).toBe('met');
        expect(text.split('\n')[met.line]).toMatch(/^\s*indicateur /);

        expect(m.suppressions).toEqual([expect.objectContaining({
            code: 'revue-risques-absente', rule: 'Aucune revue des événements', justification: 'Revue au sein de la CME de l\'établissement',
            scope: 'Gestion des risques', findings: [expect.objectContaining({ message: expect.stringMatching(/aucune revue/) })]
        })]);
    });

    it('attaches each diagnostic to the element it concerns', async () => {
        const text = protocol('', {
            'délégué ide : infirmier { qualification "DEI"  expérience 1 an }': 'délégué ide : infirmiere { qualification "DEI"  expérience 1 an }',
            'coordination { intégration "Médecin traitant informé"  transmission "Dossier partagé" }': '',
            'si "Critère d\'exclusion" : orienter vers mg sous 24 h': 'si "Critère d\'exclusion" : orienter vers mg'
        });
        const { model: m } = await model(text);
        const notes = allNotes(m);
        const where = (code: string) => notes.filter(entry => entry.note.code === code).map(entry => entry.where);
        expect(where('reference-inconnue')).toEqual(['Delegue']);
        expect(where('coordination-absente')).toEqual(['Coordination']);
        expect(section(m, 'Coordination').empty).toBe(true);
        expect(section(m, 'Coordination').notes.map(n => n.code)).toEqual(['coordination-absente']);
        // The step's branch carries the missing delay.
        const tree = blocks(section(m, 'Parcours')).find(b => b.type === 'tree');
        if (tree?.type !== 'tree') throw new Error('no tree');
        // (and, written in prose, the point for the reviewer)
        expect(tree.steps[0].branches[0].notes.map(n => n.code)).toEqual(['condition-en-prose', 'reorientation-sans-delai']);
        // Every diagnostic is listed once, in reading order, and shown somewhere.
        expect(m.diagnostics.all.map(n => n.code).sort()).toEqual(notes.filter(n => n.note.kind !== 'suppressed').map(n => n.note.code).sort());
        expect(m.diagnostics.errors).toBeGreaterThan(0);
    });

    it('shows library elements used by the protocol', async () => {
        const library = `bibliothèque "Commun" {
    référence has-rbp "Recommandation commune" auteur "HAS" année 2021 has
    module hygiene "Hygiène" { théorie 2 h validation "Attestation" }
}`;
        const text = protocol('utilise has-rbp', { 'théorie 6 h  pratique 5 cas  couvre bu, atb': 'théorie 6 h  pratique 5 cas  couvre bu, atb  module hygiene' });
        const { model: m } = await model(text, { files: { 'commun.coop': library } });
        const references = blocks(section(m, 'References')).find(b => b.type === 'table');
        expect(references?.type === 'table' && references.rows.map(row => row.cells[0])).toEqual(['Recommandation', ['Recommandation commune', 'bibliothèque « Commun »']]);
        const training = blocks(section(m, 'Formation'));
        expect(training.filter(b => b.type === 'group').map(b => b.type === 'group' && b.title)).toEqual(["Formation de l'infirmier délégué", 'Hygiène']);
    });

    it('speaks English when asked', async () => {
        const { model: m } = await model(CYSTITE, { locale: 'en' });
        expect(m.conformity.title).toBe('Conformity to the essential requirements');
        expect(m.conformity.label).toBe('Automatic checks: 16/16 requirements verified');
        expect(section(m, 'Patients').title).toBe('Patients');
        expect(m.header.fields.find(f => f.label === 'Version date')?.value).toBe('9 March 2023');
        const lists = blocks(section(m, 'Patients'));
        expect(lists[0].type === 'list' && lists[0].items[1].content).toBe('Age from 16 to 65 years');
    });

    it('refuses a library, which has no submission document', async () => {
        const { shared, Coop } = createCoopServices(EmptyFileSystem);
        const [result] = await loadAndValidate(shared, [{ uri: URI.file('/lib.coop'), text: 'bibliothèque "B" { }' }]);
        expect(isProtocole(result.document.parseResult.value)).toBe(false);
        expect(() => buildDocumentModel(result.document, Coop)).toThrow(NotAProtocolError);
    });
});

describe('reviewer checklist', () => {
    it('gives each requirement its status, what the tool verified, what the reviewer judges and the protocol\'s own text', async () => {
        const { model: m } = await model(CYSTITE);
        const checklist = section(m, 'Checklist');
        expect(checklist.title).toBe('Grille de relecture');
        const table = checklist.blocks[0];
        if (table.type !== 'table') throw new Error('no table');
        expect(table.columns).toEqual(['Exigence', 'État', 'Vérifié par l\'outil', 'À juger par le relecteur', 'Texte du protocole']);
        expect(table.rows).toHaveLength(REQUIREMENTS.length);
        const row = (id: string) => table.rows[REQUIREMENTS.findIndex(r => r.id === id)].cells;
        const responsabilite = row('responsabilite');
        expect(responsabilite[1]).toBe('Vérifiée');
        expect(responsabilite[2]).toContain('Responsabilité civile non traitée');
        expect(JSON.stringify(responsabilite[3])).toMatch(/attestations d'assurance/);
        const text = CYSTITE.match(/responsabilité civile "([^"]*)"/)![1];
        expect(responsabilite[4]).toEqual([text.replace(/\s+/g, ' ').trim()]);
    });

    it('lists the findings of a missing requirement and says « Manquante »', async () => {
        const { model: m } = await model(CYSTITE.replace(/responsabilité civile "[^"]*"/, 'responsabilité civile "À compléter"'));
        const table = section(m, 'Checklist').blocks[0];
        if (table.type !== 'table') throw new Error('no table');
        const cells = table.rows[REQUIREMENTS.findIndex(r => r.id === 'responsabilite')].cells;
        expect(cells[1]).toBe('Manquante');
        expect(JSON.stringify(cells[2])).toMatch(/Constat : Remplacez « À compléter »/);
        expect(cells[4]).toBe('Non renseigné.');
    });
});
