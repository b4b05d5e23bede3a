import type { Config } from '../config/readConfig.js';
import { openStore, type Store } from '../store/openStore.js';

export type StoreConfig = Pick<Config, 'databaseUrl' | 'dataDir'> &
  Partial<Pick<Config, 'minFreeMb' | 'cacheDir' | 'storeBuffersMb'>>;

/** The store the configuration names: PostgreSQL at DATABASE_URL, else the embedded store in the data folder. */
export function openConfiguredStore(config: StoreConfig): Promise<Store> {
  return openStore(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : {
          kind: 'pglite',
          dataDir: config.dataDir,
          minFreeBytes: (config.minFreeMb ?? 0) * 1024 * 1024,
          cacheDir: config.cacheDir ?? null,
          ...(config.storeBuffersMb === undefined ? {} : { sharedBuffersMb: config.storeBuffersMb }),
        },
  );
}
