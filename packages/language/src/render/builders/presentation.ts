import { isReference, type Reference } from '../../generated/ast.js';
import { KIND } from '../labels.js';
import type { TableBlock, TableRow } from '../model-types.js';
import { escapeMarkdown, md } from '../model-text.js';
import type { ModelContext, SectionContent } from './context.js';

export function context(ctx: ModelContext): SectionContent {
    return ctx.single('Contexte', node => ctx.fields(node, [
        ctx.field('need', md(node.besoin), node),
        ctx.field('currentOrganisation', md(node.organisation), node)
    ]));
}

export function references(ctx: ModelContext): SectionContent {
    const sections = ctx.model.all('References');
    const own = sections.flatMap(section => section.items);
    const used = ctx.model.used.filter(isReference);
    const row = (reference: Reference, fromLibrary: boolean): TableRow => {
        const origin = fromLibrary ? ctx.libraryTitle(reference) : undefined;
        const url = reference.url && /^(https?:\/\/|mailto:)[^\s<>()]+$/i.test(reference.url)
            ? { markdown: `[${escapeMarkdown(reference.url.replace(/^(https?:\/\/|mailto:)/i, '').replace(/\/$/, ''))}](${reference.url})` }
            : (reference.url ?? '');
        const item: TableRow = {
            cells: [origin ? [reference.titre ?? ctx.nameOf(reference.name, KIND.reference), origin] : (reference.titre ?? ctx.nameOf(reference.name, KIND.reference)), reference.auteur ?? '', reference.annee !== undefined ? String(reference.annee) : '', reference.has ? ctx.t('hasYes') : '', url],
            line: ctx.line(fromLibrary ? ctx.usedAt(reference) : reference),
            notes: []
        };
        return fromLibrary ? item : ctx.anchor(reference, item);
    };
    const rows = [...own.map(reference => row(reference, false)), ...used.map(reference => row(reference, true))];
    if (rows.length === 0) return { blocks: [], nodes: sections };
    const table: TableBlock = {
        type: 'table', role: 'data',
        columns: [ctx.t('reference'), ctx.t('author'), ctx.t('year'), ctx.t('hasColumn'), ctx.t('link')],
        widths: [44, 16, 9, 8, 23], rows, line: ctx.line(sections[0] ?? ctx.model.first('Utilise')), notes: []
    };
    if (sections[0]) ctx.anchor(sections[0], table);
    return { blocks: [table], nodes: [...sections, ...ctx.model.all('Utilise')] };
}
