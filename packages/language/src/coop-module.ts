import {
    inject,
    type DeepPartial,
    type LangiumCoreServices,
    type LangiumSharedCoreServices,
    type Module,
    type PartialLangiumCoreServices
} from 'langium';
import { createDefaultCoreModule, createDefaultSharedCoreModule, type DefaultSharedCoreModuleContext } from 'langium';
import { RuleSettings } from './config/rule-settings.js';
import { DiagnosticReporter } from './diagnostics/reporter.js';
import { CoopGeneratedModule, CoopGeneratedSharedModule } from './generated/module.js';
import { LocaleSetting } from './i18n/locale.js';
import { CoopLexerErrorMessageProvider, CoopParserErrorMessageProvider } from './parser/coop-error-messages.js';
import { createCoopCompletionParser } from './parser/coop-completion-parser.js';
import { createCoopParser } from './parser/coop-parser.js';
import { CoopLexer } from './parser/coop-lexer.js';
import { CoopTokenBuilder } from './parser/coop-token-builder.js';
import { CoopValueConverter } from './parser/coop-value-converter.js';
import { CoopLinker } from './references/coop-linker.js';
import { CoopScopeComputation } from './references/coop-scope-computation.js';
import { CoopScopeProvider } from './references/coop-scope-provider.js';
import { CoopDocumentValidator } from './validation/coop-document-validator.js';
import { registerValidationChecks } from './validation/coop-validator.js';
import { SilentLogger, type CoopLogger } from './validation/logger.js';
import { SuppressedDiagnostics } from './validation/suppressed-diagnostics.js';
import { CoopDocumentFactory } from './workspace/coop-document-factory.js';
import { CoopServiceRegistry } from './workspace/coop-service-registry.js';
import { CoopWorkspaceManager } from './workspace/coop-workspace-manager.js';
import { CoopDocumentBuilder } from './team/team-document-builder.js';

/** Services this language adds to Langium's. */
export type CoopAddedServices = {
    i18n: {
        Locale: LocaleSetting;
    };
    validation: {
        DiagnosticReporter: DiagnosticReporter;
        RuleSettings: RuleSettings;
        SuppressedDiagnostics: SuppressedDiagnostics;
        /** Stacks of checks that threw; silent unless the language server injects a console logger. */
        Logger: CoopLogger;
    };
};

export type CoopServices = LangiumCoreServices & CoopAddedServices;

/** Overrides and additions to Langium's core services (no LSP, no VS Code: the CLI uses these). */
export const CoopModule: Module<CoopServices, PartialLangiumCoreServices & CoopAddedServices> = {
    i18n: {
        Locale: () => new LocaleSetting()
    },
    parser: {
        TokenBuilder: () => new CoopTokenBuilder(),
        LangiumParser: (services) => createCoopParser(services),
        Lexer: (services) => new CoopLexer(services),
        CompletionParser: (services) => createCoopCompletionParser(services),
        ValueConverter: () => new CoopValueConverter(),
        ParserErrorMessageProvider: (services) => new CoopParserErrorMessageProvider(services),
        LexerErrorMessageProvider: (services) => new CoopLexerErrorMessageProvider(services)
    },
    references: {
        ScopeComputation: (services) => new CoopScopeComputation(services),
        ScopeProvider: (services) => new CoopScopeProvider(services),
        Linker: (services) => new CoopLinker(services)
    },
    validation: {
        DocumentValidator: (services) => new CoopDocumentValidator(services),
        DiagnosticReporter: (services) => new DiagnosticReporter(services.i18n.Locale),
        RuleSettings: () => new RuleSettings(),
        SuppressedDiagnostics: () => new SuppressedDiagnostics(),
        Logger: () => new SilentLogger()
    }
};

export const CoopSharedModule: Module<LangiumSharedCoreServices, DeepPartial<LangiumSharedCoreServices>> = {
    ServiceRegistry: (services) => new CoopServiceRegistry(services),
    workspace: {
        WorkspaceManager: (services) => new CoopWorkspaceManager(services),
        // Measures each text before the lexer: oversized documents are refused (workspace/size-limit.ts).
        LangiumDocumentFactory: (services) => new CoopDocumentFactory(services),
        DocumentBuilder: (services) => new CoopDocumentBuilder(services)
    }
};

/**
 * Creates the services of the language without a language server (CLI, tests, renderer).
 * The language server (packages/server) builds on the same modules and adds the LSP ones.
 */
export function createCoopServices(context: DefaultSharedCoreModuleContext): { shared: LangiumSharedCoreServices; Coop: CoopServices } {
    const shared = inject(createDefaultSharedCoreModule(context), CoopGeneratedSharedModule, CoopSharedModule);
    const Coop = inject(createDefaultCoreModule({ shared }), CoopGeneratedModule, CoopModule);
    shared.ServiceRegistry.register(Coop);
    registerValidationChecks(Coop);
    // Without a language client nobody sends configuration: tell the provider not to wait for it.
    void shared.workspace.ConfigurationProvider.initialized({});
    return { shared, Coop };
}
