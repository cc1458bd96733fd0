import { AstUtils, Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { isBibliotheque, isCatalogue, isProfession } from '../generated/ast.js';
import { fold } from '../model/text.js';
import { aliasesOf } from '../workspace/profession-aliases.js';

/**
 * What each file makes visible:
 * - a protocol exports nothing: its acts, steps, délégués… are its own (two protocols of one folder
 *   may both have an act « bu »); inside it every name is visible everywhere, so a step of one
 *   decision tree can lead to a step of another;
 * - a library (`bibliothèque`) exports its indicators, training modules and references to the
 *   whole workspace;
 * - the built-in catalogue exports its articles and professions, professions also under their
 *   accent-free spelling (« medecin » finds « médecin ») and under the names professionals use
 *   (« infirmière », « IDE », « kiné »: workspace/profession-aliases.ts).
 */
export class CoopScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        if (!isBibliotheque(root) && !isCatalogue(root)) {
            return [];
        }
        return this.collectExportedSymbolsForNode(root, document, undefined, cancelToken);
    }

    protected override addExportedSymbol(node: AstNode, exports: AstNodeDescription[], document: LangiumDocument): void {
        super.addExportedSymbol(node, exports, document);
        const name = this.nameProvider.getName(node);
        if (name && isProfession(node)) {
            const folded = fold(name);
            if (folded !== name) {
                exports.push(this.descriptions.createDescription(node, folded, document));
            }
            for (const alias of aliasesOf(name)) {
                exports.push(this.descriptions.createDescription(node, alias, document));
            }
        }
    }

    override async collectLocalSymbols(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<LocalSymbols> {
        const root = document.parseResult.value;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        for (const node of AstUtils.streamAllContents(root)) {
            if (cancelToken) await interruptAndCheck(cancelToken);
            const name = this.nameProvider.getName(node);
            if (name) {
                symbols.add(root, this.descriptions.createDescription(node, name, document));
            }
        }
        return symbols;
    }
}
