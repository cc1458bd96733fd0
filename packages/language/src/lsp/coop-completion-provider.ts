import { type GrammarAST, type AstNodeDescription, type LangiumDocument, type LangiumDocuments, type MaybePromise, type ReferenceInfo } from 'langium';
import { DefaultCompletionProvider, DefaultFuzzyMatcher, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { isArticle, isProfession } from '../generated/ast.js';
import type { LocaleSetting } from '../i18n/locale.js';
import { sectionKind } from '../model/sections.js';
import { fold } from '../model/text.js';
import { applicableProtocols } from '../team/applied-protocol.js';
import { newTeamSnippet } from '../team/new-team.js';
import { appliedProtocolCompletions, isAppliedProtocolFeature } from '../team/team-lsp.js';
import type { CoopLspServices } from './coop-lsp-module.js';
import { newProtocolSnippet, SECTION_SKELETONS } from './skeletons.js';

/**
 * Completion: Langium's keywords and cross-references (acts, steps, délégués, professions and
 * derogable articles of the catalogue), plus
 * - a snippet per section wherever a protocol element may start, and a whole protocol in an empty file;
 * - one entry per keyword, with its accented spelling (the grammar writes each keyword once; the lexer
 *   accepts it with or without accents, in any case) and an accent-free filter text: « deleg » finds
 *   « délégant »;
 * - no keyword offered where a name is being declared: keywords are accepted as names by the lexer
 *   (token categories, see CoopTokenBuilder), the grammar expects an ID there and offers none.
 */
export class CoopCompletionProvider extends DefaultCompletionProvider {
    private readonly locale: LocaleSetting;
    private readonly documents: LangiumDocuments;
    /** Langium filters items against what is typed: without accents and case, as the lexer reads keywords. */
    protected override readonly fuzzyMatcher = new AccentInsensitiveFuzzyMatcher();

    constructor(services: CoopLspServices) {
        super(services);
        this.locale = services.i18n.Locale;
        this.documents = services.shared.workspace.LangiumDocuments;
    }


    override async getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        const list = await super.getCompletion(document, params);
        if (!list) return list;
        const text = document.textDocument.getText();
        if (text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').trim() === '') {
            list.items.unshift(this.snippet(this.locale.pick({ fr: 'Nouveau protocole (squelette complet)', en: 'New protocol (complete skeleton)' }), 'protocole', newProtocolSnippet(), '0'));
            // Team files (issue 12): a new team for each protocol a team can apply (also the
            // « Nouvelle équipe depuis un protocole » command of the extension).
            for (const protocol of applicableProtocols(this.documents)) {
                const label = this.locale.pick({ fr: `Nouvelle équipe — ${protocol.code}`, en: `New team — ${protocol.code}` });
                list.items.push({ ...this.snippet(label, `equipe ${protocol.code}`, newTeamSnippet(protocol, this.locale, new Date().toISOString().slice(0, 10)), `1${protocol.code}`, protocol.title), data: { coopNewTeam: protocol.code } });
            }
            return list;
        }
        // At the level of protocol elements (the keyword `patients` is offered): add the section skeletons.
        if (list.items.some(item => item.label === 'patients' && item.kind === CompletionItemKind.Keyword)) {
            for (const [type, body] of Object.entries(SECTION_SKELETONS)) {
                const kind = sectionKind(type)!;
                list.items.push(this.snippet(`${kind.keyword} …`, kind.keyword, body!, '2', this.locale.pick(kind.label)));
            }
        }
        return list;
    }

    private snippet(label: string, filter: string, body: string, sortText: string, detail?: string): CompletionItem {
        return {
            label,
            kind: CompletionItemKind.Snippet,
            detail: detail ?? this.locale.pick({ fr: 'Modèle', en: 'Template' }),
            insertText: body,
            insertTextFormat: InsertTextFormat.Snippet,
            filterText: fold(filter),
            sortText
        };
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        // Team files (issue 12): after `applique`, the national and local protocols.
        if (isAppliedProtocolFeature(next.feature, context.textDocument.getText().slice(Math.max(0, context.offset - 200), context.offset))) {
            for (const item of appliedProtocolCompletions(this.documents, this.locale)) acceptor(context, item);
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        // The catalogue is the tool's own.
        if (keyword.value === 'catalogue') return false;
        return super.filterKeyword(context, keyword);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        acceptor(context, {
            label: keyword.value,
            kind: this.getKeywordCompletionItemKind(keyword),
            detail: this.locale.pick({ fr: 'Mot-clé', en: 'Keyword' }),
            filterText: fold(keyword.value),
            sortText: '1'
        });
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext) {
        // Professions are indexed under both spellings; offer the accented one only.
        return super.getReferenceCandidates(refInfo, context).filter(description => !(description.type === 'Profession' && description.name !== this.nameOf(description)));
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        let detail: string | undefined;
        if (isProfession(node)) detail = `${node.libelle} — ${node.article.$refText}`;
        else if (isArticle(node)) detail = node.objet;
        else if (node && 'libelle' in node) detail = String((node as { libelle: unknown }).libelle);
        else if (node && 'titre' in node && (node as { titre?: unknown }).titre) detail = String((node as { titre: unknown }).titre);
        return { ...item, detail: detail ?? item.detail, filterText: fold(description.name) };
    }

    private nameOf(description: AstNodeDescription): string | undefined {
        return description.node ? this.nameProvider.getName(description.node) : description.name;
    }
}

/** « deleg », « DÉLÉG » match « délégant »: both sides are compared without accents, in lower case. */
export class AccentInsensitiveFuzzyMatcher extends DefaultFuzzyMatcher {
    override match(query: string, text: string): boolean {
        return super.match(fold(query), fold(text));
    }
}
