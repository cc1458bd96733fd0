import type { Localized } from 'coop-language';

/** Every text the CLI prints itself, in both languages (diagnostics come from coop-language). */
export const cliMessages = {
    description: {
        fr: 'Valide les protocoles de coopération (fichiers .coop) : syntaxe, références et exigences du Code de la santé publique.',
        en: 'Validates cooperation protocols (.coop files): syntax, references and requirements of the French public health code.'
    },
    validateDescription: {
        fr: 'Valide les fichiers .coop (fichiers et dossiers, parcourus récursivement), chargés comme un seul espace de travail.',
        en: 'Validates .coop files (files and folders, searched recursively), loaded as one workspace.'
    },
    pathsArgument: { fr: 'fichiers ou dossiers à valider (par défaut : dossier courant)', en: 'files or folders to validate (default: current folder)' },
    formatOption: {
        fr: 'format de sortie : stylish (lisible), json, sarif (SARIF 2.1.0), junit (XML), github (annotations GitHub Actions) ou gitlab (rapport Code Quality)',
        en: 'output format: stylish (readable), json, sarif (SARIF 2.1.0), junit (XML), github (GitHub Actions annotations) or gitlab (Code Quality report)'
    },
    outputOption: { fr: 'écrit le rapport dans ce fichier au lieu de la sortie standard', en: 'write the report to this file instead of standard output' },
    failOnOption: {
        fr: 'niveau à partir duquel le code de sortie est 1 (error, warning, info ; ou erreur, avertissement)',
        en: 'level from which the exit code is 1 (error, warning, info; or erreur, avertissement)'
    },
    quietOption: { fr: 'n\'affiche que les problèmes de niveau --fail-on ou plus, sans résumé de conformité', en: 'print only problems at the --fail-on level or above, without conformity summary' },
    configOption: {
        fr: 'fichier de configuration des règles (par défaut : coop.config.json du dossier courant ou d\'un dossier parent)',
        en: 'rule configuration file (default: coop.config.json of the working folder or a parent)'
    },
    rulesDescription: { fr: 'Affiche le catalogue des règles (code, niveau, fondement juridique, documentation).', en: 'Print the rule catalogue (code, level, legal basis, documentation).' },
    rulesFormatOption: {
        fr: 'format : md (tableau Markdown), json, ou schema (JSON Schema de coop.config.json)',
        en: 'format: md (Markdown table), json, or schema (JSON Schema of coop.config.json)'
    },
    exportDescription: {
        fr: 'Exporte le document de soumission d\'un protocole (.coop) en HTML, PDF ou DOCX : rubriques dans l\'ordre du modèle, matrice de conformité, remarques de validation.',
        en: 'Export the submission document of a protocol (.coop) as HTML, PDF or DOCX: sections in the template order, conformity matrix, validation remarks.'
    },
    exportFileArgument: {
        fr: 'fichiers .coop des protocoles, ou dossiers (leurs protocoles, bibliothèques exclues)',
        en: '.coop files of the protocols, or folders (their protocols, libraries left out)'
    },
    exportFormatOption: {
        fr: 'format du document (par défaut : d\'après l\'extension de --output, sinon pdf)',
        en: 'document format (default: from the extension of --output, else pdf)'
    },
    exportLangOption: { fr: 'langue du document et des messages : fr ou en', en: 'language of the document and messages: fr or en' },
    exportOutOption: {
        fr: 'fichier à écrire, ou dossier pour plusieurs protocoles (par défaut : à côté de chaque protocole, avec l\'extension du format)',
        en: 'file to write, or folder for several protocols (default: beside each protocol, with the extension of the format)'
    },
    exportOutputNotFolder: {
        fr: 'coop : {path} est un fichier ; pour exporter plusieurs protocoles, --output doit nommer un dossier.',
        en: 'coop: {path} is a file; to export several protocols, --output must name a folder.'
    },
    exportNothing: { fr: 'coop : aucun protocole à exporter dans {paths}', en: 'coop: no protocol to export in {paths}' },
    exportSameName: {
        fr: 'coop : {first} et {second} donneraient le même document {target} ; exportez-les dans deux dossiers.',
        en: 'coop: {first} and {second} would give the same document {target}; export them into two folders.'
    },
    exportFailedCount: { fr: 'coop : {failed} protocole(s) sur {total} non exporté(s).', en: 'coop: {failed} of {total} protocol(s) not exported.' },
    exportNeedsFile: { fr: 'coop : {path} est un dossier ; indiquez le fichier .coop du protocole à exporter.', en: 'coop: {path} is a folder; give the .coop file of the protocol to export.' },
    exportLibrary: { fr: 'coop : {path} est une bibliothèque, pas un protocole : rien à exporter.', en: 'coop: {path} is a library, not a protocol: nothing to export.' },
    exportUnreadable: { fr: 'coop : {path} ne contient aucun protocole lisible ; voir « coop validate {path} ».', en: 'coop: {path} holds no readable protocol; see "coop validate {path}".' },
    exportSyntaxWarning: {
        fr: 'coop : attention, {path} contient {count} erreur(s) de syntaxe ; le document exporté les signale mais peut être incomplet.',
        en: 'coop: warning, {path} has {count} syntax error(s); the exported document shows them but may be incomplete.'
    },
    exportDone: { fr: '✔ {path} écrit ({format}, {size} Ko).', en: '✔ {path} written ({format}, {size} KB).' },
    missingArgument: { fr: 'coop : argument manquant {detail}. Voir « coop --help ».', en: 'coop: missing argument {detail}. See "coop --help".' },
    conformityTitle: { fr: 'Contrôles automatiques des exigences (R.4011-1, L.4011-2, D.4011-4-1, cadre) :', en: 'Automatic checks of the requirements (R.4011-1, L.4011-2, D.4011-4-1, setting):' },
    missingRequirements: { fr: 'manquent : {list}', en: 'missing: {list}' },
    reviewRequirements: { fr: 'à vérifier par le relecteur : {list}', en: 'to be checked by the reviewer: {list}' },
    toFixRequirements: { fr: 'à corriger (erreur de syntaxe) : {list}', en: 'to fix (syntax error): {list}' },
    junitPassed: { fr: 'aucun problème', en: 'no problem' },
    writeFailed: { fr: 'coop : écriture impossible de {path} : {reason}', en: 'coop: cannot write {path}: {reason}' },
    langOption: { fr: 'langue des messages : fr ou en', en: 'message language: fr or en' },
    versionOption: { fr: 'affiche la version', en: 'print the version' },
    helpOption: { fr: 'affiche l\'aide', en: 'print this help' },
    helpCommand: { fr: 'affiche l\'aide d\'une commande', en: 'print help for a command' },
    pathNotFound: { fr: 'coop : chemin introuvable : {path}', en: 'coop: path not found: {path}' },
    pathUnreadable: { fr: 'coop : lecture impossible de {path} : {reason}', en: 'coop: cannot read {path}: {reason}' },
    notUtf8: { fr: 'coop : {path} n\'est pas un fichier texte UTF-8 ; enregistrez-le en UTF-8.', en: 'coop: {path} is not a UTF-8 text file; save it as UTF-8.' },
    notRegularFile: {
        fr: 'coop : {path} n\'est pas un fichier ordinaire ({kind}) : il n\'est pas lu.',
        en: 'coop: {path} is not a regular file ({kind}): it is not read.'
    },
    kindFolder: { fr: 'un dossier', en: 'a folder' },
    kindFifo: { fr: 'un tube nommé (FIFO)', en: 'a named pipe (FIFO)' },
    kindDevice: { fr: 'un périphérique', en: 'a device' },
    kindSocket: { fr: 'une socket', en: 'a socket' },
    kindOther: { fr: 'un fichier spécial', en: 'a special file' },
    systemError: { fr: 'erreur système {code}', en: 'system error {code}' },
    allIgnored: {
        fr: 'coop : tous les fichiers .coop de {paths} sont exclus (--ignore ou .coopignore)',
        en: 'coop: every .coop file of {paths} is ignored (--ignore or .coopignore)'
    },
    workerFailed: {
        fr: 'coop : un fil de validation parallèle s\'est arrêté ({detail}) ; relancez avec --jobs 1 et signalez-le.',
        en: 'coop: a parallel validation thread stopped ({detail}); run again with --jobs 1 and report it.'
    },
    ignoreOption: {
        fr: 'laisse de côté les fichiers (ou dossiers) qui correspondent à ce motif glob ; répétable ; s\'ajoute au fichier .coopignore',
        en: 'leave out the files (or folders) matching this glob pattern; repeatable; adds to the .coopignore file'
    },
    jobsOption: {
        fr: 'nombre de fils de validation (par défaut : un par cœur à partir de 200 fichiers)',
        en: 'number of validation threads (default: one per core from 200 files on)'
    },
    notInteger: { fr: 'coop : valeur « {value} » invalide pour {option} : un nombre entier ≥ {min} est attendu.', en: 'coop: invalid value "{value}" for {option}: a whole number ≥ {min} is expected.' },
    notAFolder: { fr: '{path} n\'est pas un dossier', en: '{path} is not a folder' },
    maxWarningsOption: {
        fr: 'code de sortie 1 si le nombre d\'avertissements dépasse n (comme ESLint)',
        en: 'exit code 1 when there are more than n warnings (as ESLint)'
    },
    tooManyWarnings: {
        fr: 'coop : trop d\'avertissements : {count} pour un maximum de {max} (--max-warnings).',
        en: 'coop: too many warnings: {count} for a maximum of {max} (--max-warnings).'
    },
    tooManyArguments: {
        fr: 'coop : trop d\'arguments pour « coop {command} » ({expected} attendu(s)) : {extra} en trop. Voir « coop {command} --help ».',
        en: 'coop: too many arguments for "coop {command}" ({expected} expected): {extra} left over. See "coop {command} --help".'
    },
    notCoopFile: { fr: 'coop : {path} n\'est pas un fichier .coop', en: 'coop: {path} is not a .coop file' },
    noCoopFile: { fr: 'coop : aucun fichier .coop trouvé dans {paths}', en: 'coop: no .coop file found in {paths}' },
    unknownOption: { fr: 'coop : option inconnue {detail}. Voir « coop --help ».', en: 'coop: unknown option {detail}. See "coop --help".' },
    unknownCommand: { fr: 'coop : commande inconnue {detail}. Voir « coop --help ».', en: 'coop: unknown command {detail}. See "coop --help".' },
    invalidValue: {
        fr: 'coop : valeur {value} invalide pour {option} ; valeurs admises : {choices}.',
        en: 'coop: invalid value {value} for {option}; allowed values: {choices}.'
    },
    missingValue: { fr: 'coop : valeur manquante pour l\'option {detail}.', en: 'coop: missing value for option {detail}.' },
    usageError: { fr: 'coop : {detail}. Voir « coop --help ».', en: 'coop: {detail}. See "coop --help".' },
    internalError: {
        fr: 'coop : erreur interne inattendue ({detail}). Merci de la signaler avec le fichier concerné.',
        en: 'coop: unexpected internal error ({detail}). Please report it with the file concerned.'
    },
    severityError: { fr: 'erreur', en: 'error' },
    severityWarning: { fr: 'avertissement', en: 'warning' },
    severityInfo: { fr: 'info', en: 'info' },
    summaryClean: { fr: '✔ {files} validé(s) : aucun problème.', en: '✔ {files} validated: no problems.' },
    summaryInfosOnly: {
        fr: '✔ {files} validé(s) : aucune erreur ni avertissement ; {infos} à lire (points que l\'outil ne peut pas vérifier).',
        en: '✔ {files} validated: no errors or warnings; {infos} to read (points the tool cannot check).'
    },
    summaryProblems: {
        fr: '✖ {problems} : {errors}, {warnings}, {infos} ({files}).',
        en: '✖ {problems}: {errors}, {warnings}, {infos} ({files}).'
    },
    fileCount: { fr: '{n} fichier(s)', en: '{n} file(s)' },
    problemCount: { fr: '{n} problème(s)', en: '{n} problem(s)' },
    errorCount: { fr: '{n} erreur(s)', en: '{n} error(s)' },
    warningCount: { fr: '{n} avertissement(s)', en: '{n} warning(s)' },
    infoCount: { fr: '{n} info(s)', en: '{n} info(s)' },
    helpUsage: { fr: 'Utilisation :', en: 'Usage:' },
    helpOptions: { fr: 'Options :', en: 'Options:' },
    helpCommands: { fr: 'Commandes :', en: 'Commands:' },
    helpArguments: { fr: 'Arguments :', en: 'Arguments:' },
    helpChoices: { fr: 'valeurs :', en: 'values:' },
    helpDefault: { fr: 'par défaut :', en: 'default:' }
} satisfies Record<string, Localized>;
