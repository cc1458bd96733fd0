// The file name proposed when a new protocol is saved: taken from its title, never from its first
// line of code (VS Code names an untitled buffer after its first line: `protocole "Titre" {.coop`).
// No `vscode` import: unit-tested on its own (test/unit/file-name.test.ts).

/** Longest proposed name, without `.coop`. */
const MAX_LENGTH = 60;

/** The title of the protocol (or of the team, the library) written in `text`, if any. */
export function titleOf(text: string): string | undefined {
    const withoutComments = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ');
    const match = /^\s*(?:protocole|équipe|equipe|bibliothèque|bibliotheque)\s+"([^"\n]*)"/iu.exec(withoutComments);
    const title = match?.[1]?.trim();
    return title ? title : undefined;
}

/**
 * « Cystite simple de la femme (18-65 ans) » → `cystite-simple-de-la-femme-18-65-ans.coop`: lower
 * case, no accents, words joined by hyphens, at most 60 characters cut at a word. Without a title,
 * `nouveau-protocole.coop`.
 */
export function protocolFileName(text: string): string {
    const title = titleOf(text);
    const slug = (title ?? '')
        .normalize('NFD').replace(/\p{Diacritic}/gu, '')
        .replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    let name = slug;
    if (name.length > MAX_LENGTH) {
        name = name.slice(0, MAX_LENGTH + 1);
        const cut = name.lastIndexOf('-');
        name = (cut > 20 ? name.slice(0, cut) : name.slice(0, MAX_LENGTH)).replace(/-+$/, '');
    }
    return `${name || 'nouveau-protocole'}.coop`;
}
