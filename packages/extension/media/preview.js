// @ts-check
// Script of the coop preview webview. The language server renders the page (`coop/preview`) and
// loads this file with `<script nonce="…" src="…">`; the extension talks to it by messages:
//
//   extension → page   { type: 'init', uri, line? }   after `ready`: the document, the editor's top line
//                      { type: 'scroll', line }       the editor scrolled: show that source line at the top
//                      { type: 'test', id, action: 'dump' | 'click' | 'show', selector?, index? }   (e2e tests)
//   page → extension   { type: 'ready' }              the page is loaded
//                      { type: 'reveal', line }       a click on a block: show its source line
//                      { type: 'test-result', id, result }
//
// Every block of the page carries `data-line` (0-based source line). Plain JavaScript, no
// framework, nothing loaded from anywhere: the page's Content-Security-Policy allows this file only.
(function () {
    'use strict';

    // @ts-ignore provided by VS Code in webviews
    const vscode = acquireVsCodeApi();
    /** The script's nonce, for the style element added below (read while the script runs). */
    const nonce = document.currentScript instanceof HTMLScriptElement ? document.currentScript.nonce : '';

    /** What survives a window reload (the serializer gets it): the document and the top line. */
    /** @type {{ uri?: string; line?: number }} */
    let state = vscode.getState() || {};

    /** The last scroll asked by the editor, and the block it started from (for the tests). */
    /** @type {{ line: number; anchor: number | undefined } | undefined} */
    let lastScroll;

    /** Space kept above the block scrolled to the top. */
    const MARGIN = 12;

    /**
     * Parts whose `data-line` points anywhere in the source (table of contents, conformity
     * matrix, notes, lists of suppressions and diagnostics): clickable, but not used to follow
     * the editor's scrolling, which needs blocks in the order of the text.
     */
    const NOT_IN_FLOW = '.coop-toc, .coop-conformity, .coop-notes, .coop-note, .coop-suppressions, .coop-diagnostics, .coop-footer, .coop-banner, [data-scroll-sync="off"]';

    /** @param {Element | null} element */
    function lineOf(element) {
        if (!element) return undefined;
        const line = Number(element.getAttribute('data-line'));
        return Number.isInteger(line) && line >= 0 ? line : undefined;
    }

    /** @type {Array<{ element: Element; line: number }> | undefined} */
    let anchors;
    function flowAnchors() {
        if (!anchors) {
            anchors = [];
            for (const element of Array.from(document.querySelectorAll('[data-line]'))) {
                const line = lineOf(element);
                if (line !== undefined && !element.closest(NOT_IN_FLOW)) anchors.push({ element, line });
            }
        }
        return anchors;
    }

    /** @param {Element} element */
    function pageTop(element) {
        return element.getBoundingClientRect().top + window.scrollY;
    }

    /** @param {Element} element */
    function shown(element) {
        return element.getClientRects().length > 0;
    }

    /**
     * Scrolls so that source line `line` is at the top: the last block starting at or before it
     * (sections follow the template's order, not always the file's), moved on in proportion
     * towards the next block when the line is inside the first one.
     * @param {number} line
     */
    function scrollToLine(line) {
        /** @type {{ element: Element; line: number } | undefined} */
        let before;
        /** @type {{ element: Element; line: number } | undefined} */
        let after;
        for (const anchor of flowAnchors()) {
            if (!shown(anchor.element)) continue;
            if (anchor.line <= line) {
                if (!before || anchor.line > before.line) before = anchor;
            } else if (!after || anchor.line < after.line) {
                after = anchor;
            }
        }
        lastScroll = { line, anchor: before ? before.line : undefined };
        let top = 0;
        if (before) {
            top = pageTop(before.element);
            if (after && before.line < line) {
                const next = pageTop(after.element);
                if (next > top) top += ((next - top) * (line - before.line)) / (after.line - before.line);
            }
            top = Math.max(0, top - MARGIN);
        }
        window.scrollTo({ top, left: window.scrollX, behavior: 'instant' });
    }

    /** Source line of the block at the top of the view. */
    function topLine() {
        const limit = window.scrollY + MARGIN + 1;
        /** @type {{ line: number; top: number } | undefined} */
        let best;
        /** @type {number | undefined} */
        let first;
        for (const anchor of flowAnchors()) {
            if (!shown(anchor.element)) continue;
            if (first === undefined) first = anchor.line;
            const top = pageTop(anchor.element);
            if (top <= limit && (!best || top > best.top)) best = { line: anchor.line, top };
        }
        return best ? best.line : first;
    }

    function saveState() {
        vscode.setState(state);
    }

    // ----- editor → preview -------------------------------------------------------------------

    /** @type {number | undefined} */
    let pendingLine;
    /** @param {number} line */
    function requestScroll(line) {
        // Several `scroll` messages per frame while the editor scrolls: keep the last.
        const first = pendingLine === undefined;
        pendingLine = line;
        if (!first) return;
        window.requestAnimationFrame(() => {
            const target = pendingLine;
            pendingLine = undefined;
            if (target !== undefined) scrollToLine(target);
        });
    }

    let saveScheduled = false;
    window.addEventListener('scroll', () => {
        if (saveScheduled) return;
        saveScheduled = true;
        window.requestAnimationFrame(() => {
            saveScheduled = false;
            state = { ...state, line: topLine() };
            saveState();
        });
    }, { passive: true });

    // ----- preview → editor -------------------------------------------------------------------

    document.addEventListener('click', event => {
        if (event.button !== 0 || event.defaultPrevented) return;
        const target = event.target instanceof Element ? event.target : event.target instanceof Node ? event.target.parentElement : null;
        if (!target) return;
        // Links (table of contents, « aller à l'étape … ») keep their own behaviour.
        if (target.closest('a[href], button, input, select, textarea, summary, label')) return;
        // Selecting text to copy it is not a request to jump.
        const selection = window.getSelection();
        if (selection && !selection.isCollapsed && String(selection).trim() !== '') return;
        const anchor = target.closest('[data-line]');
        const line = lineOf(anchor);
        if (!anchor || line === undefined) return;
        flash(anchor);
        vscode.postMessage({ type: 'reveal', line });
    });

    /** @param {Element} element */
    function flash(element) {
        element.classList.add('coop-preview-flash');
        setTimeout(() => element.classList.remove('coop-preview-flash'), 700);
    }

    // ----- messages from the extension --------------------------------------------------------

    window.addEventListener('message', event => {
        const message = event.data;
        if (!message || typeof message !== 'object') return;
        switch (message.type) {
            case 'init': {
                state = { ...state, uri: typeof message.uri === 'string' ? message.uri : state.uri };
                saveState();
                const line = typeof message.line === 'number' ? message.line : state.line;
                if (typeof line === 'number') scrollToLine(line);
                break;
            }
            case 'scroll':
                if (typeof message.line === 'number') requestScroll(message.line);
                break;
            case 'test':
                vscode.postMessage({ type: 'test-result', id: message.id, result: answerTest(message) });
                break;
        }
    });

    /** The e2e tests' view of the page (see test/e2e/suite/preview.e2e.ts). */
    /** @param {{ action?: string; selector?: unknown; index?: unknown }} message */
    function answerTest(message) {
        if (message.action === 'dump') {
            return {
                title: document.title,
                text: document.body ? document.body.innerText : '',
                html: document.documentElement.outerHTML,
                // VS Code adds its own inline script (id `_vscodeApiScript`, acquireVsCodeApi).
                scripts: Array.from(document.scripts, script => ({ id: script.id, src: script.getAttribute('src') || undefined })),
                topLine: topLine(),
                lastScroll,
                scrollY: window.scrollY,
                requirements: Array.from(document.querySelectorAll('.coop-requirement'), element => {
                    const holder = element.closest('[data-status]');
                    const row = element.closest('tr, [class*="coop-status-"]') || element;
                    const status = holder ? holder.getAttribute('data-status') : (/(?:^|\s)coop-status-([\w-]+)/.exec(row.className) || [])[1];
                    return { line: lineOf(element.closest('[data-line]')), status: status || undefined, text: element instanceof HTMLElement ? element.innerText.trim() : '' };
                })
            };
        }
        if (message.action === 'show') {
            const element = document.querySelector(typeof message.selector === 'string' ? message.selector : 'body');
            if (element) element.scrollIntoView({ block: 'start', behavior: 'instant' });
            return { shown: Boolean(element), scrollY: window.scrollY };
        }
        if (message.action === 'click') {
            const elements = document.querySelectorAll(typeof message.selector === 'string' ? message.selector : '[data-line]');
            const element = elements[typeof message.index === 'number' ? message.index : 0];
            if (element) {
                element.scrollIntoView({ block: 'center', behavior: 'instant' });
                element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, view: window }));
            }
            return { clicked: Boolean(element), count: elements.length, line: element ? lineOf(element.closest('[data-line]')) : undefined };
        }
        return undefined;
    }

    // ----- start ------------------------------------------------------------------------------

    function start() {
        const style = document.createElement('style');
        style.nonce = nonce;
        style.textContent = [
            '.coop-conformity [data-line], .coop-requirement, .coop-note, .coop-suppressions [data-line] { cursor: pointer; }',
            '.coop-conformity tr[data-line]:hover > td, .coop-requirement:hover { background: rgba(0, 95, 184, 0.08); }',
            '.coop-preview-flash { outline: 2px solid var(--vscode-focusBorder, #0078d4); outline-offset: 2px; }'
        ].join('\n');
        document.head.appendChild(style);
        vscode.postMessage({ type: 'ready' });
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
})();
