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
 * Opens only the store for a one-shot command about what the catalog plays no part in (keys,
 * workspaces): no built-in files read, no snapshot loaded, which is most of a command's start.
 */
export async function withStore<T>(flags: StoreFlags, fn: (store: Canon['store']) => Promise<T>): Promise<T> {
  const { openConfiguredStore } = await import('../../runtime/openConfiguredStore.js');
  const store = await openConfiguredStore(configWith(flags));
  try {
    return await fn(store);
  } finally {
    await store.close();
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
  return serverOr(flags, run.server, () => withCanon(flags, run.store));
}

/** As onStoreOrServer, for a command that needs only the store when no server holds it (withStore). */
export async function onPlainStoreOrServer<T>(
  flags: StoreFlags,
  run: { store: (store: Canon['store']) => Promise<T>; server: (api: ServerApi) => Promise<T> },
): Promise<T> {
  return serverOr(flags, run.server, () => withStore(flags, run.store));
}

/** Through the API of the server holding the store when one does, else `local`. */
async function serverOr<T>(
  flags: StoreFlags,
  server: (api: ServerApi) => Promise<T>,
  local: () => Promise<T>,
): Promise<T> {
  const config = configWith(flags);
  const running = await runningServer(config);
  return running ? server(serverApi(running.url, flags.key ?? config.apiKey ?? running.token)) : local();
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
