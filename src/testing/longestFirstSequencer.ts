import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds each test file took in a full run, written by `npm run test:durations`. */
export const DURATIONS_FILE = 'test-durations.json';

/**
 * Starts the test files that take longest first. vitest orders files by the durations in its own
 * cache, which a fresh clone (CI) does not have; it then goes by file size, and the README examples
 * (a short file that runs every command the README shows, several minutes) started last, leaving
 * one core idle for minutes at the end. Files missing from the recorded durations (new ones) take
 * the median, so a long new file is not left to the very end either.
 */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const recorded = readDurations(join(root, DURATIONS_FILE));
    const known = [...recorded.values()].sort((a, b) => a - b);
    const median = known[Math.floor(known.length / 2)] ?? 0;
    const seconds = (file: TestSpecification) =>
      recorded.get(relative(root, file.moduleId).split('\\').join('/')) ?? median;
    return [...files].sort((a, b) => seconds(b) - seconds(a));
  }
}

/** The recorded durations by file, or none when the file is missing or unreadable (the run still works, in vitest's order). */
export function readDurations(path: string): Map<string, number> {
  if (!existsSync(path)) return new Map();
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return new Map();
    return new Map(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number'));
  } catch {
    return new Map();
  }
}
