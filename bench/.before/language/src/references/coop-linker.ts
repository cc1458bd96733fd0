import { DefaultLinker, type AstNodeDescription, type LinkingError, type ReferenceInfo } from 'langium';
import { frameworkMessages, referenceKinds } from '../i18n/framework-messages.js';
import { format, type LocaleSetting } from '../i18n/locale.js';
import { nearest } from '../model/text.js';
import type { CoopServices } from '../coop-module.js';

/**
 * Unresolved references get a message in the author's language, naming what was looked for and,
 * when a declared name is close, the likely intended one. The suggestion also travels in the
 * diagnostic data (`suggestion`) for the quick fix.
 */
export class CoopLinker extends DefaultLinker {
    private readonly locale: LocaleSetting;
    private readonly scopes: CoopServices['references']['ScopeProvider'];

    constructor(services: CoopServices) {
        super(services);
        this.locale = services.i18n.Locale;
        this.scopes = services.references.ScopeProvider;
    }

    override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const type = this.reflection.getReferenceType(refInfo);
        const name = refInfo.reference.$refText;
        const kind = this.locale.pick(referenceKinds[type] ?? { fr: type, en: type });
        const candidates = this.scopes.getScope(refInfo).getAllElements().map(description => description.name);
        const suggestion = nearest(name, candidates);
        let message = format(this.locale.pick(frameworkMessages.unresolvedReference), { kind, name });
        message += suggestion
            ? format(this.locale.pick(frameworkMessages.didYouMean), { suggestion })
            : type === 'Profession' || type === 'Article' ? ''
                : this.locale.pick(type === 'Partageable' || type === 'Module' ? frameworkMessages.declareInLibrary : frameworkMessages.declareInProtocol);
        return { ...error, message, suggestion } as LinkingError;
    }
}
