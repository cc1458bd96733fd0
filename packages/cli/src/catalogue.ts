import { resolve } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { catalogueEntries, createCoopServices, loadAndValidate, stateLabel, type CatalogueEntry, type LocaleSetting } from 'coop-language';
import { collectCoopFiles } from './collect-files.js';
import { readCoopFile } from './read-input.js';

export interface CatalogueOptions {
    format: 'stylish' | 'json';
}

/**
 * `coop catalogue [chemins…]`: the national protocols of the catalogue — the built-in entries,
 * overridden or completed by the `catalogue` files found under the paths — as text or JSON.
 */
export async function catalogueCommand(paths: string[], options: CatalogueOptions, locale: LocaleSetting, cwd = process.cwd()): Promise<string> {
    const services = createCoopServices(NodeFileSystem);
    const files = paths.length > 0 ? await collectCoopFiles(paths, locale, { cwd }) : [];
    const inputs: Array<{ uri: URI; text: string }> = [];
    for (const file of files) {
        const text = await readCoopFile(file, file, locale);
        if (/(?:^|\n)\s*catalogue\s*\{/u.test(text)) inputs.push({ uri: URI.file(resolve(cwd, file)), text });
    }
    // Only real catalogue files contribute entries (catalogueEntries reads Catalogue roots).
    await loadAndValidate(services.shared, inputs);
    const entries = catalogueEntries(services.shared.workspace.LangiumDocuments);
    return options.format === 'json' ? JSON.stringify({ protocoles: entries }, null, 2) + '\n' : stylish(entries, locale);
}

function stylish(entries: CatalogueEntry[], locale: LocaleSetting): string {
    const t = (fr: string, en: string) => locale.pick({ fr, en });
    const date = (iso: string | undefined) => (iso && locale.current === 'fr' ? iso.split('-').reverse().join('/') : iso ?? '');
    const lines: string[] = [];
    for (const entry of entries) {
        const delegants = entry.delegants.flatMap(group => group.professions).join(', ') || '?';
        const delegues = entry.delegues.flatMap(group => group.professions).join(', ') || '?';
        lines.push(`${entry.name}  ${entry.title}`);
        lines.push(`    ${t('état', 'state')} : ${stateLabel(entry.state?.value, locale)}${entry.origin === 'intégré' ? '' : `  (${t('ajouté par', 'added by')} ${URI.parse(entry.origin).fsPath})`}`);
        lines.push(`    ${delegants} → ${delegues}`);
        for (const version of entry.versions) {
            const texts = [version.arrete && `${t('arrêté du', 'arrêté of')} ${date(version.arrete)}`, version.jo && `JO ${date(version.jo)}`, version.replaces && `${t('succède à', 'replaces')} ${version.replaces}`].filter(Boolean).join(', ');
            lines.push(`    version ${version.label}${texts ? ` : ${texts}` : ''}  [${version.reliability ?? '?'}]`);
        }
        for (const setting of entry.settings) {
            lines.push(`    ${t('cadre', 'setting')} ${setting.values.join(', ')}${setting.since ? ` ${t('depuis le', 'since')} ${date(setting.since)}` : ''}${setting.until ? ` ${t('jusqu\'au', 'until')} ${date(setting.until)}` : ''}  [${setting.reliability ?? '?'}]`);
        }
        for (const item of entry.financing) lines.push(`    ${t('financement', 'financing')} : ${item.description}  [${item.reliability ?? '?'}]`);
        for (const item of entry.ordinaryLaw) lines.push(`    ${t('droit commun', 'ordinary law')} : ${item.profession} ${t('depuis le', 'since')} ${date(item.since)}  [${item.reliability ?? '?'}]`);
        lines.push('');
    }
    lines.push(t(`${entries.length} protocole(s) national(aux). Sources et fiabilité de chaque fait : coop catalogue -f json.`, `${entries.length} national protocol(s). Source and reliability of each fact: coop catalogue -f json.`));
    return lines.join('\n') + '\n';
}
