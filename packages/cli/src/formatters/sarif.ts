import { diagnosticRegistry, documentationUrl, type LocaleSetting } from 'coop-language';
import { fingerprint } from '../fingerprint.js';
import type { ReportDiagnostic, ValidationReport } from '../report.js';

declare const COOP_VERSION: string | undefined;

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0 (validated against the OASIS schema in test/sarif.test.ts): every rule of the
 * catalogue in `tool.driver.rules` with its documentation link and legal basis; ignored findings
 * are kept as results with an in-source suppression and its justification.
 */
export function formatSarif(report: ValidationReport, locale: LocaleSetting): string {
    const definitions = [...diagnosticRegistry.values()];
    const ruleIndex = new Map(definitions.map((definition, index) => [definition.code, index]));
    const rules = definitions.map(definition => ({
        id: definition.code,
        name: definition.code,
        shortDescription: { text: locale.pick(definition.title) },
        fullDescription: { text: locale.pick(definition.rationale) },
        help: { text: locale.pick(definition.fix) },
        helpUri: documentationUrl(definition.code),
        defaultConfiguration: { level: LEVEL[definition.severity] },
        properties: {
            category: definition.category,
            ...(definition.legalBasis ? { legalBasis: definition.legalBasis } : {}),
            ...(definition.requirement ? { requirement: definition.requirement } : {}),
            basis: definition.basis
        }
    }));
    const result = (path: string, diagnostic: ReportDiagnostic, justification?: string) => ({
        ruleId: diagnostic.code,
        ...(ruleIndex.has(diagnostic.code) ? { ruleIndex: ruleIndex.get(diagnostic.code) } : {}),
        level: LEVEL[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [{
            physicalLocation: {
                artifactLocation: { uri: encodeURI(path), uriBaseId: '%SRCROOT%' },
                region: {
                    startLine: diagnostic.range.start.line + 1,
                    startColumn: diagnostic.range.start.character + 1,
                    endLine: diagnostic.range.end.line + 1,
                    endColumn: diagnostic.range.end.character + 1
                }
            }
        }],
        // Stable when lines move (rule + element path + normalised message; see fingerprint.ts).
        partialFingerprints: { 'coop/v2': diagnostic.fingerprint ?? fingerprint(diagnostic.code, path, '', diagnostic.message) },
        ...(justification !== undefined ? { suppressions: [{ kind: 'inSource', justification }] } : {})
    });
    const sarif = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'coop',
                    version: typeof COOP_VERSION === 'string' ? COOP_VERSION : '0.0.0-dev',
                    informationUri: 'https://github.com/coop-protocoles/coop',
                    language: locale.current,
                    rules
                }
            },
            originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileUri(process.cwd()) } },
            artifacts: report.files.map(file => ({ location: { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' } })),
            results: report.files.flatMap(file => [
                ...file.diagnostics.map(diagnostic => result(file.path, diagnostic)),
                ...file.suppressed.map(diagnostic => result(file.path, diagnostic, diagnostic.justification))
            ])
        }]
    };
    return JSON.stringify(sarif, null, 2) + '\n';
}

function pathToFileUri(folder: string): string {
    const withSlash = folder.endsWith('/') ? folder : folder + '/';
    return 'file://' + encodeURI(withSlash.replace(/\\/g, '/').replace(/^([A-Za-z]):/, '/$1:'));
}
