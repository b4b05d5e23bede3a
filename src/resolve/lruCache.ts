import { CanonError } from '../core/errors.js';

/**
 * A map that holds at most `limit` entries and forgets the least recently used first: what the resolver
 * remembers per title, per specialty and per employer, so that a file of any size cannot grow it. A
 * Map keeps insertion order, so a hit is moved to the end by deleting and setting it again.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new CanonError('invalid_input', `A cache must hold at least one entry; got a limit of ${limit}.`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** The value for `key`, made by `make` and remembered when not held. */
  getOrSet(key: K, make: () => V): V {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = make();
    this.set(key, value);
    return value;
  }
}
