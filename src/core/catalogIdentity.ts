import { createHash } from 'node:crypto';
import type { Catalog } from './catalog.js';

const identities = new WeakMap<Catalog, string>();

/**
 * A catalog snapshot's identity as data: the SHA-256 of its taxonomy. Two servers holding the same
 * taxonomy agree on it, where object identity holds in one process only. Hashed once per snapshot
 * (a few hundred milliseconds for the whole-world release).
 */
export function catalogIdentity(catalog: Catalog): string {
  let identity = identities.get(catalog);
  if (identity === undefined) {
    identity = createHash('sha256').update(JSON.stringify(catalog.taxonomy)).digest('hex');
    identities.set(catalog, identity);
  }
  return identity;
}
