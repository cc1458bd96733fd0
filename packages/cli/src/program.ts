import { Command, CommanderError, Help, Option } from 'commander';
import { format, LocaleSetting, type Locale } from 'coop-language';
import { ExitCode, UsageError } from './exit-codes.js';
import { exportCommand, type ExportCliOptions } from './export.js';
import { formatGithub } from './formatters/github.js';
import { formatJson } from './formatters/json.js';
import { formatJunit } from './formatters/junit.js';
import { rulesAsJson, rulesAsMarkdown, rulesSchema } from './formatters/rules.js';
import { formatSarif } from './formatters/sarif.js';
import { formatStylish } from './formatters/stylish.js';
import { cliMessages } from './messages.js';
import { atLeast, summarize, type ReportSeverity, type ValidationReport } from './report.js';
import { validatePaths } from './validate.js';
import { writeAtomically } from './write-output.js';

interface ValidateCliOptions {
    format: 'stylish' | 'json' | 'sarif' | 'junit' | 'github';
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
        if (option.argChoices) extra.push(`${this.locale.pick(cliMessages.helpChoices)} ${option.argChoices.join(', ')}`);
        if (option.defaultValue !== undefined) extra.push(`${this.locale.pick(cliMessages.helpDefault)} ${String(option.defaultValue)}`);
        return extra.length > 0 ? `${option.description} (${extra.join(' ; ')})` : option.description;
    }
}

/**
 * Runs `coop` with the given arguments (without `node` and the script) and returns the exit code.
 * Never throws: every failure becomes one line on stderr and exit code 2.
 */
export async function run(args: string[], io: Io): Promise<number> {
    const locale = new LocaleSetting();
    locale.current = requestedLocale(args);
    const t = (key: keyof typeof cliMessages) => locale.pick(cliMessages[key]);
    let exitCode: number = ExitCode.Success;

    const program = new Command('coop')
        .description(t('description'))
        .version(typeof COOP_VERSION === 'string' ? COOP_VERSION : '0.0.0-dev', '-V, --version', t('versionOption'))
        .helpOption('-h, --help', t('helpOption'))
        .helpCommand('help [commande]', t('helpCommand'))
        .configureHelp({})
        .exitOverride()
        .configureOutput({ writeOut: io.stdout, writeErr: () => undefined });
    program.createHelp = () => Object.assign(new LocalizedHelp(locale), program.configureHelp());

    const configure = (command: Command) => {
        command.helpOption('-h, --help', t('helpOption')).exitOverride().configureOutput({ writeOut: io.stdout, writeErr: () => undefined });
        command.createHelp = () => Object.assign(new LocalizedHelp(locale), command.configureHelp());
        return command;
    };
    /** Prints to stdout, or writes the file given with --output. */
    const emit = async (text: string, output: string | undefined) => {
        if (output) await writeAtomically(output, text, locale);
        else io.stdout(text);
    };

    configure(program.command('validate'))
        .description(t('validateDescription'))
        .argument('[chemins...]', t('pathsArgument'))
        .addOption(new Option('-f, --format <format>', t('formatOption')).choices(['stylish', 'json', 'sarif', 'junit', 'github']).default('stylish'))
        .addOption(new Option('-o, --output <fichier>', t('outputOption')))
        .addOption(new Option('--fail-on <niveau>', t('failOnOption')).choices(['error', 'warning', 'info']).default('error'))
        .addOption(new Option('-q, --quiet', t('quietOption')))
        .addOption(new Option('-c, --config <fichier>', t('configOption')))
        .addOption(new Option('--ignore <motif>', t('ignoreOption')).argParser((value: string, previous: string[] = []) => [...previous, value]))
        .addOption(new Option('-j, --jobs <n>', t('jobsOption')).argParser(positiveInteger('--jobs', 1)))
        .addOption(new Option('--lang <langue>', t('langOption')).choices(['fr', 'en']).default('fr'))
        .action(async (paths: string[], options: ValidateCliOptions) => {
            const report = await validatePaths(paths.length > 0 ? paths : ['.'], { lang: options.lang, config: options.config, ignore: options.ignore, jobs: options.jobs });
            const shown = options.quiet ? onlyFailing(report, options.failOn) : report;
            await emit(render(shown, options, locale), options.output);
            const failing = report.files.some(file => file.diagnostics.some(d => atLeast(d.severity, options.failOn)));
            exitCode = failing ? ExitCode.Findings : ExitCode.Success;
        });

    configure(program.command('rules'))
        .description(t('rulesDescription'))
        .addOption(new Option('-f, --format <format>', t('rulesFormatOption')).choices(['md', 'json', 'schema']).default('md'))
        .addOption(new Option('-o, --output <fichier>', t('outputOption')))
        .addOption(new Option('--lang <langue>', t('langOption')).choices(['fr', 'en']).default('fr'))
        .action(async (options: { format: 'md' | 'json' | 'schema'; output?: string }) => {
            const text = options.format === 'json' ? rulesAsJson(locale) : options.format === 'schema' ? rulesSchema() : rulesAsMarkdown(locale);
            await emit(text, options.output);
        });

    configure(program.command('export'))
        .description(t('exportDescription'))
        .argument('<fichier>', t('exportFileArgument'))
        .addOption(new Option('-f, --format <format>', t('exportFormatOption')).choices(['html', 'pdf', 'docx']))
        .addOption(new Option('-o, --out <chemin>', t('exportOutOption')))
        .addOption(new Option('-c, --config <fichier>', t('configOption')))
        .addOption(new Option('--lang <langue>', t('exportLangOption')).choices(['fr', 'en']).default('fr'))
        .action(async (file: string, options: ExportCliOptions) => {
            exitCode = await exportCommand(file, options, locale, io);
        });

    try {
        await program.parseAsync(args, { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version end through here with exit code 0.
            if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
                return ExitCode.Success;
            }
            io.stderr(commanderMessage(error, locale) + '\n');
            return ExitCode.UsageOrIo;
        }
        if (error instanceof BadNumberError) {
            io.stderr(format(t('notInteger'), { option: error.option, value: error.value, min: error.min }) + '\n');
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

/** An option value that must be a whole number ≥ `min`; anything else is a French usage error. */
function positiveInteger(option: string, min: number) {
    return (value: string): number => {
        if (!/^\d+$/.test(value.trim()) || Number(value) < min) {
            throw new BadNumberError(option, value, min);
        }
        return Number(value);
    };
}

/** Thrown by an option parser; turned into one French line by run(). */
class BadNumberError extends Error {
    constructor(readonly option: string, readonly value: string, readonly min: number) {
        super(`${option} ${value}`);
    }
}

/** Commander's English errors, in the user's language. */
function commanderMessage(error: CommanderError, locale: LocaleSetting): string {
    const quoted = [...error.message.matchAll(/'([^']*)'/g)].map(match => match[1]);
    const option = quoted[0]?.split(/[ ,]+/).find(part => part.startsWith('--')) ?? quoted[0] ?? '';
    const q = (text: string) => (locale.current === 'fr' ? `« ${text} »` : `"${text}"`);
    switch (error.code) {
        case 'commander.unknownOption':
            return format(locale.pick(cliMessages.unknownOption), { detail: q(quoted[0] ?? '') });
        case 'commander.unknownCommand':
            return format(locale.pick(cliMessages.unknownCommand), { detail: q(quoted[0] ?? '') });
        case 'commander.invalidArgument': {
            const choices = /Allowed choices are (.*)\.$/.exec(error.message)?.[1] ?? '';
            return format(locale.pick(cliMessages.invalidValue), { value: q(quoted[1] ?? ''), option, choices });
        }
        case 'commander.missingArgument':
            return format(locale.pick(cliMessages.missingArgument), { detail: q(quoted[0] ?? '') });
        case 'commander.optionMissingArgument':
            return format(locale.pick(cliMessages.missingValue), { detail: option });
        default:
            return format(locale.pick(cliMessages.usageError), { detail: error.message.replace(/^error:\s*/, '') });
    }
}
