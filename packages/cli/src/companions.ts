import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fold } from 'coop-language';

/**
 * Files that name a protocol of the workspace by its identifiant: a team file applies one
 * (`équipe "…" applique PCL-CH-INSULINE {`), a case file plays its cases on one
 * (`cas "…" pour PC-ODYNOPHAGIE {`). The protocol is read from the text, before parsing, so that the
 * CLI can load it with the file (and in every validation thread).
 */
const APPLIES = /(?:^|\n)[ \t]*[ÉéEe]quipe\s+"(?:[^"\\]|\\.)*"\s+applique\s+(?:"([^"]+)"|([^\s{]+))/u;
const PLAYS_ON = /(?:^|\n)[ \t]*cas\s+"(?:[^"\\]|\\.)*"\s+pour\s+(?:"([^"]+)"|([^\s{]+))/giu;

/** The code a team file applies, if it is one. */
export function appliedCode(text: string): string | undefined {
    const match = APPLIES.exec(text);
    return match ? (match[1] ?? match[2]) : undefined;
}

/** The codes of the protocols the cases of a file are played on. */
export function caseProtocolCodes(text: string): string[] {
    return [...text.matchAll(PLAYS_ON)].map(match => match[1] ?? match[2]);
}

function declares(text: string, code: string): boolean {
    const match = /(?:^|\s)identifiant\s+(?:"([^"]+)"|(\S+))/u.exec(text);
    const found = match ? (match[1] ?? match[2]) : undefined;
    return found !== undefined && fold(found) === fold(code);
}

export interface TextInput { path: string; shown: string; text: string }

/**
 * Returns the indices of the inputs that are protocols named by another input (every validation
 * thread loads them), and, for a protocol missing from the inputs, the file that declares it (loaded,
 * never reported: `coop validate equipe.coop` or `coop test cas/` alone). A team file's protocol is
 * looked for in the team file's folder; a case file's in its folder and the folder above
 * (`examples/cas/` next to `examples/`).
 */
export async function protocolCompanions(inputs: TextInput[]): Promise<{ applied: Set<number>; extra: TextInput[] }> {
    const applied = new Set<number>();
    const extra: TextInput[] = [];
    const wanted = new Map<string, string[]>();
    const want = (code: string, folders: string[]) => {
        const known = wanted.get(fold(code)) ?? [];
        wanted.set(fold(code), [...known, ...folders.filter(folder => !known.includes(folder))]);
    };
    for (const input of inputs) {
        const folder = dirname(resolve(input.path));
        const code = appliedCode(input.text);
        if (code) want(code, [folder]);
        for (const played of caseProtocolCodes(input.text)) want(played, [folder, dirname(folder)]);
    }
    for (const [code, folders] of wanted) {
        const index = inputs.findIndex(input => declares(input.text, code));
        if (index >= 0) {
            applied.add(index);
            continue;
        }
        if (extra.some(input => declares(input.text, code))) continue;
        const found = await findDeclaring(code, folders, inputs, extra);
        if (found) extra.push(found);
    }
    return { applied, extra };
}

async function findDeclaring(code: string, folders: string[], inputs: TextInput[], extra: TextInput[]): Promise<TextInput | undefined> {
    for (const folder of folders) {
        const names = await readdir(folder).catch(() => [] as string[]);
        for (const name of names.filter(file => file.endsWith('.coop')).sort()) {
            const path = join(folder, name);
            if (inputs.some(input => resolve(input.path) === path) || extra.some(input => input.path === path)) continue;
            const text = await readFile(path, 'utf8').catch(() => undefined);
            if (text !== undefined && declares(text, code)) return { path, shown: path, text };
        }
    }
    return undefined;
}
