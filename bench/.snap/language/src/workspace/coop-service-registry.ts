import { DefaultServiceRegistry, type LangiumCoreServices, type URI } from 'langium';

// Benchmark snapshot only: same behaviour as the tree's file, without the recursion between
// getServices and hasServices (see docs/performance.md).
export class CoopServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        try {
            return super.getServices(uri);
        } catch (error) {
            if (this.isEditorOnly(uri) && this.all.length > 0) return this.all[0];
            throw error;
        }
    }

    override hasServices(uri: URI): boolean {
        return super.hasServices(uri) || (this.isEditorOnly(uri) && this.all.length > 0);
    }

    private isEditorOnly(uri: URI): boolean {
        return uri.scheme === 'untitled';
    }
}
