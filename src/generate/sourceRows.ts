import type { SourceRow } from '../core/taxonomy.js';

/** A row of an O*NET 29.3 file, keyed as the file keys it (a Task ID, "code · element"). */
export function onetRow(file: string, key: string): SourceRow {
  return { source: 'onet-29-3', file, key };
}
