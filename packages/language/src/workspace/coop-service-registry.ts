import { DefaultServiceRegistry, type LangiumCoreServices, type URI } from 'langium';

/**
 * Documents that exist only in the editor (`untitled:Untitled-1`) belong to the coop language.
 * Langium's registry finds the language by file extension or by the open document's language id;
 * an untitled editor that was closed has neither, and the next workspace update would fail on it
 * (« The service registry contains no services for the extension '' »). Files on disk keep the
 * default rule, so that coop.config.json, say, is never taken for a protocol.
 */
export class CoopServiceRegistry extends DefaultServiceRegistry {
    // Langium's hasServices calls getServices: both overrides only add to the default answer,
    // never call each other through super.
    override getServices(uri: URI): LangiumCoreServices {
        try {
            return super.getServices(uri);
        } catch (error) {
            if (this.isEditorOnly(uri) && this.all.length > 0) return this.all[0];
            throw error;
        }
    }

    private isEditorOnly(uri: URI): boolean {
        return uri.scheme === 'untitled';
    }
}
