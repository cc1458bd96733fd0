import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** The code a team file applies (`équipe "…" applique PCL-CH-INSULINE {`), read from its text. */
const APPLIES = /(?:^|\n)[ \t]*[ÉéEe]quipe\s+"(?:[^"\\]|\\.)*"\s+applique\s+(?:"([^"]+)"|([^\s{]+))/u;

export function appliedCode(text: string): string | undefined {
    const match = APPLIES.exec(text);
    return match ? (match[1] ?? match[2]) : undefined;
}

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function declares(text: string, code: string): boolean {
    const match = /(?:^|\s)identifiant\s+(?:"([^"]+)"|(\S+))/u.exec(text);
    const found = match ? (match[1] ?? match[2]) : undefined;
    return found !== undefined && fold(found) === fold(code);
}

export interface TextInput { path: string; shown: string; text: string }

/**
 * Team files apply a local protocol by its identifiant; the protocol must be in the same workspace.
 * Returns the indices of the inputs that are applied local protocols (every validation thread loads
 * them), and the files of a team file's folder that declare an applied protocol missing from the
 * inputs (loaded, never reported: `coop validate equipe.coop` alone).
 */
export async function teamCompanions(inputs: TextInput[]): Promise<{ applied: Set<number>; extra: TextInput[] }> {
    const applied = new Set<number>();
    const extra: TextInput[] = [];
    const wanted = new Map<string, string>();
    for (const input of inputs) {
        const code = appliedCode(input.text);
        if (code) wanted.set(fold(code), dirname(resolve(input.path)));
    }
    if (wanted.size === 0) return { applied, extra };
    for (const [code, folder] of wanted) {
        const index = inputs.findIndex(input => declares(input.text, code));
        if (index >= 0) {
            applied.add(index);
            continue;
        }
        const names = await readdir(folder).catch(() => [] as string[]);
        for (const name of names.filter(file => file.endsWith('.coop')).sort()) {
            const path = join(folder, name);
            if (inputs.some(input => resolve(input.path) === path) || extra.some(input => input.path === path)) continue;
            const text = await readFile(path, 'utf8').catch(() => undefined);
            if (text !== undefined && declares(text, code)) {
                extra.push({ path, shown: path, text });
                break;
            }
        }
    }
    return { applied, extra };
}
