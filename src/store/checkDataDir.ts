import { constants } from 'node:fs';
import { access, mkdir, open, readdir, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { CanonError } from '../core/errors.js';

const MB = 1024 * 1024;

/**
 * Refuses to start on a data folder the embedded store could not write to, so
 * that a read-only or full disk is one clear message at start rather than a
 * failed write (or a store that will not open) later. Checks, in order: the
 * folder can be created, a file can be written and synced in it, every file
 * already in it is writable, and the disk has `minFreeBytes` free.
 */
export async function checkDataDir(dataDir: string, minFreeBytes: number): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
    // The lock file sits beside the folder, so its parent must take writes too.
    await probeWrite(join(dataDir, '.canon-write-probe'));
    await probeWrite(`${dataDir}.probe`);
  } catch (cause) {
    throw refusal(dataDir, cause);
  }
  const locked = await firstUnwritable(dataDir);
  if (locked)
    throw new CanonError(
      'store_unavailable',
      `The data folder ${dataDir} holds a file this process may not write (${locked}). Canon's embedded store writes to all of its files: give this user write access to the folder, or choose another --data-dir (CANON_DATA_DIR).`,
    );
  const { bavail, bsize } = await statfs(dataDir);
  const free = bavail * bsize;
  if (free < minFreeBytes)
    throw new CanonError(
      'storage_full',
      `The disk of the data folder ${dataDir} has ${megabytes(free)} free; Canon asks for at least ${megabytes(minFreeBytes)} before it writes (CANON_MIN_FREE_MB). Free some space or choose another --data-dir (CANON_DATA_DIR).`,
    );
}

async function probeWrite(path: string): Promise<void> {
  try {
    const handle = await open(path, 'w');
    try {
      await handle.writeFile(Buffer.alloc(4096));
      await handle.sync();
    } finally {
      await handle.close();
    }
  } finally {
    await rm(path, { force: true }).catch(() => {});
  }
}

function refusal(dataDir: string, cause: unknown): CanonError {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new CanonError(
      'storage_full',
      `The disk of the data folder ${dataDir} is full (${code} writing a test file in it or beside it). Free some space or choose another --data-dir (CANON_DATA_DIR).`,
      { cause },
    );
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new CanonError(
      'store_unavailable',
      `The data folder ${dataDir} is read-only for this process (${code} writing a test file in it or beside it). Canon's embedded store writes there: give this user write access, or choose another --data-dir (CANON_DATA_DIR).`,
      { cause },
    );
  return new CanonError(
    'store_unavailable',
    `Cannot write to the data folder ${dataDir}: ${(cause as Error).message}`,
    { cause },
  );
}

/** The first file or folder inside `dir` this process may not write to, relative to `dir`. */
async function firstUnwritable(dir: string): Promise<string | undefined> {
  const entries = await readdir(dir, { recursive: true });
  for (const entry of entries) {
    try {
      await access(join(dir, entry), constants.W_OK);
    } catch (error) {
      // A file gone since the listing (another process's postmaster.pid) is not one we cannot write.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return entry;
    }
  }
  return undefined;
}

function megabytes(bytes: number): string {
  return `${Math.floor(bytes / MB).toLocaleString('en-US')} MB`;
}
