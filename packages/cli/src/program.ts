import { Command, CommanderError, Help, Option } from 'commander';
import { format, LocaleSetting, type Locale } from 'coop-language';
import { ExitCode, UsageError } from './exit-codes.js';
import { EXPORT_OPTIONS, type ExportCliOptions } from './export.js';
import { exportMany } from './export-many.js';
import { catalogueCommand } from './catalogue.js';
import { declarationCommand } from './declaration.js';
import { teamDiffCommand } from './equipe-diff.js';
import { newTeamCommand } from './nouveau.js';
import { RAPPORT_MESSAGES, rapportCommand, type RapportOptions } from './rapport.js';
import { formatGitlab } from './formatters/gitlab.js';
import { formatGithub } from './formatters/github.js';
import { formatJson } from './formatters/json.js';
import { formatJunit } from './formatters/junit.js';
import { rulesAsJson, rulesAsMarkdown, rulesSchema } from './formatters/rules.js';
import { formatSarif } from './formatters/sarif.js';
import { formatStylish } from './formatters/stylish.js';
import { cliMessages } from './messages.js';
import { atLeast, summarize, type ReportSeverity, type ValidationReport } from './report.js';
import { validatePaths } from './validate.js';
import { formatTestReport, runTests } from './test-cases.js';
import { writeAtomically } from './write-output.js';

interface ValidateCliOptions {
    format: 'stylish' | 'json' | 'sarif' | 'junit' | 'github' | 'gitlab';
    output?: string;
    failOn: ReportSeverity;
    quiet?: boolean;
    config?: string;
    lang: Locale;
    ignore?: string[];
    jobs?: number;
    maxWarnings?: number;
}

function render(report: ValidationReport, options: ValidateCliOptions, locale: LocaleSetting): string {
    switch (options.format) {
        case 'json': return formatJson(report);
        case 'sarif': return formatSarif(report, locale);
        case 'junit': return formatJunit(report, locale, options.failOn);
        case 'github': return formatGithub(report);
        case 'gitlab': return formatGitlab(report);
        default: return formatStylish(report, locale, options.quiet);
    }
}

/** --quiet: only the findings at or above the failure level. */
function onlyFailing(report: ValidationReport, failOn: ReportSeverity): ValidationReport {
    const files = report.files.map(file => ({ ...file, diagnostics: file.diagnostics.filter(d => atLeast(d.severity, failOn)) }));
    return { files, summary: summarize(files) };
}

declare const COOP_VERSION: string | undefined;

export interface Io {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
}

/** The language asked for on the command line, read before parsing so that help and errors use it. */
function requestedLocale(argv: string[]): Locale {
    const index = argv.findIndex(arg => arg === '--lang' || arg.startsWith('--lang='));
    if (index < 0) return 'fr';
    const value = argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
    return value === 'en' ? 'en' : 'fr';
}

/** Commander's help with French (or English) headings. */
class LocalizedHelp extends Help {
    constructor(private readonly locale: LocaleSetting) {
        super();
    }

    override styleTitle(title: string): string {
        const titles: Record<string, keyof typeof cliMessages> = {
            'Usage:': 'helpUsage',
            'Options:': 'helpOptions',
            'Commands:': 'helpCommands',
            'Arguments:': 'helpArguments'
        };
        const key = titles[title];
        return key ? this.locale.pick(cliMessages[key]) : title;
    }

    override optionDescription(option: Option): string {
        const extra: string[] = [];
        const choices = choicesOf.get(option);
        if (choices) extra.push(`${this.locale.pick(cliMessages.helpChoices)} ${choices.join(', ')}`);
        if (option.defaultValue !== undefined) extra.push(`${this.locale.pick(cliMessages.helpDefault)} ${String(option.defaultValue)}`);
        return extra.length > 0 ? `${option.description} (${extra.join(' ; ')})` : option.description;
    }
}

/** The values an option accepts, for the help (the check itself is the option's parser, in French). */
const choicesOf = new WeakMap<Option, readonly string[]>();

/**
 * A command whose usage errors are French (or English) sentences built from the data commander
 * passes to these hooks (the option, the argument, the command), never from its English text: each
 * hook throws a UsageError that run() prints as one line, exit code 2.
 */
class CoopCommand extends Command {
    locale: LocaleSetting = new LocaleSetting();

    override createCommand(name?: string): Command {
        const command = new CoopCommand(name);
        command.locale = this.locale;
        return command;
    }

    private fail(key: keyof typeof cliMessages, args: Record<string, string | number>): never {
        throw new UsageError(format(this.locale.pick(cliMessages[key]), args));
    }

    private quote(text: string): string {
        return this.locale.current === 'fr' ? `« ${text} »` : `"${text}"`;
    }

    // Hooks of commander 14 (lib/command.js), called with structured data.
    unknownOption(flag: string): never {
        this.fail('unknownOption', { detail: this.quote(flag) });
    }

    unknownCommand(): never {
        this.fail('unknownCommand', { detail: this.quote(String(this.args[0] ?? '')) });
    }

    missingArgument(name: string): never {
        this.fail('missingArgument', { detail: this.quote(name) });
    }

    optionMissingArgument(option: Option): never {
        this.fail('missingValue', { detail: option.long ?? option.flags });
    }

    missingMandatoryOptionValue(option: Option): never {
        this.fail('missingValue', { detail: option.long ?? option.flags });
    }

    _excessArguments(received: string[]): never {
        const expected = this.registeredArguments.length;
        this.fail('tooManyArguments', { command: this.name(), expected, extra: this.quote(received.slice(expected).join(' ')) });
    }
}

/** An option parser that accepts only `values` (and their `aliases`), with a French message otherwise. */
function oneOf(option: Option, values: readonly string[], locale: LocaleSetting, aliases: Record<string, string> = {}): Option {
    choicesOf.set(option, values);
    const name = option.long ?? option.flags;
    return option.argParser((value: string) => {
        const folded = aliases[value] ?? value;
        if (!values.includes(folded)) {
            const q = (text: string) => (locale.current === 'fr' ? `« ${text} »` : `"${text}"`);
            throw new UsageError(format(locale.pick(cliMessages.invalidValue), { value: q(value), option: name, choices: values.join(', ') }));
        }
        return folded;
    });
}

/** An option value that must be a whole number ≥ `min`; anything else is a French usage error. */
function wholeNumber(option: string, min: number, locale: LocaleSetting) {
    return (value: string): number => {
        if (!/^\d+$/.test(value.trim()) || Number(value) < min) {
            throw new UsageError(format(locale.pick(cliMessages.notInteger), { option, value, min }));
        }
        return Number(value);
    };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** --fail-on accepts the English and the French names of the levels. */
const LEVEL_ALIASES: Record<string, string> = { erreur: 'error', avertissement: 'warning' };

/**
 * Runs `coop` with the given arguments (without `node` and the script) and returns the exit code.
 * Never throws: every failure becomes one line on stderr and exit code 2.
 */
export async function run(args: string[], io: Io): Promise<number> {
    const locale = new LocaleSetting();
    locale.current = requestedLocale(args);
    const t = (key: keyof typeof cliMessages) => locale.pick(cliMessages[key]);
    let exitCode: number = ExitCode.Success;

    const program = new CoopCommand('coop');
    program.locale = locale;
    program
        .description(t('description'))
        .version(typeof COOP_VERSION === 'string' ? COOP_VERSION : '0.0.0-dev', '-V, --version', t('versionOption'))
        .helpCommand('help [commande]', t('helpCommand'));

    const configure = (command: Command) => {
        command.helpOption('-h, --help', t('helpOption')).exitOverride().configureOutput({ writeOut: io.stdout, writeErr: () => undefined });
        command.createHelp = () => Object.assign(new LocalizedHelp(locale), command.configureHelp());
        return command;
    };
    configure(program);
    /** Prints to stdout, or writes the file given with --output. */
    const emit = async (text: string, output: string | undefined) => {
        if (output) await writeAtomically(output, text, locale);
        else io.stdout(text);
    };
    const langOption = (description: keyof typeof cliMessages = 'langOption') =>
        oneOf(new Option('--lang <langue>', t(description)), ['fr', 'en'], locale).default('fr');

    configure(program.command('validate'))
        .description(t('validateDescription'))
        .argument('[chemins...]', t('pathsArgument'))
        .addOption(oneOf(new Option('-f, --format <format>', t('formatOption')), ['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab'], locale).default('stylish'))
        .addOption(new Option('-o, --output <fichier>', t('outputOption')))
        .addOption(oneOf(new Option('--fail-on <niveau>', t('failOnOption')), ['error', 'warning', 'info'], locale, LEVEL_ALIASES).default('error'))
        .addOption(new Option('--max-warnings <n>', t('maxWarningsOption')).argParser(wholeNumber('--max-warnings', 0, locale)))
        .addOption(new Option('-q, --quiet', t('quietOption')))
        .addOption(new Option('-c, --config <fichier>', t('configOption')))
        .addOption(new Option('--ignore <motif>', t('ignoreOption')).argParser(collect))
        .addOption(new Option('-j, --jobs <n>', t('jobsOption')).argParser(wholeNumber('--jobs', 1, locale)))
        .addOption(langOption())
        .action(async (paths: string[], options: ValidateCliOptions) => {
            const report = await validatePaths(paths.length > 0 ? paths : ['.'], {
                lang: options.lang, config: options.config, ignore: options.ignore, jobs: options.jobs
            });
            const shown = options.quiet ? onlyFailing(report, options.failOn) : report;
            await emit(render(shown, options, locale), options.output);
            const failing = report.files.some(file => file.diagnostics.some(d => atLeast(d.severity, options.failOn)));
            exitCode = failing ? ExitCode.Findings : ExitCode.Success;
            // ESLint's convention: more warnings than --max-warnings is a failure too.
            if (options.maxWarnings !== undefined && report.summary.warnings > options.maxWarnings) {
                io.stderr(format(t('tooManyWarnings'), { count: report.summary.warnings, max: options.maxWarnings }) + '\n');
                exitCode = ExitCode.Findings;
            }
        });

    configure(program.command('test'))
        .description(locale.pick({ fr: 'Joue les cas patients (« cas "…" pour <identifiant> { données … attendu … } ») sur leurs protocoles', en: 'Runs the patient cases on their protocols' }))
        .argument('[chemins...]', t('pathsArgument'))
        .addOption(oneOf(new Option('-f, --format <format>', t('formatOption')), ['stylish', 'json', 'junit'], locale).default('stylish'))
        .addOption(new Option('-o, --output <fichier>', t('outputOption')))
        .addOption(new Option('--coverage', locale.pick({ fr: 'liste les situations qu\'aucun cas n\'atteint', en: 'lists the situations no case reaches' })))
        .addOption(new Option('--ignore <motif>', t('ignoreOption')).argParser(collect))
        .addOption(langOption())
        .action(async (paths: string[], options: { format: 'stylish' | 'json' | 'junit'; output?: string; coverage?: boolean; ignore?: string[]; lang: Locale }) => {
            const report = await runTests(paths.length > 0 ? paths : ['.'], { lang: options.lang, format: options.format, coverage: options.coverage, ignore: options.ignore });
            await emit(formatTestReport(report, options.format, options.lang), options.output);
            exitCode = report.summary.failed > 0 ? ExitCode.Findings : report.summary.total === 0 ? ExitCode.UsageOrIo : ExitCode.Success;
        });

    configure(program.command('rules'))
        .description(t('rulesDescription'))
        .addOption(oneOf(new Option('-f, --format <format>', t('rulesFormatOption')), ['md', 'json', 'schema'], locale).default('md'))
        .addOption(new Option('-o, --output <fichier>', t('outputOption')))
        .addOption(langOption())
        .action(async (options: { format: 'md' | 'json' | 'schema'; output?: string }) => {
            const text = options.format === 'json' ? rulesAsJson(locale) : options.format === 'schema' ? rulesSchema() : rulesAsMarkdown(locale);
            await emit(text, options.output);
        });

    configure(program.command('export'))
        .description(t('exportDescription'))
        .argument('<fichiers...>', t('exportFileArgument'))
        .addOption(oneOf(new Option('-f, --format <format>', t('exportFormatOption')), ['html', 'pdf', 'docx'], locale))
        .addOption(new Option('-o, --output <chemin>', t('exportOutOption')))
        // The former spelling, kept so that existing scripts go on working.
        .addOption(new Option('--out <chemin>').hideHelp())
        .addOption(new Option('-c, --config <fichier>', t('configOption')))
        .addOption(langOption('exportLangOption'))
        .addOption(oneOf(new Option('--disposition <disposition>', locale.pick(EXPORT_OPTIONS.disposition)), ['exigences', 'has-2012'], locale).default('exigences'))
        .addOption(new Option('--avec-lignes', locale.pick(EXPORT_OPTIONS.withLines)))
        .action(async (files: string[], options: Omit<ExportCliOptions, 'out'> & { output?: string; out?: string }) => {
            const { output, out, ...rest } = options;
            exitCode = await exportMany(files, { ...rest, out: output ?? out }, locale, io);
        });

    // ----- Team files (issue 12) -----------------------------------------------------------
    const tt = (fr: string, en: string) => locale.pick({ fr, en });
    configure(program.command('catalogue'))
        .description(tt('liste les protocoles nationaux du catalogue (intégrés et ajoutés par les fichiers « catalogue » des chemins donnés)', 'lists the national protocols of the catalogue (built in, and added by the « catalogue » files of the given paths)'))
        .argument('[chemins...]', tt('fichiers ou dossiers où chercher des fichiers « catalogue » de l\'espace de travail', 'files or folders to search for workspace « catalogue » files'))
        .addOption(oneOf(new Option('-f, --format <format>', tt('format de sortie', 'output format')), ['stylish', 'json'], locale).default('stylish'))
        .addOption(new Option('-o, --output <fichier>', t('outputOption')))
        .addOption(langOption())
        .action(async (paths: string[], options: { format: 'stylish' | 'json'; output?: string }) => {
            await emit(await catalogueCommand(paths, options, locale), options.output);
        });

    const equipe = configure(program.command('equipe')).description(tt('commandes des fichiers d\'équipe', 'team file commands'));
    configure(equipe.command('diff'))
        .description(tt('membres ajoutés, retirés et modifiés entre deux versions d\'un fichier d\'équipe (fichier ou fichier@révision git)', 'members added, removed and changed between two versions of a team file (file or file@git-revision)'))
        .argument('<ancien>', tt('ancienne version : fichier ou fichier@révision', 'old version: file or file@revision'))
        .argument('<nouveau>', tt('nouvelle version : fichier ou fichier@révision', 'new version: file or file@revision'))
        .addOption(oneOf(new Option('-f, --format <format>', tt('format de sortie', 'output format')), ['stylish', 'json'], locale).default('stylish'))
        .addOption(new Option('-o, --output <fichier>', t('outputOption')))
        .addOption(langOption())
        .action(async (before: string, after: string, options: { format: 'stylish' | 'json'; output?: string }) => {
            await emit(await teamDiffCommand(before, after, options, locale), options.output);
        });

    configure(program.command('declaration'))
        .description(tt('écrit le dossier de déclaration d\'une équipe : CSV et JSON dans l\'ordre du formulaire, documents à signer en PDF et DOCX', 'writes a team\'s declaration packet: CSV and JSON in the order of the form, documents to sign as PDF and DOCX'))
        .argument('<fichier>', tt('fichier d\'équipe (.coop)', 'team file (.coop)'))
        .addOption(new Option('-o, --output <dossier>', tt('dossier de sortie (par défaut : <fichier>-declaration)', 'output folder (default: <file>-declaration)')))
        .addOption(new Option('--out <dossier>').hideHelp())
        .addOption(langOption())
        .action(async (file: string, options: { output?: string; out?: string }) => {
            exitCode = await declarationCommand(file, { out: options.output ?? options.out }, locale, io);
        });

    // ----- Yearly report from the activity journal (issue 13) ------------------------------
    configure(program.command('rapport'))
        .description(locale.pick(RAPPORT_MESSAGES.description))
        .argument('<protocole>', locale.pick(RAPPORT_MESSAGES.protocolArgument))
        .addOption(new Option('--journal <csv>', locale.pick(RAPPORT_MESSAGES.journalOption)).makeOptionMandatory())
        .addOption(new Option('--satisfaction <csv>', locale.pick(RAPPORT_MESSAGES.satisfactionOption)))
        .addOption(new Option('--equipe <fichier>', locale.pick(RAPPORT_MESSAGES.teamOption)))
        .addOption(new Option('--periode <période>', locale.pick(RAPPORT_MESSAGES.periodOption)).makeOptionMandatory())
        .addOption(new Option('-o, --output <dossier>', locale.pick(RAPPORT_MESSAGES.outputOption)))
        .addOption(langOption())
        .action(async (file: string, options: RapportOptions) => {
            exitCode = await rapportCommand(file, options, locale, io);
        });

    const nouveau = configure(program.command('nouveau')).description(tt('crée un fichier', 'creates a file'));
    configure(nouveau.command('equipe'))
        .description(tt('nouveau fichier d\'équipe pour un protocole national du catalogue ou un protocole local du dossier, rôles prêts à remplir', 'new team file for a national protocol of the catalogue or a local protocol of the folder, roles ready to fill'))
        .argument('<protocole>', tt('nom du protocole national (coop catalogue) ou identifiant d\'un protocole local', 'national protocol name (coop catalogue) or local protocol identifier'))
        .addOption(new Option('-o, --output <fichier>', tt('fichier à écrire (jamais écrasé) ; sinon la sortie standard', 'file to write (never overwritten); else standard output')))
        .addOption(langOption())
        .action(async (code: string, options: { output?: string }) => {
            exitCode = await newTeamCommand(code, options, locale, io);
        });

    try {
        await program.parseAsync(args, { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version end through here with exit code 0; every other commander error goes
            // through a CoopCommand hook (a UsageError), so this is only a fallback.
            if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
                return ExitCode.Success;
            }
            io.stderr(format(t('usageError'), { detail: error.code }) + '\n');
            return ExitCode.UsageOrIo;
        }
        if (error instanceof UsageError) {
            io.stderr(error.message + '\n');
            return ExitCode.UsageOrIo;
        }
        const detail = error instanceof Error ? error.message : String(error);
        io.stderr(format(t('internalError'), { detail }) + '\n');
        return ExitCode.UsageOrIo;
    }
}
