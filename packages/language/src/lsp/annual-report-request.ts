// `coop/annualReport` as a plain function (registered in server-setup.ts): a validated protocol
// document, the journal's text, the period → the yearly report as HTML and the journal's issues
// (the editor shows them in the Problems panel). Same computation as `coop rapport`.
import { URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { activityMembers, activityProtocol } from '../activity/protocol-info.js';
import { computeReport, JournalRefused, parsePeriod } from '../activity/journal.js';
import type { JournalIssue } from '../activity/activity-types.js';
import { buildActivityReportModel } from '../activity/report-model.js';
import type { CoopServices } from '../coop-module.js';
import { isEquipe, isProtocole } from '../generated/ast.js';
import type { AnnualReportIssue, AnnualReportParams, AnnualReportResult } from '../protocol/annual-report-protocol.js';
import { renderHtml } from '../render/index.js';
import { teamData } from '../team/team-data.js';
import { CoopRequestFailure } from './coop-requests.js';

export async function annualReportOf(document: LangiumDocument, services: CoopServices, shared: LangiumSharedCoreServices, params: AnnualReportParams): Promise<AnnualReportResult | null> {
    const root = document.parseResult.value;
    if (!isProtocole(root)) return null;
    const locale = services.i18n.Locale;
    const period = parsePeriod(params.period);
    if (!period) {
        throw new CoopRequestFailure(locale.pick({
            fr: `Période « ${params.period} » illisible : attendu une année (2025), un mois (2025-03) ou aaaa-mm-jj..aaaa-mm-jj.`,
            en: `Unreadable period « ${params.period} »: expected a year (2025), a month (2025-03) or yyyy-mm-dd..yyyy-mm-dd.`
        }));
    }
    let members;
    if (params.team) {
        const documents = shared.workspace.LangiumDocuments;
        const teamDocument = documents.getDocument(URI.parse(params.team));
        const equipe = teamDocument?.parseResult.value;
        if (!teamDocument || !isEquipe(equipe)) {
            throw new CoopRequestFailure(locale.pick({ fr: 'Le fichier d\'équipe choisi n\'est pas un fichier d\'équipe ouvert dans l\'espace de travail (« équipe "…" applique … »).', en: 'The team file chosen is not a team file of the workspace (« équipe "…" applique … »).' }));
        }
        members = { name: params.team.split('/').pop() ?? params.team, members: activityMembers(teamData(equipe, documents)) };
    }
    const toIssue = (issue: JournalIssue): AnnualReportIssue => ({ file: issue.file, line: issue.line, code: issue.code, severity: issue.severity, message: locale.pick(issue.message) });
    try {
        const report = await computeReport({
            protocol: activityProtocol(root), period,
            journal: { name: params.journal.name, chunks: [params.journal.text] },
            ...(params.satisfaction ? { satisfaction: { name: params.satisfaction.name, chunks: [params.satisfaction.text] } } : {}),
            ...(members ? { team: members } : {})
        });
        const model = buildActivityReportModel(report, locale.current);
        return {
            html: renderHtml(model, { nonce: params.nonce, cspSource: params.cspSource }),
            title: model.title,
            issues: report.issues.map(toIssue),
            alerts: report.alerts,
            refused: false,
            rows: report.rows
        };
    } catch (error) {
        if (error instanceof JournalRefused) return { title: root.titre ?? '', issues: error.issues.map(toIssue), alerts: [], refused: true };
        throw error;
    }
}
