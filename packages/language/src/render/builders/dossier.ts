import { getDefinition } from '../../diagnostics/registry.js';
import { REQUIREMENTS } from '../../rules/requirements.js';
import { formatDate } from '../labels.js';
import type { Banner, Block, Note, Section, SignatureBlock, Signatory } from '../model-types.js';
import type { ModelContext } from './context.js';

// The parts of the dossier an ARS agent files as is: the banners that say its state, the
// signature and date block fitting the kind of protocol, the reviewer's annex (each note with its
// requirement and section) and the closing words addressed to the ARS.

/** Draft, errors and syntax errors, said at the top of the dossier. */
export function buildBanners(ctx: ModelContext, errors: number, syntaxErrors: number): Banner[] {
    const banners: Banner[] = [];
    if (isDraft(ctx)) banners.push({ kind: 'draft', text: ctx.t('draftBanner') });
    if (errors > 0) {
        banners.push({
            kind: 'nonConforming',
            text: errors === 1 ? ctx.t('nonConformingOne') : ctx.t('nonConformingMany', { n: errors }),
            detail: ctx.t('nonConformingDetail')
        });
    }
    if (syntaxErrors > 0) banners.push({ kind: 'syntax', text: ctx.t('syntaxWarning') });
    return banners;
}

export function isDraft(ctx: ModelContext): boolean {
    return ctx.model.first('Statut')?.valeur === 'brouillon';
}

const ESTABLISHMENT = new Set(['établissement', 'ght']);
const MEDICO_SOCIAL = new Set(['esms']);
const COORDINATED = ['msp', 'centre-de-santé', 'esp', 'cpts', 'inter-entités'];

/**
 * Who signs, by kind of protocol (sources: art. L.4011-4 CSP for local protocols in an
 * establishment — the director decides after the opinions of the CME and the CSIRMT; the 2023
 * declaration of a protocol by a coordinated-practice team names its referent and the structure's
 * legal representative; a national protocol is carried by its promoting team).
 */
export function buildSignatures(ctx: ModelContext): SignatureBlock {
    const type = ctx.model.type;
    const settings = ctx.model.all('Cadre').flatMap(cadre => cadre.valeurs);
    const title = ctx.t('signatures');
    const team = (): Signatory[] => {
        const members = ctx.model.all('Promoteurs').flatMap(block => block.membres).filter(member => member.nom?.trim());
        const promoters = members.filter(member => member.role === 'promoteur');
        const signers = promoters.length > 0 ? promoters : members;
        return signers.length > 0
            ? signers.map(member => ({ role: ctx.t('signatoryTeam'), name: [member.nom, member.qualite].filter(text => text?.trim()).join(', ') }))
            : [{ role: ctx.t('signatoryTeam') }];
    };
    if (type === 'local' && settings.some(value => ESTABLISHMENT.has(value))) {
        return {
            title, intro: ctx.t('signaturesLocalEstablishment'),
            signatories: [{ role: ctx.t('signatoryDirector') }, { role: ctx.t('signatoryCme') }, { role: ctx.t('signatoryCsirmt') }]
        };
    }
    if (type === 'local' && settings.some(value => MEDICO_SOCIAL.has(value))) {
        return { title, intro: ctx.t('signaturesLocalMedicoSocial'), signatories: [{ role: ctx.t('signatoryMedicoSocial') }] };
    }
    const coordinated = settings.filter(value => COORDINATED.includes(value));
    if (type !== 'national' && coordinated.length > 0) {
        const structure = coordinated.map(value => ctx.cadreLabel(value)).join(', ');
        return {
            title, intro: ctx.t('signaturesCoordinated'),
            signatories: [{ role: ctx.t('signatoryLegal', { structure }) }, { role: ctx.t('signatoryReferent') }]
        };
    }
    return { title, intro: ctx.t('signaturesNational'), signatories: team() };
}

/** The last words, addressed to the ARS. */
export function buildClosing(ctx: ModelContext): string {
    const version = ctx.model.first('Version')?.valeur;
    const date = ctx.model.first('DateProtocole')?.valeur;
    const dated = date ? ctx.t('closingDate', { date: formatDate(ctx.locale, date) }) : '';
    return ctx.t('closing', { version: version ? ctx.t('closingVersion', { version, date: dated }) : dated ? `${dated},` : '' });
}

/** Gives each note its requirement and the section it is shown in, for the reviewer's annex. */
export function annotateNotes(ctx: ModelContext, all: Note[], sections: Section[]): void {
    const inSection = new Map<Note, string>();
    const visit = (value: unknown, where: string): void => {
        if (Array.isArray(value)) {
            value.forEach(item => visit(item, where));
        } else if (value && typeof value === 'object') {
            for (const [key, item] of Object.entries(value)) {
                if (key === 'notes' && Array.isArray(item)) item.forEach(note => inSection.set(note as Note, where));
                else if (typeof item === 'object') visit(item, where);
            }
        }
    };
    for (const section of sections) visit({ notes: section.notes, blocks: section.blocks as Block[] }, `${section.number}. ${section.title}`);
    for (const note of all) {
        const rule = getDefinition(note.code);
        const requirement = rule?.requirement ? REQUIREMENTS.find(item => item.id === rule.requirement) : undefined;
        note.requirement = requirement
            ? `${requirement.title[ctx.locale]}${requirement.legalBasis ? ` (${requirement.legalBasis})` : ''}`
            : rule?.legalBasis ? `${rule.title[ctx.locale]} (${rule.legalBasis})` : ctx.t('languageRule');
        note.section = inSection.get(note) ?? ctx.t('cover');
    }
}
