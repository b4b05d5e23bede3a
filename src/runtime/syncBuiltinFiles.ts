import { loadBuiltinTaxonomy } from '../builtin/loadBuiltinTaxonomy.js';
import { readBuiltinStamp } from '../store/builtinFilesRepository.js';
import type { CanonDb } from '../store/openStore.js';
import { syncBuiltinTaxonomy } from '../workflow/syncBuiltinTaxonomy.js';

export interface BuiltinFilesSync {
  /** The store now holds something it did not: a changed taxonomy or changed wages. */
  changed: boolean;
  /** The files were read and parsed, because their digest differed from the one the store recorded. */
  parsed: boolean;
}

/**
 * Brings a taxonomy folder into the store at start. Parsing the shipped files takes about half a
 * second, on every CLI command as much as on a server's start, so they are parsed only when their
 * digest (`stamp`, builtin/builtinFilesStamp.ts) differs from the one recorded by the last load; the sync then records the new digest with
 * the taxonomy, in one transaction, so a failed load is tried again next time.
 */
export async function syncBuiltinFiles(
  db: CanonDb,
  taxonomyDir: string,
  stamp: string,
): Promise<BuiltinFilesSync> {
  if ((await readBuiltinStamp(db)) === stamp) return { changed: false, parsed: false };
  const builtin = await loadBuiltinTaxonomy(taxonomyDir);
  const { changed } = await syncBuiltinTaxonomy(db, builtin.taxonomy, { stamp, wages: builtin.wages });
  return { changed, parsed: true };
}
