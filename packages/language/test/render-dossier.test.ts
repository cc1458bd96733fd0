import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { buildDocumentModel, createCoopServices, FICHE_ITEMS, loadAndValidate, renderDocx, renderHtml, renderPdf, type BuildOptions } from 'coop-language';
import { protocol } from './helpers.js';
import { spaces } from './render-spaces.js';

// The dossier an ARS agent files as is: a cover saying its state, a table of contents, the
// signature block fitting the protocol, the reviewer's annex, the HAS 2012 layout.

const CYSTITE = readFileSync(new URL('../../../examples/cystite-femme.coop', import.meta.url), 'utf8');
const INSULINE = readFileSync(new URL('../../../examples/insuline-adaptation-doses.coop', import.meta.url), 'utf8');

async function model(text: string, options: BuildOptions = {}) {
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/protocole.coop'), text }]);
    return buildDocumentModel(result.document, Coop, { locale: 'fr', ...options });
}

const documentXml = (docx: Buffer) => strFromU8(unzipSync(docx)['word/document.xml']);

describe('the dossier as filed', () => {
    it('says a draft on its cover, in its running header and as a watermark', async () => {
        const draft = await model(protocol('statut brouillon'));
        expect(draft.draft).toBe('BROUILLON');
        expect(draft.banners.map(banner => banner.kind)).toContain('draft');
        const html = renderHtml(draft);
        expect(html).toContain('<div class="coop-watermark" aria-hidden="true">BROUILLON</div>');
        expect(spaces(documentXml(await renderDocx(draft)))).toContain('BROUILLON — document de travail');
        const authorised = await model(protocol('statut autorisé'));
        expect(authorised.draft).toBeUndefined();
        expect(renderHtml(authorised)).not.toContain('<div class="coop-watermark"');
    });

    it('says « NON CONFORME — n erreurs » while errors remain, and lists them for the reviewer', async () => {
        const broken = await model(protocol('', { 'coordination { intégration "Médecin traitant informé"  transmission "Dossier partagé" }': '' }));
        expect(broken.diagnostics.errors).toBeGreaterThan(0);
        const banner = broken.banners.find(item => item.kind === 'nonConforming');
        expect(banner?.text).toBe(broken.diagnostics.errors === 1 ? 'NON CONFORME — 1 erreur' : `NON CONFORME — ${broken.diagnostics.errors} erreurs`);
        const note = broken.diagnostics.all.find(item => item.code === 'coordination-absente');
        expect(note?.requirement).toBe('Intégration au parcours et transmission des informations (R.4011-1 4° b)');
        expect(note?.section).toMatch(/^\d+\. /);
        const html = spaces(renderHtml(broken));
        expect(html).toContain('Annexe — Points relevés par la vérification automatique');
        // No source line for the reviewer, unless asked.
        expect(html).not.toMatch(/<th>Ligne<\/th>/);
        expect(spaces(renderHtml(await model(protocol('', { 'coordination { intégration "Médecin traitant informé"  transmission "Dossier partagé" }': '' }), { withLines: true })))).toMatch(/<th>Ligne<\/th>/);
        const clean = await model(protocol());
        expect(clean.banners).toEqual([]);
    });

    it('speaks to the ARS on its last page', async () => {
        const m = await model(CYSTITE);
        expect(spaces(m.closing)).toBe('Le présent dossier, version 2.0 du 9 mars 2023, est adressé à l\'agence régionale de santé pour instruction. Il a été mis en forme à partir du texte du protocole tenu par l\'équipe, et vérifié automatiquement au regard des exigences essentielles (art. R.4011-1 du Code de la santé publique) ; le tableau de conformité figure en tête et les points relevés en annexe.');
        expect(renderHtml(m)).not.toContain('numéros de ligne');
    });

    it('asks for the signatures that fit the protocol', async () => {
        const national = await model(CYSTITE);
        expect(spaces(national.signatures.intro)).toMatch(/^Protocole national/);
        expect(national.signatures.signatories).toEqual([{ role: 'Pour l\'équipe promotrice', name: 'Équipe de rédaction nationale soins non programmés, Équipe sélectionnée par le CNCI' }]);
        const establishment = await model(INSULINE);
        expect(establishment.signatures.signatories.map(signatory => spaces(signatory.role))).toEqual([
            'Le directeur de l\'établissement',
            'Le président de la commission médicale d\'établissement (CME)',
            'Le président de la commission des soins infirmiers, de rééducation et médico-techniques (CSIRMT)'
        ]);
        const team = await model(protocol('', { 'type national': 'type local' }));
        expect(team.signatures.signatories.map(signatory => spaces(signatory.role))).toEqual([
            'Le représentant légal — Maison de santé pluriprofessionnelle (MSP)',
            'Le référent du protocole'
        ]);
        expect(spaces(documentXml(await renderDocx(establishment)))).toContain('Signatures et date');
    });

    it('has a table of contents: a TOC field in the DOCX, page numbers and bookmarks in the PDF', async () => {
        const m = await model(CYSTITE);
        const docx = await renderDocx(m);
        const xml = documentXml(docx);
        expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
        expect(xml).toContain('<w:docPartGallery w:val="Table of Contents"/>');
        expect(strFromU8(unzipSync(docx)['word/settings.xml'])).toMatch(/<w:updateFields(?: w:val="true")?\/>/);
        const pdf = (await renderPdf(m)).toString('latin1');
        expect(pdf).toContain('/Outlines');
        // One bookmark per section of the dossier (the conformity table, the sections, signatures, rules set aside, annex).
        const root = /\/Outlines (\d+) 0 R/.exec(pdf)?.[1];
        expect(root).toBeDefined();
        expect(pdf.split(`/Parent ${root} 0 R`).length - 1).toBe(m.sections.length + 4);
        expect(pdf).toContain('/PageMode /UseOutlines');
    });

    it('lays the dossier out as the HAS 2012 « fiche projet » when asked', async () => {
        const m = await model(CYSTITE, { disposition: 'has-2012' });
        expect(m.disposition).toBe('has-2012');
        expect(m.fiche?.columns).toEqual(['ITEMS', 'CONSEILS', 'ÉLÉMENTS DE RÉPONSE']);
        expect(m.fiche?.items.map(item => item.item)).toEqual(FICHE_ITEMS.map(entry => entry.item.fr));
        expect(m.fiche?.items[0].item).toBe('Intitulé du protocole de coopération (PC)');
        expect(m.fiche?.items.find(item => item.item === 'Actes dérogatoires')?.answer.length).toBeGreaterThan(0);
        expect(spaces(m.fiche?.processTitle ?? '')).toBe('Description du processus de prise en charge du patient');
        expect(m.fiche?.process[0].columns).toEqual(['Étapes', 'Description', 'Risques identifiés', 'Maîtrise du risque']);
        expect(m.fiche?.process.length).toBeGreaterThan(0);
        const html = renderHtml(m);
        expect(html).toContain('class="coop-table coop-fiche-table"');
        expect(spaces(documentXml(await renderDocx(m)))).toContain('ÉLÉMENTS DE RÉPONSE');
        expect((await model(CYSTITE)).fiche).toBeUndefined();
    });
});
