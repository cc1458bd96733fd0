import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { buildDocumentModel, createCoopServices, escapeHtml, loadAndValidate, REQUIREMENTS, renderHtml as renderTypesetHtml, type Locale } from 'coop-language';
import { protocol } from './helpers.js';
import { spaces } from './render-spaces.js';

/** The HTML with plain spaces (the spacing itself is checked in render-typography.test.ts). */
const renderHtml = (...args: Parameters<typeof renderTypesetHtml>) => spaces(renderTypesetHtml(...args));

const CYSTITE = readFileSync(new URL('../../../examples/cystite-femme.coop', import.meta.url), 'utf8');

async function model(text: string, locale: Locale = 'fr') {
    const { shared, Coop } = createCoopServices(EmptyFileSystem);
    Coop.i18n.Locale.current = locale;
    const [result] = await loadAndValidate(shared, [{ uri: URI.file('/ws/protocole.coop'), text }]);
    return buildDocumentModel(result.document, Coop);
}

/** A protocol whose every kind of text carries markup. */
const HOSTILE = protocol(`
    version "<v>2</v>"
    promoteurs { rédacteur "<em>Dr X</em>" qualité "<script>q()</script>" }
    annexe "<a href='x'>Annexe</a>" fichier "<x>.pdf"
    ignorer lieu-absent : "<iframe src=//evil></iframe>"
`, {
    'protocole "Test" {': 'protocole "<script>alert(\\"titre\\")</script> & co" {',
    'identifiant PC-TEST': 'identifiant "<b>ID</b>"',
    'objectifs "Réduire les délais"': `objectifs """
        <img src=x onerror=alert(1)> **gras**
        [clic](javascript:alert(1)) ![image](https://evil.example/x.png) [HAS](https://www.has-sante.fr)
        <https://www.has-sante.fr/autolien>
        """`,
    'acte bu "Bandelette urinaire"': 'acte bu "<b>Bandelette</b> urinaire"',
    'exclusion fievre : "Fièvre"': 'exclusion fievre : "<i onmouseover=x()>Fièvre</i>"',
    'étape accueil "Accueil"': 'étape accueil "<u>Accueil</u>"',
    'si "Critère d\'exclusion"': 'si "a < b && c > d"',
    'indicateur patients "Nombre de patients"': 'indicateur patients "<svg onload=alert(2)>"',
    'délégué ide : infirmier { qualification "DEI"': 'délégué ide : infirmier { qualification "</textarea><script>x()</script>"',
    'lieu "Cabinet"': ''
});

describe('HTML rendering', () => {
    it('is one self-contained page: inline CSS, a Content-Security-Policy, no script, no remote resource', async () => {
        const html = renderHtml(await model(CYSTITE));
        expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
        expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;');
        expect(html).toContain('<style>');
        expect(html).toMatch(/@page \{ size: A4;/);
        expect(html).toContain('counter(page)');
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/<link\b|@import|src="http|url\(\s*["']?http/i);
        expect(html).toContain('<title>Prise en charge de la pollakiurie');
    });

    it('escapes the markup of every text of the protocol', async () => {
        const m = await model(HOSTILE);
        const html = renderHtml(m);
        // No markup from the protocol survives as markup.
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/<img|<iframe|<svg|<textarea|<\/textarea|<u>|<em>|<b>ID|<b>Bandelette|<i\b|<x>|<a href='x'>|<v>/i);
        expect(html).not.toMatch(/<[^>]*\s(onerror|onload|onmouseover)=/i);
        expect(html).not.toMatch(/href="(?!https?:|mailto:|#)/);
        // It is shown as text.
        expect(html).toContain('<title>&lt;script&gt;alert(&quot;titre&quot;)&lt;/script&gt; &amp; co</title>');
        expect(html).toContain('<h1 class="coop-title">&lt;script&gt;alert(&quot;titre&quot;)&lt;/script&gt; &amp; co</h1>');
        for (const text of ['&lt;b&gt;ID&lt;/b&gt;', '&lt;v&gt;2&lt;/v&gt;', '&lt;em&gt;Dr X&lt;/em&gt;', '&lt;b&gt;Bandelette&lt;/b&gt; urinaire',
            '&lt;i onmouseover=x()&gt;Fièvre&lt;/i&gt;', '&lt;u&gt;Accueil&lt;/u&gt;', 'Si « a &lt; b &amp;&amp; c &gt; d »', '&lt;svg onload=alert(2)&gt;',
            '&lt;/textarea&gt;&lt;script&gt;x()&lt;/script&gt;', '&lt;iframe src=//evil&gt;&lt;/iframe&gt;', '&lt;x&gt;.pdf', '&lt;img src=x onerror=alert(1)&gt;']) {
            expect(html, text).toContain(text);
        }
        // Markdown still works, links only to http(s) and mailto, images never loaded.
        expect(html).toContain('<strong>gras</strong>');
        expect(html).toContain('<a href="https://www.has-sante.fr" rel="noopener noreferrer">HAS</a>');
        expect(html).toContain('<a href="https://www.has-sante.fr/autolien" rel="noopener noreferrer">');
        expect(html).toContain('[clic](javascript:alert(1))');
        expect(html).toContain('!<a href="https://evil.example/x.png" rel="noopener noreferrer">image</a>');
        expect(html).not.toContain('src="https://evil.example');
    });

    it('anchors each section and block on its source line', async () => {
        const m = await model(CYSTITE);
        const html = renderHtml(m);
        for (const section of m.sections) {
            expect(html, section.id).toContain(`id="section-${section.id}" data-line="${section.line}"`);
        }
        expect(html).toContain(`<header class="coop-header" data-line="${m.line}">`);
        const lines = CYSTITE.split('\n');
        const anchors = [...html.matchAll(/data-line="(\d+)"/g)].map(match => Number(match[1]));
        expect(anchors.length).toBeGreaterThan(100);
        expect(anchors.every(line => line >= 0 && line < lines.length)).toBe(true);
        // Every element with a data-line also has a class (or is a row or an item of one).
        const tags = [...html.matchAll(/<(\w+)([^>]*)data-line=/g)];
        for (const [, tag, attributes] of tags) {
            if (!['tr', 'li'].includes(tag)) expect(attributes, tag).toMatch(/class="coop-/);
        }
    });

    it('shows the conformity matrix near the top, one row per requirement', async () => {
        const m = await model(protocol('', { 'coordination { intégration "Médecin traitant informé"  transmission "Dossier partagé" }': '' }));
        const html = renderHtml(m);
        const rows = [...html.matchAll(/<tr class="coop-conformity-row coop-status-(\w+)" data-status="\w+" data-line="(\d+)">/g)];
        expect(rows).toHaveLength(REQUIREMENTS.length);
        expect(rows.map(row => row[1])).toEqual(m.conformity.rows.map(row => row.status));
        expect(rows.map(row => Number(row[2]))).toEqual(m.conformity.rows.map(row => row.line));
        expect(html.indexOf('class="coop-conformity"')).toBeLessThan(html.indexOf('class="coop-section '));
        expect(html).toContain('Contrôles automatiques : 14/16 exigences vérifiées, 1 à vérifier, 1 manquante');
        expect(html).toContain('<span class="coop-badge coop-badge-missing">Manquante</span>');
    });

    it('shows diagnostics next to the element they concern', async () => {
        const html = renderHtml(await model(protocol('', { 'si "Critère d\'exclusion" : orienter vers mg sous 24 h': 'si "Critère d\'exclusion" : orienter vers mg' })));
        const branch = /<li class="coop-branch" data-line="\d+">.*?<\/li>/s.exec(html.slice(html.indexOf('class="coop-block coop-tree"')))?.[0] ?? '';
        expect(branch).toContain('coop-note coop-note-error');
        // A standalone file is for the reviewer: no rule code, no source line.
        expect(branch).not.toContain('reorientation-sans-delai');
        expect(html).toContain('class="coop-section coop-diagnostics"');
        // The editor's preview (a script) shows them to the authors.
        const preview = renderHtml(await model(protocol('', { 'si "Critère d\'exclusion" : orienter vers mg sous 24 h': 'si "Critère d\'exclusion" : orienter vers mg' })), { script: 'void 0' });
        expect(preview).toContain('<code class="coop-note-code">reorientation-sans-delai</code>');
    });

    it('draws decision trees as a flowchart of steps, situations and actions', async () => {
        const m = await model(CYSTITE);
        const html = renderHtml(m);
        expect(html.match(/<article class="coop-step/g)).toHaveLength(3);
        expect(html.match(/<li class="coop-branch/g)).toHaveLength(6);
        expect(html).toContain('<div class="coop-condition">Si « Bandelette urinaire : négative »</div>');
        expect(html).toContain('<a href="#etape-2">Aller à l&#39;étape 2 « Bandelette urinaire »</a>');
        expect(html).toContain('<div class="coop-action coop-action-refer"><span class="coop-action-kind">Réorientation</span>');
        expect(html).toContain('<strong class="coop-delay">sous 24 h</strong>');
        expect(html.match(/class="coop-connector"/g)).toHaveLength(2);
        expect(html).toContain('<th>Risques identifiés</th><th>Maîtrise du risque</th>');
    });

    it('takes a nonce, a CSP source and a script from the webview', async () => {
        const html = renderHtml(await model(CYSTITE), { nonce: 'abc123', cspSource: 'vscode-resource:', script: 'console.log("</script><b>")' });
        expect(html).toContain('<style nonce="abc123">');
        expect(html).toContain('<script nonce="abc123">console.log("<\\/script><b>")</script>');
        expect(html).toMatch(/content="[^"]*style-src vscode-resource: &#39;nonce-abc123&#39;[^"]*script-src &#39;nonce-abc123&#39;"/);
        const withUri = renderHtml(await model(CYSTITE), { nonce: 'n1', cspSource: 'https://file+.vscode-resource', scriptUri: 'https://file+.vscode-resource/media/preview.js' });
        expect(withUri).toContain('<script nonce="n1" src="https://file+.vscode-resource/media/preview.js"></script>');
    });

    it('is in English with the English locale', async () => {
        const html = renderHtml(await model(CYSTITE, 'en'));
        expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
        expect(html).toContain('Conformity to the essential requirements');
        expect(html).toContain('"Page " counter(page) " / " counter(pages)');
    });

    it('escapes text for elements and attributes', () => {
        expect(escapeHtml('<a href="x">l\'a & b</a>')).toBe('&lt;a href=&quot;x&quot;&gt;l&#39;a &amp; b&lt;/a&gt;');
    });
});
