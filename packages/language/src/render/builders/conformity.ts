import { sectionKind } from '../../model/sections.js';
import { computeConformity, conformityLabel } from '../../rules/conformity.js';
import type { ConformityMatrix, ConformityRow, Section } from '../model-types.js';
import { isDefined, messageText } from '../model-text.js';
import type { ElementType, ModelContext } from './context.js';
import { HEADER_TYPES, MERGED_INTO } from './sections.js';

/** The sections that answer each requirement, to point a conformity row at its source. */
export const REQUIREMENT_SECTIONS: Record<string, ElementType[]> = {
    rbp: ['References', 'Utilise'],
    actes: ['Acte'],
    patients: ['Patients'],
    qualification: ['Delegant', 'Delegue'],
    formation: ['Formation', 'Delegue'],
    arbres: ['Parcours'],
    parcours: ['Coordination'],
    reorientation: ['Reorientations'],
    information: ['InformationPatient'],
    donnees: ['SystemeInformation'],
    disponibilite: ['Disponibilite'],
    risques: ['GestionRisques'],
    responsabilite: ['ResponsabiliteCivile'],
    organisation: ['Lieu'],
    indicateurs: ['Indicateur'],
    cadre: ['TypeProtocole', 'Cadre', 'ModeleEconomique', 'Gouvernance']
};

const STATUS_LABEL = { met: 'met', missing: 'missing', suppressed: 'suppressedStatus', review: 'reviewStatus', 'to-fix': 'toFixStatus' } as const;

/** The conformity matrix: each requirement, its status, and the section that answers it. */
export function buildConformity(ctx: ModelContext, sections: Section[]): ConformityMatrix {
    const conformity = computeConformity(ctx.diagnostics, ctx.suppressed, ctx.protocole);
    const sectionTitle = (type: ElementType) => sections.find(section => section.id === (MERGED_INTO[type] ?? type))?.title
        ?? (HEADER_TYPES.has(type) ? sectionKind(type)?.label[ctx.locale] : undefined);
    const rows = conformity.items.map(item => {
        const types = REQUIREMENT_SECTIONS[item.requirement.id] ?? [];
        const present = types.map(type => ctx.model.first(type)).find(isDefined);
        const failing = item.status === 'missing' || item.status === 'to-fix';
        const line = failing
            ? Math.min(...item.diagnostics.map(d => d.range.start.line))
            : item.status === 'review'
                ? Math.min(...item.review.map(d => d.range.start.line))
                : item.status === 'suppressed'
                    ? Math.min(...item.suppressed.map(s => s.suppressionRange.start.line))
                    : ctx.line(present);
        const details = failing
            ? item.diagnostics.map(messageText)
            : item.status === 'review'
                ? item.review.map(messageText)
                : item.suppressed.map(s => `${ctx.t('justification')}${ctx.t('colon')}${s.justification}`);
        return {
            id: item.requirement.id,
            legalBasis: item.requirement.legalBasis,
            title: item.requirement.title[ctx.locale],
            status: item.status,
            statusLabel: ctx.t(STATUS_LABEL[item.status]),
            where: types.map(sectionTitle).find(isDefined) ?? '',
            details: [...new Set(details)],
            line: Number.isFinite(line) ? line : ctx.protocolLine,
            notes: []
        } satisfies ConformityRow;
    });
    return {
        title: ctx.t('conformity'), intro: ctx.t('conformityIntro'),
        label: conformityLabel(conformity, ctx.locale),
        // `met`: verified by the automatic checks (a requirement to review is not counted as met).
        met: conformity.verified, total: conformity.total, suppressed: conformity.suppressed,
        rows, line: ctx.protocolLine, notes: []
    };
}
