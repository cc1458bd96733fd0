import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { URI } from 'langium';
import type { TextDocument, TextDocumentChangeEvent } from 'vscode-languageserver';

/**
 * Forgets a document that exists only in the editor (an untitled « Nouveau protocole ») when its
 * editor closes; documents on disk stay in the workspace, as Langium keeps them.
 */
export class CoopDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    constructor(services: LangiumSharedServices) {
        super(services);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (uri.scheme !== 'file') this.fireDocumentUpdate([], [uri]);
    }
}
