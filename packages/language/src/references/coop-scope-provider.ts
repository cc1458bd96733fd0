import { AstUtils, DefaultScopeProvider, stream, StreamScope, type AstNodeDescription, type LangiumDocument, type ReferenceInfo, type Scope } from 'langium';
import type { CoopServices } from '../coop-module.js';
import { isArticle, isProfession } from '../generated/ast.js';
import { fold } from '../model/text.js';
import { CATALOGUE_TEXT, CATALOGUE_URI } from '../workspace/catalogue.js';

/**
 * Professions and derogable articles always resolve, even before the workspace index holds the
 * built-in catalogue: a document an editor opens while the server is starting (or restarting) can be
 * linked before the catalogue is indexed, and would keep « profession introuvable » errors until
 * its next edit. When the index has no catalogue entries, the catalogue is read here directly.
 */
export class CoopScopeProvider extends DefaultScopeProvider {
    private readonly services: CoopServices;
    private catalogue?: LangiumDocument;

    constructor(services: CoopServices) {
        super(services);
        this.services = services;
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const scope = super.getGlobalScope(referenceType, context);
        if (referenceType !== 'Profession' && referenceType !== 'Article') return scope;
        if (this.indexManager.allElements(referenceType).head() !== undefined) return scope;
        return new StreamScope(stream(this.catalogueDescriptions(referenceType)), scope);
    }

    private catalogueDescriptions(referenceType: string): AstNodeDescription[] {
        this.catalogue ??= this.services.shared.workspace.LangiumDocumentFactory.fromString(CATALOGUE_TEXT, CATALOGUE_URI);
        const result: AstNodeDescription[] = [];
        for (const node of AstUtils.streamAllContents(this.catalogue.parseResult.value)) {
            if ((referenceType === 'Article' && isArticle(node)) || (referenceType === 'Profession' && isProfession(node))) {
                result.push(this.descriptions.createDescription(node, node.name, this.catalogue));
                if (isProfession(node) && fold(node.name) !== node.name) result.push(this.descriptions.createDescription(node, fold(node.name), this.catalogue));
            }
        }
        return result;
    }
}
