import { isAllerA, isFin, isOrienter, isRealiser, type Action, type Etape, type Intervenant, type Parcours } from '../../generated/ast.js';
import { KIND } from '../labels.js';
import { conditionSentence } from '../../logic/sentence.js';
import { upperFirst } from '../model-text.js';
import type { Content, ProseBlock, TableBlock, TableRow, TreeAction, TreeBlock, TreeBranch, TreeStep } from '../model-types.js';
import { contentMarkdown, escapeMarkdown, isDefined, lowerFirst, md, plain } from '../model-text.js';
import type { ModelContext, SectionContent } from './context.js';
import { decisionTable } from './decision-table.js';

export function treeAction(ctx: ModelContext, action: Action | undefined): TreeAction {
    if (isRealiser(action)) {
        const acte = action.acte?.ref;
        const then = action.suite ? treeAction(ctx, action.suite) : undefined;
        return { kind: 'perform', text: acte?.libelle ?? action.acte?.$refText ?? '', ...(then ? { then } : {}) };
    }
    if (isAllerA(action)) {
        const etape = action.etape?.ref;
        const target = ctx.stepRef(etape);
        const title = etape ? (etape.titre ?? ctx.nameOf(etape.name, KIND.etape)) : action.etape?.$refText ?? '';
        return { kind: 'goto', text: target ? ctx.t('goTo', { n: target.number, step: title }) : ctx.t('goToUnknown', { step: title }), ...(target ? { target } : {}) };
    }
    if (isOrienter(action)) {
        const delay = ctx.delay(action.delai);
        const detail = md(action.motif);
        return { kind: 'refer', text: ctx.t('referTo', { target: ctx.recipient(action.delegant, action.externe) }), ...(delay ? { delay } : {}), ...(detail ? { detail } : {}) };
    }
    const detail = isFin(action) ? md(action.texte) : undefined;
    return { kind: 'end', text: ctx.t('end'), ...(detail ? { detail } : {}) };
}

export function actionSentence(ctx: ModelContext, action: TreeAction): string {
    const detail = action.detail ? plain(action.detail) : undefined;
    let text = action.kind === 'perform' ? ctx.t('perform', { act: action.text }) : action.text;
    if (action.delay) text += ` ${action.delay}`;
    if (detail) text += ` (${detail})`;
    if (action.then) text += ` ${ctx.t('then')} ${lowerFirst(actionSentence(ctx, action.then))}`;
    return text;
}

export function step(ctx: ModelContext, etape: Etape, entry: boolean): TreeStep {
    const number = ctx.stepNumbers.get(etape) ?? 0;
    const lone = etape.situations.length === 1 && etape.situations[0].sinon;
    const branches = etape.situations.map(situation => {
        const action = treeAction(ctx, situation.action);
        const condition = situation.condition ?? (situation.expression ? upperFirst(conditionSentence(situation.expression)) : '');
        const conditionLabel = situation.sinon ? ctx.t(lone ? 'only' : 'otherwise') : ctx.t('ifCondition', { condition: ctx.quote(condition) });
        return ctx.anchor(situation, {
            ...(situation.sinon ? {} : { condition }),
            conditionLabel,
            action,
            summary: `${conditionLabel}${ctx.t('colon')}${lowerFirst(actionSentence(ctx, action))}`,
            line: ctx.line(situation), notes: []
        } as TreeBranch);
    });
    const risks = etape.risques.map(risque => ctx.risk(risque));
    const where = md(etape.lieu);
    const when = md(etape.moment);
    const description = md(etape.description);
    return ctx.anchor(etape, {
        id: `etape-${number}`, number, name: etape.name ?? '', title: etape.titre ?? ctx.nameOf(etape.name, KIND.etape), entry,
        who: etape.intervenants.map(reference => ctx.professional(reference.ref as Intervenant | undefined, reference.$refText)),
        ...(where ? { where } : {}), ...(when ? { when } : {}), ...(description ? { description } : {}),
        branches, risks, line: ctx.line(etape), notes: []
    } as TreeStep);
}

export function processTable(ctx: ModelContext, parcours: Parcours, steps: TreeStep[]): TableBlock {
    const rows = steps.map(step => {
        const description: Content[] = [];
        if (step.who.length > 0) description.push(`${ctx.t('who')}${ctx.t('colon')}${step.who.join(', ')}`);
        if (step.where) description.push({ markdown: `${escapeMarkdown(ctx.t('whereStep'))}${ctx.t('colon')}${contentMarkdown(step.where)}` });
        if (step.when) description.push({ markdown: `${escapeMarkdown(ctx.t('when'))}${ctx.t('colon')}${contentMarkdown(step.when)}` });
        if (step.description) description.push(step.description);
        description.push(...step.branches.map(branch => branch.summary));
        return {
            cells: [
                `${step.number}. ${step.title}`,
                description,
                step.risks.map(risk => (risk.severity ? `${risk.label} (${ctx.t('severity').toLowerCase()}${ctx.t('colon')}${risk.severity.toLowerCase()})` : risk.label)),
                step.risks.map(risk => risk.mitigation).filter(isDefined)
            ],
            line: step.line, notes: []
        } as TableRow;
    });
    return {
        type: 'table', role: 'process', title: ctx.t('processTable'),
        columns: [ctx.t('steps'), ctx.t('description'), ctx.t('risksIdentified'), ctx.t('riskControl')],
        widths: [17, 43, 20, 20], rows, line: ctx.line(parcours), notes: []
    };
}

export function trees(ctx: ModelContext): SectionContent {
    const parcours = ctx.model.parcours;
    const blocks = parcours.map((tree, index) => {
        const steps = tree.etapes.map((etape, position) => step(ctx, etape, position === 0));
        const title = tree.titre?.trim() ? tree.titre : parcours.length > 1 ? ctx.t('treeN', { n: index + 1 }) : ctx.t('tree');
        const treeBlock: TreeBlock = { type: 'tree', steps, line: ctx.line(tree), notes: [] };
        // Beside the flowchart, the decision table of each structured step (issue 9 §6).
        const tables = tree.etapes
            .map((etape, position) => decisionTable(ctx, etape, steps[position], steps[position].branches.map(branch => upperFirst(actionSentence(ctx, branch.action)))))
            .filter(isDefined);
        const intro: ProseBlock | undefined = tables.length > 0 ? { type: 'prose', content: ctx.t('decisionTableIntro'), line: ctx.line(tree), notes: [] } : undefined;
        return ctx.group(tree, title, [treeBlock, intro, ...tables, steps.length > 0 ? processTable(ctx, tree, steps) : undefined]);
    });
    return { blocks, nodes: parcours };
}
