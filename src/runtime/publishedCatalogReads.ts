import { builtinFilesStamp } from '../builtin/builtinFilesStamp.js';
import type { Config } from '../config/readConfig.js';
import type { Catalog } from '../core/catalog.js';
import type { PayBook } from '../core/payBands.js';
import { landingTable } from '../resolve/focusLanding.js';
import { buildResolver, type ResolverSources } from '../resolve/resolverSources.js';
import type { TitleResolver } from '../resolve/titleResolver.js';
import { readDataDirLock } from '../store/dataDirLock.js';
import { catalogFrom } from './catalogFrom.js';
import { readPublishedCatalog } from './publishedCatalog.js';

/** What a read-only command needs: the snapshot, its pay book and the title resolver. */
export interface CatalogReads {
  catalog: Catalog;
  payBook: PayBook;
  resolver: () => Promise<TitleResolver>;
  /** What a coding thread builds its own resolver from. */
  resolverSources: () => Promise<ResolverSources>;
}

/**
 * The reads a command can answer from the snapshot the embedded store's holder published, without
 * opening the store; null when it cannot be trusted or does not serve. A holder that died may have
 * written after its last publication, so its snapshot is not used; a live holder publishes before a
 * write of its returns, so what it published is what it serves. With a release imported, the
 * resolver's index lives only in the store, so a command that resolves opens the store.
 */
export async function publishedCatalogReads(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'taxonomyDir'>,
  needs: { resolver: boolean },
): Promise<CatalogReads | null> {
  if (config.databaseUrl) return null;
  const holder = await readDataDirLock(config.dataDir);
  if (holder && !holder.alive) return null;
  const inputs = await readPublishedCatalog(config.dataDir, await builtinFilesStamp(config.taxonomyDir));
  if (!inputs || (needs.resolver && inputs.occupationRelease !== null)) return null;
  const { catalog, payBook } = catalogFrom(inputs);
  // No release imported: the shipped occupation tables serve, as on the opened store.
  const sources = async (): Promise<ResolverSources> => ({
    occupations: null,
    landing: landingTable(catalog),
  });
  let resolver: Promise<TitleResolver> | null = null;
  return {
    catalog,
    payBook,
    resolver: () => {
      resolver ??= sources().then((s) => buildResolver(s));
      return resolver;
    },
    resolverSources: sources,
  };
}
