import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './src/testing/longestFirstSequencer.js';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // PGlite start-up dominates; a shared template keeps files cheap, but give slow CI room.
    testTimeout: 60_000,
    // vitest's default leaves one core idle, which on CI's 2 cores runs the files one at a time; most
    // files wait on a single-threaded PGlite or a child process, so one file per core halves the run.
    maxWorkers: availableParallelism(),
    // One module graph per worker, not per file: each file's own import of the app's modules and their
    // dependencies cost 130-165 s of a 2-core run (24-26 s shared). Files must therefore leave no global
    // behind: environment changes are undone after each test (`unstubEnvs`), and nothing else is patched.
    isolate: false,
    unstubEnvs: true,
    // A larger young generation: the tests parse catalogs and build stores, and most of that dies young.
    // src/cli's files took 134-142 s with it and 146-153 s without (two interleaved pairs, 2026-12-02).
    execArgv: ['--max-semi-space-size=64'],
    // The longest files first (test-durations.json), so no core sits idle while one long file ends the run.
    sequence: { sequencer: LongestFirstSequencer },
    hookTimeout: 120_000,
    globalSetup: ['src/testing/globalSetup.ts'],
  },
});
