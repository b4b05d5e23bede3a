import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { CanonError } from '../core/errors.js';

/**
 * The embedded store is one PostgreSQL instance inside one process: two
 * processes opening the same folder would corrupt it. A lock file beside the
 * folder, holding the owner's pid, keeps a second process out; a lock whose
 * process has died (e.g. after SIGKILL) is taken over. A server adds its address
 * on a second line (`advertiseServer`), so a CLI command can use its API instead.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readDataDirLock(dataDir);
      if (holder?.alive) {
        throw new CanonError(
          'store_unavailable',
          `The embedded store in ${dataDir} is in use by another Canon process (pid ${holder.pid}${holder.url ? `, serving ${holder.url}` : ''}). Stop it, use its API, or choose another --data-dir.`,
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

/** Who holds a data folder's lock, if anyone: its pid, whether that process lives, and the server address and operator token it gave. */
export interface DataDirHolder {
  pid: number;
  alive: boolean;
  url: string | null;
  token: string | null;
}

export async function readDataDirLock(dataDir: string): Promise<DataDirHolder | null> {
  const text = await readFile(`${dataDir}.lock`, 'utf8').catch(() => null);
  if (text === null) return null;
  const [pidLine = '', urlLine = '', tokenLine = ''] = text.split('\n').map((line) => line.trim());
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return {
    pid,
    alive: isAlive(pid),
    url: /^https?:\/\//.test(urlLine) ? urlLine : null,
    token: urlLine && tokenLine ? tokenLine : null,
  };
}

/**
 * Writes the address of the server this process runs, and the token that lets its owner's CLI act as
 * operator, into the lock it holds: readable by its owner only. The new content replaces the old by
 * a rename, so a reader never sees half of it.
 */
export async function advertiseServer(dataDir: string, url: string, token: string): Promise<void> {
  const path = `${dataDir}.lock`;
  const holder = await readDataDirLock(dataDir);
  if (holder?.pid !== process.pid)
    throw new CanonError('internal', `This process does not hold the lock ${path}.`);
  const next = `${path}.${process.pid}.tmp`;
  await writeFile(next, `${process.pid}\n${url}\n${token}`, { mode: 0o600 });
  await rename(next, path);
}
