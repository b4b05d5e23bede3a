import type { Config } from '../config/readConfig.js';
import { Catalog } from '../core/catalog.js';
import { PayBook } from '../core/payBands.js';
import { OccupationIndex } from '../resolve/occupationIndex.js';
import { TitleResolver } from '../resolve/titleResolver.js';
import { readOccupationIndexData } from '../store/occupationRepository.js';
import { openStore, type Store } from '../store/openStore.js';
import { readOccupationPay, readProfilePay } from '../store/payRepository.js';
import { readTaxonomy, syncBuiltinTaxonomy } from '../store/taxonomyRepository.js';
import { loadTaxonomy } from '../taxonomy/loadTaxonomy.js';

export interface Canon {
  store: Store;
  catalog: Catalog;
  /** The title resolver, built on first use from the imported occupations (about a second with O*NET loaded). */
  resolver: () => Promise<TitleResolver>;
  payBook: PayBook;
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
    let resolver: Promise<TitleResolver> | null = null;
    const buildResolver = async () =>
      new TitleResolver(new OccupationIndex(await readOccupationIndexData(store.db)), catalog);
    const payBook = new PayBook(catalog, await readOccupationPay(store.db), await readProfilePay(store.db));
    return {
      store,
      catalog,
      payBook,
      taxonomyChanged: changed,
      resolver: () => (resolver ??= buildResolver()),
    };
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
}
