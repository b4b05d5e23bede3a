import type { Config } from '../config/readConfig.js';
import { readDataDirLock } from '../store/dataDirLock.js';

/**
 * The server holding the embedded store, as its lock file gives it: its address and the operator
 * token it accepts from its owner's CLI. Null on PostgreSQL (every process opens it itself), when
 * nobody holds the folder, or when its holder serves no API.
 */
export async function runningServer(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
): Promise<{ url: string; token: string | null } | null> {
  if (config.databaseUrl) return null;
  const holder = await readDataDirLock(config.dataDir);
  return holder?.alive && holder.url ? { url: holder.url, token: holder.token } : null;
}
