/**
 * Text of a VS Code snippet as inserted when every placeholder keeps its default: `${1:x}` → x,
 * `${1|a,b|}` → a, `$1`/`${1}` → the value of tabstop 1 elsewhere (or nothing), `$0` → nothing,
 * `$CURRENT_YEAR`… → the given date. Enough for the snippets of this extension (no transforms).
 */
export function snippetText(body: string | string[], date = new Date(2026, 0, 15)): string {
    const source = Array.isArray(body) ? body.join('\n') : body;
    const pad = (n: number) => String(n).padStart(2, '0');
    const variables: Record<string, string> = {
        CURRENT_YEAR: String(date.getFullYear()),
        CURRENT_MONTH: pad(date.getMonth() + 1),
        CURRENT_DATE: pad(date.getDate())
    };
    const values = new Map<string, string>();
    let text = source;
    // Innermost first, until nothing changes: placeholders may nest (`${1:${CURRENT_YEAR}}`).
    for (let previous = ''; previous !== text; ) {
        previous = text;
        text = text
            .replace(/\$\{(\d+)\|([^|}]*)\|\}/g, (_, n: string, choices: string) => remember(n, choices.split(',')[0] ?? ''))
            .replace(/\$\{(\d+):([^${}]*)\}/g, (_, n: string, value: string) => remember(n, value))
            .replace(/\$\{([A-Z_]+)(?::([^${}]*))?\}/g, (_, name: string, fallback?: string) => variables[name] ?? fallback ?? '')
            .replace(/\$([A-Z_]+)/g, (whole, name: string) => variables[name] ?? whole);
    }
    return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a?: string, b?: string) => values.get((a ?? b)!) ?? '');

    function remember(n: string, value: string): string {
        if (!values.has(n)) values.set(n, value);
        return value;
    }
}
