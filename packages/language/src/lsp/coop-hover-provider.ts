import { CstUtils, GrammarAST, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument, type LangiumDocuments, type MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isMissingArg } from '../diagnostics/message-args.js';
import { numberProblem } from '../model/values.js';
import { getDefinition } from '../diagnostics/registry.js';
import {
    isActe, isArticle, isCritere, isDelegant, isDelegue, isEtape, isFormation, isIndicateur, isModule, isProfession, isProtocoleNational, isReference
} from '../generated/ast.js';
import { catalogueEntry, entryMarkdown } from '../team/catalogue-data.js';
import { appliedProtocolHover } from '../team/team-lsp.js';
import type { LocaleSetting } from '../i18n/locale.js';
import { writesDerogatoire } from '../model/protocol-model.js';
import { REQUIREMENTS } from '../rules/requirements.js';
import type { CoopLspServices } from './coop-lsp-module.js';
import { keywordDoc, keywordMarkdown } from './keyword-docs.js';
import { professionOfAlias } from '../workspace/profession-aliases.js';

/**
 * Hover: what a name stands for (a profession and the article that reserves its acts, an act and
 * its derogation, the label of the target of a reference…), and, on an element that carries a
 * diagnostic, the rule's title, legal basis and how to fix it.
 */
export class CoopHoverProvider extends AstNodeHoverProvider {
    private readonly locale: LocaleSetting;
    private readonly documents: LangiumDocuments;

    constructor(services: CoopLspServices) {
        super(services);
        this.locale = services.i18n.Locale;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const offset = document.textDocument.offsetAt(params.position);
        const applied = appliedProtocolHover(document, offset, this.documents, this.locale);
        const keyword = applied ? undefined : this.keywordHover(document, offset);
        let hover = applied ? { contents: { kind: 'markdown' as const, value: applied } }
            : keyword ? { contents: { kind: 'markdown' as const, value: keyword } }
                : await super.getHoverContent(document, params);
        const alias = this.aliasHint(document, offset);
        if (alias && hover && typeof hover.contents === 'object' && 'value' in hover.contents) {
            hover = { ...hover, contents: { kind: 'markdown', value: `${hover.contents.value}\n\n${alias}` } };
        }
        const rules = this.rulesAt(document, params);
        if (!rules) return hover;
        const base = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
        return { contents: { kind: 'markdown', value: [base, rules].filter(Boolean).join('\n\n---\n\n') } };
    }

    /**
     * On a keyword that starts an element (`délégant`, `information du patient`, `étape`…): what the
     * element is for, the requirement it serves and a two-line example (lsp/keyword-docs.ts). Only
     * the leading keywords of the element: `par` inside an act is not the act's keyword.
     */
    private keywordHover(document: LangiumDocument, offset: number): string | undefined {
        const root = document.parseResult.value?.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
        if (!leaf || !GrammarAST.isKeyword(leaf.grammarSource)) return undefined;
        const node = leaf.astNode;
        const doc = keywordDoc(node.$type, this.locale);
        if (!doc || !node.$cstNode || !this.leadingKeywords(node.$cstNode).includes(leaf)) return undefined;
        return keywordMarkdown(doc, this.locale);
    }

    /** On a profession written under another name (« infirmière »): the catalogue name it stands for. */
    private aliasHint(document: LangiumDocument, offset: number): string | undefined {
        const root = document.parseResult.value?.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
        const canonical = professionOfAlias(leaf?.text);
        if (!leaf || !canonical) return undefined;
        return this.locale.pick({
            fr: `*« ${leaf.text} » est un autre nom de la profession « ${canonical} » du catalogue.*`,
            en: `*« ${leaf.text} » is another name of the catalogue profession « ${canonical} ».*`
        });
    }

    private leadingKeywords(cst: CstNode): CstNode[] {
        const leaves: CstNode[] = [];
        for (const node of CstUtils.streamCst(cst)) {
            if (node.hidden || !isLeafCstNode(node)) continue;
            if (!GrammarAST.isKeyword(node.grammarSource) || node.astNode !== cst.astNode) break;
            leaves.push(node);
        }
        return leaves;
    }

    /** The rules whose diagnostics cover the hovered position. */
    private rulesAt(document: LangiumDocument, params: HoverParams): string | undefined {
        const { line, character } = params.position;
        const inside = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
            (line > range.start.line || (line === range.start.line && character >= range.start.character))
            && (line < range.end.line || (line === range.end.line && character <= range.end.character));
        const codes = new Set((document.diagnostics ?? []).filter(d => inside(d.range)).map(d => String(d.code ?? '')));
        const sections: string[] = [];
        for (const code of codes) {
            const definition = getDefinition(code);
            if (!definition) continue;
            const basis = definition.legalBasis ? ` — ${definition.legalBasis}` : '';
            const requirement = REQUIREMENTS.find(r => r.id === definition.requirement);
            sections.push([
                `**${this.locale.pick(definition.title)}**${basis} \`${code}\``,
                this.locale.pick(definition.rationale),
                requirement ? `*${this.locale.pick({ fr: 'Exigence', en: 'Requirement' })} : ${this.locale.pick(requirement.title)}*` : '',
                `${this.locale.pick({ fr: 'Correction', en: 'Fix' })} : ${this.locale.pick(definition.fix)}`
            ].filter(Boolean).join('\n\n'));
        }
        return sections.length > 0 ? sections.join('\n\n---\n\n') : undefined;
    }

    /**
     * What an element stands for. The element may be half-typed: a missing name, label or
     * profession is left out (or named by its kind), never printed as « undefined ».
     */
    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        const t = (fr: string, en: string) => this.locale.pick({ fr, en });
        if (isProtocoleNational(node)) return entryMarkdown(catalogueEntry(node), this.locale);
        const text = (value: string | number | undefined | null): string | undefined => (isMissingArg(value) ? undefined : String(value));
        const unnamed = t('sans nom', '(unnamed)');
        /** « **Acte bu** — Bandelette » with each part present. */
        const head = (kind: string, name: string | undefined, label?: string) =>
            `**${kind} ${text(name) ?? unnamed}**${text(label) ? ` — ${label}` : ''}`;
        if (isProfession(node)) {
            const article = node.article?.ref;
            const reference = text(node.article?.$refText);
            return `**${text(node.libelle) ?? text(node.name) ?? t('Profession', 'Profession')}** — ${t('profession du catalogue', 'catalogue profession')}`
                + (reference ? `\n\n${t('Actes réservés par l\'article', 'Acts reserved by article')} **${reference}**${text(article?.objet) ? ` : ${article?.objet}` : ''}.` : '')
                + (text(node.groupe) ? `\n\n*${node.groupe}*` : '');
        }
        if (isArticle(node)) {
            return `**${t('Article', 'Article')} ${text(node.name) ?? unnamed}** (CSP)${text(node.objet) ? ` — ${node.objet}` : ''}\n\n${t('Un protocole peut y déroger (art. L.4011-1).', 'A protocol may derogate from it (art. L.4011-1).')}`;
        }
        if (isActe(node)) {
            // « dérogatoire » without its article is still derogating (the article is missing).
            const articles = node.articles.map(a => a.$refText).filter(Boolean);
            const kind = node.nonDerogatoire || (articles.length === 0 && !writesDerogatoire(node))
                ? t('non dérogatoire', 'non-derogating')
                : articles.length === 0
                    ? t('dérogatoire (article à préciser)', 'derogating (article to state)')
                    : `${t('dérogatoire à', 'derogating from')} ${articles.join(', ')}`;
            const by = node.delegues.map(d => d.$refText).filter(Boolean).join(', ');
            return `${head(t('Acte', 'Act'), node.name, node.libelle)}\n\n${kind}${by ? ` ; ${t('par', 'by')} ${by}` : ''}`;
        }
        if (isDelegant(node) || isDelegue(node)) {
            const role = isDelegant(node) ? t('Délégant', 'Delegating professional') : t('Délégué', 'Delegate');
            const profession = text(node.profession?.ref?.libelle) ?? text(node.profession?.$refText);
            const details = [...node.specialites, ...node.qualifications].filter(Boolean).join(' ; ');
            return `${head(role, node.name, profession)}${details ? `\n\n${details}` : ''}`;
        }
        if (isEtape(node)) return head(t('Étape', 'Step'), node.name, node.titre);
        if (isFormation(node)) return head(t('Formation', 'Training'), node.name, node.actes.map(a => a.$refText).filter(Boolean).join(', '));
        if (isModule(node)) return head(t('Module de formation', 'Training module'), node.name, node.titre);
        if (isIndicateur(node)) return `${head(t('Indicateur', 'Indicator'), node.name, node.libelle)}${text(node.definition) ? `\n\n${node.definition}` : ''}`;
        if (isReference(node)) {
            const title = text(node.titre) ?? text(node.name) ?? t('Référence', 'Reference');
            return `**${title}**${text(node.auteur) ? ` — ${node.auteur}` : ''}${node.annee !== undefined && !numberProblem(node.annee, 'annee') ? ` (${node.annee})` : ''}`;
        }
        if (isCritere(node)) {
            const nature = text(node.nature) ?? t('critère', 'criterion');
            return `**${nature} ${text(node.name) ?? unnamed}**`;
        }
        return undefined;
    }
}
