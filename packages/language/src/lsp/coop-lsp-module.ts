import { inject, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices
} from 'langium/lsp';
import { CoopModule, CoopSharedModule, type CoopAddedServices } from '../coop-module.js';
import { CoopGeneratedModule, CoopGeneratedSharedModule } from '../generated/module.js';
import { registerValidationChecks } from '../validation/coop-validator.js';

export type CoopLspServices = LangiumServices & CoopAddedServices;

/** Editor features (completion, hover, quick fixes…) on top of the core module. */
export const CoopLspModule: Module<CoopLspServices, PartialLangiumServices> = {};

/**
 * Creates the services of the language server: Langium's LSP defaults, the core module shared
 * with the CLI, and the editor features of this language.
 */
export function createCoopLspServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Coop: CoopLspServices } {
    const shared = inject(createDefaultSharedModule(context), CoopGeneratedSharedModule, CoopSharedModule);
    const Coop = inject(createDefaultModule({ shared }), CoopGeneratedModule, CoopModule, CoopLspModule);
    shared.ServiceRegistry.register(Coop);
    registerValidationChecks(Coop);
    if (!context.connection) {
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Coop };
}
