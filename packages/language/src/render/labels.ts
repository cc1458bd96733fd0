import type { Locale, Localized } from '../i18n/locale.js';

const l = (fr: string, en: string): Localized => ({ fr, en });

/**
 * Every text the submission document adds around the author's content, in both languages. The
 * model is built in one language (labels below are picked then); renderers pick their own few
 * words (page numbers, note labels) with the locale they are given.
 */
export const LABELS = {
    kicker: l('Protocole de coopération entre professionnels de santé (art. L.4011-1 du Code de la santé publique)', 'Cooperation protocol between health professionals (art. L.4011-1 of the French public health code)'),
    untitled: l('Protocole sans intitulé', 'Untitled protocol'),
    /** An element whose name was lost (syntax error): its kind instead. */
    unnamed: l('{kind} sans nom', '{kind} (no name)'),
    noTitle: l('{kind} sans intitulé', '{kind} without a title'),
    delegantUnknown: l('le délégant', 'the delegating professional'),
    trainingOf: l('Formation de {who}', 'Training of {who}'),
    treeN: l('Arbre de décision {n}', 'Decision tree {n}'),
    // The dossier as filed: cover, banners, table of contents, signatures, annex, closing words.
    cover: l('Dossier de protocole de coopération', 'Cooperation protocol dossier'),
    contacts: l('Contacts', 'Contacts'),
    structures: l('Structure(s) de mise en œuvre', 'Implementing structure(s)'),
    draftWatermark: l('BROUILLON', 'DRAFT'),
    draftBanner: l('BROUILLON — document de travail, pas encore soumis', 'DRAFT — working document, not yet submitted'),
    nonConformingOne: l('NON CONFORME — 1 erreur', 'NOT COMPLIANT — 1 error'),
    nonConformingMany: l('NON CONFORME — {n} erreurs', 'NOT COMPLIANT — {n} errors'),
    nonConformingDetail: l('La vérification automatique relève des manques aux exigences ; ils sont listés en annexe, avec la rubrique concernée.', 'The automatic check finds gaps in the requirements; they are listed in the annex, with the section concerned.'),
    tableOfContents: l('Sommaire', 'Contents'),
    signatures: l('Signatures et date', 'Signatures and date'),
    signaturesLocalEstablishment: l('Protocole local en établissement : décision du directeur, après avis de la commission médicale d\'établissement et de la commission des soins infirmiers, de rééducation et médico-techniques (art. L.4011-4 du Code de la santé publique).', 'Local protocol in an establishment: decision of the director, after the opinions of the medical commission and of the nursing, rehabilitation and medico-technical care commission (art. L.4011-4 of the French public health code).'),
    signaturesLocalMedicoSocial: l('Protocole local en établissement ou service médico-social : décision de son directeur (art. L.4011-4 du Code de la santé publique).', 'Local protocol in a social or medico-social establishment or service: decision of its director (art. L.4011-4 of the French public health code).'),
    signaturesCoordinated: l('Exercice coordonné : le représentant légal de la structure atteste que le protocole s\'inscrit dans son projet de santé ; le référent en déclare la mise en œuvre.', 'Coordinated practice: the legal representative of the structure attests that the protocol is part of its health project; the referent declares its implementation.'),
    signaturesNational: l('Protocole national : l\'équipe promotrice atteste l\'exactitude du dossier.', 'National protocol: the promoting team attests that the dossier is accurate.'),
    signatoryDirector: l('Le directeur de l\'établissement', 'The director of the establishment'),
    signatoryCme: l('Le président de la commission médicale d\'établissement (CME)', 'The chair of the medical commission (CME)'),
    signatoryCsirmt: l('Le président de la commission des soins infirmiers, de rééducation et médico-techniques (CSIRMT)', 'The chair of the nursing care commission (CSIRMT)'),
    signatoryMedicoSocial: l('Le directeur de l\'établissement ou du service médico-social', 'The director of the social or medico-social establishment or service'),
    signatoryLegal: l('Le représentant légal — {structure}', 'The legal representative — {structure}'),
    signatoryReferent: l('Le référent du protocole', 'The referent of the protocol'),
    signatoryTeam: l('Pour l\'équipe promotrice', 'For the promoting team'),
    signName: l('Nom et qualité', 'Name and position'),
    signDate: l('Date', 'Date'),
    signHere: l('Signature', 'Signature'),
    annex: l('Annexe — Points relevés par la vérification automatique', 'Annex — Points found by the automatic check'),
    annexIntro: l('Points relevés par la vérification automatique des exigences essentielles de qualité et de sécurité (art. R.4011-1 du Code de la santé publique) au moment de l\'établissement du dossier : l\'exigence concernée, le constat et la rubrique du dossier où il se situe.', 'Points found by the automatic check of the essential quality and safety requirements (art. R.4011-1 of the French public health code) when the dossier was produced: the requirement concerned, the finding and the section of the dossier where it lies.'),
    annexNone: l('La vérification automatique ne relève aucun point : chaque exigence vérifiable est renseignée.', 'The automatic check finds nothing: every requirement it can check is filled in.'),
    requirementColumn: l('Exigence', 'Requirement'),
    findingColumn: l('Constat', 'Finding'),
    sectionColumn: l('Rubrique', 'Section'),
    levelColumn: l('Niveau', 'Level'),
    languageRule: l('Écriture du protocole', 'Writing of the protocol'),
    closing: l('Le présent dossier{version} est adressé à l\'agence régionale de santé pour instruction. Il a été mis en forme à partir du texte du protocole tenu par l\'équipe, et vérifié automatiquement au regard des exigences essentielles (art. R.4011-1 du Code de la santé publique) ; le tableau de conformité figure en tête et les points relevés en annexe.', 'This dossier{version} is sent to the regional health agency for review. It was laid out from the text of the protocol kept by the team and checked automatically against the essential requirements (art. R.4011-1 of the French public health code); the conformity table comes first and the points found are in the annex.'),
    closingVersion: l(', version {version}{date},', ', version {version}{date},'),
    closingDate: l(' du {date}', ' of {date}'),
    ficheProjet: l('Fiche projet', 'Project sheet'),
    ficheItems: l('ITEMS', 'ITEMS'),
    ficheAdvice: l('CONSEILS', 'ADVICE'),
    ficheAnswer: l('ÉLÉMENTS DE RÉPONSE', 'ANSWERS'),
    ficheProcess: l('Description du processus de prise en charge du patient', 'Description of the patient care process'),
    ficheComplements: l('Éléments complémentaires', 'Further elements'),
    sourceLines: l('Les numéros de ligne renvoient au fichier source du protocole.', 'Line numbers refer to the source file of the protocol.'),
    invalidDate: l('date invalide', 'invalid date'),
    quoted: l('« {text} »', '"{text}"'),
    every: l('Tous les {every}', 'Every {every}'),
    wholeProtocol: l('Protocole entier', 'Whole protocol'),
    age: l('Âge', 'Age'),
    ageRange: l('Âge de {min} à {max}', 'Age from {min} to {max}'),
    female: l('Sexe féminin', 'Female'),
    male: l('Sexe masculin', 'Male'),
    /** The separator before a value: a space before the colon in French, none in English. */
    colon: l(' : ', ': '),
    notFilled: l('Non renseigné.', 'Not filled in.'),
    contents: l('Sommaire', 'Contents'),
    page: l('Page {page} / {pages}', 'Page {page} / {pages}'),
    version: l('Version', 'Version'),
    generatedBy: l('Document établi avec coop à partir du fichier source ; les numéros de ligne renvoient à ce fichier.', 'Document produced by coop from the source file; line numbers refer to that file.'),

    // Header
    identifier: l('Identifiant', 'Identifier'),
    type: l('Type de protocole', 'Protocol type'),
    settings: l('Cadre d\'exercice', 'Setting'),
    date: l('Date de la version', 'Version date'),
    status: l('Statut', 'Status'),
    theme: l('Thème', 'Theme'),
    promoters: l('Promoteurs et équipe de rédaction', 'Promoters and drafting team'),
    role: l('Rôle', 'Role'),
    name: l('Nom', 'Name'),
    quality: l('Qualité', 'Position'),
    promoter: l('Promoteur', 'Promoter'),
    drafter: l('Rédacteur', 'Drafter'),

    // Conformity
    conformity: l('Conformité aux exigences essentielles', 'Conformity to the essential requirements'),
    conformityIntro: l('Exigences de R.4011-1, L.4011-2, D.4011-4-1 et des articles propres au type de protocole, vérifiées par coop sur le texte du protocole.', 'Requirements of R.4011-1, L.4011-2, D.4011-4-1 and of the articles specific to the protocol type, checked by coop on the protocol text.'),
    requirement: l('Exigence', 'Requirement'),
    legalBasis: l('Fondement', 'Legal basis'),
    statusColumn: l('État', 'Status'),
    where: l('Rubrique', 'Section'),
    met: l('Vérifiée', 'Verified'),
    missing: l('Manquante', 'Missing'),
    suppressedStatus: l('Vérifiée par dérogation justifiée', 'Verified through a justified suppression'),
    reviewStatus: l('À vérifier par le relecteur', 'To be checked by the reviewer'),
    toFixStatus: l('À corriger (erreur de syntaxe)', 'To fix (syntax error)'),

    // Notes
    error: l('Erreur', 'Error'),
    warning: l('Avertissement', 'Warning'),
    info: l('Information', 'Information'),
    suppressedNote: l('Règle écartée', 'Rule set aside'),
    justification: l('Justification', 'Justification'),

    // Suppressions and diagnostics
    suppressions: l('Règles écartées et justifications', 'Rules set aside and justifications'),
    suppressionsIntro: l('Chaque règle ignorée dans le protocole (« ignorer ») avec la justification donnée par l\'équipe et les constats qu\'elle écarte.', 'Each rule ignored in the protocol ("ignorer") with the team\'s justification and the findings it sets aside.'),
    noSuppression: l('Aucune règle n\'est écartée.', 'No rule is set aside.'),
    rule: l('Règle', 'Rule'),
    scope: l('Portée', 'Scope'),
    findingsSetAside: l('Constats écartés', 'Findings set aside'),
    noFindingSetAside: l('aucun constat dans le texte actuel', 'no finding in the current text'),
    diagnostics: l('Remarques de validation', 'Validation remarks'),
    noDiagnostic: l('Aucune remarque : le protocole ne présente ni erreur ni avertissement.', 'No remark: the protocol has no error or warning.'),
    diagnosticsSummary: l('{errors} erreur(s), {warnings} avertissement(s), {infos} information(s)', '{errors} error(s), {warnings} warning(s), {infos} info(s)'),
    syntaxWarning: l('Le fichier source contient des erreurs de syntaxe : une partie du texte n\'a pas pu être lue et peut manquer ci-dessous.', 'The source file has syntax errors: part of the text could not be read and may be missing below.'),
    line: l('Ligne', 'Line'),
    message: l('Message', 'Message'),
    code: l('Code', 'Code'),

    // Sections
    context: l('Contexte et justification', 'Context and justification'),
    need: l('Besoin de santé et justification', 'Health need and justification'),
    currentOrganisation: l('Organisation actuelle', 'Current organisation'),
    objectives: l('Objectifs', 'Objectives'),
    references: l('Références (recommandations de bonne pratique)', 'References (good-practice recommendations)'),
    reference: l('Référence', 'Reference'),
    author: l('Auteur', 'Author'),
    year: l('Année', 'Year'),
    hasColumn: l('HAS', 'HAS'),
    hasYes: l('Oui', 'Yes'),
    link: l('Lien', 'Link'),
    fromLibrary: l('bibliothèque « {title} »', 'library "{title}"'),
    delegants: l('Professionnels délégants', 'Delegating professionals'),
    delegues: l('Professionnels délégués', 'Delegates'),
    delegant: l('Délégant', 'Delegating professional'),
    delegue: l('Délégué', 'Delegate'),
    profession: l('Profession', 'Profession'),
    reservingArticle: l('Article qui réserve ses actes', 'Article reserving its acts'),
    specialties: l('Spécialité', 'Specialty'),
    qualifications: l('Qualification', 'Qualification'),
    experience: l('Expérience professionnelle', 'Professional experience'),
    patients: l('Patients concernés', 'Patients'),
    inclusion: l('Critères d\'inclusion', 'Inclusion criteria'),
    exclusion: l('Critères d\'exclusion', 'Exclusion criteria'),
    withdrawal: l('Critères de retrait', 'Withdrawal criteria'),
    acts: l('Actes et activités délégués', 'Delegated acts and activities'),
    derogatingActs: l('Actes dérogatoires', 'Derogating acts'),
    nonDerogatingActs: l('Actes non dérogatoires', 'Non-derogating acts'),
    unspecifiedActs: l('Actes de nature non précisée', 'Acts of unspecified nature'),
    act: l('Acte ou activité', 'Act or activity'),
    derogatedArticles: l('Article(s) auquel(s) il déroge', 'Article(s) derogated from'),
    performedBy: l('Réalisé par', 'Performed by'),
    conditions: l('Conditions de réalisation', 'Conditions'),
    place: l('Lieu de mise en œuvre et équipement', 'Place of implementation and equipment'),
    places: l('Lieu(x) de mise en œuvre', 'Place(s) of implementation'),
    equipment: l('Équipement requis', 'Required equipment'),
    training: l('Formation des délégués', 'Training of delegates'),
    trainingFor: l('Formation « {name} » pour {who}', 'Training "{name}" for {who}'),
    trainingNamed: l('Formation « {name} »', 'Training "{name}"'),
    trainingTotal: l('Durée totale de la formation', 'Total training time'),
    criterionForAct: l('pour l\'acte « {act} »', 'for the act "{act}"'),
    criterionForTree: l('pour l\'arbre « {tree} »', 'for the tree "{tree}"'),
    criterionGravity: l('signe de gravité', 'sign of gravity'),
    theory: l('Formation théorique', 'Theory'),
    practice: l('Formation pratique', 'Practice'),
    validation: l('Validation', 'Validation'),
    maintenance: l('Maintien des compétences', 'Maintenance of competence'),
    actsCovered: l('Actes couverts', 'Acts covered'),
    modulesUsed: l('Modules de bibliothèque', 'Library modules'),
    process: l('Processus de prise en charge (arbres de décision)', 'Care process (decision trees)'),
    tree: l('Arbre de décision', 'Decision tree'),
    processTable: l('Description du processus de prise en charge du patient', 'Description of the patient care process'),
    // Decision tables (one per structured step, issue 9 §6).
    decisionTable: l('Table de décision — étape {n} « {step} »', 'Decision table — step {n} "{step}"'),
    decisionTableIntro: l('Chaque étape dont les situations sont écrites sur les données du protocole a sa table de décision : une colonne par donnée lue, une ligne par situation, lues dans l\'ordre — la première ligne qui s\'applique au patient décide, « sinon » en dernier ; « — » : la donnée n\'intervient pas dans cette ligne.', 'Each step whose situations are written over the protocol\'s data has its decision table: one column per datum read, one row per situation, read in order — the first row that applies to the patient decides, "otherwise" last; "—": the datum plays no part in that row.'),
    decisionSituation: l('Situation', 'Situation'),
    decisionAction: l('Action', 'Action'),
    decisionCondition: l('Condition', 'Condition'),
    decisionOtherwise: l('Sinon', 'Otherwise'),
    decisionAny: l('—', '—'),
    decisionYes: l('oui', 'yes'),
    decisionNo: l('non', 'no'),
    decisionAge: l('Âge', 'Age'),
    decisionSex: l('Sexe', 'Sex'),
    decisionFemale: l('féminin', 'female'),
    decisionMale: l('masculin', 'male'),
    decisionAnyExclusion: l('Un critère d\'exclusion', 'Any exclusion criterion'),
    decisionAnyWithdrawal: l('Un critère de retrait', 'Any withdrawal criterion'),
    decisionOr: l('ou', 'or'),
    decisionAnd: l('et', 'and'),
    decisionRange: l('de {min} à {max}', 'from {min} to {max}'),
    steps: l('Étapes', 'Steps'),
    description: l('Description', 'Description'),
    risksIdentified: l('Risques identifiés', 'Risks identified'),
    riskControl: l('Maîtrise du risque', 'Risk control'),
    stepN: l('Étape {n}', 'Step {n}'),
    who: l('Qui', 'Who'),
    whereStep: l('Où', 'Where'),
    when: l('Quand', 'When'),
    ifCondition: l('Si {condition}', 'If {condition}'),
    otherwise: l('Dans tous les autres cas', 'In every other case'),
    only: l('Dans tous les cas', 'In every case'),
    entry: l('Point d\'entrée', 'Entry point'),
    then: l('puis', 'then'),
    perform: l('Réaliser l\'acte « {act} »', 'Perform the act "{act}"'),
    goTo: l('Aller à l\'étape {n} « {step} »', 'Go to step {n} "{step}"'),
    goToUnknown: l('Aller à l\'étape « {step} »', 'Go to step "{step}"'),
    referTo: l('Orienter vers {target}', 'Refer to {target}'),
    within: l('sous {delay}', 'within {delay}'),
    immediately: l('sans délai', 'immediately'),
    end: l('Fin de la prise en charge sous protocole', 'End of care under the protocol'),
    emergency: l('les urgences', 'the emergency department'),
    delegantNamed: l('le délégant {name}{profession}', 'the delegating professional {name}{profession}'),
    samu: l('le SAMU (15)', 'the SAMU (15)'),
    risk: l('Risque', 'Risk'),
    kindPerform: l('Acte', 'Act'),
    kindGoto: l('Étape suivante', 'Next step'),
    kindRefer: l('Réorientation', 'Referral'),
    kindEnd: l('Fin', 'End'),
    severityLevel: l('Niveau', 'Level'),
    lineShort: l('l. {line}', 'l. {line}'),
    viewSource: l('Aller à la ligne {line} du fichier source', 'Go to line {line} of the source file'),
    severity: l('Gravité', 'Severity'),
    pathway: l('Intégration au parcours et transmission des informations', 'Pathway integration and information flow'),
    integration: l('Intégration au parcours de soins', 'Integration into the care pathway'),
    transmissions: l('Transmission des informations', 'Information flow'),
    gp: l('Information du médecin traitant', 'Information of the attending physician'),
    referrals: l('Situations de réorientation vers le délégant', 'Referral situations'),
    situation: l('Situation', 'Situation'),
    referredTo: l('Réorientation vers', 'Referred to'),
    delay: l('Délai', 'Delay'),
    availability: l('Disponibilité du délégant', 'Availability of the delegating professional'),
    arrangements: l('Modalités', 'Arrangements'),
    hours: l('Horaires', 'Hours'),
    responseTime: l('Délai de réponse', 'Response time'),
    patientInformation: l('Information du patient', 'Patient information'),
    document: l('Document remis', 'Document given'),
    agreement: l('Recueil de l\'accord', 'Agreement'),
    refusal: l('Droit de refus', 'Right to refuse'),
    informationSystem: l('Système d\'information et traçabilité', 'Information system and traceability'),
    software: l('Logiciel', 'Software'),
    sharing: l('Partage sécurisé des données', 'Secure data sharing'),
    traceability: l('Traçabilité', 'Traceability'),
    archiving: l('Archivage', 'Archiving'),
    riskManagement: l('Gestion des risques', 'Risk management'),
    risksTransversal: l('Risques transversaux', 'Cross-cutting risks'),
    reporting: l('Signalement des événements indésirables', 'Adverse-event reporting'),
    reviews: l('Revues des pratiques et des événements', 'Practice and event reviews'),
    suspension: l('Critères de suspension', 'Suspension criteria'),
    liability: l('Responsabilité civile', 'Civil liability'),
    indicators: l('Indicateurs de suivi', 'Monitoring indicators'),
    indicatorSummary: l('Tableau des indicateurs', 'Indicator table'),
    indicator: l('Indicateur', 'Indicator'),
    label: l('Libellé', 'Label'),
    legalIndicator: l('Indicateur obligatoire', 'Mandatory indicator'),
    nature: l('Nature', 'Nature'),
    definition: l('Définition', 'Definition'),
    numerator: l('Numérateur', 'Numerator'),
    denominator: l('Dénominateur', 'Denominator'),
    target: l('Objectif', 'Target'),
    alertThreshold: l('Seuil d\'alerte', 'Alert threshold'),
    periodicity: l('Périodicité', 'Periodicity'),
    collection: l('Modalités de recueil', 'Data collection'),
    source: l('Source des données', 'Data source'),
    governance: l('Décision et avis des instances', 'Decision and opinions of governing bodies'),
    body: l('Instance', 'Body'),
    opinion: l('Avis', 'Opinion'),
    decision: l('Décision', 'Decision'),
    detail: l('Précisions', 'Details'),
    economicModel: l('Modèle économique', 'Economic model'),
    duration: l('Durée du protocole', 'Duration of the protocol'),
    indefinite: l('Indéterminée', 'Indefinite'),
    annexes: l('Annexes', 'Annexes'),
    file: l('Fichier', 'File')
} satisfies Record<string, Localized>;

export type LabelKey = keyof typeof LABELS;

/** The kind of an element, to name it when a syntax error lost its name (« Délégant sans nom »). */
export const KIND = {
    delegant: l('Délégant', 'Delegating professional'),
    delegue: l('Délégué', 'Delegate'),
    intervenant: l('Intervenant', 'Professional'),
    acte: l('Acte', 'Act'),
    reference: l('Référence', 'Reference'),
    module: l('Module', 'Module'),
    formation: l('Formation', 'Training'),
    etape: l('Étape', 'Step'),
    risque: l('Risque', 'Risk'),
    situation: l('Situation', 'Situation'),
    indicateur: l('Indicateur', 'Indicator'),
    membre: l('Membre', 'Member')
} satisfies Record<string, Localized>;


/** A label in the given language, with `{placeholders}` filled. */
export function label(locale: Locale, key: LabelKey, args: Record<string, string | number> = {}): string {
    return LABELS[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** Values of the closed lists of the language (cadre, statut…), as a reader expects them. */
export const VALUE_LABELS: Record<string, Record<string, Localized>> = {
    type: {
        national: l('National (art. L.4011-3)', 'National (art. L.4011-3)'),
        local: l('Local (art. L.4011-4 et suivants)', 'Local (art. L.4011-4 and following)')
    },
    cadre: {
        'établissement': l('Établissement de santé', 'Health establishment'),
        ght: l('Groupement hospitalier de territoire (GHT)', 'Regional hospital group (GHT)'),
        msp: l('Maison de santé pluriprofessionnelle (MSP)', 'Multi-professional health centre (MSP)'),
        'centre-de-santé': l('Centre de santé', 'Health centre'),
        esp: l('Équipe de soins primaires (ESP)', 'Primary care team (ESP)'),
        cpts: l('Communauté professionnelle territoriale de santé (CPTS)', 'Territorial professional health community (CPTS)'),
        esms: l('Établissement ou service médico-social (ESMS)', 'Social and medico-social establishment (ESMS)'),
        'inter-entités': l('Plusieurs entités (inter-entités)', 'Several entities (inter-entity)')
    },
    statut: {
        brouillon: l('Brouillon', 'Draft'),
        soumis: l('Soumis', 'Submitted'),
        'déclaré': l('Déclaré', 'Declared'),
        'autorisé': l('Autorisé', 'Authorised'),
        suspendu: l('Suspendu', 'Suspended'),
        'abrogé': l('Abrogé', 'Repealed')
    },
    gravite: {
        mineure: l('Mineure', 'Minor'),
        significative: l('Significative', 'Significant'),
        majeure: l('Majeure', 'Major'),
        critique: l('Critique', 'Critical'),
        catastrophique: l('Catastrophique', 'Catastrophic')
    },
    revue: {
        rmm: l('Revue de morbi-mortalité (RMM)', 'Morbidity and mortality review (RMM)'),
        rex: l('Retour d\'expérience (REX)', 'Experience feedback (REX)'),
        crex: l('Comité de retour d\'expérience (CREX)', 'Experience feedback committee (CREX)'),
        epp: l('Évaluation des pratiques professionnelles (EPP)', 'Professional practice assessment (EPP)'),
        autre: l('Autre revue', 'Other review')
    },
    accord: {
        oral: l('Oral', 'Oral'),
        'écrit': l('Écrit', 'Written'),
        tacite: l('Tacite', 'Tacit')
    },
    exigence: {
        patients: l('Nombre de patients pris en charge (D.4011-4-1)', 'Number of patients cared for (D.4011-4-1)'),
        reprise: l('Taux de reprise par le délégant (D.4011-4-1)', 'Take-back rate by the delegating professional (D.4011-4-1)'),
        'événements-indésirables': l('Nature et taux d\'événements indésirables (D.4011-4-1)', 'Nature and rate of adverse events (D.4011-4-1)'),
        'satisfaction-professionnels': l('Taux de satisfaction des professionnels (D.4011-4-1)', 'Satisfaction rate of the professionals (D.4011-4-1)')
    },
    nature: {
        taux: l('Taux', 'Rate'),
        nombre: l('Nombre', 'Count'),
        'délai': l('Délai', 'Delay'),
        qualitatif: l('Qualitatif', 'Qualitative')
    },
    periodicite: {
        annuelle: l('Annuelle', 'Yearly'),
        semestrielle: l('Semestrielle', 'Every six months'),
        trimestrielle: l('Trimestrielle', 'Quarterly'),
        mensuelle: l('Mensuelle', 'Monthly'),
        hebdomadaire: l('Hebdomadaire', 'Weekly')
    },
    instance: {
        cme: l('Commission médicale d\'établissement (CME)', 'Medical committee of the establishment (CME)'),
        csirmt: l('Commission des soins infirmiers, de rééducation et médico-techniques (CSIRMT)', 'Nursing, rehabilitation and medico-technical care committee (CSIRMT)'),
        directeur: l('Directeur de l\'établissement', 'Director of the establishment')
    }
};

/** The reader's label of a keyword value, or the value itself when it has none. */
export function valueLabel(locale: Locale, list: keyof typeof VALUE_LABELS, value: string | undefined): string {
    if (value === undefined) return '';
    return VALUE_LABELS[list][value]?.[locale] ?? value;
}

const UNITS: Record<string, { fr: [string, string]; en: [string, string] }> = {
    min: { fr: ['min', 'min'], en: ['min', 'min'] },
    minute: { fr: ['minute', 'minutes'], en: ['minute', 'minutes'] },
    h: { fr: ['h', 'h'], en: ['h', 'h'] },
    heure: { fr: ['heure', 'heures'], en: ['hour', 'hours'] },
    j: { fr: ['j', 'j'], en: ['day', 'days'] },
    jour: { fr: ['jour', 'jours'], en: ['day', 'days'] },
    semaine: { fr: ['semaine', 'semaines'], en: ['week', 'weeks'] },
    mois: { fr: ['mois', 'mois'], en: ['month', 'months'] },
    an: { fr: ['an', 'ans'], en: ['year', 'years'] },
    'année': { fr: ['année', 'années'], en: ['year', 'years'] },
    cas: { fr: ['cas', 'cas'], en: ['case', 'cases'] }
};

const UNIT_STEM: Record<string, string> = {
    minutes: 'minute', heures: 'heure', jours: 'jour', semaines: 'semaine', ans: 'an', 'années': 'année', annee: 'année', annees: 'année'
};

/** 2.5 → « 2,5 » in French; a number lost to a syntax error (or not finite) gives ''. */
export function formatNumber(locale: Locale, value: number | undefined): string {
    if (typeof value !== 'number' || !Number.isFinite(value)) return '';
    const text = String(value);
    return locale === 'fr' ? text.replace('.', ',') : text;
}

/** « 24 h », « 1 an », « 3 months »: a number and its unit, in the reader's language (either may be missing). */
export function formatQuantity(locale: Locale, value: number | undefined, unit: string | undefined): string {
    const number = formatNumber(locale, value);
    if (!unit) return number;
    const stem = UNIT_STEM[unit] ?? unit;
    const forms = UNITS[stem]?.[locale];
    const word = forms ? (typeof value === 'number' && value >= 2 ? forms[1] : forms[0]) : unit;
    return number ? `${number} ${word}` : word;
}

const MONTHS: Record<Locale, string[]> = {
    fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
};

/**
 * The year, month and day of a `YYYY-MM-DD` date that exists in the calendar (2023-02-29 and
 * 1234-56-78 do not), without going through `Date` parsing.
 */
export function calendarDate(iso: string | undefined): { year: number; month: number; day: number } | undefined {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
    if (!match) return undefined;
    const [year, month, day] = match.slice(1).map(Number);
    if (month < 1 || month > 12 || day < 1) return undefined;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    return day <= days ? { year, month, day } : undefined;
}

/** 2023-03-09 → « 9 mars 2023 » / "9 March 2023" (the text as written when it is not a valid date). */
export function formatDate(locale: Locale, iso: string | undefined): string {
    const date = calendarDate(iso);
    if (!date) return iso?.trim() || LABELS.invalidDate[locale];
    const name = MONTHS[locale][date.month - 1];
    return `${locale === 'fr' && date.day === 1 ? '1er' : date.day} ${name} ${String(date.year).padStart(4, '0')}`;
}

const COMPARATOR_WORDS: Record<string, Localized> = {
    '<': l('inférieur à', 'under'),
    '<=': l('inférieur ou égal à', 'at most'),
    '≤': l('inférieur ou égal à', 'at most'),
    '>': l('supérieur à', 'over'),
    '>=': l('supérieur ou égal à', 'at least'),
    '≥': l('supérieur ou égal à', 'at least')
};

export function comparatorWords(locale: Locale, operator: string | undefined): string {
    return operator === undefined ? '' : COMPARATOR_WORDS[operator]?.[locale] ?? operator;
}

/** `<=` → `≤`: the typographic form of a comparator. */
export function comparatorSymbol(operator: string | undefined): string {
    if (operator === undefined) return '';
    return operator === '<=' ? '≤' : operator === '>=' ? '≥' : operator;
}
