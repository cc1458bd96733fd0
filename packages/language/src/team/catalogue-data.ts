import { AstUtils, type LangiumDocuments } from 'langium';
import type { ProtocoleNational } from '../generated/ast.js';
import type { LocaleSetting } from '../i18n/locale.js';
import { isBuiltinUri } from '../workspace/catalogue.js';
import { nationalProtocols } from './applied-protocol.js';

/** Where a fact comes from and how sure it is (`vérifié`, `rappel`, `déduit`). */
export interface Provenance {
    source?: string;
    reliability?: string;
}

/** One national protocol of the catalogue as plain data (`coop catalogue -f json`, hover). */
export interface CatalogueEntry {
    name: string;
    title: string;
    shortName?: string;
    /** `intégré` (shipped with the tool) or the URI of the workspace file that adds or overrides it. */
    origin: string;
    state?: { value: string; since?: string } & Provenance;
    versions: Array<{ label: string; arrete?: string; jo?: string; replaces?: string } & Provenance>;
    delegants: Array<{ professions: string[] } & Provenance>;
    delegues: Array<{ professions: string[] } & Provenance>;
    settings: Array<{ values: string[]; since?: string; until?: string } & Provenance>;
    financing: Array<{ description: string } & Provenance>;
    ordinaryLaw: Array<{ profession: string; since: string; detail?: string } & Provenance>;
    trainings: Array<{ name: string; label: string; professions: string[]; maintenance?: string } & Provenance>;
}

const provenance = (node: { source?: string; fiabilite?: string }): Provenance => ({
    ...(node.source !== undefined ? { source: node.source } : {}),
    ...(node.fiabilite !== undefined ? { reliability: node.fiabilite } : {})
});

export function catalogueEntry(entry: ProtocoleNational): CatalogueEntry {
    const uri = AstUtils.getDocument(entry).uri;
    const etat = entry.etats.at(-1);
    const professions = (refs: ReadonlyArray<{ ref?: { name: string }; $refText: string }>) => refs.map(ref => ref.ref?.name ?? ref.$refText);
    return {
        name: entry.name,
        title: entry.titre,
        ...(entry.nomCourt ? { shortName: entry.nomCourt } : {}),
        origin: isBuiltinUri(uri) ? 'intégré' : uri.toString(),
        ...(etat ? { state: { value: etat.valeur, ...(etat.depuis ? { since: etat.depuis } : {}), ...provenance(etat) } } : {}),
        versions: entry.versions.map(version => ({
            label: version.libelle,
            ...(version.arrete ? { arrete: version.arrete } : {}),
            ...(version.jo ? { jo: version.jo } : {}),
            ...(version.remplace ? { replaces: version.remplace } : {}),
            ...provenance(version)
        })),
        delegants: entry.intervenants.filter(group => group.role === 'délégant').map(group => ({ professions: professions(group.professions), ...provenance(group) })),
        delegues: entry.intervenants.filter(group => group.role === 'délégué').map(group => ({ professions: professions(group.professions), ...provenance(group) })),
        settings: entry.cadres.map(cadre => ({ values: [...cadre.valeurs], ...(cadre.depuis ? { since: cadre.depuis } : {}), ...(cadre.jusquau ? { until: cadre.jusquau } : {}), ...provenance(cadre) })),
        financing: entry.financements.map(financement => ({ description: financement.description, ...provenance(financement) })),
        ordinaryLaw: entry.transferts.map(transfert => ({
            profession: transfert.profession?.ref?.name ?? transfert.profession?.$refText ?? '', since: transfert.date,
            ...(transfert.detail ? { detail: transfert.detail } : {}), ...provenance(transfert)
        })),
        trainings: entry.formations.map(formation => ({
            name: formation.name, label: formation.libelle, professions: professions(formation.professions),
            ...(formation.periodiciteMaintien?.valeur ? { maintenance: formation.periodiciteMaintien.valeur } : {}),
            ...(formation.periodiciteMaintien?.intervalle ? { maintenance: `tous les ${formation.periodiciteMaintien.intervalle.valeur} ${formation.periodiciteMaintien.intervalle.unite}` } : {}),
            ...provenance(formation)
        }))
    };
}

/** Every national protocol of the catalogue (built-in entries, then the workspace's additions), by name. */
export function catalogueEntries(documents: LangiumDocuments): CatalogueEntry[] {
    return [...nationalProtocols(documents).values()].map(catalogueEntry).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

const STATES: Record<string, { fr: string; en: string }> = {
    'en-vigueur': { fr: 'en vigueur', en: 'in force' },
    'remplacé': { fr: 'remplacé', en: 'replaced' },
    'abrogé': { fr: 'abrogé', en: 'repealed' },
    'droit-commun': { fr: 'passé dans le droit commun', en: 'transferred to ordinary law' }
};

export function stateLabel(value: string | undefined, locale: LocaleSetting): string {
    return value ? locale.pick(STATES[value] ?? { fr: value, en: value }) : locale.pick({ fr: 'état non renseigné', en: 'state not given' });
}

/** A few lines of Markdown describing an entry (hover, preview). */
export function entryMarkdown(entry: CatalogueEntry, locale: LocaleSetting): string {
    const t = (fr: string, en: string) => locale.pick({ fr, en });
    const tag = (p: Provenance) => (p.source ? ` *(${p.source}${p.reliability ? ` — ${p.reliability}` : ''})*` : '');
    const lines = [
        `**${entry.title}** — ${t('protocole national', 'national protocol')} \`${entry.name}\`${entry.origin === 'intégré' ? '' : t(' (ajouté par l\'espace de travail)', ' (added by the workspace)')}`,
        `${t('État', 'State')} : ${stateLabel(entry.state?.value, locale)}${entry.state?.since ? ` ${t('depuis le', 'since')} ${entry.state.since}` : ''}`
    ];
    for (const version of entry.versions) {
        lines.push(`- ${t('Version', 'Version')} ${version.label}${version.arrete ? ` : ${t('arrêté du', 'arrêté of')} ${version.arrete}` : ''}${version.jo ? ` (JO ${version.jo})` : ''}${version.replaces ? ` — ${t('remplace', 'replaces')} ${version.replaces}` : ''}${tag(version)}`);
    }
    const delegants = entry.delegants.flatMap(group => group.professions);
    const delegues = entry.delegues.flatMap(group => group.professions);
    if (delegants.length > 0 || delegues.length > 0) lines.push(`- ${delegants.join(', ') || '?'} → ${delegues.join(', ') || '?'}`);
    for (const setting of entry.settings) lines.push(`- ${t('Cadre', 'Setting')} : ${setting.values.join(', ')}${setting.since ? ` ${t('depuis le', 'since')} ${setting.since}` : ''}${setting.until ? ` ${t('jusqu\'au', 'until')} ${setting.until}` : ''}${tag(setting)}`);
    for (const item of entry.financing) lines.push(`- ${t('Financement', 'Financing')} : ${item.description}${tag(item)}`);
    for (const item of entry.ordinaryLaw) lines.push(`- ${t('Droit commun pour', 'Ordinary law for')} ${item.profession} ${t('depuis le', 'since')} ${item.since}${item.detail ? ` — ${item.detail}` : ''}${tag(item)}`);
    return lines.join('\n');
}
