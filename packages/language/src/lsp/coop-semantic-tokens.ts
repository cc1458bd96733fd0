import { isReference, type AstNode, type AstReflection, type Reference } from 'langium';
import { AbstractSemanticTokenProvider, type LangiumServices, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers } from 'vscode-languageserver';
import { nodeKind } from '../model/node-kinds.js';

/**
 * Semantic colouring on top of the TextMate grammar: the names an author declares (délégués, acts,
 * steps…) and every place they are cited get the same colour, professions and articles of the
 * catalogue their own. Token types come from the table of node kinds (model/node-kinds.ts); the
 * cross-references of each node type come from Langium's reflection, and a reference takes the
 * colour of what it resolves to (`utilise <module>` is a module, not an indicator), or of its
 * declared target type while unresolved.
 */
export class CoopSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly reflection: AstReflection;
    /** Reference properties of each node type, from the reflection (computed once per type). */
    private readonly referenceProperties = new Map<string, Array<{ property: string; target: string }>>();

    constructor(services: LangiumServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declared = nodeKind(node.$type)?.token;
        if (declared && 'name' in node) {
            acceptor({ node, property: 'name', type: declared, modifier: SemanticTokenModifiers.declaration });
        }
        for (const { property, target } of this.referencesOf(node.$type)) {
            const value = (node as unknown as Record<string, unknown>)[property];
            const references = Array.isArray(value) ? value : value ? [value] : [];
            references.forEach((reference: unknown, index) => {
                if (!isReference(reference)) return;
                const type = this.tokenOf(reference, target);
                if (type) acceptor({ node, property, index: Array.isArray(value) ? index : undefined, type });
            });
        }
    }

    private tokenOf(reference: Reference, declaredTarget: string): string | undefined {
        const resolved = reference.ref?.$type;
        return (resolved && nodeKind(resolved)?.token) ?? nodeKind(declaredTarget)?.token
            // A union target (Intervenant, Partageable…) unresolved: the first kind it may be.
            ?? this.reflection.getAllSubTypes(declaredTarget).map(type => nodeKind(type)?.token).find(token => token !== undefined);
    }

    private referencesOf(type: string): Array<{ property: string; target: string }> {
        let list = this.referenceProperties.get(type);
        if (!list) {
            list = [];
            const properties = this.reflection.getTypeMetaData(type).properties as Record<string, { referenceType?: string }>;
            for (const [property, meta] of Object.entries(properties)) {
                if (meta.referenceType) list.push({ property, target: meta.referenceType });
            }
            this.referenceProperties.set(type, list);
        }
        return list;
    }
}
