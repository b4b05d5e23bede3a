import { execFile } from 'node:child_process';
import { mkdtemp, open, rm, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SmallDisk {
  dir: string;
  /** Fills the disk up to `leaveBytes` free with a file that `release` removes. */
  fill(leaveBytes?: number): Promise<void>;
  release(): Promise<void>;
  readOnly(): Promise<void>;
  unmount(): Promise<void>;
}

/**
 * A tmpfs of `megabytes` on a fresh folder: a real disk that a test can fill or
 * make read-only (permissions alone do not stop root). Returns the reason
 * instead when this process may not mount one.
 */
export async function mountSmallDisk(megabytes: number): Promise<SmallDisk | { skip: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'canon-disk-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    return {
      skip: `cannot mount a tmpfs to stand for a small disk (${(error as Error).message.split('\n')[0]}); needs root with CAP_SYS_ADMIN`,
    };
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    async fill(leaveBytes = 0) {
      const { bavail, bsize } = await statfs(dir);
      const handle = await open(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (let left = bavail * bsize - leaveBytes; left > 0; left -= chunk.length)
          await handle.write(chunk, 0, Math.min(chunk.length, left));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        await handle.close();
      }
    },
    release: () => rm(filler, { force: true }),
    async readOnly() {
      await run('mount', ['-o', 'remount,ro', dir]);
    },
    async unmount() {
      await run('umount', [dir]).catch(() => run('umount', ['-l', dir]));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
