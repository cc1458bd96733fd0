import type { Cible, CompteEvenements, ModeleEconomique, Protocole } from '../generated/ast.js';
import { isActe, isForfaitPatient, isIdentifiant, isModeleEconomique, isPrimeCooperation } from '../generated/ast.js';
import { protocolModel } from '../model/protocol-model.js';
import type { TeamData } from '../team/team-data.js';
import type { ActivityMember, ActivityProtocol, CountKind, EventCount, FinancingSpec, IndicatorSpec, LegalIndicator, Target } from './activity-types.js';
import { foldName } from './journal-format.js';

// What the yearly report needs of a protocol and of a team file, as plain data (activity-types.ts).

const COUNT_KIND: Record<string, CountKind> = {
    inclusions: 'inclusions', actes: 'actes', reprises: 'reprises', orientations: 'orientations',
    evenementsindesirables: 'evenements-indesirables', retraits: 'retraits', patients: 'patients', consultations: 'consultations'
};

export function countKindOf(word: string | undefined): CountKind | undefined {
    return word ? COUNT_KIND[foldName(word)] : undefined;
}

function eventCount(node: CompteEvenements | undefined): EventCount | undefined {
    const kind = countKindOf(node?.evenement);
    if (!node || !kind) return undefined;
    const actes = node.actes.map(ref => ref.ref?.name ?? ref.$refText).filter(name => name !== '');
    return { kind, ...(actes.length > 0 ? { actes } : {}) };
}

function target(cible: Cible | undefined): Target | undefined {
    if (!cible || cible.valeur === undefined) return undefined;
    const operators: Record<string, Target['operator']> = { '<': '<', '<=': '<=', '≤': '<=', '>': '>', '>=': '>=', '≥': '>=' };
    const operator = cible.operateur ? operators[cible.operateur] ?? '=' : '=';
    const shown = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '=': '=' }[operator];
    const value = Number(cible.valeur);
    return { operator, value, percent: cible.pourcent, text: `${shown} ${String(value).replace('.', ',')}${cible.pourcent ? ' %' : ''}` };
}

export function financingOf(modele: ModeleEconomique | undefined): FinancingSpec | undefined {
    if (!modele || modele.financements.length === 0) return undefined;
    const spec: FinancingSpec = { ...(modele.valeur ? { text: modele.valeur } : {}), forfaits: [] };
    for (const item of modele.financements) {
        if (isForfaitPatient(item)) {
            const amount = Number(item.montant);
            const counts = item.comptes.map(countKindOf).filter((kind): kind is CountKind => kind !== undefined);
            const split = item.parts.map(part => ({ who: part.profession?.ref?.name ?? part.profession?.$refText ?? '', amount: Number(part.montant) }));
            const text = `${amount} € par patient${item.annuel ? ' et par an' : ''}`
                + (split.length > 0 ? ` (${split.map(part => `${part.who} ${part.amount} €`).join(', ')})` : '')
                + (item.nonCumulable ? (item.delai === 'lendemain' ? ', non cumulable avec une consultation le même jour ou le lendemain' : ', non cumulable avec une consultation le même jour') : '');
            spec.forfaits.push({ amount, perYear: item.annuel, counts: counts.length > 0 ? counts : ['inclusions'], split, ...(item.nonCumulable ? { noCombineDays: item.delai === 'lendemain' ? 1 : 0 } : {}), text });
        } else if (isPrimeCooperation(item)) {
            const amount = Number(item.montant);
            spec.prime = { amount, text: `Prime de coopération : ${amount} € par mois et par délégué` };
        }
    }
    return spec;
}

export function activityProtocol(protocole: Protocole): ActivityProtocol {
    const elements = protocole.elements;
    // Its own indicators and those it uses from a library (`utilise`), resolved when the library is loaded.
    const indicators: IndicatorSpec[] = protocolModel(protocole).indicateurs.map(indicateur => ({
        name: indicateur.name,
        label: indicateur.libelle ?? indicateur.name,
        ...(indicateur.exigence ? { exigence: indicateur.exigence as LegalIndicator } : {}),
        ...(indicateur.nature ? { nature: indicateur.nature } : {}),
        ...(eventCount(indicateur.compteNumerateur) ? { numerator: eventCount(indicateur.compteNumerateur) } : {}),
        ...(eventCount(indicateur.compteDenominateur) ? { denominator: eventCount(indicateur.compteDenominateur) } : {}),
        ...(indicateur.numerateur ? { numeratorText: indicateur.numerateur } : {}),
        ...(indicateur.denominateur ? { denominatorText: indicateur.denominateur } : {}),
        ...(target(indicateur.objectif) ? { objective: target(indicateur.objectif) } : {}),
        ...(target(indicateur.seuil) ? { threshold: target(indicateur.seuil) } : {})
    }));
    const code = elements.find(isIdentifiant)?.valeur ?? '';
    return {
        code,
        title: protocole.titre ?? '',
        actes: elements.filter(isActe).map(acte => ({ name: acte.name, label: acte.libelle ?? acte.name })),
        indicators,
        financing: financingOf(elements.find(isModeleEconomique))
    };
}

export function activityMembers(data: TeamData): ActivityMember[] {
    return data.membres.map(member => ({
        key: member.rpps ?? `${member.nom} ${member.prenom}`,
        label: `${member.prenom} ${member.nom}`.trim(),
        ...(member.rpps ? { rpps: member.rpps } : {}),
        nom: member.nom,
        prenom: member.prenom,
        role: member.role,
        profession: member.profession,
        ...(member.engagement ? { engagement: member.engagement } : {})
    }));
}

