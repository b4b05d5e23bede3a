import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onetBombZip } from '../testing/onetFixture.js';
import { DATASET_ZIP_LIMITS, openDataset } from './openDataset.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-dataset-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function zipFile(bytes: Uint8Array): Promise<string> {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.zip`);
  await writeFile(path, bytes);
  return path;
}

describe('openDataset', () => {
  it('refuses an O*NET zip bomb when it opens, after inflating 256 MB of it', async () => {
    // 300 KB on disk; its directory says 1 KB; it inflates to 300 MB.
    const path = await zipFile(onetBombZip({ 'Occupation Data.txt': 300 }));
    await expect(openDataset(path)).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(
        /is too large once unzipped: "db_29_3_text\/Occupation Data\.txt" inflates to more than 256 MB, and one file in a zip archive may be at most 256 MB\.$/,
      ),
    });
  });

  it('counts every text file towards the total, and every file towards the count', async () => {
    const path = await zipFile(onetBombZip({ 'Task Statements.txt': 5, 'Job Zones.txt': 5 }));
    await expect(
      openDataset(path, { ...DATASET_ZIP_LIMITS, totalBytes: 8 * 1024 * 1024 }),
    ).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/inflates to more than 8 MB \(reached at/),
    });
    await expect(openDataset(path, { ...DATASET_ZIP_LIMITS, entries: 5 })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/holds 7 files; a zip archive may hold at most 5\.$/),
    });
    const within = await openDataset(path);
    expect(within.has('Job Zones.txt')).toBe(true);
  });
});
