import { join } from 'node:path';
import { CanonError } from '../core/errors.js';
import type { OccupationPayRecord } from '../core/payBands.js';
import type { Taxonomy } from '../core/taxonomy.js';
import { loadTaxonomy } from './loadTaxonomy.js';
import { readRelease } from './releaseFile.js';

export interface BuiltinTaxonomy {
  taxonomy: Taxonomy;
  /** The generated release's version; null when the folder has none. */
  release: string | null;
  wages: OccupationPayRecord[];
}

/** Where a taxonomy folder keeps its generated release. */
export function releasePath(dataDir: string): string {
  return join(dataDir, 'release', 'taxonomy.json.gz');
}

/**
 * The built-in taxonomy: the hand-curated files of a taxonomy folder and, when
 * the folder has one, the generated release beside them. Curated focuses were
 * left out of the generation (their SOC codes are theirs), so the two only meet
 * in the sources, where the curated entry of a shared id wins.
 */
export async function loadBuiltinTaxonomy(dataDir: string): Promise<BuiltinTaxonomy> {
  const [curated, release] = await Promise.all([loadTaxonomy(dataDir), readRelease(releasePath(dataDir))]);
  if (!release) return { taxonomy: curated, release: null, wages: [] };
  const generated = release.taxonomy;
  const clash = (kind: string, codes: string[], others: Set<string>) => {
    const shared = codes.filter((c) => others.has(c));
    if (shared.length > 0)
      throw new CanonError(
        'invalid_data',
        `The release ${release.version} and the curated files both define the ${kind} ${shared.join(', ')}; rebuild the release (canon build).`,
      );
  };
  clash(
    'function(s)',
    generated.functions.map((f) => f.code),
    new Set(curated.functions.map((f) => f.code)),
  );
  clash(
    'focus(es)',
    generated.focuses.map((f) => f.code),
    new Set(curated.focuses.map((f) => f.code)),
  );
  return { taxonomy: joinTaxonomies(curated, generated), release: release.version, wages: release.wages };
}

/** The curated taxonomy with a generated one beside it; a source id both cite keeps the curated entry. */
export function joinTaxonomies(curated: Taxonomy, generated: Taxonomy): Taxonomy {
  const sourceIds = new Set(curated.sources.map((s) => s.id));
  return {
    sources: [...curated.sources, ...generated.sources.filter((s) => !sourceIds.has(s.id))],
    functions: [...curated.functions, ...generated.functions],
    focuses: [...curated.focuses, ...generated.focuses],
    profiles: [...curated.profiles, ...generated.profiles],
  };
}
