import { DocumentState, inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type ServiceRequirements
} from 'langium/lsp';
import { CoopModule, CoopSharedModule, type CoopAddedServices } from '../coop-module.js';
import { CoopGeneratedModule, CoopGeneratedSharedModule } from '../generated/module.js';
import { registerValidationChecks } from '../validation/coop-validator.js';
import { ConsoleLogger } from '../validation/logger.js';
import { CoopCodeActionProvider } from './coop-code-action-provider.js';
import { CoopCodeLensProvider } from './coop-code-lens-provider.js';
import { CoopDocumentUpdateHandler } from './coop-document-update-handler.js';
import { CoopCompletionProvider } from './coop-completion-provider.js';
import { CoopDocumentSymbolProvider } from './coop-document-symbol-provider.js';
import { CoopFormatter } from './coop-formatter.js';
import { CoopHoverProvider } from './coop-hover-provider.js';
import { CoopSemanticTokenProvider } from './coop-semantic-tokens.js';
import { setUpServer } from './server-setup.js';

export type CoopLspServices = LangiumServices & CoopAddedServices;

/** Editor features (completion, hover, quick fixes…) on top of the core module. */
export const CoopLspModule: Module<CoopLspServices, PartialLangiumServices & { validation: { Logger: () => ConsoleLogger } }> = {
    // In the language server, stderr is the editor's output channel: the stacks of failed checks go there.
    validation: {
        Logger: () => new ConsoleLogger()
    },
    lsp: {
        CompletionProvider: (services) => new CoopCompletionProvider(services as CoopLspServices),
        HoverProvider: (services) => new CoopHoverProvider(services as CoopLspServices),
        DocumentSymbolProvider: (services) => new CoopDocumentSymbolProvider(services as CoopLspServices),
        CodeActionProvider: (services) => new CoopCodeActionProvider(services as CoopLspServices),
        CodeLensProvider: (services) => new CoopCodeLensProvider(services as CoopLspServices),
        Formatter: (services) => new CoopFormatter(services as CoopLspServices),
        SemanticTokenProvider: (services) => new CoopSemanticTokenProvider(services)
    }
};

/**
 * What each request waits for before it is answered (`startLanguageServer(shared, COOP_SERVICE_REQUIREMENTS)`).
 * The conformity code lens is computed from the document's diagnostics: it waits for validation,
 * not only for the references (Langium's default). Otherwise the first file opened after start-up
 * got no lens — the editor asks once, before the first validation, and not again until an edit.
 */
export const COOP_SERVICE_REQUIREMENTS: Partial<ServiceRequirements> = {
    CodeLensProvider: DocumentState.Validated
};

/** Shared editor services: untitled documents are forgotten when their editor closes. */
export const CoopLspSharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    lsp: {
        DocumentUpdateHandler: (services) => new CoopDocumentUpdateHandler(services)
    }
};

/**
 * Creates the services of the language server: Langium's LSP defaults, the core module shared
 * with the CLI, and the editor features of this language.
 */
export function createCoopLspServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Coop: CoopLspServices } {
    const shared = inject(createDefaultSharedModule(context), CoopGeneratedSharedModule, CoopSharedModule, CoopLspSharedModule);
    const Coop = inject(createDefaultModule({ shared }), CoopGeneratedModule, CoopModule, CoopLspModule);
    shared.ServiceRegistry.register(Coop);
    registerValidationChecks(Coop);
    if (context.connection) {
        setUpServer(shared, Coop, context.connection);
    } else {
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Coop };
}
