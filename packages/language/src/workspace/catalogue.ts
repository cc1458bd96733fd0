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
 * It also holds the national protocols known from the notes (research-notes.md §8, lifecycle.md §4;
 * issue 12), each fact with its source and reliability (`vérifié` [S], `rappel` [R], `déduit` [I]). A
 * `catalogue` file of the workspace may add or override national protocols (never professions or
 * articles): team/applied-protocol.ts merges them, the workspace's entries winning by name.
 *
 * It is written in the protocol language itself, so professions and articles are ordinary
 * cross-reference targets: completion, hover, go-to-definition and « unknown profession » errors
 * come from the same machinery as the author's own acts and steps.
 */
export const CATALOGUE_URI = URI.parse('coop-builtin:///catalogue.coop');

export const CATALOGUE_TEXT = `// Catalogue intégré de l'outil coop : à ne pas modifier.
// Articles du Code de la santé publique auxquels un protocole de coopération peut déroger
// (art. L.4011-1), professions dont ils réservent l'exercice, protocoles nationaux connus.
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
    // Protocoles nationaux connus (issue 12). Chaque fait porte sa source et sa fiabilité :
    // vérifié = lu dans une source publique ([S] des notes de recherche), rappel = cité sans
    // vérification ([R]), déduit = inféré ([I]). Sources : shared/domain/research-notes.md §8 et
    // lifecycle.md §4. Un fichier « catalogue » de l'espace de travail ajoute ou remplace des entrées.

    protocole-national ioa-imagerie "Demande d'imagerie par l'infirmier d'accueil et d'orientation aux urgences" {
        nom-court "IOA imagerie"
        version "2019" arrêté du 2019-11-29 source "lifecycle.md §4 : « le premier protocole national »" vérifié
        délégant médecin source "titre du protocole (médecin urgentiste)" déduit
        délégué infirmier source "titre du protocole (IOA)" vérifié
        cadre établissement source "services d'urgences" déduit
        état en-vigueur source "aucun texte d'abrogation trouvé" déduit
    }

    protocole-national insuffisance-cardiaque "Suivi des patients insuffisants cardiaques par un infirmier" {
        nom-court "Insuffisance cardiaque"
        version "2019" jo du 2019-12-27 source "lifecycle.md §4 (publié le 27 décembre 2019)" vérifié
        délégant médecin source "vaincrelinsuffisancecardiaque.org (cardiologue)" vérifié
        délégué infirmier source "vaincrelinsuffisancecardiaque.org" vérifié
        état en-vigueur source "aucun texte d'abrogation trouvé" déduit
    }

    protocole-national odynophagie "Prise en charge de l'odynophagie (douleur à la déglutition) par l'infirmier ou le pharmacien d'officine" {
        nom-court "Angine (odynophagie)"
        version "2020" arrêté du 2020-03-06 jo du 2020-03-08 source "JORFTEXT000041697956 ; lequotidiendupharmacien" vérifié
        version "2023" arrêté du 2023-03-09 succède à "2020" source "cptslasalamandre ; âges 6–45 ans portés à 6–50 ans" vérifié
        délégant médecin source "lequotidiendupharmacien (médecin généraliste)" vérifié
        délégué infirmier, pharmacien source "lequotidiendupharmacien ; cpts-na" vérifié
        cadre msp, centre-de-santé source "arrêté du 6 mars 2020 (logiciel partagé labellisé)" vérifié
        cadre cpts depuis 2023-03-09 source "arrêté du 9 mars 2023 (CPTS ajoutées)" vérifié
        financement "25 € par patient inclus dans le protocole, partagés librement dans l'équipe (arrêté d'août 2023)" source "lifecycle.md §3" vérifié
        droit-commun pharmacien depuis 2024-06-17 "Arrêté du 17 juin 2024 : l'acte entre dans le droit commun des pharmaciens" source "research-notes.md §8 ; lifecycle.md §4" vérifié
        état en-vigueur source "les infirmiers restent dans le protocole (lifecycle.md §4)" vérifié
    }

    protocole-national cystite "Prise en charge de la pollakiurie et des brûlures mictionnelles non fébriles chez la femme de 16 à 65 ans" {
        nom-court "Cystite (pollakiurie)"
        version "2020" arrêté du 2020-03-06 source "lemoniteurdespharmacies" vérifié
        version "2023" arrêté du 2023-03-09 succède à "2020" source "cptslasalamandre" vérifié
        délégant médecin source "lemoniteurdespharmacies (médecin généraliste)" vérifié
        délégué infirmier, pharmacien source "lemoniteurdespharmacies ; concourspluripro" vérifié
        cadre msp, centre-de-santé source "arrêté du 6 mars 2020" vérifié
        cadre cpts depuis 2023-03-09 source "arrêté du 9 mars 2023 (CPTS ajoutées)" vérifié
        financement "25 € par patient inclus dans le protocole, partagés librement dans l'équipe (arrêté d'août 2023)" source "lifecycle.md §3" vérifié
        droit-commun pharmacien depuis 2024-06-17 "Arrêté du 17 juin 2024 : l'acte entre dans le droit commun des pharmaciens" source "research-notes.md §8 ; lifecycle.md §4" vérifié
        état en-vigueur source "les infirmiers restent dans le protocole (lifecycle.md §4)" vérifié
    }

    protocole-national rhino-conjonctivite "Renouvellement du traitement de la rhino-conjonctivite allergique saisonnière" {
        nom-court "Rhino-conjonctivite allergique"
        version "2020" arrêté du 2020-03-06 source "lequotidiendupharmacien ; HAS PC 154" vérifié
        délégant médecin source "lequotidiendupharmacien" vérifié
        délégué infirmier, pharmacien source "lequotidiendupharmacien" vérifié
        cadre msp, centre-de-santé source "cptslasalamandre" vérifié
        cadre cpts jusqu'au 2023-08-31 source "cptslasalamandre (CPTS à titre temporaire)" vérifié
        état en-vigueur source "aucun texte d'abrogation trouvé" déduit
    }

    protocole-national entorse-cheville "Prise en charge de l'entorse de cheville par le masseur-kinésithérapeute" {
        nom-court "Entorse de cheville"
        version "2020" jo du 2020-03-08 source "acoorde ; cpts-seg" vérifié
        délégant médecin source "acoorde (médecin généraliste)" vérifié
        délégué masseur-kinésithérapeute source "acoorde" vérifié
        cadre msp, centre-de-santé source "acoorde" vérifié
        état en-vigueur source "HAS 2024 : kinésithérapeute « dans un protocole national de coopération »" vérifié
    }

    protocole-national lombalgie "Prise en charge de la lombalgie aiguë par le masseur-kinésithérapeute" {
        nom-court "Lombalgie aiguë"
        version "2020" jo du 2020-03-08 source "acoorde ; cptslasalamandre" vérifié
        délégant médecin source "acoorde (médecin généraliste)" vérifié
        délégué masseur-kinésithérapeute source "acoorde" vérifié
        cadre msp, centre-de-santé source "acoorde" vérifié
        état en-vigueur source "aucun texte d'abrogation trouvé" déduit
    }

    protocole-national eruption-vesiculeuse "Prise en charge de l'éruption vésiculeuse prurigineuse de l'enfant (varicelle) par l'infirmier" {
        nom-court "Varicelle de l'enfant"
        version "2020" jo du 2020-03-10 source "acoorde ; cptslasalamandre" vérifié
        délégant médecin source "acoorde (médecin généraliste)" vérifié
        délégué infirmier source "acoorde" vérifié
        cadre msp, centre-de-santé source "cptslasalamandre" vérifié
        état en-vigueur source "aucun texte d'abrogation trouvé" déduit
    }

    protocole-national suture-plaie "Suture de plaie simple par un infirmier" {
        nom-court "Suture de plaie"
        version "2020" jo du 2020-03-10 source "acoorde" vérifié
        délégant médecin source "acoorde (médecin généraliste ou urgentiste)" vérifié
        délégué infirmier source "acoorde" vérifié
        état en-vigueur source "aucun texte d'abrogation trouvé" déduit
    }

    protocole-national alcoologie "Première consultation d'alcoologie par un infirmier pour les patients adressés par les urgences" {
        nom-court "Alcoologie"
        version "2020" jo du 2020-06-18 source "acoorde" vérifié
        délégant médecin source "acoorde (addictologue)" vérifié
        délégué infirmier source "acoorde" vérifié
        cadre établissement source "acoorde (patients adressés par les urgences)" déduit
        état en-vigueur source "aucun texte d'abrogation trouvé" déduit
    }

    protocole-national fragilite "Repérage, diagnostic et initiation de la prise en charge de la fragilité du sujet âgé par l'infirmier libéral" {
        nom-court "Fragilité du sujet âgé"
        version "2021" jo du 2021-03-03 source "acoorde" vérifié
        délégant médecin source "acoorde (médecin généraliste)" vérifié
        délégué infirmier source "acoorde (infirmier libéral, à domicile)" vérifié
        état en-vigueur source "aucun texte d'abrogation trouvé" déduit
    }

    protocole-national bilan-visuel-enfant "Bilan visuel de l'enfant de 6 à 15 ans par l'orthoptiste, lu par l'ophtalmologiste en télémédecine" {
        nom-court "Bilan visuel de l'enfant"
        version "2021" arrêté du 2021-03-01 source "lifecycle.md §4" vérifié
        délégant médecin source "lifecycle.md §4 (ophtalmologiste)" vérifié
        délégué orthoptiste source "lifecycle.md §4" vérifié
        état en-vigueur source "aucun texte d'abrogation trouvé" déduit
    }

    protocole-national echographie "Réalisation d'échographies diagnostiques par le manipulateur d'électroradiologie médicale" {
        nom-court "Échographie (MERM)"
        version "2021" arrêté du 2021-05-19 source "aphp ; tech-imago" vérifié
        délégant médecin source "aphp (radiologue, médecin nucléaire)" vérifié
        délégué manipulateur-électroradiologie source "aphp ; tech-imago" vérifié
        cadre établissement source "aphp (établissements de santé)" vérifié
        état en-vigueur source "aucun texte d'abrogation trouvé" déduit
    }

    protocole-national glycemies "Interprétation des glycémies capillaires et adaptation des doses d'insuline par l'infirmier" {
        nom-court "Glycémies et insuline"
        délégant médecin source "macsf (endocrinologue-diabétologue)" vérifié
        délégué infirmier source "macsf" vérifié
        cadre établissement source "macsf (structure hospitalière, deux diabétologues)" vérifié
        état en-vigueur source "date de l'arrêté non trouvée" rappel
    }

    protocole-national domicile "Prise en charge à domicile des patients âgés ou handicapés ayant des difficultés à se déplacer" {
        nom-court "Patients à domicile"
        version "2022" arrêté du 2022-10-24 jo du 2022-10-27 source "directions.fr ; medicalib" vérifié
        délégant médecin source "directions.fr" vérifié
        délégué infirmier source "directions.fr (y compris en SSIAD)" vérifié
        cadre cpts source "directions.fr (CPTS prioritaires, liste non close)" rappel
        financement "370 € par patient et par an : 310 € pour l'infirmier, 60 € pour le médecin (déplacements et formation compris)" source "lifecycle.md §3" vérifié
        état en-vigueur source "aucun texte d'abrogation trouvé" déduit
    }
}
`;

/** True for documents the tool provides itself (never reported, never edited). */
export function isBuiltinUri(uri: URI): boolean {
    return uri.scheme === CATALOGUE_URI.scheme;
}

/**
 * Articles that reserve acts to each profession, for the derogation checks (rules/r4011-1-2a-actes.ts):
 * the first one is the article a derogation to that profession's acts usually cites. Physicians,
 * dentists and midwives: the articles on illegal practice (L.4161-1, -3, -5), then L.4111-1; other
 * professions: their practice article in the catalogue above. Recalled [R] from the structure of
 * the CSP, like the catalogue's profession ↔ article mapping.
 */
export const RESERVING_ARTICLES: Readonly<Record<string, readonly string[]>> = {
    'médecin': ['L4161-1', 'L4111-1'],
    'chirurgien-dentiste': ['L4161-3', 'L4111-1'],
    'sage-femme': ['L4161-5', 'L4111-1']
};

/** The articles reserving acts to a profession (its own practice article by default). */
export function reservingArticles(profession: string, practiceArticle: string | undefined): readonly string[] {
    return RESERVING_ARTICLES[profession] ?? (practiceArticle ? [practiceArticle] : []);
}
