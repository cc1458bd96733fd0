import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import type { CancellationToken, DocumentSymbolParams } from 'vscode-languageserver';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { isEquipe, isMembreEquipe, isProtocole } from '../generated/ast.js';
import type { LocaleSetting } from '../i18n/locale.js';
import { nodeKind } from '../model/node-kinds.js';
import { sectionKind, templateRank } from '../model/sections.js';
import type { CoopLspServices } from './coop-lsp-module.js';

/**
 * The outline: the protocol's elements in the order of the template (whatever their order in the
 * file), named elements under their name, sections under their label. A document being typed is
 * a partial tree: a protocol without its title yet is « Protocole sans titre », an element whose
 * name was lost to a syntax error is « Acte délégué sans nom » — an LSP symbol must have a name,
 * and a client refuses the whole outline otherwise.
 */
export class CoopDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    private readonly locale: LocaleSetting;

    constructor(services: CoopLspServices) {
        super(services);
        this.locale = services.i18n.Locale;
    }

    override getSymbols(document: LangiumDocument, params: DocumentSymbolParams, cancelToken?: CancellationToken): MaybePromise<DocumentSymbol[]> {
        const root = document.parseResult.value;
        // No syntax tree (a refused oversized file): an empty outline.
        if (!root?.$cstNode) return [];
        return super.getSymbols(document, params, cancelToken);
    }

    protected override getSymbol(document: LangiumDocument, node: AstNode): DocumentSymbol[] {
        const cst = node.$cstNode;
        if (!cst) return [];
        const named = this.nameProvider.getNameNode(node);
        const kind = sectionKind(node.$type);
        if (isProtocole(node)) {
            const children = [...node.elements].filter(e => e.$type !== 'Suppression').sort((a, b) => templateRank(a.$type) - templateRank(b.$type));
            return [{
                name: node.titre?.trim() || this.locale.pick({ fr: 'Protocole sans titre', en: 'Untitled protocol' }),
                kind: SymbolKind.File,
                range: cst.range,
                selectionRange: cst.range,
                children: children.flatMap(child => this.getSymbol(document, child))
            }];
        }
        // Team file (issue 12): its elements under their label, members under their name.
        if (isEquipe(node)) {
            return [{
                name: node.titre,
                kind: SymbolKind.File,
                range: cst.range,
                selectionRange: cst.range,
                children: node.elements.filter(e => e.$type !== 'Suppression' && e.$cstNode).map(element => ({
                    name: isMembreEquipe(element) ? [element.prenom, element.nom].filter(Boolean).join(' ') || '—' : this.locale.pick(nodeKind(element.$type)?.label ?? { fr: element.$type, en: element.$type }),
                    ...(isMembreEquipe(element) ? { detail: [element.profession?.$refText, element.role].filter(Boolean).join(' ') } : {}),
                    kind: isMembreEquipe(element) ? SymbolKind.Object : SymbolKind.Namespace,
                    range: element.$cstNode!.range,
                    selectionRange: element.$cstNode!.range
                }))
            }];
        }
        if (named) {
            const label = kind ? `${this.locale.pick(kind.label)}` : undefined;
            const symbol = this.createSymbol(document, node, cst, named);
            const name = symbol.name?.trim() ? symbol.name : this.unnamed(node);
            return [{ ...symbol, name, ...(label ? { detail: label } : {}) }];
        }
        if (kind) {
            return [{
                name: this.locale.pick(kind.label),
                kind: SymbolKind.Namespace,
                range: cst.range,
                selectionRange: cst.range,
                children: this.getChildSymbols(document, node)
            }];
        }
        return this.getChildSymbols(document, node) ?? [];
    }

    /** « Acte délégué sans nom », « Unnamed step ». */
    private unnamed(node: AstNode): string {
        const label = this.locale.pick(nodeKind(node.$type)?.label ?? { fr: 'Élément', en: 'Element' });
        return this.locale.current === 'fr' ? `${label} sans nom` : `Unnamed ${label.toLowerCase()}`;
    }
}
