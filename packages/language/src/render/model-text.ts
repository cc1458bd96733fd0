import type { Diagnostic } from 'vscode-languageserver-types';
import type { Cell, Content, Markdown, TreeAction, TreeStep } from './model-types.js';

// Small text helpers of the document model, also used by the renderers.

/** Escapes text inserted into Markdown built by the model (labels, names) so it stays literal. */
export function escapeMarkdown(text: string | undefined): string {
    return (text ?? '').replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** Prose written by the authors, or nothing when it is missing or blank. */
export const md = (markdown: string | undefined): Markdown | undefined => (markdown === undefined || markdown.trim() === '' ? undefined : { markdown });

export function messageText(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export function isDefined<T>(value: T | undefined | null | false): value is T {
    return value !== undefined && value !== null && value !== false;
}

export function listOrSingle(values: Content[]): Cell | undefined {
    return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}

export function upperFirst(text: string): string {
    return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
}

export function lowerFirst(text: string): string {
    return text.length > 1 && /^\p{Lu}\p{Ll}/u.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/** True when one of the step's branches continues at `next` (renderers draw an arrow between them). */
export function stepLeadsTo(step: TreeStep, next: TreeStep): boolean {
    const reaches = (action: TreeAction | undefined): boolean => !!action && (action.target?.id === next.id || reaches(action.then));
    return step.branches.some(branch => reaches(branch.action));
}

/** The text of a content, Markdown markers removed (for one-line summaries). */
export function plain(content: Content): string {
    if (typeof content === 'string') return content;
    return content.markdown
        .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
        .replace(/[*_`]+/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/^\s*[-+*]\s+/gm, '')
        .replace(/\s*\n\s*/g, ' ')
        .trim();
}

/** A content as Markdown (plain text escaped). */
export function contentMarkdown(content: Content): string {
    return typeof content === 'string' ? escapeMarkdown(content) : content.markdown;
}
