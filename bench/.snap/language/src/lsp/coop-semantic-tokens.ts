import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';

/** Token type of each kind of named element, for its declaration and every reference to it. */
const TYPE_OF: Record<string, string> = {
    Delegant: SemanticTokenTypes.class,
    Delegue: SemanticTokenTypes.class,
    Profession: SemanticTokenTypes.type,
    Article: SemanticTokenTypes.namespace,
    Acte: SemanticTokenTypes.function,
    Etape: SemanticTokenTypes.enumMember,
    Formation: SemanticTokenTypes.struct,
    Module: SemanticTokenTypes.struct,
    Indicateur: SemanticTokenTypes.property,
    Critere: SemanticTokenTypes.parameter,
    Risque: SemanticTokenTypes.event,
    Reference: SemanticTokenTypes.macro,
    SituationReorientation: SemanticTokenTypes.event
};

/** Cross-reference properties of each node type and the type of their target. */
const REFERENCES: Array<[string, string, string]> = [
    ['Delegant', 'profession', 'Profession'], ['Delegue', 'profession', 'Profession'], ['Profession', 'article', 'Article'],
    ['Acte', 'articles', 'Article'], ['Acte', 'delegues', 'Delegue'], ['Formation', 'delegues', 'Delegue'],
    ['Formation', 'actes', 'Acte'], ['Formation', 'modules', 'Module'], ['Etape', 'intervenants', 'Delegue'],
    ['Realiser', 'acte', 'Acte'], ['AllerA', 'etape', 'Etape'], ['Orienter', 'delegant', 'Delegant'],
    ['SituationReorientation', 'delegant', 'Delegant'], ['Utilise', 'elements', 'Indicateur']
];

/**
 * Semantic colouring on top of the TextMate grammar: the names an author declares (délégués, acts,
 * steps…) and every place they are cited get the same colour, professions and articles of the
 * catalogue their own.
 */
export class CoopSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declared = TYPE_OF[node.$type];
        if (declared && 'name' in node) {
            acceptor({ node, property: 'name', type: declared, modifier: SemanticTokenModifiers.declaration });
        }
        for (const [type, property, target] of REFERENCES) {
            if (node.$type !== type) continue;
            const value = (node as unknown as Record<string, unknown>)[property];
            const count = Array.isArray(value) ? value.length : value ? 1 : 0;
            for (let index = 0; index < count; index++) {
                acceptor({ node, property, index: Array.isArray(value) ? index : undefined, type: TYPE_OF[target] });
            }
        }
    }
}
