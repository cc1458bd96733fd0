import { URI } from 'langium';

/**
 * The built-in catalogue: the articles of the Code de la santé publique from which a cooperation
 * protocol may derogate (list of art. L.4011-1 as rewritten by loi n° 2019-774, art. 66) and the
 * professions whose acts they reserve.
 *
 * Provenance (../shared/domain/research-notes.md §10): the article list is sourced [S] from
 * Légifrance; the profession ↔ article mapping is recalled [R] from the usual structure of the
 * CSP and was not checked article by article. Rules that rely on the mapping say so in their docs.
 *
 * It is written in the protocol language itself, so professions and articles are ordinary
 * cross-reference targets: completion, hover, go-to-definition and « unknown profession » errors
 * come from the same machinery as the author's own acts and steps.
 */
export const CATALOGUE_URI = URI.parse('coop-builtin:///catalogue.coop');

export const CATALOGUE_TEXT = `// Catalogue intégré de l'outil coop : à ne pas modifier.
// Articles du Code de la santé publique auxquels un protocole de coopération peut déroger
// (art. L.4011-1) et professions dont ils réservent l'exercice.
catalogue {
    article L1132-1  "Conseiller en génétique : conditions d'exercice"
    article L4111-1  "Professions médicales (médecin, chirurgien-dentiste, sage-femme) : conditions d'exercice"
    article L4161-1  "Exercice illégal de la médecine"
    article L4161-3  "Exercice illégal de l'art dentaire"
    article L4161-5  "Exercice illégal de la profession de sage-femme"
    article L4221-1  "Pharmacien : conditions d'exercice"
    article L4241-1  "Préparateur en pharmacie : exercice"
    article L4241-13 "Préparateur en pharmacie hospitalière : exercice"
    article L4251-1  "Physicien médical : exercice"
    article L4301-1  "Auxiliaire médical en pratique avancée"
    article L4311-1  "Infirmier : définition de l'exercice"
    article L4321-1  "Masseur-kinésithérapeute : définition de l'exercice"
    article L4322-1  "Pédicure-podologue : définition de l'exercice"
    article L4331-1  "Ergothérapeute : exercice"
    article L4332-1  "Psychomotricien : exercice"
    article L4341-1  "Orthophoniste : définition de l'exercice"
    article L4342-1  "Orthoptiste : définition de l'exercice"
    article L4351-1  "Manipulateur d'électroradiologie médicale : exercice"
    article L4352-2  "Technicien de laboratoire médical : conditions d'exercice"
    article L4361-1  "Audioprothésiste : exercice"
    article L4362-1  "Opticien-lunetier : exercice"
    article L4364-1  "Prothésiste et orthésiste pour l'appareillage des personnes handicapées"
    article L4371-1  "Diététicien : exercice"
    article L4391-1  "Aide-soignant : exercice"
    article L4392-1  "Auxiliaire de puériculture : exercice"
    article L4393-8  "Ambulancier : exercice"
    article L4394-1  "Assistant dentaire : exercice"
    article L6316-1  "Télésanté : télémédecine et télésoin"

    profession conseiller-en-génétique "Conseiller en génétique" article L1132-1 groupe "Génétique"
    profession médecin "Médecin" article L4111-1 groupe "Professions médicales"
    profession chirurgien-dentiste "Chirurgien-dentiste" article L4111-1 groupe "Professions médicales"
    profession sage-femme "Sage-femme" article L4111-1 groupe "Professions médicales"
    profession pharmacien "Pharmacien" article L4221-1 groupe "Pharmacie"
    profession préparateur-en-pharmacie "Préparateur en pharmacie" article L4241-1 groupe "Pharmacie"
    profession préparateur-en-pharmacie-hospitalière "Préparateur en pharmacie hospitalière" article L4241-13 groupe "Pharmacie"
    profession physicien-médical "Physicien médical" article L4251-1 groupe "Physique médicale"
    profession auxiliaire-médical-en-pratique-avancée "Auxiliaire médical en pratique avancée" article L4301-1 groupe "Auxiliaires médicaux"
    profession infirmier "Infirmier" article L4311-1 groupe "Auxiliaires médicaux"
    profession masseur-kinésithérapeute "Masseur-kinésithérapeute" article L4321-1 groupe "Auxiliaires médicaux"
    profession pédicure-podologue "Pédicure-podologue" article L4322-1 groupe "Auxiliaires médicaux"
    profession ergothérapeute "Ergothérapeute" article L4331-1 groupe "Auxiliaires médicaux"
    profession psychomotricien "Psychomotricien" article L4332-1 groupe "Auxiliaires médicaux"
    profession orthophoniste "Orthophoniste" article L4341-1 groupe "Auxiliaires médicaux"
    profession orthoptiste "Orthoptiste" article L4342-1 groupe "Auxiliaires médicaux"
    profession manipulateur-électroradiologie "Manipulateur d'électroradiologie médicale" article L4351-1 groupe "Auxiliaires médicaux"
    profession technicien-de-laboratoire "Technicien de laboratoire médical" article L4352-2 groupe "Auxiliaires médicaux"
    profession audioprothésiste "Audioprothésiste" article L4361-1 groupe "Auxiliaires médicaux"
    profession opticien-lunetier "Opticien-lunetier" article L4362-1 groupe "Auxiliaires médicaux"
    profession prothésiste-orthésiste "Prothésiste-orthésiste" article L4364-1 groupe "Auxiliaires médicaux"
    profession diététicien "Diététicien" article L4371-1 groupe "Auxiliaires médicaux"
    profession aide-soignant "Aide-soignant" article L4391-1 groupe "Aides-soignants, auxiliaires de puériculture, ambulanciers, assistants dentaires"
    profession auxiliaire-de-puériculture "Auxiliaire de puériculture" article L4392-1 groupe "Aides-soignants, auxiliaires de puériculture, ambulanciers, assistants dentaires"
    profession ambulancier "Ambulancier" article L4393-8 groupe "Aides-soignants, auxiliaires de puériculture, ambulanciers, assistants dentaires"
    profession assistant-dentaire "Assistant dentaire" article L4394-1 groupe "Aides-soignants, auxiliaires de puériculture, ambulanciers, assistants dentaires"
}
`;

/** True for documents the tool provides itself (never reported, never edited). */
export function isBuiltinUri(uri: URI): boolean {
    return uri.scheme === CATALOGUE_URI.scheme;
}
