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
import { ProfileWorkflow } from '../workflow/profileWorkflow.js';

export interface Canon {
  store: Store;
  /** The current snapshot; replaced, never mutated, when a write lands. */
  readonly catalog: Catalog;
  readonly payBook: PayBook;
  /** The title resolver, built on first use from the imported occupations (about a second with O*NET loaded). */
  resolver: () => Promise<TitleResolver>;
  workflow: ProfileWorkflow;
  /** Re-reads the store into a new snapshot. */
  reload: () => Promise<void>;
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
    return await canonOn(store, changed);
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
}

/** Canon over a store that already holds its taxonomy. */
export async function canonOn(store: Store, taxonomyChanged = false): Promise<Canon> {
  let snapshot = await readSnapshot(store);
  let resolver: Promise<TitleResolver> | null = null;
  const buildResolver = async () =>
    new TitleResolver(new OccupationIndex(await readOccupationIndexData(store.db)), snapshot.catalog);
  const reload = async () => {
    snapshot = await readSnapshot(store);
    // Aliases and focus cues feed the resolver, so it is rebuilt on its next use.
    resolver = null;
  };
  return {
    store,
    get catalog() {
      return snapshot.catalog;
    },
    get payBook() {
      return snapshot.payBook;
    },
    resolver: () => (resolver ??= buildResolver()),
    workflow: new ProfileWorkflow({ db: store.db, catalog: () => snapshot.catalog, reload }),
    reload,
    taxonomyChanged,
  };
}

async function readSnapshot(store: Store): Promise<{ catalog: Catalog; payBook: PayBook }> {
  const catalog = new Catalog(await readTaxonomy(store.db));
  const payBook = new PayBook(catalog, await readOccupationPay(store.db), await readProfilePay(store.db));
  return { catalog, payBook };
}
