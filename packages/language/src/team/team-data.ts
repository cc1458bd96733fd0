import type { LangiumDocuments } from 'langium';
import type { Equipe, MembreEquipe } from '../generated/ast.js';
import { fold } from '../model/text.js';
import { appliedProtocol } from './applied-protocol.js';
import { teamModel } from './team-model.js';

export interface TeamMemberData {
    nom: string;
    prenom: string;
    profession: string;
    /** Label of the profession in the catalogue (« Infirmier »). */
    professionLibelle: string;
    role: string;
    rpps?: string;
    /** Date of the signed accord d'engagement. */
    engagement?: string;
    formations: Array<{ formation: string; date: string; detail?: string }>;
    /** 0-based lines of the member in the file (first and last). */
    line: number;
    endLine: number;
}

/**
 * A team file as plain data, in the order of the online declaration form (lifecycle.md §2):
 * protocol, structure, référent, legal representative, start, professionals, statements.
 */
export interface TeamData {
    titre: string;
    protocole: { code: string; kind?: 'national' | 'local'; titre?: string };
    structure?: { nom: string; type?: string; finess?: string; adresse?: string };
    referent?: { nom: string; qualite?: string; contacts: string[] };
    representant?: { nom: string; qualite?: string; contacts: string[] };
    debut?: string;
    date?: string;
    membres: TeamMemberData[];
    attestations: Array<{ nature: string; date?: string; detail?: string }>;
}

function memberData(membre: MembreEquipe): TeamMemberData {
    return {
        nom: membre.nom ?? '',
        prenom: membre.prenom ?? '',
        profession: membre.profession?.ref?.name ?? membre.profession?.$refText ?? '',
        professionLibelle: membre.profession?.ref?.libelle ?? membre.profession?.$refText ?? '',
        role: membre.role ?? '',
        ...(membre.rpps !== undefined ? { rpps: String(membre.rpps) } : {}),
        ...(membre.engagement ? { engagement: membre.engagement } : {}),
        formations: membre.formations.map(suivie => ({ formation: suivie.formation ?? '', date: suivie.date ?? '', ...(suivie.detail ? { detail: suivie.detail } : {}) })),
        line: membre.$cstNode?.range.start.line ?? 0,
        endLine: membre.$cstNode?.range.end.line ?? membre.$cstNode?.range.start.line ?? 0
    };
}

export function teamData(equipe: Equipe, documents?: LangiumDocuments): TeamData {
    const model = teamModel(equipe);
    const applied = documents ? appliedProtocol(equipe, documents) : undefined;
    const structure = model.structure;
    const person = (node: { nom?: string; qualite?: string; contacts: string[] } | undefined) =>
        node ? { nom: node.nom ?? '', ...(node.qualite ? { qualite: node.qualite } : {}), contacts: [...node.contacts] } : undefined;
    return {
        titre: equipe.titre ?? '',
        protocole: { code: equipe.protocole ?? '', ...(applied ? { kind: applied.kind, titre: applied.title } : {}) },
        ...(structure ? { structure: {
            nom: structure.nom ?? '',
            ...(structure.nature ? { type: structure.nature } : {}),
            ...(structure.finess !== undefined ? { finess: String(structure.finess) } : {}),
            ...(structure.adresse ? { adresse: structure.adresse } : {})
        } } : {}),
        ...(model.referent ? { referent: person(model.referent) } : {}),
        ...(model.representant ? { representant: person(model.representant) } : {}),
        ...(model.start?.valeur ? { debut: model.start.valeur } : {}),
        ...(model.date?.valeur ? { date: model.date.valeur } : {}),
        membres: model.members.map(memberData),
        attestations: model.attestations.flatMap(block => block.attestations).map(attestation => ({
            nature: attestation.nature, ...(attestation.date ? { date: attestation.date } : {}), ...(attestation.detail ? { detail: attestation.detail } : {})
        }))
    };
}

/** What identifies a professional across two versions of a team file: the RPPS, else the name. */
export function memberKey(member: Pick<TeamMemberData, 'rpps' | 'nom' | 'prenom'>): string {
    return member.rpps ? `rpps:${member.rpps.replace(/\s+/g, '')}` : `nom:${fold(member.nom)}|${fold(member.prenom)}`;
}

export interface MemberChange {
    field: 'role' | 'profession' | 'formation' | 'engagement' | 'rpps' | 'nom';
    before?: string;
    after?: string;
}

export interface TeamDiff {
    added: TeamMemberData[];
    removed: TeamMemberData[];
    changed: Array<{ member: TeamMemberData; changes: MemberChange[] }>;
    /** Changes of the declaration itself (structure, référent, représentant, protocol, start). */
    header: Array<{ field: string; before?: string; after?: string }>;
}

const trainingText = (formation: TeamMemberData['formations'][number]) => `${formation.formation} ${formation.date}`;

/**
 * The content of a « modification d'équipe »: members added, removed, and changed (role,
 * profession, trainings, accord d'engagement). Members are matched by RPPS, else by name; a member
 * whose RPPS was added keeps being matched by name.
 */
export function diffTeams(before: TeamData, after: TeamData): TeamDiff {
    const byKey = new Map<string, TeamMemberData>();
    const byName = new Map<string, TeamMemberData>();
    for (const member of before.membres) {
        byKey.set(memberKey(member), member);
        byName.set(memberKey({ nom: member.nom, prenom: member.prenom }), member);
    }
    const matched = new Set<TeamMemberData>();
    const added: TeamMemberData[] = [];
    const changed: TeamDiff['changed'] = [];
    for (const member of after.membres) {
        const previous = [byKey.get(memberKey(member)), byName.get(memberKey({ nom: member.nom, prenom: member.prenom }))].find(candidate => candidate && !matched.has(candidate));
        if (!previous) {
            added.push(member);
            continue;
        }
        matched.add(previous);
        const changes: MemberChange[] = [];
        if (previous.role !== member.role) changes.push({ field: 'role', before: previous.role, after: member.role });
        if (previous.profession !== member.profession) changes.push({ field: 'profession', before: previous.profession, after: member.profession });
        if ((previous.rpps ?? '') !== (member.rpps ?? '')) changes.push({ field: 'rpps', ...(previous.rpps ? { before: previous.rpps } : {}), ...(member.rpps ? { after: member.rpps } : {}) });
        if (fold(previous.nom) !== fold(member.nom) || fold(previous.prenom) !== fold(member.prenom)) changes.push({ field: 'nom', before: `${previous.prenom} ${previous.nom}`, after: `${member.prenom} ${member.nom}` });
        if ((previous.engagement ?? '') !== (member.engagement ?? '')) changes.push({ field: 'engagement', ...(previous.engagement ? { before: previous.engagement } : {}), ...(member.engagement ? { after: member.engagement } : {}) });
        const old = new Set(previous.formations.map(trainingText));
        const now = new Set(member.formations.map(trainingText));
        for (const formation of member.formations) if (!old.has(trainingText(formation))) changes.push({ field: 'formation', after: trainingText(formation) });
        for (const formation of previous.formations) if (!now.has(trainingText(formation))) changes.push({ field: 'formation', before: trainingText(formation) });
        if (changes.length > 0) changed.push({ member, changes });
    }
    const removed = before.membres.filter(member => !matched.has(member));
    const header: TeamDiff['header'] = [];
    const compare = (field: string, a: string | undefined, b: string | undefined) => {
        if ((a ?? '') !== (b ?? '')) header.push({ field, ...(a ? { before: a } : {}), ...(b ? { after: b } : {}) });
    };
    compare('protocole', before.protocole.code, after.protocole.code);
    compare('structure', before.structure?.nom, after.structure?.nom);
    compare('finess', before.structure?.finess, after.structure?.finess);
    compare('référent', before.referent?.nom, after.referent?.nom);
    compare('représentant', before.representant?.nom, after.representant?.nom);
    compare('début', before.debut, after.debut);
    return { added, removed, changed, header };
}
