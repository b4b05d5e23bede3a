import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from './dataDirLock.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-lock-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('lockDataDir', () => {
  it('lets one process at a time use a data folder', async () => {
    const data = join(dir, 'a');
    const unlock = await lockDataDir(data);
    expect(await readFile(`${data}.lock`, 'utf8')).toBe(String(process.pid));
    await unlock();
    const again = await lockDataDir(data);
    await again();
  });

  it('refuses a folder a live process holds, naming it', async () => {
    const data = join(dir, 'b');
    // pid 1 is always alive; a lock in its name stands for another running Canon.
    await writeFile(`${data}.lock`, '1');
    await expect(lockDataDir(data)).rejects.toMatchObject({
      code: 'store_unavailable',
      message: expect.stringMatching(/in use by another Canon process \(pid 1\)/),
    });
  });

  it('takes over the lock of a process that died', async () => {
    const data = join(dir, 'c');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(`${data}.lock`, String(dead));
    const unlock = await lockDataDir(data);
    expect(await readFile(`${data}.lock`, 'utf8')).toBe(String(process.pid));
    await unlock();
  });
});
