import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // PGlite start-up dominates; a shared template keeps files cheap, but give slow CI room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['src/testing/globalSetup.ts'],
  },
});
