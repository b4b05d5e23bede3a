import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { appForCanon } from '../runtime/appForCanon.js';
import { type Canon, openCanon } from '../runtime/openCanon.js';
import { reportSkip } from '../testing/reportSkip.js';
import { mountSmallDisk } from '../testing/smallDisk.js';
import { openedDataDir } from '../testing/testStore.js';
import { createApiKey } from '../workflow/apiKeys.js';

/**
 * The embedded store on a disk that fills up or turns read-only: a clear
 * refusal at start, a clear error (not a crash) for a write that no longer
 * fits, and nothing half-written.
 */
const disk = await mountSmallDisk(96);
if ('skip' in disk) reportSkip('disk faults', disk.skip);

describe.skipIf('skip' in disk)('a full or read-only data folder', () => {
  if ('skip' in disk) return;
  const dataDir = join(disk.dir, 'data');
  const config = { databaseUrl: null, dataDir, taxonomyDir: join(PROJECT_ROOT, 'data'), minFreeMb: 0 };

  beforeAll(async () => {
    await openedDataDir(dataDir);
  });
  afterAll(() => disk.unmount());

  async function canon(...args: string[]) {
    let err = '';
    const code = await run(args, { out: () => {}, err: (t) => void (err += t) });
    return { code, err };
  }

  // Words that do not compress away, so storing the document needs fresh pages on disk
  // (4,000 duties: a document may yield at most 5,000 claims).
  const bulky = Array.from(
    { length: 4_000 },
    (_, i) => `- duty ${(i * 7919).toString(36)} ${(i * 104729).toString(36)} of the role`,
  ).join('\n');
  const ladder = (title: string) => `# ${title}\n\n## E1: Director of Platform\n\n${bulky}\n`;

  it('answers a write that no longer fits with 507 and keeps serving reads; the write lands once there is room', async () => {
    let opened: Canon | undefined;
    try {
      opened = await openCanon(config);
      const app = appForCanon(opened, { log: () => {} });
      const key = (await createApiKey(opened.store.db, { id: 'test', role: 'admin' }, 'ed', 'editor')).key;
      const upload = () =>
        app.request('/api/sources', {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'platform.md', text: ladder('Platform ladder') }),
        });

      const sources = async () =>
        ((await (await app.request('/api/sources')).json()).items as { title: string }[]).map((i) => i.title);
      const before = await sources();

      await disk.fill(0);
      const refused = await upload();
      expect(refused.status).toBe(507);
      expect(await refused.json()).toMatchObject({
        error: { code: 'storage_full', message: expect.stringContaining('no room left') },
      });
      expect((await app.request('/profiles/TECHNO.TECHNOLO6B55.M3')).status).toBe(200);
      expect(await sources()).toEqual(before);

      await disk.release();
      const stored = await upload();
      expect(stored.status).toBe(201);
      expect((await sources()).sort()).toEqual([...before, 'Platform ladder'].sort());
    } finally {
      await disk.release();
      await opened?.close();
    }
  });

  it('a command whose write no longer fits exits with 8 and one short line', async () => {
    const file = join(disk.dir, 'ladder.md');
    await writeFile(file, ladder('Data ladder'));
    // Room enough to start (with the free-space check off), not to store the document.
    await disk.fill(256 * 1024);
    process.env.CANON_MIN_FREE_MB = '0';
    try {
      const { code, err } = await canon('ingest', file, '--data-dir', dataDir);
      expect({ code, err }).toMatchObject({ code: 8, err: expect.stringContaining('no room left') });
      expect(err.split('\n').filter(Boolean)).toHaveLength(1);
    } finally {
      delete process.env.CANON_MIN_FREE_MB;
      await disk.release();
    }
  });

  it('refuses to start on a disk under CANON_MIN_FREE_MB, and on a read-only disk', async () => {
    await disk.fill(16 * 1024 * 1024);
    try {
      const full = await canon('serve', '--port', '0', '--data-dir', dataDir);
      expect(full.code).toBe(8);
      expect(full.err).toMatch(/has 1[56] MB free; Canon asks for at least 64 MB before it writes/);
    } finally {
      await disk.release();
    }
    await disk.readOnly();
    const readOnly = await canon('serve', '--port', '0', '--data-dir', dataDir);
    expect(readOnly.code).toBe(5);
    expect(readOnly.err).toMatch(/read-only for this process \(EROFS/);
  });
});
