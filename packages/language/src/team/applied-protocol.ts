import { AstUtils, type LangiumDocuments } from 'langium';
import {
    isCatalogue, isProtocole, type Equipe, type MembreEquipe, type Periodicite, type Protocole, type ProtocoleNational
} from '../generated/ast.js';
import { protocolModel } from '../model/protocol-model.js';
import { fold } from '../model/text.js';
import { isBuiltinUri } from '../workspace/catalogue.js';

/** One training of the applied protocol, as a team file cites it (`formation f-ide le …`). */
export interface AppliedTraining {
    readonly name: string;
    readonly label: string;
    /** Professions it is for (empty: every délégué). */
    readonly professions: ReadonlySet<string>;
    /** Maintenance period in months, when the protocol sets one. */
    readonly maintenanceMonths?: number;
}

/** A transfer of a profession's part of a national protocol to ordinary law. */
export interface OrdinaryLawTransfer {
    readonly profession: string;
    readonly date: string;
    readonly detail?: string;
}

/**
 * What a team file needs to know of the protocol it applies, the same for a national catalogue
 * entry and a local protocol of the workspace.
 */
export interface AppliedProtocol {
    readonly kind: 'national' | 'local';
    /** Catalogue name (`cystite`) or identifiant (`PCL-CH-INSULINE`). */
    readonly code: string;
    readonly title: string;
    readonly delegants: ReadonlySet<string>;
    readonly delegues: ReadonlySet<string>;
    /** Settings it allows; `undefined` when the source does not say. */
    readonly settings?: ReadonlyArray<{ value: string; since?: string; until?: string }>;
    readonly trainings: readonly AppliedTraining[];
    readonly transfers: readonly OrdinaryLawTransfer[];
    /** Earliest date it exists from (first arrêté or JO, or the local protocol's date). */
    readonly since?: string;
    /** State of the whole protocol (`abrogé`, `droit-commun`, `remplacé` …) and its date. */
    readonly state?: { value: string; since?: string };
    /** The entities that wrote a local protocol (its `promoteur` entries). */
    readonly promoters: readonly string[];
    readonly node: Protocole | ProtocoleNational;
}

/** Months of a maintenance period (`annuelle`, `tous les 12 mois`); `undefined` when not convertible. */
export function periodInMonths(periode: Periodicite | undefined): number | undefined {
    if (!periode) return undefined;
    const named: Record<string, number> = { annuelle: 12, semestrielle: 6, trimestrielle: 3, mensuelle: 1, hebdomadaire: 12 / 52 };
    if (periode.valeur) return named[periode.valeur];
    const duree = periode.intervalle;
    if (!duree || !Number.isFinite(duree.valeur)) return undefined;
    const unit = fold(duree.unite ?? '');
    if (unit.startsWith('mois')) return duree.valeur;
    if (unit === 'an' || unit === 'ans' || unit.startsWith('annee')) return duree.valeur * 12;
    if (unit.startsWith('semaine')) return (duree.valeur * 12) / 52;
    if (unit === 'j' || unit.startsWith('jour')) return (duree.valeur * 12) / 365;
    return undefined;
}

/**
 * The national protocols of the catalogue: the built-in entries, overridden (same name, any
 * case or accents) or completed by the `catalogue` files of the workspace.
 */
export function nationalProtocols(documents: LangiumDocuments): Map<string, ProtocoleNational> {
    const builtin = new Map<string, ProtocoleNational>();
    const user = new Map<string, ProtocoleNational>();
    for (const document of documents.all) {
        const root = document.parseResult.value;
        if (!isCatalogue(root)) continue;
        const target = isBuiltinUri(document.uri) ? builtin : user;
        for (const entry of root.protocoles) if (entry.name) target.set(fold(entry.name), entry);
    }
    return new Map([...builtin, ...user]);
}

/** The local protocols of the workspace by identifiant (folded). */
export function workspaceProtocols(documents: LangiumDocuments): Map<string, Protocole> {
    const result = new Map<string, Protocole>();
    for (const document of documents.all) {
        const root = document.parseResult.value;
        if (!isProtocole(root)) continue;
        const code = protocolModel(root).first('Identifiant')?.valeur;
        if (code && !result.has(fold(code))) result.set(fold(code), root);
    }
    return result;
}

function fromNational(entry: ProtocoleNational): AppliedProtocol {
    const professions = (role: string) => new Set(entry.intervenants.filter(group => group.role === role)
        .flatMap(group => group.professions.map(reference => reference.ref?.name ?? reference.$refText)));
    const dates = entry.versions.flatMap(version => [version.arrete, version.jo]).filter((date): date is string => Boolean(date)).sort();
    const etat = entry.etats.at(-1);
    return {
        kind: 'national',
        code: entry.name,
        title: entry.titre,
        delegants: professions('délégant'),
        delegues: professions('délégué'),
        settings: entry.cadres.length > 0
            ? entry.cadres.flatMap(cadre => cadre.valeurs.map(value => ({ value, since: cadre.depuis, until: cadre.jusquau })))
            : undefined,
        trainings: entry.formations.map(formation => ({
            name: formation.name,
            label: formation.libelle,
            professions: new Set(formation.professions.map(reference => reference.ref?.name ?? reference.$refText)),
            maintenanceMonths: periodInMonths(formation.periodiciteMaintien)
        })),
        transfers: entry.transferts.map(transfert => ({ profession: transfert.profession.ref?.name ?? transfert.profession.$refText, date: transfert.date, detail: transfert.detail })),
        since: dates[0],
        state: etat ? { value: etat.valeur, since: etat.depuis } : undefined,
        promoters: [],
        node: entry
    };
}

function fromLocal(protocole: Protocole): AppliedProtocol {
    const model = protocolModel(protocole);
    const delegants = new Set(model.all('Delegant').map(d => d.profession?.ref?.name ?? d.profession?.$refText).filter((name): name is string => Boolean(name)));
    const delegues = new Set(model.all('Delegue').map(d => d.profession?.ref?.name ?? d.profession?.$refText).filter((name): name is string => Boolean(name)));
    const statut = model.first('Statut')?.valeur;
    return {
        kind: 'local',
        code: model.first('Identifiant')?.valeur ?? '',
        title: protocole.titre,
        delegants,
        delegues,
        settings: model.cadres.length > 0 ? model.cadres.map(value => ({ value })) : undefined,
        trainings: model.all('Formation').map(formation => ({
            name: formation.name,
            label: formation.name,
            professions: new Set(formation.delegues.map(reference => reference.ref?.profession?.ref?.name).filter((name): name is string => Boolean(name))),
            maintenanceMonths: periodInMonths(formation.periodiciteMaintien)
        })),
        transfers: [],
        since: model.first('DateProtocole')?.valeur,
        state: statut === 'abrogé' || statut === 'suspendu' ? { value: statut } : undefined,
        promoters: model.all('Promoteurs').flatMap(block => block.membres).filter(membre => membre.role === 'promoteur').map(membre => membre.nom),
        node: protocole
    };
}

/**
 * The protocol a team file applies: a national entry of the catalogue by its name (`cystite`), or
 * a local protocol of the workspace by its identifiant (`PCL-CH-INSULINE`). The national entry wins
 * when both exist under the same code.
 */
export function appliedProtocol(equipe: Equipe, documents: LangiumDocuments): AppliedProtocol | undefined {
    return equipe.protocole ? resolveProtocol(equipe.protocole, documents) : undefined;
}

/** A protocol by code: a national catalogue entry (`cystite`) or a local identifiant, national first. */
export function resolveProtocol(code: string, documents: LangiumDocuments): AppliedProtocol | undefined {
    const folded = fold(code);
    const national = nationalProtocols(documents).get(folded);
    if (national) return fromNational(national);
    const local = workspaceProtocols(documents).get(folded);
    return local ? fromLocal(local) : undefined;
}

/** Every protocol a team can apply: the national catalogue, then the local protocols of the workspace. */
export function applicableProtocols(documents: LangiumDocuments): AppliedProtocol[] {
    return [...[...nationalProtocols(documents).values()].map(fromNational), ...[...workspaceProtocols(documents).values()].map(fromLocal)];
}

/** The team a member belongs to. */
export function teamOf(membre: MembreEquipe): Equipe {
    return AstUtils.getContainerOfType(membre, (node): node is Equipe => node.$type === 'Equipe')!;
}
