import { DefaultWorkspaceManager, type LangiumDocument, type LangiumDocumentFactory, type LangiumSharedCoreServices, type WorkspaceFolder } from 'langium';
import { CATALOGUE_TEXT, CATALOGUE_URI } from './catalogue.js';

/** Creates the documents the tool provides itself (today: the catalogue of professions and articles). */
export function createBuiltinDocuments(factory: LangiumDocumentFactory): LangiumDocument[] {
    return [factory.fromString(CATALOGUE_TEXT, CATALOGUE_URI)];
}

/** Adds the built-in catalogue to every workspace the language server opens. */
export class CoopWorkspaceManager extends DefaultWorkspaceManager {
    private readonly documentFactory: LangiumDocumentFactory;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.documentFactory = services.workspace.LangiumDocumentFactory;
    }

    protected override async loadAdditionalDocuments(_folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        for (const document of createBuiltinDocuments(this.documentFactory)) {
            collector(document);
        }
    }
}
