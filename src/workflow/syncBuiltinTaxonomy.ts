import type { Actor } from '../core/roles.js';
import type { Taxonomy } from '../core/taxonomy.js';
import { type BuiltinFiles, readBuiltinWages, writeBuiltinFiles } from '../store/builtinFilesRepository.js';
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
 * before the first catalog is read. The same files twice change nothing and log nothing. With
 * `files`, the store also records their digest and the release's wages, so the next start can see
 * the files are unchanged without parsing them; wages that changed alone are logged too, since
 * every pay answer reads them.
 */
export async function syncBuiltinTaxonomy(
  db: CanonDb,
  input: Taxonomy,
  files?: BuiltinFiles,
): Promise<SyncResult> {
  return auditedWrite<SyncResult>(db, BUILTIN, 'admin', async (tx) => {
    const written = await writeBuiltinTaxonomy(tx, input);
    const wagesChanged =
      files !== undefined && JSON.stringify(await readBuiltinWages(tx)) !== JSON.stringify(files.wages);
    if (files) await writeBuiltinFiles(tx, files);
    if (!written.changed && !wagesChanged)
      return { result: { changed: false, hash: written.hash }, audit: null };
    const versions = written.changed ? written.versions : [];
    const before = written.changed ? written.before : written.hash;
    const changes = [
      ...(written.changed ? [`${versions.length} new built-in version(s)`] : []),
      ...(wagesChanged ? [`the release's wages changed (${files?.wages.length ?? 0} occupation(s))`] : []),
    ];
    return {
      result: { changed: true, hash: written.hash },
      audit: {
        action: 'taxonomy.load',
        target: 'data/',
        before: before === null ? null : { hash: before },
        after: { hash: written.hash, versions },
        note: changes.join('; '),
      },
    };
  });
}
