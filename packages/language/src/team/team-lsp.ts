import { AstUtils, GrammarAST, GrammarUtils, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind } from 'vscode-languageserver';
import { isEquipe } from '../generated/ast.js';
import type { LocaleSetting } from '../i18n/locale.js';
import { protocolModel } from '../model/protocol-model.js';
import { fold } from '../model/text.js';
import { appliedProtocol, nationalProtocols, workspaceProtocols } from './applied-protocol.js';
import { catalogueEntry, entryMarkdown } from './catalogue-data.js';

/**
 * True when the completion is about to write the protocol a team applies (`équipe "…" applique |`):
 * the next feature is the value of `protocole` in `Equipe` (Langium descends into the datatype rule
 * `Code`, so its terminals are checked too) and the word before the cursor is `applique`.
 */
export function isAppliedProtocolFeature(feature: GrammarAST.AbstractElement, textBefore: string): boolean {
    const rule = AstUtils.getContainerOfType(feature, GrammarAST.isParserRule);
    const assignment = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment);
    const inTeam = (assignment?.feature === 'protocole' && rule?.name === 'Equipe') || rule?.name === 'Code';
    return inTeam && /(?:^|\s)applique\s+[^\s{]*$/iu.test(textBefore);
}

/** Completion items after `applique`: the national protocols of the catalogue, then the local protocols of the workspace. */
export function appliedProtocolCompletions(documents: LangiumDocuments, locale: LocaleSetting): CompletionItem[] {
    const national = [...nationalProtocols(documents).values()].map((entry): CompletionItem => ({
        label: entry.name,
        kind: CompletionItemKind.Module,
        detail: `${locale.pick({ fr: 'Protocole national', en: 'National protocol' })} — ${entry.nomCourt ?? entry.titre}`,
        documentation: { kind: 'markdown', value: entryMarkdown(catalogueEntry(entry), locale) },
        filterText: fold(entry.name),
        sortText: `0${entry.name}`
    }));
    const local = [...workspaceProtocols(documents).values()].map((protocole): CompletionItem => {
        const code = protocolModel(protocole).first('Identifiant')?.valeur ?? '';
        return {
            label: code,
            kind: CompletionItemKind.File,
            detail: `${locale.pick({ fr: 'Protocole local', en: 'Local protocol' })} — ${protocole.titre}`,
            filterText: fold(code),
            sortText: `1${code}`
        };
    });
    return [...national, ...local];
}

/** Hover on the protocol a team applies: the catalogue entry, or the local protocol's header. */
export function appliedProtocolHover(document: LangiumDocument, offset: number, documents: LangiumDocuments, locale: LocaleSetting): string | undefined {
    const root = document.parseResult.value;
    if (!isEquipe(root) || !root.$cstNode) return undefined;
    const value = GrammarUtils.findNodeForProperty(root.$cstNode, 'protocole');
    if (!value || offset < value.offset || offset > value.end) return undefined;
    const applied = appliedProtocol(root, documents);
    if (!applied) return undefined;
    if (applied.node.$type === 'ProtocoleNational') return entryMarkdown(catalogueEntry(applied.node), locale);
    const t = (fr: string, en: string) => locale.pick({ fr, en });
    return [
        `**${applied.title}** — ${t('protocole local', 'local protocol')} \`${applied.code}\``,
        `- ${[...applied.delegants].join(', ') || '?'} → ${[...applied.delegues].join(', ') || '?'}`,
        applied.settings ? `- ${t('Cadre', 'Setting')} : ${applied.settings.map(s => s.value).join(', ')}` : '',
        applied.trainings.length > 0 ? `- ${t('Formations', 'Trainings')} : ${applied.trainings.map(f => f.name).join(', ')}` : '',
        applied.promoters.length > 0 ? `- ${t('Promoteurs', 'Promoters')} : ${applied.promoters.join(' ; ')}` : ''
    ].filter(Boolean).join('\n');
}
