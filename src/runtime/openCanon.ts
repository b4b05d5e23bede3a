import type { Config } from '../config/readConfig.js';
import { Catalog } from '../core/catalog.js';
import { openStore, type Store } from '../store/openStore.js';
import { readTaxonomy, syncBuiltinTaxonomy } from '../store/taxonomyRepository.js';
import { loadTaxonomy } from '../taxonomy/loadTaxonomy.js';

export interface Canon {
  store: Store;
  catalog: Catalog;
  /** True when this start loaded changed built-in files into the store. */
  taxonomyChanged: boolean;
}

/**
 * The composition root shared by the server and the CLI: open the configured
 * store, bring the built-in taxonomy into it (a no-op when unchanged) and load
 * the catalog snapshot that every read uses.
 */
export async function openCanon(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'taxonomyDir'>,
): Promise<Canon> {
  const builtin = await loadTaxonomy(config.taxonomyDir);
  const store = await openStore(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
  try {
    const { changed } = await syncBuiltinTaxonomy(store.db, builtin);
    const catalog = new Catalog(await readTaxonomy(store.db));
    return { store, catalog, taxonomyChanged: changed };
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
}
