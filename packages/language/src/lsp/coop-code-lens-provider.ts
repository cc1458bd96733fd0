import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { isProtocole } from '../generated/ast.js';
import type { LocaleSetting } from '../i18n/locale.js';
import { computeConformity, conformityLabel } from '../rules/conformity.js';
import type { SuppressedDiagnostics } from '../validation/suppressed-diagnostics.js';
import type { CoopLspServices } from './coop-lsp-module.js';

/** The conformity summary above the protocol header (« Contrôles automatiques : 14/16 exigences vérifiées, 2 manquantes »). */
export class CoopCodeLensProvider implements CodeLensProvider {
    private readonly locale: LocaleSetting;
    private readonly suppressed: SuppressedDiagnostics;

    constructor(services: CoopLspServices) {
        this.locale = services.i18n.Locale;
        this.suppressed = services.validation.SuppressedDiagnostics;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] | undefined {
        const root = document.parseResult.value;
        if (!isProtocole(root) || !root.$cstNode || !document.diagnostics) return undefined;
        const conformity = computeConformity(document.diagnostics, this.suppressed.get(document), root);
        const line = root.$cstNode.range.start.line;
        const pick = (statuses: string[]) => conformity.items.filter(item => statuses.includes(item.status)).map(item => item.requirement.legalBasis);
        const [toFix, missing, review] = [pick(['to-fix']), pick(['missing']), pick(['review'])];
        const details = [
            ...(toFix.length > 0 ? [`${this.locale.pick({ fr: 'à corriger', en: 'to fix' })} : ${toFix.join(', ')}`] : []),
            ...(missing.length > 0 ? [`${this.locale.pick({ fr: 'manquent', en: 'missing' })} : ${missing.join(', ')}`] : []),
            ...(review.length > 0 ? [`${this.locale.pick({ fr: 'à vérifier', en: 'to review' })} : ${review.join(', ')}`] : [])
        ];
        const title = conformityLabel(conformity, this.locale.current) + (details.length > 0 ? ` — ${details.join(' ; ')}` : '');
        return [{
            range: { start: { line, character: 0 }, end: { line, character: 0 } },
            // The extension opens the submission preview; other clients just show the title.
            command: { title, command: 'coop.openPreview', arguments: [document.uri.toString()] }
        }];
    }
}
