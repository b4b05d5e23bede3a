import { spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { reportSkip } from '../testing/reportSkip.js';
import { mountSmallDisk } from '../testing/smallDisk.js';
import { checkDataDir } from './checkDataDir.js';

const disk = await mountSmallDisk(4);
if ('skip' in disk) reportSkip('data folder: full and read-only disk cases', disk.skip);
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-check-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (!('skip' in disk)) await disk.unmount();
});

describe('checkDataDir', () => {
  it('creates a missing folder and leaves none of its test files behind', async () => {
    const data = join(dir, 'new', 'data');
    await checkDataDir(data, 0);
    expect(await readdir(data)).toEqual([]);
    expect(await readdir(join(dir, 'new'))).toEqual(['data']);
  });

  it('refuses a disk with less free space than asked, giving both figures', async () => {
    await expect(checkDataDir(join(dir, 'roomy'), Number.MAX_SAFE_INTEGER)).rejects.toMatchObject({
      code: 'storage_full',
      message: expect.stringMatching(
        /has [\d,]+ MB free; Canon asks for at least [\d,]+ MB before it writes \(CANON_MIN_FREE_MB\)/,
      ),
    });
  });

  it('refuses a folder holding a file it may not write, naming the file', async () => {
    const parent = join(dir, 'shared');
    const data = join(parent, 'data');
    await mkdir(data, { recursive: true });
    await writeFile(join(data, 'x'), '');
    await chmod(join(data, 'x'), 0o444);
    if (!asRoot) {
      await expect(checkDataDir(data, 0)).rejects.toMatchObject({
        code: 'store_unavailable',
        message: expect.stringContaining('may not write (x)'),
      });
      return;
    }
    // Permissions do not stop root: the check runs as "nobody" on a folder nobody owns, holding root's file.
    await chmod(dir, 0o755);
    await chown(parent, NOBODY, NOBODY);
    await chown(data, NOBODY, NOBODY);
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import { checkDataDir } from ${JSON.stringify(join(PROJECT_ROOT, 'src', 'store', 'checkDataDir.ts'))};
         checkDataDir(${JSON.stringify(data)}, 0).then(() => console.log('{}'), (e) => console.log(JSON.stringify({ code: e.code, message: e.message })));`,
      ],
      {
        cwd: PROJECT_ROOT,
        uid: NOBODY,
        gid: NOBODY,
        encoding: 'utf8',
        env: { ...process.env, HOME: tmpdir() },
      },
    );
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toMatchObject({
      code: 'store_unavailable',
      message: expect.stringContaining('may not write (x)'),
    });
  });
});

describe.skipIf('skip' in disk)('checkDataDir on a real small disk', () => {
  if ('skip' in disk) return;

  it('refuses a full disk as full, and a nearly full one below the minimum', async () => {
    const data = join(disk.dir, 'data');
    await checkDataDir(data, 1024 * 1024);
    await disk.fill(0);
    await expect(checkDataDir(data, 0)).rejects.toMatchObject({
      code: 'storage_full',
      message: expect.stringMatching(/is full \(ENOSPC/),
    });
    await disk.release();
    await disk.fill(512 * 1024);
    await expect(checkDataDir(data, 1024 * 1024)).rejects.toMatchObject({
      code: 'storage_full',
      message: expect.stringMatching(/has 0 MB free; Canon asks for at least 1 MB/),
    });
    await disk.release();
    await checkDataDir(data, 1024 * 1024);
  });

  it('refuses a read-only disk as read-only', async () => {
    await disk.readOnly();
    await expect(checkDataDir(join(disk.dir, 'data'), 0)).rejects.toMatchObject({
      code: 'store_unavailable',
      message: expect.stringMatching(/is read-only for this process \(EROFS/),
    });
  });
});
