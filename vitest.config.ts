import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
        // Installs Object.groupBy on Node 20 before Langium loads (see the module's header).
        setupFiles: ['packages/language/compat/object-group-by.mjs'],
        testTimeout: 60_000
    }
});
