// The page the preview shows when the server gives no document: the file is not a protocol, the
// server failed or does not render previews yet. Same rules as the server's pages: strict
// Content-Security-Policy, nothing remote, every text escaped, the preview script by nonce.
import { randomBytes } from 'node:crypto';

/** A fresh nonce for a webview's scripts: 32 hex characters from a CSPRNG. */
export function createNonce(): string {
    return randomBytes(16).toString('hex');
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, char => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', '\'': '#39' } as Record<string, string>)[char]};`);
}

export interface MessagePage {
    nonce: string;
    cspSource: string;
    scriptUri: string;
    /** `lang` of the page (the editor's language). */
    language: string;
    heading: string;
    message: string;
    /** Technical detail, shown in small print (the server's error…). */
    detail?: string;
}

export function messagePage(page: MessagePage): string {
    const csp = [
        'default-src \'none\'',
        `img-src ${page.cspSource} data:`,
        `style-src ${page.cspSource} 'nonce-${page.nonce}'`,
        `script-src 'nonce-${page.nonce}'`
    ].join('; ');
    const nonce = escapeHtml(page.nonce);
    return `<!DOCTYPE html>
<html lang="${escapeHtml(page.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.heading)}</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family, system-ui, sans-serif); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 24px; line-height: 1.5; }
.coop-message { max-width: 640px; margin: 10vh auto 0; }
.coop-message h1 { font-size: 1.3em; font-weight: 600; }
.coop-message-detail { color: var(--vscode-descriptionForeground); font-size: .9em; font-family: var(--vscode-editor-font-family, monospace); white-space: pre-wrap; overflow-wrap: anywhere; }
</style>
</head>
<body class="coop-message-page">
<main class="coop-message" role="status">
<h1>${escapeHtml(page.heading)}</h1>
<p>${escapeHtml(page.message)}</p>
${page.detail ? `<p class="coop-message-detail">${escapeHtml(page.detail)}</p>` : ''}
</main>
<script nonce="${nonce}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>
`;
}
