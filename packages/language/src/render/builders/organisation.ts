import type { AstNode } from 'langium';
import { isAvisInstance, isIndicateur, type Indicateur } from '../../generated/ast.js';
import { formatDate, KIND, valueLabel, type LabelKey } from '../labels.js';
import type { Block, Cell, Field, FieldsBlock, ListItem, Markdown, TableBlock, TableRow } from '../model-types.js';
import { escapeMarkdown, isDefined, listOrSingle, lowerFirst, md, upperFirst } from '../model-text.js';
import type { ModelContext, SectionContent } from './context.js';
import { describeCount, LEGAL_DEFINITIONS } from '../../activity/legal-indicators.js';
import { countKindOf } from '../../activity/protocol-info.js';

export const objectives = (ctx: ModelContext): SectionContent => ctx.single('Objectifs', node => ctx.prose(node, node.valeur));

export function coordination(ctx: ModelContext): SectionContent {
    return ctx.single('Coordination', node => ctx.fields(node, [
        ctx.field('integration', md(node.integration), node),
        ctx.field('transmissions', (node.transmissions ?? []).map(text => md(text)).filter(isDefined), node),
        ctx.field('gp', md(node.medecinTraitant), node)
    ]));
}

export function availability(ctx: ModelContext): SectionContent {
    return ctx.single('Disponibilite', node => ctx.fields(node, [
        ctx.field('arrangements', md(node.modalites), node),
        ctx.field('hours', md(node.horaires), node),
        ctx.field('responseTime', ctx.duration(node.delaiReponse), node)
    ]));
}

export function patientInformation(ctx: ModelContext): SectionContent {
    return ctx.single('InformationPatient', node => ctx.fields(node, [
        ctx.field('document', md(node.document), node),
        ctx.field('agreement', node.accord ? { markdown: [escapeMarkdown(valueLabel(ctx.locale, 'accord', node.accord)), node.accordDetail].filter(Boolean).join(' — ') } : undefined, node),
        ctx.field('refusal', md(node.refus), node)
    ]));
}

export function informationSystem(ctx: ModelContext): SectionContent {
    return ctx.single('SystemeInformation', node => ctx.fields(node, [
        ctx.field('software', md(node.logiciel), node),
        ctx.field('sharing', md(node.partage), node),
        ctx.field('traceability', md(node.tracabilite), node),
        ctx.field('archiving', md(node.archivage), node)
    ]));
}

export const liability = (ctx: ModelContext): SectionContent => ctx.single('ResponsabiliteCivile', node => ctx.prose(node, node.valeur));

/** Shown for a national protocol, or a local one that writes it. */
export function economicModel(ctx: ModelContext): SectionContent | undefined {
    if (ctx.model.type === 'local' && !ctx.model.has('ModeleEconomique')) return undefined;
    return ctx.single('ModeleEconomique', node => ctx.prose(node, node.valeur));
}

export function protocolDuration(ctx: ModelContext): SectionContent {
    return ctx.single('DureeProtocole', node => ctx.prose(node, node.indeterminee ? ctx.t('indefinite') : ctx.duration(node.valeur), false));
}

export function referrals(ctx: ModelContext): SectionContent {
    const nodes = ctx.model.all('Reorientations');
    const situations = nodes.flatMap(node => node.situations);
    if (situations.length === 0) return { blocks: [], nodes };
    const table = ctx.anchor(nodes[0], {
        type: 'table', role: 'data',
        columns: [ctx.t('situation'), ctx.t('referredTo'), ctx.t('delay')], widths: [55, 27, 18],
        rows: situations.map(situation => ctx.anchor(situation, {
            cells: [md(situation.libelle) ?? ctx.nameOf(situation.name, KIND.situation), upperFirst(ctx.recipient(situation.delegant, situation.externe)), situation.delai ? (situation.delai.valeur === 0 ? ctx.t('immediately') : ctx.duration(situation.delai) ?? '') : ''],
            line: ctx.line(situation), notes: []
        } as TableRow)),
        line: ctx.line(nodes[0]), notes: []
    } as TableBlock);
    return { blocks: [table], nodes };
}

export function riskManagement(ctx: ModelContext): SectionContent {
    const nodes = ctx.model.all('GestionRisques');
    const blocks: Block[] = [];
    for (const node of nodes) {
        if (node.risques.length > 0) {
            blocks.push({
                type: 'table', role: 'data', title: ctx.t('risksTransversal'),
                columns: [ctx.t('risk'), ctx.t('severity'), ctx.t('riskControl')], widths: [40, 16, 44],
                rows: node.risques.map(risque => {
                    const risk = ctx.risk(risque);
                    return { cells: [risk.label, risk.severity ?? '', risk.mitigation ?? ''], line: risk.line, notes: risk.notes };
                }),
                line: ctx.line(node.risques[0]), notes: []
            });
        }
        const reviews = node.revues.map(revue => {
            const parts = [escapeMarkdown(valueLabel(ctx.locale, 'revue', revue.nature)), escapeMarkdown(lowerFirst(ctx.periodicity(revue.periodicite) ?? '')), revue.description].filter(Boolean);
            return { markdown: parts.join(' — ') } as Markdown;
        });
        const fields = ctx.fields(node, [
            ctx.field('reporting', md(node.signalement), node),
            ctx.field('reviews', listOrSingle(reviews), node),
            ctx.field('suspension', md(node.suspension), node)
        ]);
        if (fields) blocks.push(fields);
    }
    return { blocks, nodes };
}

export function indicatorRows(ctx: ModelContext): Array<{ indicateur: Indicateur; origin?: string; anchorNode?: AstNode }> {
    const own = ctx.model.all('Indicateur').map(indicateur => ({ indicateur, anchorNode: indicateur as AstNode }));
    const used = ctx.model.used.filter(isIndicateur).map(indicateur => ({ indicateur, origin: ctx.libraryTitle(indicateur), anchorNode: undefined }));
    return [...own, ...used];
}

export function indicators(ctx: ModelContext): SectionContent {
    const entries = indicatorRows(ctx);
    const nodes: AstNode[] = [...ctx.model.all('Indicateur'), ...ctx.model.all('Utilise').filter(utilise => utilise.elements.some(reference => isIndicateur(reference.ref)))];
    if (entries.length === 0) return { blocks: [], nodes };
    const lineOf = (entry: { indicateur: Indicateur; anchorNode?: AstNode }) => ctx.line(entry.anchorNode ?? ctx.usedAt(entry.indicateur));
    const dash = '—';
    const summary: TableBlock = {
        type: 'table', role: 'summary', title: ctx.t('indicatorSummary'),
        columns: [ctx.t('indicator'), ctx.t('legalIndicator'), ctx.t('periodicity'), ctx.t('target'), ctx.t('alertThreshold')],
        widths: [34, 26, 14, 13, 13],
        rows: entries.map(entry => ({
            cells: [entry.indicateur.libelle ?? ctx.nameOf(entry.indicateur.name, KIND.indicateur),
                entry.indicateur.exigence ? valueLabel(ctx.locale, 'exigence', entry.indicateur.exigence) : dash,
                ctx.periodicity(entry.indicateur.periodicite) ?? dash,
                ctx.target(entry.indicateur.objectif) ?? dash,
                ctx.target(entry.indicateur.seuil) ?? dash],
            line: lineOf(entry), notes: []
        })),
        line: lineOf(entries[0]), notes: []
    };
    const sheets = entries.map(entry => {
        const node = entry.indicateur;
        const at = entry.anchorNode;
        const row = (key: LabelKey, value: Cell | undefined): Field => ({ label: ctx.t(key), value: value ?? dash, line: lineOf(entry), notes: [] });
        const optional = (key: LabelKey, value: Cell | undefined) => (value === undefined ? undefined : row(key, value));
        // « définition légale »: the definition the tool ships (activity/legal-indicators.ts); a count
        // over the journal without words: the count in words (issue 13).
        const legal = node.legale && node.exigence ? LEGAL_DEFINITIONS[node.exigence] : undefined;
        const counted = (compte: Indicateur['compteNumerateur']) => {
            const kind = countKindOf(compte?.evenement);
            return kind ? md(describeCount({ kind, actes: compte!.actes.map(ref => ref.$refText) })) : undefined;
        };
        const sheet: FieldsBlock = {
            type: 'fields',
            layout: 'sheet',
            fields: [
                row('label', node.libelle ?? ctx.nameOf(node.name, KIND.indicateur)),
                optional('legalIndicator', node.exigence ? valueLabel(ctx.locale, 'exigence', node.exigence) : undefined),
                optional('nature', node.nature ? valueLabel(ctx.locale, 'nature', node.nature) : undefined),
                row('definition', md(node.definition) ?? (legal ? md(`${legal.label[ctx.locale]} (art. D.4011-4-1)`) : undefined)),
                row('numerator', md(node.numerateur) ?? (legal ? md(legal.numeratorText[ctx.locale]) : counted(node.compteNumerateur))),
                row('denominator', md(node.denominateur) ?? (legal?.denominatorText ? md(legal.denominatorText[ctx.locale]) : counted(node.compteDenominateur))),
                row('target', ctx.target(node.objectif)),
                row('alertThreshold', ctx.target(node.seuil)),
                row('periodicity', ctx.periodicity(node.periodicite)),
                row('collection', md(node.recueil)),
                row('source', md(node.source))
            ].filter(isDefined),
            line: lineOf(entry), notes: []
        };
        if (at) ctx.anchor(at, sheet);
        return ctx.group(undefined, `${ctx.t('indicator')}${ctx.t('colon')}${node.libelle ?? ctx.nameOf(node.name, KIND.indicateur)}`, [sheet], entry.origin, lineOf(entry));
    });
    return { blocks: [summary, ...sheets], nodes };
}

export function governance(ctx: ModelContext): SectionContent | undefined {
    const nodes = ctx.model.all('Gouvernance');
    if (nodes.length === 0 && ctx.model.type !== 'local') return undefined;
    const actes = nodes.flatMap(node => node.actes);
    if (actes.length === 0) return { blocks: [], nodes };
    const table = ctx.anchor(nodes[0], {
        type: 'table', role: 'data',
        columns: [ctx.t('body'), ctx.t('nature'), ctx.t('date'), ctx.t('detail')], widths: [40, 14, 18, 28],
        rows: actes.map(acte => {
            const instance = acte.instance;
            const body = instance?.cme ? valueLabel(ctx.locale, 'instance', 'cme')
                : instance?.csirmt ? valueLabel(ctx.locale, 'instance', 'csirmt')
                    : instance?.directeur ? valueLabel(ctx.locale, 'instance', 'directeur') : instance?.autre ?? '';
            return ctx.anchor(acte, {
                cells: [body, ctx.t(isAvisInstance(acte) ? 'opinion' : 'decision'), acte.date ? formatDate(ctx.locale, acte.date) : '', md(acte.detail) ?? ''],
                line: ctx.line(acte), notes: []
            } as TableRow);
        }),
        line: ctx.line(nodes[0]), notes: []
    } as TableBlock);
    return { blocks: [table], nodes };
}

export function annexes(ctx: ModelContext): SectionContent {
    const nodes = ctx.model.all('Annexe');
    if (nodes.length === 0) return { blocks: [], nodes };
    const items = nodes.map(node => ctx.anchor(node, {
        content: node.fichier ? `${node.titre ?? ''} — ${ctx.t('file').toLowerCase()}${ctx.t('colon')}${node.fichier}` : (node.titre ?? ''),
        line: ctx.line(node), notes: []
    } as ListItem));
    return { blocks: [{ type: 'list', items, line: items[0].line, notes: [] }], nodes };
}
