import { AstUtils, DefaultLinker, DefaultScopeProvider, type AstNode, type AstNodeDescription, type LangiumDocument, type LinkingError, type LocalSymbols, type ReferenceInfo, type Scope } from 'langium';
import { frameworkMessages, referenceKinds } from '../i18n/framework-messages.js';
import { format, type LocaleSetting } from '../i18n/locale.js';
import { fold, nearest } from '../model/text.js';
import { professionOfAlias } from '../workspace/profession-aliases.js';
import type { CoopServices } from '../coop-module.js';

/** The local symbols of one container, by name (descriptions in the order of the symbol table). */
type NameIndex = Map<string, AstNodeDescription[]>;

/**
 * - Unresolved references get a message in the author's language, naming what was looked for and,
 *   when a declared name is close, the likely intended one. The suggestion also travels in the
 *   diagnostic data (`suggestion`) for the quick fix.
 * - References are resolved through an index of the local symbols by name. Langium's default scope
 *   provider gives, for each reference, a stream over every name of the container's symbol table,
 *   scanned until the name is found; every name of a protocol is local to the protocol
 *   (CoopScopeComputation), so linking a document was quadratic: a 2,000-line protocol spent most
 *   of its linking time there, a 10,000-line one most of its build (docs/performance.md). The
 *   lookup below returns exactly what the default `getScope(…).getElement(name)` returns: innermost
 *   container first, first description of that name whose type fits, then the global scope.
 */
export class CoopLinker extends DefaultLinker {
    private readonly locale: LocaleSetting;
    private readonly scopes: CoopServices['references']['ScopeProvider'];
    /** Only when the scope provider is Langium's default does the index reproduce its scopes. */
    private readonly indexed: boolean;
    /** Name index of each container, per symbol table (a new table comes with each rebuild). */
    private readonly indexes = new WeakMap<LocalSymbols, Map<AstNode, NameIndex>>();

    constructor(services: CoopServices) {
        super(services);
        this.locale = services.i18n.Locale;
        this.scopes = services.references.ScopeProvider;
        this.indexed = this.scopes instanceof DefaultScopeProvider && this.scopes.getScope === DefaultScopeProvider.prototype.getScope;
    }

    override getCandidate(refInfo: ReferenceInfo): AstNodeDescription | LinkingError {
        if (!this.indexed) {
            return super.getCandidate(refInfo);
        }
        const name = refInfo.reference.$refText;
        const type = this.reflection.getReferenceType(refInfo);
        const local = this.findLocal(AstUtils.getDocument(refInfo.container), refInfo.container, name, type);
        if (local) {
            return local;
        }
        // The global scope of the default provider (cached per type until the workspace changes).
        const global = (this.scopes as unknown as { getGlobalScope(type: string, context: ReferenceInfo): Scope }).getGlobalScope(type, refInfo);
        return global.getElement(name) ?? this.createLinkingError(refInfo);
    }

    private findLocal(document: LangiumDocument, container: AstNode, name: string, type: string): AstNodeDescription | undefined {
        const symbols = document.localSymbols;
        if (!symbols) {
            return undefined;
        }
        let byContainer = this.indexes.get(symbols);
        if (!byContainer) {
            byContainer = new Map();
            this.indexes.set(symbols, byContainer);
        }
        for (let node: AstNode | undefined = container; node; node = node.$container) {
            if (!symbols.has(node)) continue;
            let index = byContainer.get(node);
            if (!index) {
                index = new Map();
                for (const description of symbols.getStream(node)) {
                    const list = index.get(description.name);
                    if (list) list.push(description);
                    else index.set(description.name, [description]);
                }
                byContainer.set(node, index);
            }
            const found = index.get(name)?.find(description => this.reflection.isSubtype(description.type, type));
            if (found) {
                return found;
            }
        }
        return undefined;
    }

    /** The names a reference could resolve to at its place. */
    private scopeNames(refInfo: ReferenceInfo): string[] {
        return this.scopes.getScope(refInfo).getAllElements().map(description => description.name).toArray();
    }

    override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const type = this.reflection.getReferenceType(refInfo);
        const name = refInfo.reference.$refText;
        // `âge de 8 à 10` without its unit reads as a comparison over a datum named « âge ».
        if (type === 'Lisible' && fold(name) === 'age' && !this.scopeNames(refInfo).some(candidate => fold(candidate) === 'age')) {
            return { ...error, message: this.locale.pick(frameworkMessages.ageWithoutUnit) } as LinkingError;
        }
        const kind = this.locale.pick(referenceKinds[type] ?? { fr: type, en: type });
        // Suggest the catalogue name of a profession, not one of its other names (« infirmière »).
        const candidates = this.scopes.getScope(refInfo).getAllElements()
            .filter(description => description.type !== 'Profession' || professionOfAlias(description.name) === undefined)
            .map(description => description.name);
        const suggestion = nearest(name, candidates);
        let message = format(this.locale.pick(frameworkMessages.unresolvedReference), { kind, name });
        message += suggestion
            ? format(this.locale.pick(frameworkMessages.didYouMean), { suggestion })
            : type === 'Profession' || type === 'Article' ? ''
                : this.locale.pick(type === 'Partageable' || type === 'Module' ? frameworkMessages.declareInLibrary : frameworkMessages.declareInProtocol);
        return { ...error, message, suggestion } as LinkingError;
    }
}

