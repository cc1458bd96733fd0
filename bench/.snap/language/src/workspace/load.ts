import { URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createBuiltinDocuments } from './coop-workspace-manager.js';

export interface LoadedDocument {
    document: LangiumDocument;
    diagnostics: Diagnostic[];
}

export type { SuppressedDiagnostic } from '../validation/suppressed-diagnostics.js';

/**
 * Loads files as one workspace (with the built-in catalogue), links them together and validates
 * them with every check. Used by the CLI and the tests; the language server does the same through
 * its workspace manager.
 */
export async function loadAndValidate(shared: LangiumSharedCoreServices, files: Array<{ uri: URI; text?: string }>): Promise<LoadedDocument[]> {
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const builtins = createBuiltinDocuments(factory).filter(document => !langiumDocuments.hasDocument(document.uri));
    builtins.forEach(document => langiumDocuments.addDocument(document));
    const documents: LangiumDocument[] = [];
    for (const file of files) {
        if (file.text !== undefined) {
            const document = factory.fromString(file.text, file.uri);
            langiumDocuments.addDocument(document);
            documents.push(document);
        } else {
            documents.push(await langiumDocuments.getOrCreateDocument(file.uri));
        }
    }
    await shared.workspace.DocumentBuilder.build([...builtins, ...documents], { validation: true });
    return documents.map(document => ({ document, diagnostics: document.diagnostics ?? [] }));
}
