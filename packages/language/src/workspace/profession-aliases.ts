/**
 * How health professionals write their own profession, beside the catalogue's name (issue 11 §3):
 * feminine forms, the usual abbreviations and short names. Each alias is another name of the
 * catalogue profession: `délégué ide : infirmière` links to `infirmier` exactly as
 * `délégué ide : infirmier` does (references/coop-scope-computation.ts exports them), completion
 * offers them with the profession they stand for, and hover shows that profession.
 *
 * Data, not code: add a line to accept a new form. An alias is an ID (letters, digits, hyphens)
 * and names one profession only. An abbreviation is also accepted in lower case (« ide », « mg »);
 * an accent-free spelling of an alias is not (« infirmiere » stays unknown, and the suggestion
 * names the catalogue profession, « infirmier »).
 */
export const PROFESSION_ALIASES: Readonly<Record<string, readonly string[]>> = {
    'conseiller-en-génétique': ['conseillère-en-génétique'],
    'médecin': ['MG', 'généraliste', 'médecin-généraliste'],
    'chirurgien-dentiste': ['chirurgienne-dentiste', 'dentiste'],
    'sage-femme': ['maïeuticien', 'maïeuticienne'],
    'pharmacien': ['pharmacienne', 'pharmacien-d-officine', 'pharmacienne-d-officine'],
    'préparateur-en-pharmacie': ['préparatrice-en-pharmacie'],
    'préparateur-en-pharmacie-hospitalière': ['préparatrice-en-pharmacie-hospitalière'],
    'physicien-médical': ['physicienne-médicale'],
    'auxiliaire-médical-en-pratique-avancée': ['IPA'],
    'infirmier': ['infirmière', 'IDE', 'IDEL'],
    'masseur-kinésithérapeute': ['masseuse-kinésithérapeute', 'kinésithérapeute', 'kiné', 'MK'],
    'pédicure-podologue': ['podologue'],
    'psychomotricien': ['psychomotricienne'],
    'manipulateur-électroradiologie': ['manipulatrice-électroradiologie', 'MERM', 'manipulateur-radio', 'manipulatrice-radio'],
    'technicien-de-laboratoire': ['technicienne-de-laboratoire'],
    'opticien-lunetier': ['opticienne-lunetière', 'opticien', 'opticienne'],
    'diététicien': ['diététicienne'],
    'aide-soignant': ['aide-soignante', 'AS'],
    'ambulancier': ['ambulancière'],
    'assistant-dentaire': ['assistante-dentaire']
};

/** Alias → catalogue name, for every alias as written, and without accents in lower case. */
const BY_ALIAS: ReadonlyMap<string, string> = new Map(Object.entries(PROFESSION_ALIASES).flatMap(([name, aliases]) =>
    aliases.flatMap(alias => [[alias, name], [alias.toLowerCase(), name]] as Array<[string, string]>)));

/** The names `profession` (a catalogue name) is also known by: as written, then abbreviations in lower case. */
export function aliasesOf(profession: string): string[] {
    const aliases = PROFESSION_ALIASES[profession] ?? [];
    return [...new Set([...aliases, ...aliases.map(alias => alias.toLowerCase())])];
}

/** The catalogue name `alias` stands for (`infirmière` → `infirmier`), if it is an alias. */
export function professionOfAlias(alias: string | undefined): string | undefined {
    return alias === undefined ? undefined : BY_ALIAS.get(alias);
}
