import type { OccupationIndexData } from '../store/occupationRepository.js';
import { readBundledOccupations } from './bundledOccupations.js';
import { readBundledTitleModel } from './bundledTitleModel.js';
import type { LandingTable } from './focusLanding.js';
import { OccupationIndex } from './occupationIndex.js';
import { TitleModel } from './titleModel.js';
import { TitleResolver } from './titleResolver.js';

/**
 * What a title resolver is built from, as plain data: what a worker thread is handed to build its own
 * (runtime/openCanon.ts gives the store's; a live store cannot cross threads).
 */
export interface ResolverSources {
  /** The imported O*NET release's tables; null for the ones shipped in data/, which a thread reads itself. */
  occupations: OccupationIndexData | null;
  /** What landing reads of the catalog. */
  landing: LandingTable;
}

/** A resolver over the sources and the shipped learned model, as `canon.resolver()` builds one. */
export async function buildResolver(
  sources: ResolverSources,
  options: { remember?: number } = {},
): Promise<TitleResolver> {
  const [occupations, model] = await Promise.all([
    sources.occupations ?? readBundledOccupations(),
    readBundledTitleModel(),
  ]);
  return new TitleResolver(new OccupationIndex(occupations), sources.landing, new TitleModel(model), options);
}
