import type { AstNode } from 'langium';
import { isActe, isConditionAge, isConditionSexe, isConditionTexte, type Acte, type Condition, type Critere, type Delegant, type Delegue, type Formation, type Module } from '../../generated/ast.js';
import { comparatorWords, formatNumber, formatQuantity, KIND, type LabelKey } from '../labels.js';
import type { Cell, Content, Field, ListBlock, ListItem, TableBlock, TableRow } from '../model-types.js';
import { writesDerogatoire } from '../../model/protocol-model.js';
import { conditionSentence } from '../../logic/sentence.js';
import { escapeMarkdown, isDefined, listOrSingle, md, upperFirst } from '../model-text.js';
import type { ModelContext, SectionContent } from './context.js';

export function professionals(ctx: ModelContext, type: 'Delegant' | 'Delegue'): SectionContent {
    const nodes: Array<Delegant | Delegue> = type === 'Delegant' ? ctx.model.delegants : ctx.model.delegues;
    const blocks = nodes.map(node => {
        const profession = node.profession?.ref;
        const article = profession?.article?.ref;
        const experience = ctx.duration(node.experience);
        const fields = ctx.fields(node, [
            ctx.field('profession', profession?.libelle ?? node.profession?.$refText, node),
            ctx.field('reservingArticle', article ? `${article.name} — ${article.objet}` : profession?.article?.$refText, node),
            ctx.field('specialties', listOrSingle(node.specialites.map(text => md(text)).filter(isDefined)), node),
            ctx.field('qualifications', listOrSingle(node.qualifications.map(text => md(text)).filter(isDefined)), node),
            ctx.field('experience', experience ? { markdown: [escapeMarkdown(experience), node.experienceDetail].filter(Boolean).join(' ') } : undefined, node)
        ]);
        // « Délégant : médecin généraliste » — the profession in words, never the short name.
        const role = ctx.t(type === 'Delegant' ? 'delegant' : 'delegue');
        const what = ctx.professionNoun(node);
        return ctx.group(node, what ? `${role}${ctx.t('colon')}${what}` : role, [fields]);
    });
    return { blocks, nodes };
}

export function criterion(ctx: ModelContext, condition: Condition | undefined): Content {
    if (!condition) return '';
    if (isConditionAge(condition)) {
        const age = ctx.t('age');
        const number = (value: number | undefined) => formatNumber(ctx.locale, value);
        if (number(condition.min) && number(condition.max)) {
            return ctx.t('ageRange', { min: number(condition.min), max: formatQuantity(ctx.locale, condition.max, condition.unite) });
        }
        const bound = number(condition.borne) ? formatQuantity(ctx.locale, condition.borne, condition.unite) : undefined;
        const words = comparatorWords(ctx.locale, condition.operateur);
        return bound && words ? `${age} ${words} ${bound}` : bound ? `${age}${ctx.t('colon')}${bound}` : age;
    }
    if (isConditionSexe(condition)) {
        return ctx.t(condition.valeur === 'féminin' ? 'female' : 'male');
    }
    if (isConditionTexte(condition)) return md(condition.texte) ?? '';
    return upperFirst(conditionSentence(condition));
}

/** A criterion's scope and mark after its text: « — pour l'acte « Adapter les doses » ; signe de gravité ». */
function withScope(ctx: ModelContext, critere: Critere, content: Content): Content {
    const target = critere.portee?.ref;
    const notes = [
        isActe(target) ? ctx.t('criterionForAct', { act: target.libelle ?? target.name }) : target ? ctx.t('criterionForTree', { tree: target.titre ?? target.name ?? '' }) : undefined,
        critere.signeGravite ? ctx.t('criterionGravity') : undefined
    ].filter(isDefined);
    if (notes.length === 0) return content;
    const suffix = ` — ${notes.join(' ; ')}`;
    return typeof content === 'string' ? `${content}${suffix}` : { markdown: `${content.markdown}${escapeMarkdown(suffix)}` };
}

export function patients(ctx: ModelContext): SectionContent {
    const nodes = ctx.model.all('Patients');
    const criteres = nodes.flatMap(node => node.criteres);
    const list = (nature: string, title: LabelKey): ListBlock | undefined => {
        const items = criteres.filter(critere => critere.nature === nature).map(critere => ctx.anchor(critere, {
            content: withScope(ctx, critere, criterion(ctx, critere.condition)), line: ctx.line(critere), notes: []
        } as ListItem));
        if (items.length === 0) return undefined;
        return { type: 'list', title: ctx.t(title), items, line: items[0].line, notes: [] };
    };
    const blocks = [list('inclusion', 'inclusion'), list('exclusion', 'exclusion'), list('retrait', 'withdrawal')].filter(isDefined);
    return { blocks, nodes };
}

export function acts(ctx: ModelContext): SectionContent {
    const actes = ctx.model.actes;
    const derogating = actes.filter(acte => !acte.nonDerogatoire && (acte.articles.length > 0 || writesDerogatoire(acte)));
    const nonDerogating = actes.filter(acte => acte.nonDerogatoire);
    const unspecified = actes.filter(acte => !derogating.includes(acte) && !nonDerogating.includes(acte));
    const performers = (acte: Acte) => acte.delegues.map(reference => ctx.professional(reference.ref, reference.$refText));
    const conditions = (acte: Acte): Cell => [md(acte.conditions), md(acte.description)].filter(isDefined);
    const table = (title: LabelKey, list: Acte[], withArticles: boolean): TableBlock | undefined => {
        if (list.length === 0) return undefined;
        return {
            type: 'table', role: 'data', title: ctx.t(title),
            columns: withArticles
                ? [ctx.t('act'), ctx.t('derogatedArticles'), ctx.t('performedBy'), ctx.t('conditions')]
                : [ctx.t('act'), ctx.t('performedBy'), ctx.t('conditions')],
            widths: withArticles ? [32, 24, 16, 28] : [40, 20, 40],
            rows: list.map(acte => ctx.anchor(acte, {
                cells: withArticles
                    ? [acte.libelle ?? ctx.nameOf(acte.name, KIND.acte), acte.articles.map(reference => reference.ref ? [reference.ref.name, reference.ref.objet].filter(Boolean).join(' — ') : reference.$refText ?? ''), performers(acte), conditions(acte)]
                    : [acte.libelle ?? ctx.nameOf(acte.name, KIND.acte), performers(acte), conditions(acte)],
                line: ctx.line(acte), notes: []
            } as TableRow)),
            line: ctx.line(list[0]), notes: []
        };
    };
    return {
        blocks: [table('derogatingActs', derogating, true), table('nonDerogatingActs', nonDerogating, false), table('unspecifiedActs', unspecified, false)].filter(isDefined),
        nodes: actes
    };
}

export function place(ctx: ModelContext): SectionContent {
    const lieux = ctx.model.all('Lieu');
    const equipements = ctx.model.all('Equipement');
    const list = (title: LabelKey, nodes: Array<{ valeur: string } & AstNode>): ListBlock | undefined => {
        const items = nodes.filter(node => node.valeur?.trim()).map(node => ctx.anchor(node, { content: { markdown: node.valeur ?? '' }, line: ctx.line(node), notes: [] } as ListItem));
        return items.length > 0 ? { type: 'list', title: ctx.t(title), items, line: items[0].line, notes: [] } : undefined;
    };
    return { blocks: [list('places', lieux), list('equipment', equipements)].filter(isDefined), nodes: [...lieux, ...equipements] };
}

export function trainingFields(ctx: ModelContext, node: Formation | Module): Array<Field | undefined> {
    const theory = ctx.quantity(node.theorie);
    const total = ctx.quantity(node.duree);
    return [
        ctx.field('trainingTotal', total, node),
        ctx.field('theory', theory || node.programme ? { markdown: [theory && escapeMarkdown(theory), node.programme].filter(Boolean).join(' — ') } : undefined, node),
        ctx.field('practice', listOrSingle(node.pratiques.map(pratique => {
            const amount = ctx.quantity(pratique.quantite);
            return md([amount && escapeMarkdown(amount), pratique.detail].filter(Boolean).join(' — '));
        }).filter(isDefined)), node),
        ctx.field('validation', md(node.validation), node),
        ctx.field('maintenance', node.periodiciteMaintien || node.maintien
            ? { markdown: [escapeMarkdown(ctx.periodicity(node.periodiciteMaintien) ?? ''), node.maintien].filter(Boolean).join(' — ') }
            : undefined, node)
    ];
}

export function trainings(ctx: ModelContext): SectionContent {
    const formations = ctx.model.formations;
    const blocks = formations.map(formation => {
        const modules = formation.modules.map(reference => reference.ref);
        const fields = ctx.fields(formation, [
            ...trainingFields(ctx, formation),
            ctx.field('actsCovered', formation.actes.map(reference => reference.ref?.libelle ?? reference.$refText), formation),
            ctx.field('modulesUsed', modules.filter(isDefined).map(module => module.titre ?? ctx.nameOf(module.name, KIND.module)), formation)
        ]);
        const moduleGroups = modules.filter(isDefined).map(module => ctx.group(undefined, module.titre ?? ctx.nameOf(module.name, KIND.module),
            [ctx.fields(module, trainingFields(ctx, module))], ctx.libraryTitle(module), ctx.line(formation)));
        const whom = formation.delegues.map(reference => reference.ref ? ctx.person(reference.ref) : reference.$refText).join(', ');
        const title = whom ? ctx.t('trainingOf', { who: whom }) : upperFirst(ctx.nameOf(undefined, KIND.formation));
        return ctx.group(formation, title, [fields, ...moduleGroups]);
    });
    return { blocks, nodes: formations };
}
