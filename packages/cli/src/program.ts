import { Command, CommanderError, Help, Option } from 'commander';
import { format, LocaleSetting, type Locale } from 'coop-language';
import { ExitCode, UsageError } from './exit-codes.js';
import { formatJson } from './formatters/json.js';
import { formatStylish } from './formatters/stylish.js';
import { cliMessages } from './messages.js';
import { validatePaths } from './validate.js';

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

    const validate = program.command('validate')
        .description(t('validateDescription'))
        .argument('[chemins...]', t('pathsArgument'))
        .addOption(new Option('-f, --format <format>', t('formatOption')).choices(['stylish', 'json']).default('stylish'))
        .addOption(new Option('--lang <langue>', t('langOption')).choices(['fr', 'en']).default('fr'))
        .helpOption('-h, --help', t('helpOption'))
        .exitOverride()
        .configureOutput({ writeOut: io.stdout, writeErr: () => undefined })
        .action(async (paths: string[], options: { format: 'stylish' | 'json'; lang: Locale }) => {
            const report = await validatePaths(paths.length > 0 ? paths : ['.'], options.lang);
            io.stdout(options.format === 'json' ? formatJson(report) : formatStylish(report, locale));
            exitCode = report.summary.errors > 0 ? ExitCode.Findings : ExitCode.Success;
        });
    validate.createHelp = () => Object.assign(new LocalizedHelp(locale), validate.configureHelp());

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
        if (error instanceof UsageError) {
            io.stderr(error.message + '\n');
            return ExitCode.UsageOrIo;
        }
        const detail = error instanceof Error ? error.message : String(error);
        io.stderr(format(t('internalError'), { detail }) + '\n');
        return ExitCode.UsageOrIo;
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
        case 'commander.optionMissingArgument':
            return format(locale.pick(cliMessages.missingValue), { detail: option });
        default:
            return format(locale.pick(cliMessages.usageError), { detail: error.message.replace(/^error:\s*/, '') });
    }
}
