import type { AstNode } from 'langium';
import { formatDate, valueLabel, type LabelKey } from '../labels.js';
import type { Cell, TableBlock } from '../model-types.js';
import { md } from '../model-text.js';
import type { ModelContext } from './context.js';

export function buildHeader(ctx: ModelContext): void {
    const m = ctx.model;
    const header = ctx.header;
    const add = (labelKey: LabelKey, value: Cell | undefined, node: AstNode | undefined) => {
        const entry = ctx.field(labelKey, value, node);
        if (entry) header.fields.push(ctx.anchor(node, entry));
    };
    const identifiant = m.first('Identifiant');
    add('identifier', identifiant?.valeur, identifiant);
    const type = m.first('TypeProtocole');
    add('type', type?.valeur ? valueLabel(ctx.locale, 'type', type.valeur) : undefined, type);
    const cadres = m.all('Cadre');
    const settings = cadres.flatMap(cadre => cadre.valeurs.map(value => valueLabel(ctx.locale, 'cadre', value)));
    add('settings', settings.length === 1 ? settings[0] : settings, cadres[0]);
    cadres.slice(1).forEach(cadre => ctx.anchor(cadre, header.fields[header.fields.length - 1] ?? header));
    const version = m.first('Version');
    add('version', version?.valeur, version);
    const date = m.first('DateProtocole');
    add('date', date ? formatDate(ctx.locale, date.valeur) : undefined, date);
    const statut = m.first('Statut');
    add('status', statut?.valeur ? valueLabel(ctx.locale, 'statut', statut.valeur) : undefined, statut);
    const theme = m.first('Theme');
    add('theme', md(theme?.valeur), theme);

    const promoteurs = m.all('Promoteurs');
    const members = promoteurs.flatMap(block => block.membres);
    if (promoteurs.length > 0) {
        header.promoters = ctx.anchor<TableBlock>(promoteurs[0], {
            type: 'table', role: 'data', title: ctx.t('promoters'),
            columns: [ctx.t('role'), ctx.t('name'), ctx.t('quality')], widths: [18, 37, 45],
            rows: members.map(member => ctx.anchor(member, {
                cells: [member.role === 'promoteur' ? ctx.t('promoter') : ctx.t('drafter'), member.nom ?? '', md(member.qualite) ?? ''],
                line: ctx.line(member), notes: []
            })),
            line: ctx.line(promoteurs[0]), notes: []
        });
    }
}
