import type { Locale } from '../i18n/locale.js';
import type { DocumentModel } from './model-types.js';

/**
 * A document that is not a protocol's dossier (`layout: 'form'`: the team's documents to sign, the
 * team preview, the yearly report): its title, header and sections; no conformity matrix, no
 * banner, no dossier signature block, no closing words. The renderers lay it out as any other.
 */
export function formDocument(parts: Pick<DocumentModel, 'title' | 'meta' | 'header' | 'sections'> & { locale: Locale }): DocumentModel {
    return {
        locale: parts.locale,
        layout: 'form',
        title: parts.title,
        line: 0,
        meta: parts.meta,
        header: parts.header,
        conformity: { title: '', intro: '', label: '', met: 0, total: 0, suppressed: 0, rows: [], line: 0, notes: [] },
        sections: parts.sections,
        suppressions: [],
        diagnostics: { errors: 0, warnings: 0, infos: 0, syntaxErrors: 0, all: [] },
        banners: [],
        signatures: { title: '', intro: '', signatories: [] },
        closing: '',
        disposition: 'exigences',
        withLines: false
    };
}
