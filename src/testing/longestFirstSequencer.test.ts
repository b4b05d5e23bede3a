import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { DURATIONS_FILE, LongestFirstSequencer, readDurations } from './longestFirstSequencer.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'canon-sequencer-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const spec = (file: string) => ({ moduleId: join(root, file) }) as unknown as TestSpecification;
const sequencer = () => new LongestFirstSequencer({ config: { root } } as unknown as Vitest);

describe('LongestFirstSequencer', () => {
  it('starts the longest recorded files first, a file it has no record of at the median (40 s here)', async () => {
    await writeFile(
      join(root, DURATIONS_FILE),
      JSON.stringify({
        'src/a.test.ts': 2,
        'src/readme.test.ts': 300,
        'src/b.test.ts': 60,
        'src/c.test.ts': 10,
        'src/d.test.ts': 40,
      }),
    );
    const sorted = await sequencer().sort(
      ['src/a.test.ts', 'src/new.test.ts', 'src/b.test.ts', 'src/readme.test.ts', 'src/c.test.ts'].map(spec),
    );
    expect(sorted.map((s) => s.moduleId.slice(root.length + 1))).toEqual([
      'src/readme.test.ts',
      'src/b.test.ts',
      'src/new.test.ts',
      'src/c.test.ts',
      'src/a.test.ts',
    ]);
  });

  it('reads no durations from a missing or broken file, and skips entries that are not numbers', async () => {
    expect(readDurations(join(root, 'missing.json')).size).toBe(0);
    const broken = join(root, 'broken.json');
    await writeFile(broken, '{ not json');
    expect(readDurations(broken).size).toBe(0);
    const mixed = join(root, 'mixed.json');
    await writeFile(mixed, JSON.stringify({ 'a.test.ts': 3, 'b.test.ts': 'slow' }));
    expect([...readDurations(mixed)]).toEqual([['a.test.ts', 3]]);
  });
});
