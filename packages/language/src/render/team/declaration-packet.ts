import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../i18n/locale.js';
import type { TeamData } from '../../team/team-data.js';
import { renderDocx } from '../docx.js';
import { documentDate, renderPdf } from '../pdf.js';
import { buildTeamDocuments, declarationRows, DECLARATION_COLUMNS } from './team-documents.js';

/** One file of the declaration packet: its path inside the packet's folder, and its content. */
export interface PacketFile {
    path: string;
    data: Uint8Array;
}

const encoder = new TextEncoder();

/**
 * The declaration packet of a team (issue 12 §5), as files: `declaration.csv` (header row, « ; »,
 * UTF-8 with BOM for spreadsheets) and `declaration.json` in the order of the online form, then in
 * `documents/` one PDF and one DOCX per member to sign and the legal representative's statements.
 * The same data always gives the same bytes. The CLI (`coop declaration`) and the language server
 * (`coop/declaration`, from the preview of a team file) both write these.
 */
export async function declarationPacket(data: TeamData, locale: Locale = 'fr'): Promise<PacketFile[]> {
    const pick = <T>(text: { fr: T; en: T }) => text[locale];
    const columns = DECLARATION_COLUMNS.map(column => ({ key: column.key, header: pick(column.label) }));
    const csv = '\ufeff' + stringify(declarationRows(data), { header: true, columns, delimiter: ';', record_delimiter: '\r\n' });
    const json = {
        formulaire: pick({ fr: 'Déclaration – modification d\'équipe (protocole de coopération)', en: 'Team declaration – change (cooperation protocol)' }),
        protocole: data.protocole,
        structure: data.structure ?? null,
        referent: data.referent ?? null,
        representant: data.representant ?? null,
        debut: data.debut ?? null,
        professionnels: data.membres.map(({ line: _line, endLine: _endLine, ...member }) => member),
        attestations: data.attestations
    };
    const files: PacketFile[] = [
        { path: 'declaration.csv', data: encoder.encode(csv) },
        { path: 'declaration.json', data: encoder.encode(JSON.stringify(json, null, 2) + '\n') }
    ];
    for (const document of buildTeamDocuments(data, locale)) {
        const date = documentDate(document.model);
        files.push({ path: `documents/${document.name}.pdf`, data: await renderPdf(document.model, { date }) });
        files.push({ path: `documents/${document.name}.docx`, data: await renderDocx(document.model, { date }) });
    }
    return files;
}

/** How many documents to sign a packet holds (a PDF and a DOCX each). */
export function documentsToSign(files: readonly PacketFile[]): number {
    return files.filter(file => file.path.endsWith('.pdf')).length;
}
