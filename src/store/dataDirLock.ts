import { open, readFile, rm } from 'node:fs/promises';
import { CanonError } from '../core/errors.js';

/**
 * The embedded store is one PostgreSQL instance inside one process: two
 * processes opening the same folder would corrupt it. A lock file beside the
 * folder, holding the owner's pid, keeps a second process out; a lock whose
 * process has died (e.g. after SIGKILL) is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (owner && isAlive(owner)) {
        throw new CanonError(
          'store_unavailable',
          `The embedded store in ${dataDir} is in use by another Canon process (pid ${owner}). Stop it, use its API, or choose another --data-dir.`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new CanonError(
    'store_unavailable',
    `Cannot lock the embedded store in ${dataDir} (lock file ${path}).`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
