import { DefaultDocumentBuilder, type LangiumDocument } from 'langium';
import { isEquipe } from '../generated/ast.js';

/**
 * A team file reads the protocol it applies (a local protocol's identifiant, a catalogue entry)
 * by lookup, not through a Langium reference, so Langium would not know that a change to that
 * protocol affects it. Team files are therefore relinked and revalidated after every change of
 * the workspace (they are few and small).
 */
export class CoopDocumentBuilder extends DefaultDocumentBuilder {
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return isEquipe(document.parseResult.value) || super.shouldRelink(document, changedUris);
    }
}
