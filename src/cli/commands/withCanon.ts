import { type Config, readConfig } from '../../config/readConfig.js';
import type { Canon } from '../../runtime/openCanon.js';
import { type CatalogReads, publishedCatalogReads } from '../../runtime/publishedCatalogReads.js';
import { runningServer } from '../../runtime/runningServer.js';
import { type ServerApi, serverApi } from '../serverApi.js';

export interface StoreFlags {
  dataDir?: string;
  /** An API key, for when a running server holds the store and the command uses its API. */
  key?: string;
}

/** Opens Canon for a one-shot command, runs it and always closes it (its store and document readers). */
export async function withCanon<T>(
  flags: StoreFlags,
  fn: (canon: Canon, config: Config) => Promise<T>,
): Promise<T> {
  const config = configWith(flags);
  // Loaded here, not at the top: a command answered from the published catalog never opens a store.
  const { openCanon } = await import('../../runtime/openCanon.js');
  const canon = await openCanon(config);
  try {
    return await fn(canon, config);
  } finally {
    await canon.close();
  }
}

/**
 * Runs a read-only command on the catalog: from the snapshot the store's holder published when it
 * can be trusted (well under a second, and beside a running server), else on the opened store.
 */
export async function withCatalog<T>(
  flags: StoreFlags,
  fn: (reads: CatalogReads, config: Config) => Promise<T>,
  needs: { resolver: boolean } = { resolver: false },
): Promise<T> {
  const config = configWith(flags);
  const published = await publishedCatalogReads(config, needs);
  return published ? fn(published, config) : withCanon(flags, fn);
}

/**
 * Runs a command that writes or reads what only the store holds (versions, drafts, the log): on the
 * store, or, while a server holds the embedded store, through that server's API (found through the
 * lock). Either way the command gets the API's shape of the answer, so it prints the same.
 */
export async function onStoreOrServer<T>(
  flags: StoreFlags,
  run: { store: (canon: Canon) => Promise<T>; server: (api: ServerApi) => Promise<T> },
): Promise<T> {
  const config = configWith(flags);
  const server = await runningServer(config);
  if (server) return run.server(serverApi(server.url, flags.key ?? config.apiKey ?? server.token));
  return withCanon(flags, run.store);
}

export function configWith(flags: StoreFlags & { port?: number; host?: string }): Config {
  const config = readConfig();
  return {
    ...config,
    ...(flags.dataDir ? { dataDir: flags.dataDir } : {}),
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    ...(flags.host ? { host: flags.host } : {}),
  };
}
