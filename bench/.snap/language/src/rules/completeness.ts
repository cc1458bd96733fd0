import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { CoopServices } from '../coop-module.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import type { DiagnosticCode } from '../diagnostics/registry.js';
import type { CoopAstType, ElementProtocole, Protocole } from '../generated/ast.js';
import { protocolModel, type ProtocolModel } from '../model/protocol-model.js';

/**
 * Completeness: every item of R.4011-1, L.4011-2 and the type-specific articles has its section.
 * Each rule that detects a missing section names it in `data.section` so the quick fix can insert
 * its skeleton at its place in the template order.
 */
export const completenessDefinitions = [
    defineDiagnostic({
        code: 'references-absentes', severity: 'error', category: 'completude', requirement: 'rbp', legalBasis: 'R.4011-1 1°', basis: 'source',
        title: { fr: 'Aucune recommandation de bonne pratique citée', en: 'No good-practice recommendation cited' },
        message: { fr: 'Le protocole ne cite aucune recommandation de bonne pratique (rubrique « références »).', en: 'The protocol cites no good-practice recommendation ("références" section).' },
        rationale: { fr: 'Un protocole doit respecter les recommandations de bonne pratique élaborées ou validées par la HAS ; le relecteur vérifie qu\'elles sont citées.', en: 'A protocol must follow the good-practice recommendations produced or endorsed by the HAS; reviewers check they are cited.' },
        fix: { fr: 'Ajoutez une rubrique « références { référence … } » citant les recommandations suivies (titre, auteur, année).', en: 'Add a "références { référence … }" section citing the recommendations followed (title, author, year).' }
    }),
    defineDiagnostic({
        code: 'reference-has-absente', severity: 'warning', category: 'completude', requirement: 'rbp', legalBasis: 'R.4011-1 1°', basis: 'source',
        title: { fr: 'Aucune recommandation de la HAS', en: 'No HAS recommendation' },
        message: { fr: 'Aucune des références n\'est marquée comme recommandation élaborée ou validée par la HAS (mot-clé « has »).', en: 'None of the references is marked as produced or endorsed by the HAS (keyword "has").' },
        rationale: { fr: 'R.4011-1 1° vise les recommandations élaborées ou validées par la HAS ; une bibliographie sans elles sera questionnée.', en: 'R.4011-1 1° refers to recommendations produced or endorsed by the HAS; a bibliography without them will be questioned.' },
        fix: { fr: 'Ajoutez « has » à la référence qui est une recommandation de la HAS, ou citez-en une.', en: 'Add "has" to the reference that is a HAS recommendation, or cite one.' }
    }),
    defineDiagnostic({
        code: 'actes-absents', severity: 'error', category: 'completude', requirement: 'actes', legalBasis: 'R.4011-1 2° a', basis: 'source',
        title: { fr: 'Aucun acte délégué', en: 'No delegated act' },
        message: { fr: 'Le protocole ne décrit aucun acte (« acte nom "libellé" { … } »).', en: 'The protocol describes no act ("acte name "label" { … }").' },
        rationale: { fr: 'Le protocole doit décrire la nouvelle façon d\'intervenir en listant les actes ou activités, dérogatoires ou non.', en: 'The protocol must describe the new way of intervening by listing its acts or activities, derogating or not.' },
        fix: { fr: 'Déclarez chaque acte : « acte bu "…" { dérogatoire à L4161-1  par ide } ».', en: 'Declare each act: "acte bu "…" { dérogatoire à L4161-1  par ide }".' }
    }),
    defineDiagnostic({
        code: 'acte-derogatoire-absent', severity: 'warning', category: 'completude', requirement: 'actes', legalBasis: 'L.4011-1 ; R.4011-1 2° a', basis: 'inference',
        title: { fr: 'Aucun acte dérogatoire', en: 'No derogating act' },
        message: { fr: 'Aucun acte n\'est dérogatoire : un protocole de coopération transfère en principe des actes par dérogation (art. L.4011-1).', en: 'No act is derogating: a cooperation protocol normally transfers acts by derogation (art. L.4011-1).' },
        rationale: { fr: 'L\'ancienne procédure vérifiait que le protocole comporte des actes dérogatoires ; la loi actuelle admet aussi une réorganisation des interventions, d\'où un avertissement (lecture déduite des sources).', en: 'The former procedure checked that the protocol contains derogating acts; the current law also allows reorganising interventions, hence a warning (inferred reading).' },
        fix: { fr: 'Indiquez « dérogatoire à <article> » pour les actes hors du champ du délégué, ou ignorez la règle en justifiant la réorganisation.', en: 'Mark acts outside the delegate\'s scope "dérogatoire à <article>", or suppress the rule with a justification.' }
    }),
    defineDiagnostic({
        code: 'criteres-inclusion-absents', severity: 'error', category: 'completude', requirement: 'patients', legalBasis: 'R.4011-1 2° b', basis: 'source',
        title: { fr: 'Aucun critère d\'inclusion', en: 'No inclusion criterion' },
        message: { fr: 'Aucun critère d\'inclusion des patients n\'est défini (rubrique « patients »).', en: 'No patient inclusion criterion is defined ("patients" section).' },
        rationale: { fr: 'Le protocole définit les critères d\'éligibilité des patients.', en: 'The protocol defines the patients\' eligibility criteria.' },
        fix: { fr: 'Ajoutez « patients { inclusion nom : … } ».', en: 'Add "patients { inclusion name : … }".' }
    }),
    defineDiagnostic({
        code: 'criteres-exclusion-absents', severity: 'error', category: 'completude', requirement: 'patients', legalBasis: 'R.4011-1 2° b', basis: 'source',
        title: { fr: 'Aucun critère d\'exclusion ou de retrait', en: 'No exclusion or withdrawal criterion' },
        message: { fr: 'Aucun critère d\'exclusion ni de retrait des patients n\'est défini.', en: 'No patient exclusion or withdrawal criterion is defined.' },
        rationale: { fr: 'Le protocole définit les critères de retrait des patients : quand la prise en charge déléguée ne s\'applique pas ou cesse.', en: 'The protocol defines withdrawal criteria: when delegated care does not apply or stops.' },
        fix: { fr: 'Ajoutez dans « patients » des lignes « exclusion nom : … » et « retrait nom : … ».', en: 'Add "exclusion name : …" and "retrait name : …" lines to "patients".' }
    }),
    defineDiagnostic({
        code: 'delegant-absent', severity: 'error', category: 'completude', requirement: 'qualification', legalBasis: 'R.4011-1 2° c', basis: 'source',
        title: { fr: 'Aucun délégant', en: 'No delegating professional' },
        message: { fr: 'Le protocole ne déclare aucun délégant (« délégant nom : profession »).', en: 'The protocol declares no delegating professional ("délégant name : profession").' },
        rationale: { fr: 'La qualification des professionnels délégants doit être définie.', en: 'The qualification of the delegating professionals must be defined.' },
        fix: { fr: 'Ajoutez « délégant mg : médecin { spécialité "…" } ».', en: 'Add "délégant mg : médecin { spécialité "…" }".' }
    }),
    defineDiagnostic({
        code: 'delegue-absent', severity: 'error', category: 'completude', requirement: 'qualification', legalBasis: 'R.4011-1 2° c', basis: 'source',
        title: { fr: 'Aucun délégué', en: 'No delegate' },
        message: { fr: 'Le protocole ne déclare aucun délégué (« délégué nom : profession »).', en: 'The protocol declares no delegate ("délégué name : profession").' },
        rationale: { fr: 'La qualification des professionnels délégués doit être définie.', en: 'The qualification of the delegates must be defined.' },
        fix: { fr: 'Ajoutez « délégué ide : infirmier { qualification "…"  expérience 1 an } ».', en: 'Add "délégué ide : infirmier { qualification "…"  expérience 1 an }".' }
    }),
    defineDiagnostic({
        code: 'qualification-absente', severity: 'warning', category: 'completude', requirement: 'qualification', legalBasis: 'R.4011-1 2° c', basis: 'source',
        title: { fr: 'Qualification non précisée', en: 'Qualification not stated' },
        message: { fr: '{role} « {name} » n\'a ni qualification ni spécialité précisée.', en: '{role} "{name}" has no qualification or specialty stated.' },
        rationale: { fr: 'Le décret demande la qualification professionnelle et, le cas échéant, la spécialité des délégants et des délégués, pas seulement leur profession.', en: 'The decree asks for the professional qualification and, where relevant, the specialty, not only the profession.' },
        fix: { fr: 'Ajoutez « qualification "…" » ou « spécialité "…" » dans son bloc.', en: 'Add "qualification "…"" or "spécialité "…"" to its block.' }
    }),
    defineDiagnostic({
        code: 'experience-absente', severity: 'error', category: 'completude', requirement: 'formation', legalBasis: 'R.4011-1 3°', basis: 'source',
        title: { fr: 'Expérience du délégué non précisée', en: 'Delegate experience not stated' },
        message: { fr: 'Le délégué « {name} » n\'a pas d\'expérience professionnelle minimale précisée (« expérience 2 ans »).', en: 'Delegate "{name}" has no minimum professional experience stated ("expérience 2 ans").' },
        rationale: { fr: 'Le protocole précise l\'expérience professionnelle exigée des délégués.', en: 'The protocol states the professional experience required of delegates.' },
        fix: { fr: 'Ajoutez « expérience <nombre> <unité> » dans le bloc du délégué.', en: 'Add "expérience <number> <unit>" to the delegate\'s block.' }
    }),
    defineDiagnostic({
        code: 'formation-absente', severity: 'error', category: 'completude', requirement: 'formation', legalBasis: 'R.4011-1 3° ; L.4011-2', basis: 'source',
        title: { fr: 'Délégué sans formation', en: 'Delegate without training' },
        message: { fr: 'Aucune formation n\'est prévue pour le délégué « {name} » (« formation f pour {name} { … } »).', en: 'No training is planned for delegate "{name}" ("formation f pour {name} { … }").' },
        rationale: { fr: 'Le protocole précise la formation théorique et pratique complémentaire exigée des délégués (R.4011-1 3°) et la formation nécessaire à sa mise en œuvre (L.4011-2).', en: 'The protocol states the additional theoretical and practical training required of delegates (R.4011-1 3°, L.4011-2).' },
        fix: { fr: 'Ajoutez une formation pour ce délégué : théorie, pratique, validation, actes couverts.', en: 'Add a training for this delegate: theory, practice, validation, acts covered.' }
    }),
    defineDiagnostic({
        code: 'parcours-absent', severity: 'error', category: 'completude', requirement: 'arbres', legalBasis: 'R.4011-1 4° a', basis: 'source',
        title: { fr: 'Aucun arbre de décision', en: 'No decision tree' },
        message: { fr: 'Le processus de prise en charge n\'est décrit par aucun arbre de décision (« parcours { étape … } »).', en: 'The care process is described by no decision tree ("parcours { étape … }").' },
        rationale: { fr: 'Les étapes de l\'intervention de chaque professionnel sont décrites par des arbres de décision attachant une action à chaque situation identifiée.', en: 'Each professional\'s steps are described by decision trees attaching one action to each identified situation.' },
        fix: { fr: 'Ajoutez « parcours { étape accueil { par ide  si "…" : … } } ».', en: 'Add "parcours { étape accueil { par ide  si "…" : … } }".' }
    }),
    defineDiagnostic({
        code: 'coordination-absente', severity: 'error', category: 'completude', requirement: 'parcours', legalBasis: 'R.4011-1 4° b', basis: 'source',
        title: { fr: 'Intégration au parcours non décrite', en: 'Pathway integration not described' },
        message: { fr: 'Le protocole ne dit pas comment il s\'intègre au parcours du patient ni comment l\'information circule (rubrique « coordination »).', en: 'The protocol does not say how it fits the patient\'s pathway nor how information flows ("coordination" section).' },
        rationale: { fr: 'La continuité des soins exige de décrire l\'intégration au parcours et la transmission des informations à tous les professionnels concernés.', en: 'Continuity of care requires describing pathway integration and information flow to every professional involved.' },
        fix: { fr: 'Ajoutez « coordination { intégration "…"  transmission "…" } ».', en: 'Add "coordination { intégration "…"  transmission "…" }".' }
    }),
    defineDiagnostic({
        code: 'transmission-absente', severity: 'warning', category: 'completude', requirement: 'parcours', legalBasis: 'R.4011-1 4° b', basis: 'source',
        title: { fr: 'Transmission des informations non décrite', en: 'Information flow not described' },
        message: { fr: 'La rubrique « coordination » ne dit pas comment l\'information est transmise aux professionnels (« transmission "…" »).', en: 'The "coordination" section does not say how information reaches the professionals ("transmission "…"").' },
        rationale: { fr: 'Le décret vise expressément la transmission des informations à tous les professionnels concernés.', en: 'The decree expressly requires information to reach every professional involved.' },
        fix: { fr: 'Ajoutez « transmission "…" » (compte rendu, dossier partagé, messagerie sécurisée…).', en: 'Add "transmission "…"" (report, shared record, secure messaging…).' }
    }),
    defineDiagnostic({
        code: 'reorientations-absentes', severity: 'error', category: 'completude', requirement: 'reorientation', legalBasis: 'R.4011-1 4° c', basis: 'source',
        title: { fr: 'Situations de réorientation non décrites', en: 'Referral situations not described' },
        message: { fr: 'Les situations qui imposent de réorienter le patient vers le délégant ne sont pas listées (rubrique « réorientations »).', en: 'The situations requiring referral back to the delegating professional are not listed ("réorientations" section).' },
        rationale: { fr: 'Le protocole identifie les situations nécessitant une réorientation vers le délégant et leurs délais.', en: 'The protocol identifies the situations that require referral to the delegating professional, and their delays.' },
        fix: { fr: 'Ajoutez « réorientations { situation nom "…" vers mg sous 24 h } ».', en: 'Add "réorientations { situation name "…" vers mg sous 24 h }".' }
    }),
    defineDiagnostic({
        code: 'information-patient-absente', severity: 'error', category: 'completude', requirement: 'information', legalBasis: 'R.4011-1 5° ; L.4011-2', basis: 'source',
        title: { fr: 'Information du patient non décrite', en: 'Patient information not described' },
        message: { fr: 'Le protocole ne décrit pas l\'information du patient (rubrique « information du patient »).', en: 'The protocol does not describe patient information ("information du patient" section).' },
        rationale: { fr: 'Le patient est informé des conditions de sa prise en charge dans le cadre du protocole.', en: 'The patient is informed of the conditions of care under the protocol.' },
        fix: { fr: 'Ajoutez « information du patient { document "…"  accord oral  refus "…" } ».', en: 'Add "information du patient { document "…"  accord oral  refus "…" }".' }
    }),
    defineDiagnostic({
        code: 'information-patient-incomplete', severity: 'warning', category: 'completude', requirement: 'information', legalBasis: 'R.4011-1 5° ; L.4011-2', basis: 'source',
        title: { fr: 'Information du patient incomplète', en: 'Patient information incomplete' },
        message: { fr: 'L\'information du patient ne précise pas : {missing}.', en: 'Patient information does not state: {missing}.' },
        rationale: { fr: 'Les relecteurs attendent le support d\'information, le mode de recueil de l\'accord et le droit de refus du patient.', en: 'Reviewers expect the information document, how agreement is obtained and the patient\'s right to refuse.' },
        fix: { fr: 'Complétez avec « document », « accord » et « refus ».', en: 'Complete with "document", "accord" and "refus".' }
    }),
    defineDiagnostic({
        code: 'partage-donnees-absent', severity: 'error', category: 'completude', requirement: 'donnees', legalBasis: 'R.4011-1 5°', basis: 'source',
        title: { fr: 'Partage des données non décrit', en: 'Data sharing not described' },
        message: { fr: 'Le protocole ne décrit pas le partage sécurisé des données de santé (« système d\'information { partage "…" } »).', en: 'The protocol does not describe secure sharing of health data ("système d\'information { partage "…" }").' },
        rationale: { fr: 'Le décret exige de définir les modalités de partage sécurisé des données de santé.', en: 'The decree requires the arrangements for secure sharing of health data.' },
        fix: { fr: 'Ajoutez « système d\'information { logiciel "…"  partage "…"  traçabilité "…" } ».', en: 'Add "système d\'information { logiciel "…"  partage "…"  traçabilité "…" }".' }
    }),
    defineDiagnostic({
        code: 'tracabilite-absente', severity: 'warning', category: 'completude', requirement: 'donnees', legalBasis: 'R.4011-1 5°', basis: 'inference',
        title: { fr: 'Traçabilité non décrite', en: 'Traceability not described' },
        message: { fr: 'Le système d\'information ne dit pas comment les actes sont tracés (« traçabilité "…" »).', en: 'The information system does not say how acts are traced ("traçabilité "…"").' },
        rationale: { fr: 'Les guides régionaux et le modèle de la HAS demandent la traçabilité des prises en charge (lecture déduite des sources).', en: 'Regional guides and the HAS model ask for traceability of care (inferred reading).' },
        fix: { fr: 'Ajoutez « traçabilité "…" ».', en: 'Add "traçabilité "…"".' }
    }),
    defineDiagnostic({
        code: 'disponibilite-absente', severity: 'error', category: 'completude', requirement: 'disponibilite', legalBasis: 'R.4011-1 6°', basis: 'source',
        title: { fr: 'Disponibilité du délégant non décrite', en: 'Availability of the delegating professional not described' },
        message: { fr: 'Le protocole ne dit pas comment le délégant est joignable (« disponibilité { modalités "…" } »).', en: 'The protocol does not say how the delegating professional can be reached ("disponibilité { modalités "…" }").' },
        rationale: { fr: 'L\'organisation de l\'équipe comprend la disponibilité des délégants.', en: 'Team organisation includes the availability of delegating professionals.' },
        fix: { fr: 'Ajoutez « disponibilité { modalités "…"  horaires "…"  réponse sous 30 min } ».', en: 'Add "disponibilité { modalités "…"  horaires "…"  réponse sous 30 min }".' }
    }),
    defineDiagnostic({
        code: 'delai-reponse-absent', severity: 'warning', category: 'completude', requirement: 'disponibilite', legalBasis: 'R.4011-1 6°', basis: 'inference',
        title: { fr: 'Délai de réponse du délégant non précisé', en: 'Response delay of the delegating professional not stated' },
        message: { fr: 'La disponibilité ne précise pas le délai de réponse du délégant (« réponse sous 30 min »).', en: 'Availability does not state the response delay ("réponse sous 30 min").' },
        rationale: { fr: 'Sans délai de réponse, la disponibilité du délégant ne peut pas être évaluée (lecture déduite des sources).', en: 'Without a response delay, availability cannot be assessed (inferred reading).' },
        fix: { fr: 'Ajoutez « réponse sous <durée> ».', en: 'Add "réponse sous <duration>".' }
    }),
    defineDiagnostic({
        code: 'gestion-risques-absente', severity: 'error', category: 'completude', requirement: 'risques', legalBasis: 'R.4011-1 6°', basis: 'source',
        title: { fr: 'Gestion des risques non décrite', en: 'Risk management not described' },
        message: { fr: 'Le protocole ne décrit pas de démarche de gestion des risques (rubrique « gestion des risques »).', en: 'The protocol describes no risk-management approach ("gestion des risques" section).' },
        rationale: { fr: 'L\'organisation de l\'équipe comprend une démarche de gestion des risques.', en: 'Team organisation includes a risk-management approach.' },
        fix: { fr: 'Ajoutez « gestion des risques { risque …  signalement "…"  revue rex …  suspension "…" } ».', en: 'Add "gestion des risques { risque …  signalement "…"  revue rex …  suspension "…" }".' }
    }),
    defineDiagnostic({
        code: 'signalement-ei-absent', severity: 'warning', category: 'completude', requirement: 'risques', legalBasis: 'R.4011-1 6° ; L.4011-4 II', basis: 'source',
        title: { fr: 'Signalement des événements indésirables non décrit', en: 'Adverse-event reporting not described' },
        message: { fr: 'La gestion des risques ne dit pas comment les événements indésirables sont signalés (« signalement "…" »).', en: 'Risk management does not say how adverse events are reported ("signalement "…"").' },
        rationale: { fr: 'Les événements indésirables sont signalés sans délai ; un événement grave peut suspendre le protocole.', en: 'Adverse events are reported without delay; a serious one may suspend the protocol.' },
        fix: { fr: 'Ajoutez « signalement "…" ».', en: 'Add "signalement "…"".' }
    }),
    defineDiagnostic({
        code: 'revue-risques-absente', severity: 'warning', category: 'completude', requirement: 'risques', legalBasis: 'R.4011-1 6°', basis: 'rappel',
        title: { fr: 'Aucune revue des événements', en: 'No event review' },
        message: { fr: 'La gestion des risques ne prévoit aucune revue des événements (« revue rmm|rex|crex tous les 3 mois »).', en: 'Risk management plans no event review ("revue rmm|rex|crex tous les 3 mois").' },
        rationale: { fr: 'Les revues de morbi-mortalité ou retours d\'expérience sont les outils usuels d\'une démarche de gestion des risques (pratique rappelée, non vérifiée dans un texte).', en: 'Morbidity reviews or experience feedback are the usual tools of risk management (recalled practice, not checked in a text).' },
        fix: { fr: 'Ajoutez « revue rex tous les 3 mois "…" ».', en: 'Add "revue rex tous les 3 mois "…"".' }
    }),
    defineDiagnostic({
        code: 'responsabilite-civile-absente', severity: 'error', category: 'completude', requirement: 'responsabilite', legalBasis: 'R.4011-1 6°', basis: 'source',
        title: { fr: 'Responsabilité civile non traitée', en: 'Civil liability not addressed' },
        message: { fr: 'Le protocole ne traite pas la responsabilité civile des professionnels (« responsabilité civile "…" »).', en: 'The protocol does not address civil liability ("responsabilité civile "…"").' },
        rationale: { fr: 'L\'organisation de l\'équipe comprend les modalités de responsabilité civile (assurance).', en: 'Team organisation includes civil-liability (insurance) arrangements.' },
        fix: { fr: 'Ajoutez « responsabilité civile "…" ».', en: 'Add "responsabilité civile "…"".' }
    }),
    defineDiagnostic({
        code: 'lieu-absent', severity: 'error', category: 'completude', requirement: 'organisation', legalBasis: 'L.4011-2', basis: 'source',
        title: { fr: 'Lieu de mise en œuvre non précisé', en: 'Place of implementation not stated' },
        message: { fr: 'Le protocole ne précise pas le lieu de mise en œuvre (« lieu "…" »).', en: 'The protocol does not state where it is implemented ("lieu "…"").' },
        rationale: { fr: 'Le protocole précise les modalités d\'organisation dont dépend sa mise en œuvre, dont le lieu (et, par exemple, un espace de confidentialité).', en: 'The protocol states the organisational arrangements it depends on, including the place.' },
        fix: { fr: 'Ajoutez « lieu "…" » et, si besoin, « équipement "…" ».', en: 'Add "lieu "…"" and, if needed, "équipement "…"".' }
    }),
    defineDiagnostic({
        code: 'objectifs-absents', severity: 'warning', category: 'completude', legalBasis: 'Modèle HAS, item 4', basis: 'source',
        title: { fr: 'Objectifs non précisés', en: 'Objectives not stated' },
        message: { fr: 'Le protocole n\'énonce pas ses objectifs (« objectifs "…" »).', en: 'The protocol states no objectives ("objectifs "…"").' },
        rationale: { fr: 'Les objectifs sont un item du modèle de la HAS et la première chose que lit un relecteur.', en: 'Objectives are an item of the HAS template and the first thing a reviewer reads.' },
        fix: { fr: 'Ajoutez « objectifs """…""" ».', en: 'Add "objectifs """…"""".' }
    })
] as const;

type CompletenessCode = (typeof completenessDefinitions)[number]['code'] & DiagnosticCode;

/** A required section: which element must be present, and how the quick fix names it. */
function requireSection(model: ProtocolModel, protocole: Protocole, type: ElementProtocole['$type'], code: CompletenessCode, report: Reporter): void {
    if (!model.has(type)) report(code, protocole, {}, type);
}

type Reporter = (code: CompletenessCode, node: Protocole | ElementProtocole, args?: Record<string, string | number>, section?: ElementProtocole['$type']) => void;

export function completenessChecks(services: CoopServices): ValidationChecks<CoopAstType> {
    const reporter = services.validation.DiagnosticReporter;
    const locale = services.i18n.Locale;
    return {
        Protocole: (protocole: Protocole, accept: ValidationAcceptor) => {
            const model = protocolModel(protocole);
            const report: Reporter = (code, node, args = {}, section) => reporter.report(accept, code, node, args,
                node === protocole ? { property: 'titre', data: section ? { section } : {} } : {});

            if (model.references.length === 0) report('references-absentes', protocole, {}, 'References');
            else if (!model.references.some(reference => reference.has || /\bHAS\b|haute autorité de santé/i.test(reference.auteur ?? ''))) {
                report('reference-has-absente', model.first('References') ?? protocole);
            }
            requireSection(model, protocole, 'Objectifs', 'objectifs-absents', report);

            requireSection(model, protocole, 'Delegant', 'delegant-absent', report);
            requireSection(model, protocole, 'Delegue', 'delegue-absent', report);
            for (const professional of [...model.delegants, ...model.delegues]) {
                if (professional.qualifications.length === 0 && professional.specialites.length === 0) {
                    const role = professional.$type === 'Delegant' ? { fr: 'Le délégant', en: 'Delegating professional' } : { fr: 'Le délégué', en: 'Delegate' };
                    reporter.report(accept, 'qualification-absente', professional, { role: locale.pick(role), name: professional.name }, { property: 'name' });
                }
            }

            const criteres = model.all('Patients').flatMap(patients => patients.criteres);
            if (!criteres.some(critere => critere.nature === 'inclusion')) report('criteres-inclusion-absents', model.first('Patients') ?? protocole, {}, model.has('Patients') ? undefined : 'Patients');
            if (!criteres.some(critere => critere.nature !== 'inclusion')) report('criteres-exclusion-absents', model.first('Patients') ?? protocole, {}, model.has('Patients') ? undefined : 'Patients');

            if (model.actes.length === 0) report('actes-absents', protocole, {}, 'Acte');
            else if (model.actes.every(acte => acte.nonDerogatoire || acte.articles.length === 0)) report('acte-derogatoire-absent', protocole);

            requireSection(model, protocole, 'Lieu', 'lieu-absent', report);

            for (const delegue of model.delegues) {
                if (!delegue.experience) reporter.report(accept, 'experience-absente', delegue, { name: delegue.name }, { property: 'name' });
                if (!model.formations.some(formation => formation.delegues.some(reference => reference.ref === delegue))) {
                    reporter.report(accept, 'formation-absente', delegue, { name: delegue.name }, { property: 'name', data: { section: 'Formation' } });
                }
            }

            requireSection(model, protocole, 'Parcours', 'parcours-absent', report);

            const coordination = model.first('Coordination');
            if (!coordination) report('coordination-absente', protocole, {}, 'Coordination');
            else if (coordination.transmissions.length === 0) report('transmission-absente', coordination);

            const reorientations = model.first('Reorientations');
            if (!reorientations || reorientations.situations.length === 0) report('reorientations-absentes', reorientations ?? protocole, {}, reorientations ? undefined : 'Reorientations');

            const information = model.first('InformationPatient');
            if (!information) report('information-patient-absente', protocole, {}, 'InformationPatient');
            else {
                const missing = [
                    !information.document && { fr: 'le document remis', en: 'the document given' },
                    !information.accord && { fr: 'le recueil de l\'accord', en: 'how agreement is obtained' },
                    !information.refus && { fr: 'le droit de refus', en: 'the right to refuse' }
                ].filter(item => item !== false).map(item => locale.pick(item));
                if (missing.length > 0) report('information-patient-incomplete', information, { missing: missing.join(', ') });
            }

            const systeme = model.first('SystemeInformation');
            if (!systeme?.partage) report('partage-donnees-absent', systeme ?? protocole, {}, systeme ? undefined : 'SystemeInformation');
            if (systeme && !systeme.tracabilite) report('tracabilite-absente', systeme);

            const disponibilite = model.first('Disponibilite');
            if (!disponibilite?.modalites) report('disponibilite-absente', disponibilite ?? protocole, {}, disponibilite ? undefined : 'Disponibilite');
            if (disponibilite && !disponibilite.delaiReponse) report('delai-reponse-absent', disponibilite);

            const risques = model.first('GestionRisques');
            if (!risques) report('gestion-risques-absente', protocole, {}, 'GestionRisques');
            else {
                if (!risques.signalement) report('signalement-ei-absent', risques);
                if (risques.revues.length === 0) report('revue-risques-absente', risques);
            }
            requireSection(model, protocole, 'ResponsabiliteCivile', 'responsabilite-civile-absente', report);
        }
    };
}
