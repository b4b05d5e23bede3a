import type { Actor } from '../core/roles.js';
import type { Taxonomy } from '../core/taxonomy.js';
import type { CanonDb } from '../store/openStore.js';
import { BUILTIN_ACTOR, writeBuiltinTaxonomy } from '../store/taxonomyRepository.js';
import { auditedWrite } from './auditedWrite.js';

export interface SyncResult {
  changed: boolean;
  hash: string;
}

/** The files themselves: what they say was approved by whoever approved the commit. */
const BUILTIN: Actor = { id: BUILTIN_ACTOR, role: 'admin' };

/**
 * Makes the store hold exactly the given built-in taxonomy, in one audited transaction: at start,
 * before the first catalog is read. The same files twice change nothing and log nothing.
 */
export async function syncBuiltinTaxonomy(db: CanonDb, input: Taxonomy): Promise<SyncResult> {
  return auditedWrite<SyncResult>(db, BUILTIN, 'admin', async (tx) => {
    const written = await writeBuiltinTaxonomy(tx, input);
    if (!written.changed) return { result: { changed: false, hash: written.hash }, audit: null };
    return {
      result: { changed: true, hash: written.hash },
      audit: {
        action: 'taxonomy.load',
        target: 'data/',
        before: written.before === null ? null : { hash: written.before },
        after: { hash: written.hash, versions: written.versions },
        note: `${written.versions.length} new built-in version(s)`,
      },
    };
  });
}
