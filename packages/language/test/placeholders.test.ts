import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import {
    computeConformity, conformityLabel, createCoopServices, isProtocole, loadAndValidate
} from 'coop-language';
import { hasContent, isPlaceholderName, placeholderReason, snippetTexts } from '../src/model/placeholders.js';
import { NODE_KINDS } from '../src/model/node-kinds.js';
import { toPlainText } from '../src/model/skeleton-text.js';
import { newProtocolSnippet, SECTION_SKELETONS } from '../src/lsp/skeletons.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const { shared, Coop } = createCoopServices(EmptyFileSystem);
let counter = 0;

async function check(text: string) {
    const uri = URI.file(`/placeholders/p${counter++}.coop`);
    const [result] = await loadAndValidate(shared, [{ uri, text }]);
    const document = result.document;
    const protocole = document.parseResult.value;
    const conformity = computeConformity(result.diagnostics, Coop.validation.SuppressedDiagnostics.get(document), isProtocole(protocole) ? protocole : undefined);
    shared.workspace.LangiumDocuments.deleteDocument(uri);
    return { diagnostics: result.diagnostics, conformity, lines: text.split('\n') };
}

const errorsOf = (diagnostics: Awaited<ReturnType<typeof check>>['diagnostics']) => diagnostics.filter(d => (d.severity ?? 1) === 1);

describe('placeholder detector', () => {
    it('reads empty, punctuation-only and provisional texts as absent (several wordings)', () => {
        for (const text of ['', '   ', '\n\t', '...', '…', '-', '?', '—', '« »', '[…]']) expect(placeholderReason(text), JSON.stringify(text)).toBeDefined();
        for (const text of ['À compléter', 'a completer', 'À définir avec la CME', 'à préciser', 'TODO', 'todo : décrire le circuit', 'FIXME',
            'xxx', 'XXXX', 'Lorem ipsum dolor sit amet', 'Texte', 'titre', '<texte>', 'Modalités : [ ... ]', 'N/A']) {
            expect(placeholderReason(text), text).toBe('mention');
        }
    });

    it('reads the texts of the skeletons left as inserted as absent, whatever the case and accents', () => {
        for (const text of ['Titre du protocole', 'Nom de l\'équipe promotrice', 'Thème du protocole', 'Lieu de réalisation', 'besoin de sante auquel repond le protocole',
            'Le délégant est joignable par téléphone', 'Conditions de réalisation', 'Matériel requis', 'Libellé de l\'acte', 'Financement de l\'activité.']) {
            expect(placeholderReason(text), text).toBe('modele');
        }
    });

    it('stays quiet on real content, including texts that quote a provisional word in passing', () => {
        for (const text of ['Médecine générale', 'HAS', 'Diplôme d\'État d\'infirmier', 'Messagerie sécurisée de santé',
            'Salle de soins de la MSP, box fermé', 'Fièvre > 38,5 °C ou douleur lombaire', 'Un critère d\'exclusion est présent',
            'Le médecin d\'astreinte est joignable au 06 12 34 56 78', 'Bilan à J7…', 'Titre de séjour du patient vérifié', 'Structure de coordination : CPTS du Val']) {
            expect(placeholderReason(text), text).toBeUndefined();
            expect(hasContent(text)).toBe(true);
        }
        expect(hasContent(undefined)).toBe(false);
    });

    it('recognises the names a skeleton leaves, and only those', () => {
        for (const name of ['nom', 'NOM', 'PC-NOM', 'pc-nom', 'PC-XXX', 'xxx']) expect(isPlaceholderName(name), name).toBe(true);
        for (const name of ['nomade', 'pc-cystite-01', 'mg', 'ide', 'acte-1', 'gravite']) expect(isPlaceholderName(name), name).toBe(false);
    });

    it('knows every instruction text of the server\'s skeletons (« Nouveau protocole » and each section)', () => {
        // Defaults that are a plausible answer as written: a reviewer would accept them.
        const plausible = new Set(['HAS', '1.0', 'Médecine générale', 'Diplôme d\'État', 'https://', 'Messagerie sécurisée de santé', 'Accueil et vérification des critères',
            'Un critère d\'exclusion est présent', 'Critère d\'exclusion', 'Refus du patient', 'Diplôme d\'État de docteur en médecine', 'Diplôme d\'État d\'infirmier', 'Du lundi au vendredi, 8 h – 20 h',
            'Du lundi au vendredi de 8 h à 20 h', 'Le patient peut refuser à tout moment', 'annexes/document.pdf', 'https://www.has-sante.fr/']);
        const missed: string[] = [];
        const skeletons: Array<[string, string]> = [['Nouveau protocole', newProtocolSnippet()], ...Object.entries(SECTION_SKELETONS).map(([type, skeleton]) => [type, skeleton ?? ''] as [string, string])];
        for (const [name, body] of skeletons) {
            for (const text of snippetTexts(body)) {
                if (!plausible.has(text) && placeholderReason(text) === undefined) missed.push(`${name}: ${text}`);
            }
        }
        expect(missed).toEqual([]);
    });
});

describe('texte-a-completer', () => {
    it('the « Nouveau protocole » skeleton left as generated starts with errors that list each text to replace, never a full badge', async () => {
        const text = toPlainText(newProtocolSnippet());
        const { diagnostics, conformity, lines } = await check(text);
        const toReplace = diagnostics.filter(d => d.code === 'texte-a-completer');
        // Every text the skeleton leaves to write is underlined, and the names it leaves (`nom`, `PC-NOM`).
        const toWrite = snippetTexts(newProtocolSnippet()).filter(written => placeholderReason(written) !== undefined);
        expect(toWrite.length).toBeGreaterThan(15);
        const starts = lines.reduce<number[]>((offsets, line, index) => [...offsets, index === 0 ? 0 : offsets[index - 1] + lines[index - 1].length + 1], []);
        const spans = toReplace.map(d => text.slice(starts[d.range.start.line] + d.range.start.character, starts[d.range.end.line] + d.range.end.character));
        const notUnderlined = [...toWrite.map(written => written.replace(/^-\s*/, '').trim()), 'PC-NOM'].filter(written => !spans.some(span => span.includes(written)));
        expect(notUnderlined).toEqual([]);
        // Each message names the text to replace.
        for (const d of toReplace) expect(d.message).toMatch(/^Remplacez « .+ » \(/);
        expect(toReplace.every(d => (d.severity ?? 1) === 1)).toBe(true);
        expect(conformity.verified).toBeLessThan(conformity.total);
        expect(conformity.missing).toBeGreaterThanOrEqual(8);
        expect(conformityLabel(conformity, 'fr')).toMatch(/^Contrôles automatiques : \d+\/16 exigences vérifiées, .*\d+ manquantes/);
    });

    // A complete protocol (0 errors, full badge) into which each section skeleton is inserted as is.
    const complete = readFileSync(root('examples/cystite-femme.coop'), 'utf8');
    // Skeletons made only of choices or of values a reviewer accepts as written: nothing to replace.
    const CHOICES_ONLY = new Set(['TypeProtocole', 'Cadre', 'Version', 'DureeProtocole']);
    const skeletons = NODE_KINDS.filter(kind => kind.section && kind.skeleton && !CHOICES_ONLY.has(kind.type));

    it('the complete example starts with no error and a full badge', async () => {
        const { diagnostics, conformity } = await check(complete);
        expect(errorsOf(diagnostics)).toEqual([]);
        expect(conformity.verified).toBe(conformity.total);
    });

    for (const kind of skeletons) {
        it(`the « ${kind.label.fr} » skeleton inserted unedited gives an error and no full badge`, async () => {
            const skeleton = toPlainText(kind.skeleton!).replace(/\t/g, '        ');
            const closing = complete.lastIndexOf('}');
            const text = `${complete.slice(0, closing)}\n    ${skeleton.split('\n').join('\n    ')}\n${complete.slice(closing)}`;
            const { diagnostics, conformity } = await check(text);
            const own = errorsOf(diagnostics).filter(d => d.code !== 'element-en-double' && d.code !== 'nom-en-double');
            expect(own.length, `${kind.type}: ${diagnostics.map(d => d.code).join(', ')}`).toBeGreaterThan(0);
            expect(conformity.verified).toBeLessThan(conformity.total);
        });
    }

    it('counts a placeholder in the requirement of its section', async () => {
        const text = complete.replace(/responsabilité civile "[^"]*"/, 'responsabilité civile "À compléter"');
        expect(text).not.toBe(complete);
        const { conformity } = await check(text);
        expect(conformity.items.find(item => item.requirement.id === 'responsabilite')?.status).toBe('missing');
        expect(conformity.items.filter(item => item.status === 'missing').map(item => item.requirement.id)).toEqual(['responsabilite']);
    });
});
