import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments, parseHelper, validationHelper } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createCoopServices, getDefinition, loadAndValidate, type Document } from 'coop-language';

/** Fresh services with the built-in catalogue loaded, as the CLI and the server have it. */
export async function createTestServices() {
    const services = createCoopServices(EmptyFileSystem);
    await loadAndValidate(services.shared, []);
    return services;
}

export type TestServices = Awaited<ReturnType<typeof createTestServices>>;

/** Validates several files as one workspace; returns the diagnostics per file name. */
export async function validateWorkspace(files: Record<string, string>): Promise<Record<string, Diagnostic[]>> {
    const { shared } = createCoopServices(EmptyFileSystem);
    const results = await loadAndValidate(shared, Object.entries(files).map(([name, text]) => ({ uri: URI.file(`/ws/${name}`), text })));
    return Object.fromEntries(results.map(({ document, diagnostics }) => [document.uri.path.replace('/ws/', ''), diagnostics]));
}

/** Without the points for the reviewer (`condition-en-prose`: the minimal protocol's conditions are prose). */
export function noReview(diagnostics: Diagnostic[]): Diagnostic[] {
    return diagnostics.filter(diagnostic => diagnostic.code !== 'condition-en-prose');
}

export function codes(diagnostics: Diagnostic[]): string[] {
    return diagnostics.map(diagnostic => String(diagnostic.code));
}

/** Only the diagnostics of the language itself (syntax, references, duplicates), not the decree rules. */
export function languageOnly(diagnostics: Diagnostic[]): Diagnostic[] {
    return diagnostics.filter(diagnostic => getDefinition(String(diagnostic.code))?.category === 'langage');
}

/** Validates one document with langium/test's helper, against the built-in catalogue. */
export function validator(services: TestServices) {
    return validationHelper<Document>(services.Coop);
}

export function parser(services: TestServices) {
    return parseHelper<Document>(services.Coop);
}

export async function clear(services: TestServices, documents: LangiumDocument[]): Promise<void> {
    await clearDocuments(services.shared, documents);
}

/**
 * A complete, minimal protocol that passes every rule; tests add (`extra`, inserted before the
 * closing brace) or replace one part of it to trigger exactly one check.
 */
export function protocol(extra = '', replace: Record<string, string> = {}): string {
    let text = `protocole "Test" {
    identifiant PC-TEST
    type national
    cadre msp
    objectifs "Réduire les délais"
    références { référence rbp "Recommandation" auteur "HAS" année 2021 has }
    délégant mg : médecin { spécialité "Médecine générale" }
    délégué ide : infirmier { qualification "DEI"  expérience 1 an }
    patients {
        inclusion age : âge de 16 à 65 ans
        exclusion fievre : "Fièvre"
    }
    acte bu "Bandelette urinaire" { non dérogatoire  par ide }
    acte atb "Prescrire l'antibiotique" { dérogatoire à L4161-1  par ide }
    lieu "Cabinet"
    formation f-ide pour ide { théorie 6 h  pratique 5 cas  couvre bu, atb }
    parcours {
        étape accueil "Accueil" {
            par ide
            si "Critère d'exclusion" : orienter vers mg sous 24 h
            sinon : réaliser bu puis aller à decision
        }
        étape decision {
            par ide
            si "Bandelette positive" : réaliser atb puis fin
            sinon : orienter vers mg sous 48 h
        }
    }
    coordination { intégration "Médecin traitant informé"  transmission "Dossier partagé" }
    réorientations { situation fievre2 "Fièvre" vers mg sous 24 h }
    disponibilité { modalités "Téléphone"  réponse sous 30 min }
    information du patient { document "Fiche"  accord oral  refus "Possible" }
    système d'information { partage "Messagerie sécurisée"  traçabilité "Dossier" }
    gestion des risques { signalement "Sans délai"  revue rex tous les 3 mois }
    responsabilité civile "Assurance de chaque professionnel"
    indicateur patients "Nombre de patients" { exigence patients  nature nombre  périodicité annuelle }
    indicateur reprise "Taux de reprise" { exigence reprise  numérateur "Actes repris par le délégant"  dénominateur "Actes réalisés par le délégué"  périodicité annuelle }
    indicateur ei "Taux d'EI" { exigence événements-indésirables  numérateur "a"  dénominateur "b"  périodicité annuelle }
    indicateur satisfaction "Satisfaction" { exigence satisfaction-professionnels  numérateur "a"  dénominateur "b"  périodicité annuelle }
    modèle économique "Forfait"
${extra}
}
`;
    for (const [from, to] of Object.entries(replace)) {
        if (!text.includes(from)) throw new Error(`protocol(): '${from}' not found`);
        text = text.replace(from, to);
    }
    return text;
}
