import { SECTION_KINDS } from '../../model/sections.js';
import type { Note, Section } from '../model-types.js';
import type { ElementType, ModelContext, SectionContent } from './context.js';
import { acts, patients, place, professionals, trainings } from './actors.js';
import {
    annexes, availability, coordination, economicModel, governance, indicators, informationSystem, liability, objectives, patientInformation,
    protocolDuration, referrals, riskManagement
} from './organisation.js';
import { context, references } from './presentation.js';
import { trees } from './process.js';

/** Types shown in the header rather than in a section of their own. */
export const HEADER_TYPES = new Set<string>(['Identifiant', 'TypeProtocole', 'Cadre', 'Version', 'DateProtocole', 'Statut', 'Promoteurs', 'Theme']);

/** Types shown inside another section (`équipement` with the place) or elsewhere (`utilise`, `ignorer`). */
export const MERGED_INTO: Partial<Record<ElementType, ElementType>> = { Equipement: 'Lieu' };

/** The builder of each section; a builder returning `undefined` leaves its section out. */
const BUILDERS: Partial<Record<ElementType, (ctx: ModelContext) => SectionContent | undefined>> = {
    Contexte: context,
    Objectifs: objectives,
    References: references,
    Delegant: ctx => professionals(ctx, 'Delegant'),
    Delegue: ctx => professionals(ctx, 'Delegue'),
    Patients: patients,
    Acte: acts,
    Lieu: place,
    Formation: trainings,
    Parcours: trees,
    Coordination: coordination,
    Reorientations: referrals,
    Disponibilite: availability,
    InformationPatient: patientInformation,
    SystemeInformation: informationSystem,
    GestionRisques: riskManagement,
    ResponsabiliteCivile: liability,
    Indicateur: indicators,
    Gouvernance: governance,
    ModeleEconomique: economicModel,
    DureeProtocole: protocolDuration,
    Annexe: annexes
};

/**
 * The sections of the document, in the template order and with the titles of model/sections.ts
 * (`SECTION_KINDS`), whatever their order in the file.
 */
export function buildSections(ctx: ModelContext): Section[] {
    const sections: Section[] = [];
    for (const kind of SECTION_KINDS) {
        if (HEADER_TYPES.has(kind.type) || MERGED_INTO[kind.type]) continue;
        const content = BUILDERS[kind.type]?.(ctx);
        if (!content) continue;
        const notes: Note[] = [];
        ctx.sectionNotes.set(kind.type, notes);
        const section: Section = {
            id: kind.type,
            number: sections.length + 1,
            title: kind.heading[ctx.locale],
            empty: content.blocks.length === 0,
            blocks: content.blocks,
            line: ctx.line(content.nodes[0]),
            notes
        };
        for (const node of content.nodes) ctx.anchor(node, section);
        sections.push(section);
    }
    for (const [merged, into] of Object.entries(MERGED_INTO)) {
        if (into) ctx.sectionNotes.set(merged, ctx.sectionNotes.get(into) ?? []);
    }
    return sections;
}
