// For tests that check the words of the dossier, not its spacing (render-typography.test.ts checks
// the spacing): the no-break spaces of the French typography read as plain spaces.

/** `text` with its no-break spaces (U+00A0, U+202F) as plain spaces. */
export function spaces(text: string): string {
    return text.replace(/[\u00A0\u202F]/g, ' ');
}

/** A copy of a document model whose every string has plain spaces. */
export function plainSpaces<T>(value: T): T {
    return JSON.parse(spaces(JSON.stringify(value))) as T;
}
