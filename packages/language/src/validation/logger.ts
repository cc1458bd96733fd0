/**
 * Where the tool writes what only its maintainers read (the stack of a check that threw). Silent
 * by default: the CLI's output is for protocol authors. The language server injects ConsoleLogger,
 * whose stderr is the server's output channel in the editor.
 */
export interface CoopLogger {
    error(message: string, error?: unknown): void;
}

export class SilentLogger implements CoopLogger {
    error(): void {
        // Nothing: the diagnostic `erreur-interne` already tells the author.
    }
}

export class ConsoleLogger implements CoopLogger {
    error(message: string, error?: unknown): void {
        console.error(message, error instanceof Error ? error.stack ?? error.message : error);
    }
}
