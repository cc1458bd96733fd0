import { type GrammarAST, type AstNodeDescription, type LangiumDocument, type LangiumDocuments, type MaybePromise, type ReferenceInfo } from 'langium';
import { DefaultCompletionProvider, DefaultFuzzyMatcher, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { isArticle, isProfession, isProtocole } from '../generated/ast.js';
import type { LocaleSetting } from '../i18n/locale.js';
import { SECTION_KINDS, templateRank } from '../model/sections.js';
import { fold } from '../model/text.js';
import { applicableProtocols } from '../team/applied-protocol.js';
import { newTeamSnippet } from '../team/new-team.js';
import { appliedProtocolCompletions, isAppliedProtocolFeature } from '../team/team-lsp.js';
import type { CoopLspServices } from './coop-lsp-module.js';
import { newProtocolSnippet, SECTION_SKELETONS } from './skeletons.js';
import { elementKeyword, KEYWORD_PURPOSES, keywordDoc, keywordMarkdown } from './keyword-docs.js';
import { PROFESSION_ALIASES, professionOfAlias } from '../workspace/profession-aliases.js';

/**
 * Completion: Langium's keywords and cross-references (acts, steps, délégués, professions and
 * derogable articles of the catalogue), plus
 * - a snippet per section wherever a protocol element may start, and a whole protocol in an empty file;
 * - one entry per keyword, with its accented spelling (the grammar writes each keyword once; the lexer
 *   accepts it with or without accents, in any case) and an accent-free filter text: « deleg » finds
 *   « délégant »;
 * - no keyword offered where a name is being declared: keywords are accepted as names by the lexer
 *   (token categories, see CoopTokenBuilder), the grammar expects an ID there and offers none;
 * - among the elements of a protocol, one entry per section (its snippet, under its accented
 *   keyword, with a one-line description: lsp/keyword-docs.ts), none for a section that may appear
 *   once and is already written, in template order;
 * - after `protocole`, the title and its braces;
 * - professions under their catalogue name and under the names professionals use (« infirmière »,
 *   « IDE »: workspace/profession-aliases.ts), each showing its label and article in the list.
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
        const offset = document.textDocument.offsetAt(params.position);
        const title = this.titleSnippet(text, offset);
        if (title) list.items.unshift(title);
        // At the level of protocol elements (the keyword `patients` is offered): one entry per section.
        if (list.items.some(item => item.label === 'patients' && item.kind === CompletionItemKind.Keyword)) {
            list.items = this.sectionEntries(document, offset, list.items);
        }
        return list;
    }

    /**
     * The protocol's elements: each section once, as its snippet under its keyword (the bare keyword
     * of a section that has a snippet is dropped), sections that may appear once and are already
     * written left out, in template order; the other keywords stay, with their description.
     */
    private sectionEntries(document: LangiumDocument, offset: number, items: CompletionItem[]): CompletionItem[] {
        const root = document.parseResult.value;
        const present = new Set(isProtocole(root)
            ? root.elements.filter(element => {
                const range = element.$cstNode;
                return range && !(range.offset <= offset && offset <= range.end);
            }).map(element => element.$type)
            : []);
        const sections: CompletionItem[] = [];
        const replaced = new Set<string>();
        for (const kind of SECTION_KINDS) {
            const body = SECTION_SKELETONS[kind.type];
            const firstWord = kind.keyword.split(/[\s']/)[0]!;
            if (body) replaced.add(firstWord);
            if (kind.single && present.has(kind.type)) {
                replaced.add(firstWord);
                continue;
            }
            if (!body) continue;
            const doc = keywordDoc(kind.type, this.locale);
            sections.push({
                label: kind.keyword,
                kind: CompletionItemKind.Snippet,
                detail: doc?.purpose ?? this.locale.pick(kind.label),
                labelDetails: { description: this.locale.pick(kind.label) },
                ...(doc ? { documentation: { kind: 'markdown', value: keywordMarkdown(doc, this.locale) } } : {}),
                insertText: body,
                insertTextFormat: InsertTextFormat.Snippet,
                filterText: fold(kind.keyword),
                sortText: `2${String(templateRank(kind.type)).padStart(3, '0')}`
            });
        }
        const others = items.filter(item => !(item.kind === CompletionItemKind.Keyword && replaced.has(String(item.label))));
        return [...sections, ...others];
    }

    /** After `protocole` (or `bibliothèque`) at the start of the file: `"Titre du protocole" {…}`. */
    private titleSnippet(text: string, offset: number): CompletionItem | undefined {
        const before = text.slice(0, offset).replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '');
        const match = /^\s*(protocole|bibliothèque|bibliotheque)\s*$/iu.exec(before);
        if (!match) return undefined;
        const after = text.slice(offset).trimStart();
        const library = fold(match[1]) === 'bibliotheque';
        const placeholder = library ? this.locale.pick({ fr: 'Nom de la bibliothèque', en: 'Library name' }) : this.locale.pick({ fr: 'Titre du protocole', en: 'Protocol title' });
        const space = /\s$/.test(before) ? '' : ' ';
        const body = after.startsWith('{') ? `${space}"\${1:${placeholder}}" ` : `${space}"\${1:${placeholder}}" {\n\t$0\n}`;
        return {
            label: `"${placeholder}" {…}`,
            kind: CompletionItemKind.Snippet,
            detail: library
                ? this.locale.pick({ fr: 'Le nom de la bibliothèque, puis ses définitions entre accolades', en: 'The library name, then its definitions in braces' })
                : this.locale.pick({ fr: 'Le titre du protocole, puis ses rubriques entre accolades', en: 'The protocol title, then its sections in braces' }),
            insertText: body,
            insertTextFormat: InsertTextFormat.Snippet,
            // Shown whatever was typed since the keyword (nothing, a space, a quote).
            filterText: `"${fold(placeholder)}`,
            sortText: '0'
        };
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
        const type = KEYWORD_TYPES.get(keyword.value);
        const doc = type ? keywordDoc(type, this.locale) : undefined;
        acceptor(context, {
            label: keyword.value,
            kind: this.getKeywordCompletionItemKind(keyword),
            detail: doc?.purpose ?? this.locale.pick({ fr: 'Mot-clé', en: 'Keyword' }),
            ...(doc ? { documentation: { kind: 'markdown', value: keywordMarkdown(doc, this.locale) } } : {}),
            filterText: fold(keyword.value),
            sortText: '1'
        });
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext) {
        // Professions are indexed under several spellings: offer the catalogue name and the aliases
        // as professionals write them (« infirmière », « IDE »), not their accent-free copies.
        return super.getReferenceCandidates(refInfo, context).filter(description => {
            if (description.type !== 'Profession') return true;
            const name = this.nameOf(description);
            return description.name === name || (name !== undefined && (PROFESSION_ALIASES[name] ?? []).includes(description.name));
        });
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        let detail: string | undefined;
        if (isProfession(node)) {
            const canonical = professionOfAlias(description.name);
            const label = `${node.libelle} — ${node.article?.$refText ?? ''}`.replace(/ — $/, '');
            if (canonical) {
                // An alias: resolves to the catalogue profession, which the list says.
                const hint = this.locale.pick({ fr: `autre nom de « ${canonical} »`, en: `another name of « ${canonical} »` });
                return { ...item, detail: `${hint} — ${label}`, labelDetails: { description: `→ ${canonical}` }, filterText: fold(description.name), sortText: `1${fold(description.name)}` };
            }
            return { ...item, detail: label, labelDetails: { description: label }, filterText: fold(description.name), sortText: `0${fold(description.name)}` };
        }
        if (isArticle(node)) detail = node.objet;
        if (isArticle(node) && node.objet) return { ...item, detail: node.objet, labelDetails: { description: node.objet }, filterText: fold(description.name) };
        else if (node && 'libelle' in node) detail = String((node as { libelle: unknown }).libelle);
        else if (node && 'titre' in node && (node as { titre?: unknown }).titre) detail = String((node as { titre: unknown }).titre);
        return { ...item, detail: detail ?? item.detail, filterText: fold(description.name) };
    }

    private nameOf(description: AstNodeDescription): string | undefined {
        return description.node ? this.nameProvider.getName(description.node) : description.name;
    }
}

/** Keyword → the type of the element it starts, for the keywords the table of purposes describes. */
const KEYWORD_TYPES: ReadonlyMap<string, string> = new Map(Object.keys(KEYWORD_PURPOSES).flatMap(type => {
    const keyword = keywordOfType(type);
    return keyword ? [[keyword, type] as [string, string]] : [];
}).concat([['arbre', 'Parcours']]));

function keywordOfType(type: string): string | undefined {
    return elementKeyword(type)?.split(/[\s']/)[0];
}

/** « deleg », « DÉLÉG » match « délégant »: both sides are compared without accents, in lower case. */
export class AccentInsensitiveFuzzyMatcher extends DefaultFuzzyMatcher {
    override match(query: string, text: string): boolean {
        return super.match(fold(query), fold(text));
    }
}
