/**
 * Skeleton texts are LSP snippets (`${1:texte}` placeholders); lines are relative to the section's
 * indentation and `\t` is one indentation level. The section skeletons live in model/node-kinds.ts.
 */

/** Indicator skeletons for each mandatory indicator (quick fix of indicateur-*-absent). */
export const MANDATORY_INDICATOR_SKELETONS: Record<string, string> = {
    patients: 'indicateur nb-patients "Nombre de patients pris en charge" {\n\texigence patients\n\tnature nombre\n\tpériodicité annuelle\n}',
    reprise: 'indicateur reprise "Taux de reprise par le délégant" {\n\texigence reprise\n\tnature taux\n\tnumérateur "Actes réalisés par le délégant à la demande du délégué"\n\tdénominateur "Actes réalisés par le délégué"\n\tpériodicité annuelle\n}',
    'événements-indésirables': 'indicateur ei "Nature et taux des événements indésirables" {\n\texigence événements-indésirables\n\tnature taux\n\tnumérateur "Événements indésirables déclarés"\n\tdénominateur "Actes réalisés par le délégué"\n\tpériodicité annuelle\n}',
    'satisfaction-professionnels': 'indicateur satisfaction "Taux de satisfaction des professionnels" {\n\texigence satisfaction-professionnels\n\tnature taux\n\tnumérateur "Professionnels satisfaits ou très satisfaits"\n\tdénominateur "Professionnels ayant répondu au questionnaire"\n\tpériodicité annuelle\n}'
};

/** A snippet as plain text: placeholders replaced by their default (first choice for `${1|a,b|}`). */
export function toPlainText(snippet: string): string {
    // A bare `${16}` or `$16` mirrors the default of tabstop 16 given elsewhere in the snippet.
    const defaults = new Map<string, string>();
    for (const match of snippet.matchAll(/\$\{(\d+)(?:\|([^,|}]*)[^}]*|:([^}]*))\}/g)) defaults.set(match[1], match[2] ?? match[3] ?? '');
    return snippet
        .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{(\d+)\}|\$(\d+)/g, (_, braced: string | undefined, bare: string | undefined) => defaults.get(braced ?? bare ?? '') ?? '');
}

/** Re-indents a skeleton (tabs = levels) with the given indentation unit and base indentation. */
export function indentSkeleton(text: string, base: string, unit = '    '): string {
    return text.split('\n').map(line => {
        const tabs = /^\t*/.exec(line)![0].length;
        return base + unit.repeat(tabs) + line.slice(tabs);
    }).join('\n');
}
