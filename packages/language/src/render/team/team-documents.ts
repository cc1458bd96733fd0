import type { Locale, Localized } from '../../i18n/locale.js';
import type { TeamData, TeamMemberData } from '../../team/team-data.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import { formDocument } from '../form-document.js';
import type { Block, DocumentModel, Field, Note, Section } from '../model-types.js';

// ---------------------------------------------------------------------------------------------
// The declaration packet of a team (issue 12): one document to sign per member (accord
// d'engagement and sworn statement of competences) and the legal representative's sworn
// statements, as neutral document models (`layout: 'form'`) that the existing HTML, PDF and DOCX
// renderers lay out. Facts: ../shared/domain/lifecycle.md §2. The same data gives the same model.
// ---------------------------------------------------------------------------------------------

export interface TeamDocument {
    /** File name without extension (`01-martin-claire`, `representant-legal`). */
    name: string;
    model: DocumentModel;
}

const SETTINGS: Record<string, Localized> = {
    'établissement': { fr: 'Établissement de santé', en: 'Health establishment' }, ght: { fr: 'GHT', en: 'GHT' },
    msp: { fr: 'Maison de santé pluriprofessionnelle (MSP)', en: 'Multi-professional health home (MSP)' },
    'centre-de-santé': { fr: 'Centre de santé', en: 'Health centre' }, esp: { fr: 'Équipe de soins primaires (ESP)', en: 'Primary-care team (ESP)' },
    cpts: { fr: 'CPTS', en: 'CPTS' }, esms: { fr: 'ESMS', en: 'ESMS' }, 'inter-entités': { fr: 'Inter-entités', en: 'Cross-entity' }
};

const ATTESTATIONS: Record<string, Localized> = {
    'adhésion-volontaire': { fr: 'chaque professionnel de l\'équipe adhère volontairement au protocole', en: 'every professional of the team joins the protocol voluntarily' },
    'travail-en-équipe': { fr: 'les professionnels de l\'équipe travaillent ensemble, en équipe', en: 'the professionals of the team work together as a team' },
    'avis-obtenus': { fr: 'les avis et décisions requis pour la mise en œuvre du protocole ont été obtenus', en: 'the opinions and decisions required to implement the protocol were obtained' },
    'projet-de-santé': { fr: 'le protocole s\'inscrit dans le projet de santé de la structure', en: 'the protocol is part of the structure\'s projet de santé' }
};

/** A file-name part: lower case, no accents, letters, digits and dashes. */
export function slug(text: string): string {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'membre';
}

class Builder {
    constructor(private readonly data: TeamData, private readonly locale: Locale) {}

    t(text: Localized): string {
        return text[this.locale];
    }

    date(iso: string | undefined): string {
        if (!iso) return '';
        if (this.locale !== 'fr') return iso;
        const [year, month, day] = iso.split('-');
        return `${day}/${month}/${year}`;
    }

    field(label: Localized, value: string | string[] | undefined): Field[] {
        if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return [];
        return [{ label: this.t(label), value, line: 0, notes: [] }];
    }

    section(number: number, id: string, title: Localized, blocks: Block[]): Section {
        return { id, number, title: this.t(title), empty: blocks.length === 0, blocks, line: 0, notes: [] };
    }

    fields(fields: Field[], title?: Localized): Block {
        return { type: 'fields', ...(title ? { title: this.t(title) } : {}), fields, line: 0, notes: [] };
    }

    prose(markdown: string, title?: Localized): Block {
        return { type: 'prose', ...(title ? { title: this.t(title) } : {}), content: { markdown }, line: 0, notes: [] };
    }

    protocolLabel(): string {
        const protocole = this.data.protocole;
        return protocole.titre ? `${protocole.titre} (${protocole.code})` : protocole.code;
    }

    model(title: string, kicker: Localized, sections: Section[]): DocumentModel {
        const data = this.data;
        const structure = data.structure;
        return formDocument({
            locale: this.locale,
            title,
            meta: { ...(data.date ?? data.debut ? { date: data.date ?? data.debut } : {}) },
            header: {
                kicker: this.t(kicker),
                title,
                fields: [
                    ...this.field({ fr: 'Protocole appliqué', en: 'Applied protocol' }, this.protocolLabel()),
                    ...this.field({ fr: 'Type de protocole', en: 'Protocol type' }, data.protocole.kind ? this.t(data.protocole.kind === 'national' ? { fr: 'national', en: 'national' } : { fr: 'local', en: 'local' }) : undefined),
                    ...this.field({ fr: 'Équipe', en: 'Team' }, data.titre),
                    ...this.field({ fr: 'Structure', en: 'Structure' }, structure ? [structure.nom, structure.type ? this.t(SETTINGS[structure.type] ?? { fr: structure.type, en: structure.type }) : ''].filter(Boolean).join(' — ') : undefined),
                    ...this.field({ fr: 'FINESS', en: 'FINESS' }, structure?.finess),
                    ...this.field({ fr: 'Début de mise en œuvre', en: 'Start date' }, this.date(data.debut))
                ],
                line: 0,
                notes: []
            },
            sections
        });
    }

    signature(who: string): Block {
        return this.fields([
            ...this.field({ fr: 'Nom et prénom', en: 'Name' }, who),
            ...this.field({ fr: 'Fait à', en: 'Signed at' }, '………………………………………'),
            ...this.field({ fr: 'Le', en: 'On' }, '…… / …… / …………'),
            ...this.field({ fr: 'Signature', en: 'Signature' }, '\u00a0\n\u00a0\n\u00a0')
        ], { fr: 'Signature', en: 'Signature' });
    }

    member(member: TeamMemberData): DocumentModel {
        const name = `${member.prenom} ${member.nom}`;
        const role = member.role === 'délégant' ? this.t({ fr: 'délégant', en: 'delegating professional' }) : this.t({ fr: 'délégué', en: 'delegate' });
        const structure = this.data.structure?.nom ?? this.data.titre;
        const identity = this.section(1, 'professionnel', { fr: 'Professionnel', en: 'Professional' }, [this.fields([
            ...this.field({ fr: 'Nom', en: 'Last name' }, member.nom),
            ...this.field({ fr: 'Prénom', en: 'First name' }, member.prenom),
            ...this.field({ fr: 'Profession', en: 'Profession' }, member.professionLibelle || member.profession),
            ...this.field({ fr: 'Numéro RPPS', en: 'RPPS number' }, member.rpps ?? this.t({ fr: 'à compléter', en: 'to be completed' })),
            ...this.field({ fr: 'Rôle dans le protocole', en: 'Role in the protocol' }, role)
        ])]);
        const engagement = this.section(2, 'accord-engagement', { fr: 'Accord d\'engagement', en: 'Commitment agreement' }, [
            this.prose(this.t({
                fr: `Je soussigné(e) **${name}**, ${member.professionLibelle || member.profession}, m'engage à mettre en œuvre le protocole de coopération « ${this.protocolLabel()} » en qualité de **${role}**, au sein de l'équipe « ${this.data.titre} » (${structure})${this.data.debut ? `, à compter du ${this.date(this.data.debut)}` : ''}.\n\nJ'adhère volontairement à ce protocole ; je m'engage à en respecter les conditions de mise en œuvre, à signaler tout événement indésirable et à informer la structure de tout changement de ma situation.`,
                en: `I, the undersigned **${name}**, ${member.professionLibelle || member.profession}, commit to carrying out the cooperation protocol "${this.protocolLabel()}" as **${role}**, within the team "${this.data.titre}" (${structure})${this.data.debut ? `, from ${this.data.debut}` : ''}.\n\nI join this protocol voluntarily; I will respect its conditions, report any adverse event and inform the structure of any change in my situation.`
            })),
            ...(member.engagement ? [this.fields(this.field({ fr: 'Date de l\'accord indiquée dans la déclaration', en: 'Date of the agreement in the declaration' }, this.date(member.engagement)))] : []),
            this.signature(name)
        ]);
        const trainings: Block[] = member.formations.length > 0 ? [{
            type: 'table', role: 'data', line: 0, notes: [],
            title: this.t({ fr: 'Formations suivies', en: 'Trainings completed' }),
            columns: [this.t({ fr: 'Formation du protocole', en: 'Protocol training' }), this.t({ fr: 'Date', en: 'Date' }), this.t({ fr: 'Organisme, attestation', en: 'Provider, certificate' })],
            widths: [30, 20, 50],
            rows: member.formations.map(formation => ({ cells: [formation.formation, this.date(formation.date), formation.detail ?? ''], line: 0, notes: [] }))
        }] : [];
        const competences = this.section(3, 'attestation-competences', { fr: 'Attestation sur l\'honneur de compétences', en: 'Sworn statement of competences' }, [
            this.prose(this.t({
                fr: `J'atteste sur l'honneur disposer des compétences requises par le protocole « ${this.protocolLabel()} » pour y intervenir en qualité de ${role}${member.formations.length > 0 ? ', et avoir suivi la ou les formations ci-dessous' : ''}.`,
                en: `I solemnly declare that I have the competences the protocol "${this.protocolLabel()}" requires to take part as ${role}${member.formations.length > 0 ? ', and that I completed the training(s) below' : ''}.`
            })),
            ...trainings,
            this.signature(name)
        ]);
        return this.model(this.t({ fr: `Accord d'engagement et attestation sur l'honneur — ${name}`, en: `Commitment agreement and sworn statement — ${name}` }),
            { fr: 'Protocole de coopération — déclaration d\'équipe (art. L.4011-1 du Code de la santé publique)', en: 'Cooperation protocol — team declaration (art. L.4011-1 of the public health code)' },
            [identity, engagement, competences]);
    }

    summary(diagnostics: readonly Diagnostic[]): DocumentModel {
        const data = this.data;
        const shown = diagnostics.filter(d => (d.severity ?? 1) <= 2);
        const ofMember = (member: TeamMemberData) => shown.filter(d => d.range.start.line >= member.line && d.range.start.line <= member.endLine).map(noteOf);
        const inMembers = new Set(data.membres.flatMap(member => shown.filter(d => d.range.start.line >= member.line && d.range.start.line <= member.endLine)));
        const role = (member: TeamMemberData) => member.role === 'délégant' ? this.t({ fr: 'délégant', en: 'delegating' }) : member.role === 'délégué' ? this.t({ fr: 'délégué', en: 'delegate' }) : member.role;
        const members: Block = {
            type: 'table', role: 'data', line: data.membres[0]?.line ?? 0, notes: [],
            columns: [this.t({ fr: 'Nom', en: 'Last name' }), this.t({ fr: 'Prénom', en: 'First name' }), this.t({ fr: 'Profession', en: 'Profession' }), this.t({ fr: 'Rôle', en: 'Role' }), 'RPPS',
                this.t({ fr: 'Accord d\'engagement', en: 'Commitment' }), this.t({ fr: 'Formations suivies', en: 'Trainings completed' })],
            widths: [12, 11, 13, 11, 16, 13, 24],
            rows: data.membres.map(member => ({
                cells: [member.nom, member.prenom, member.professionLibelle || member.profession, role(member), member.rpps ?? '—', this.date(member.engagement) || '—',
                    member.formations.length > 0 ? member.formations.map(formation => `${formation.formation} (${this.date(formation.date)})`) : '—'],
                line: member.line,
                notes: ofMember(member)
            }))
        };
        const structure = data.structure;
        // The header already shows the protocol, the structure, its FINESS and the start date.
        const identity = this.fields([
            ...this.field({ fr: 'Adresse', en: 'Address' }, structure?.adresse),
            ...this.field({ fr: 'Référent de la déclaration', en: 'Referent of the declaration' }, data.referent ? [data.referent.nom, ...(data.referent.qualite ? [data.referent.qualite] : []), ...data.referent.contacts].join(' — ') : undefined),
            ...this.field({ fr: 'Représentant légal', en: 'Legal representative' }, data.representant ? [data.representant.nom, ...(data.representant.qualite ? [data.representant.qualite] : []), ...data.representant.contacts].join(' — ') : undefined)
        ]);
        const statements: Block = data.attestations.length > 0
            ? { type: 'list', line: 0, notes: [], items: data.attestations.map(attestation => ({
                content: `${this.t(ATTESTATIONS[attestation.nature] ?? { fr: attestation.nature, en: attestation.nature })}${attestation.date ? ` (${this.date(attestation.date)})` : ''}${attestation.detail ? ` : ${attestation.detail}` : ''}`,
                line: 0, notes: []
            })) }
            : this.prose(this.t({ fr: '*Aucune attestation dans le fichier d\'équipe.*', en: '*No statement in the team file.*' }));
        const others = shown.filter(d => !inMembers.has(d));
        const toFix: Block = shown.length === 0
            ? this.prose(this.t({ fr: 'La vérification automatique ne relève rien à corriger : la déclaration peut être préparée (commande « Écrire le dossier de déclaration »).', en: 'The automatic checks find nothing to fix: the declaration can be prepared (command "Write the declaration packet").' }))
            : { type: 'list', line: shown[0].range.start.line, notes: [], items: [...others, ...shown.filter(d => inMembers.has(d))].map(d => ({
                content: `${this.t({ fr: 'Ligne', en: 'Line' })} ${d.range.start.line + 1} — ${typeof d.message === 'string' ? d.message : String(d.message)}`,
                tag: String(d.code ?? ''), line: d.range.start.line, notes: []
            })) };
        const sections = [
            this.section(1, 'a-corriger', { fr: 'Avant de déclarer', en: 'Before declaring' }, [toFix]),
            this.section(2, 'contacts', { fr: 'Adresse et contacts', en: 'Address and contacts' }, identity.type === 'fields' && identity.fields.length === 0 ? [] : [identity]),
            this.section(3, 'professionnels', { fr: 'Professionnels de l\'équipe', en: 'Team professionals' }, [members]),
            this.section(4, 'attestations', { fr: 'Attestations sur l\'honneur', en: 'Sworn statements' }, [statements])
        ];
        return this.model(data.titre || this.t({ fr: 'Équipe sans titre', en: 'Untitled team' }),
            { fr: 'Déclaration d\'équipe — aperçu (protocole de coopération, art. L.4011-1 du Code de la santé publique)', en: 'Team declaration — preview (cooperation protocol, art. L.4011-1 of the public health code)' },
            sections);
    }

    representative(): DocumentModel {
        const representant = this.data.representant;
        const name = representant?.nom ?? this.t({ fr: '………………………………', en: '………………………………' });
        const quality = representant?.qualite ? `, ${representant.qualite}` : '';
        const structure = this.data.structure?.nom ?? this.data.titre;
        const natures = this.data.attestations.map(attestation => attestation.nature);
        const statements = this.data.attestations.map(attestation =>
            `- ${this.t(ATTESTATIONS[attestation.nature] ?? { fr: attestation.nature, en: attestation.nature })}${attestation.date ? ` (${this.date(attestation.date)})` : ''}${attestation.detail ? ` : ${attestation.detail}` : ''} ;`);
        const missing = ['adhésion-volontaire', 'travail-en-équipe'].filter(nature => !natures.includes(nature));
        const members: Block = {
            type: 'table', role: 'data', line: 0, notes: [],
            title: this.t({ fr: 'Professionnels de l\'équipe', en: 'Team professionals' }),
            columns: [this.t({ fr: 'Nom', en: 'Last name' }), this.t({ fr: 'Prénom', en: 'First name' }), this.t({ fr: 'Profession', en: 'Profession' }), 'RPPS', this.t({ fr: 'Rôle', en: 'Role' })],
            widths: [22, 20, 24, 18, 16],
            rows: this.data.membres.map(member => ({ cells: [member.nom, member.prenom, member.professionLibelle || member.profession, member.rpps ?? '', member.role], line: 0, notes: [] }))
        };
        const sections = [
            this.section(1, 'declarant', { fr: 'Structure et représentant légal', en: 'Structure and legal representative' }, [this.fields([
                ...this.field({ fr: 'Structure', en: 'Structure' }, structure),
                ...this.field({ fr: 'Adresse', en: 'Address' }, this.data.structure?.adresse),
                ...this.field({ fr: 'Représentant légal', en: 'Legal representative' }, representant ? `${representant.nom}${quality}` : undefined),
                ...this.field({ fr: 'Contact', en: 'Contact' }, representant?.contacts),
                ...this.field({ fr: 'Référent de la déclaration', en: 'Referent of the declaration' }, this.data.referent ? [this.data.referent.nom, ...(this.data.referent.qualite ? [this.data.referent.qualite] : []), ...this.data.referent.contacts].join(' — ') : undefined)
            ])]),
            this.section(2, 'attestations', { fr: 'Attestations sur l\'honneur du représentant légal', en: 'Sworn statements of the legal representative' }, [
                this.prose(this.t({
                    fr: `Je soussigné(e) **${name}**${quality}, représentant légal de ${structure}, atteste sur l'honneur, pour la mise en œuvre du protocole de coopération « ${this.protocolLabel()} », que :\n\n${statements.join('\n')}`,
                    en: `I, the undersigned **${name}**${quality}, legal representative of ${structure}, solemnly declare, for the cooperation protocol "${this.protocolLabel()}", that:\n\n${statements.join('\n')}`
                })),
                ...(missing.length > 0 ? [this.prose(this.t({ fr: `*Attestations absentes du fichier d'équipe : ${missing.join(', ')}.*`, en: `*Statements missing from the team file: ${missing.join(', ')}.*` }))] : []),
                members,
                this.signature(representant?.nom ?? '')
            ])
        ];
        return this.model(this.t({ fr: `Attestations du représentant légal — ${structure}`, en: `Statements of the legal representative — ${structure}` }),
            { fr: 'Protocole de coopération — déclaration d\'équipe (art. L.4011-1 du Code de la santé publique)', en: 'Cooperation protocol — team declaration (art. L.4011-1 of the public health code)' },
            sections);
    }
}

/** A diagnostic as a note of the preview (its code, its line). */
function noteOf(diagnostic: Diagnostic): Note {
    const kind = diagnostic.severity === 2 ? 'warning' : diagnostic.severity === 3 || diagnostic.severity === 4 ? 'info' : 'error';
    return { kind, code: String(diagnostic.code ?? ''), message: typeof diagnostic.message === 'string' ? diagnostic.message : String(diagnostic.message), line: diagnostic.range.start.line };
}

/**
 * The preview of a team file (VS Code): what the declaration will say — protocol, structure,
 * contacts, professionals with their training, statements — with the findings of the checks next
 * to the member or the part they concern, and the list of what to fix before declaring.
 */
export function buildTeamSummary(data: TeamData, diagnostics: readonly Diagnostic[], locale: Locale = 'fr'): DocumentModel {
    return new Builder(data, locale).summary(diagnostics);
}

/** The documents to sign of a team: one per member (in file order), then the legal representative's. */
export function buildTeamDocuments(data: TeamData, locale: Locale = 'fr'): TeamDocument[] {
    const builder = new Builder(data, locale);
    const width = String(data.membres.length).length < 2 ? 2 : String(data.membres.length).length;
    const members = data.membres.map((member, index) => ({
        name: `${String(index + 1).padStart(width, '0')}-${slug(`${member.nom} ${member.prenom}`)}`,
        model: builder.member(member)
    }));
    return [...members, { name: 'representant-legal', model: builder.representative() }];
}

/** Columns of the online declaration form, in its order (lifecycle.md §2), one row per professional. */
export const DECLARATION_COLUMNS: ReadonlyArray<{ key: string; label: Localized }> = [
    { key: 'protocole', label: { fr: 'Protocole', en: 'Protocol' } },
    { key: 'titre_protocole', label: { fr: 'Intitulé du protocole', en: 'Protocol title' } },
    { key: 'type_protocole', label: { fr: 'Type de protocole', en: 'Protocol type' } },
    { key: 'structure', label: { fr: 'Structure déclarante', en: 'Declaring structure' } },
    { key: 'type_structure', label: { fr: 'Type de structure', en: 'Structure type' } },
    { key: 'finess', label: { fr: 'FINESS', en: 'FINESS' } },
    { key: 'referent', label: { fr: 'Référent de la déclaration', en: 'Referent' } },
    { key: 'contact_referent', label: { fr: 'Contact du référent', en: 'Referent contact' } },
    { key: 'representant', label: { fr: 'Représentant légal', en: 'Legal representative' } },
    { key: 'contact_representant', label: { fr: 'Contact du représentant légal', en: 'Legal representative contact' } },
    { key: 'debut', label: { fr: 'Date de début', en: 'Start date' } },
    { key: 'nom', label: { fr: 'Nom', en: 'Last name' } },
    { key: 'prenom', label: { fr: 'Prénom', en: 'First name' } },
    { key: 'profession', label: { fr: 'Profession', en: 'Profession' } },
    { key: 'rpps', label: { fr: 'RPPS', en: 'RPPS' } },
    { key: 'role', label: { fr: 'Rôle', en: 'Role' } },
    { key: 'engagement', label: { fr: 'Date de l\'accord d\'engagement', en: 'Commitment date' } },
    { key: 'formations', label: { fr: 'Formations suivies', en: 'Trainings completed' } }
];

/** The rows of the declaration (one per professional), keyed as DECLARATION_COLUMNS. */
export function declarationRows(data: TeamData): Array<Record<string, string>> {
    return data.membres.map(member => ({
        protocole: data.protocole.code,
        titre_protocole: data.protocole.titre ?? '',
        type_protocole: data.protocole.kind ?? '',
        structure: data.structure?.nom ?? '',
        type_structure: data.structure?.type ?? '',
        finess: data.structure?.finess ?? '',
        referent: data.referent?.nom ?? '',
        contact_referent: data.referent?.contacts.join(' ; ') ?? '',
        representant: data.representant?.nom ?? '',
        contact_representant: data.representant?.contacts.join(' ; ') ?? '',
        debut: data.debut ?? '',
        nom: member.nom,
        prenom: member.prenom,
        profession: member.professionLibelle || member.profession,
        rpps: member.rpps ?? '',
        role: member.role,
        engagement: member.engagement ?? '',
        formations: member.formations.map(formation => `${formation.formation} (${formation.date})`).join(' ; ')
    }));
}
