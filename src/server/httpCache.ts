import { createHash } from 'node:crypto';
import type { Context } from 'hono';

interface Entry {
  /** Encoded once: turning a page's text into UTF-8 on every hit was most of a hit's cost. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  contentType: string;
  /** What the entry counts against the budget. */
  bytes: number;
}

/**
 * The query values a response depends on, as its handler parsed them. Only these and the
 * path make the cache key, so a parameter the handler does not read (`?junk=1`) cannot make
 * a new entry, and neither can the order of the parameters.
 */
export type CacheQuery = Readonly<
  Record<string, string | number | boolean | null | undefined | readonly string[]>
>;

export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
/** The map slot, key, ETag and object of an entry: a budget counting bodies alone would let tiny entries pile up. */
const ENTRY_OVERHEAD = 256;
/** An entry over this share of the budget is served but not kept: one huge page must not empty the cache. */
const LARGEST_SHARE = 1 / 8;
const ENCODER = new TextEncoder();

/** The entries kept for one snapshot, oldest use first (a Map keeps insertion order). */
class Kept {
  readonly entries = new Map<string, Entry>();
  bytes = 0;

  use(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  add(key: string, entry: Entry, maxBytes: number): void {
    // Two misses of one key may render at once; the later replaces the earlier.
    this.drop(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/**
 * Caches rendered read responses per catalog snapshot: a new snapshot (after a
 * write) gets a fresh cache, so nothing stale is served and nothing needs
 * explicit invalidation. Answers If-None-Match with 304. Holds at most
 * `maxBytes` (bodies and keys), dropping the least recently used entries first.
 */
export class ResponseCache {
  readonly maxBytes: number;
  private readonly cacheControl: string;
  private snapshot: object | null = null;
  private kept = new Kept();

  /**
   * `privateReads`: reads need a key, so no shared cache (a proxy, a CDN) may
   * keep a response for others — `public` would let it serve one made for a
   * key holder to a caller without one (RFC 9111 §3.5).
   */
  constructor(options: { maxBytes?: number; privateReads?: boolean } = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_CACHE_BYTES;
    this.cacheControl = options.privateReads ? 'private, no-cache' : 'public, max-age=60, must-revalidate';
  }

  /** Entries kept for the current snapshot. */
  get size(): number {
    return this.kept.entries.size;
  }

  /** What the kept entries count against `maxBytes`. */
  get bytes(): number {
    return this.kept.bytes;
  }

  /**
   * The cached response for this path and query in this snapshot, rendering it on a miss.
   * `query` holds every query value the response depends on (`{}` when none).
   * `render` may be async (a page that reads the store): it then runs on a
   * miss only, and what it renders is kept for the snapshot it started in.
   */
  respond(
    c: Context,
    snapshot: object,
    contentType: string,
    query: CacheQuery,
    render: () => string | Promise<string>,
  ): Response | Promise<Response> {
    if (snapshot !== this.snapshot) {
      this.snapshot = snapshot;
      this.kept = new Kept();
    }
    const kept = this.kept;
    const key = cacheKey(c.req.path, query);
    const entry = kept.use(key);
    if (entry) return answer(c, entry, this.cacheControl);
    const keep = (text: string) => {
      const body = ENCODER.encode(text);
      const made = {
        body,
        contentType,
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
        bytes: body.byteLength + key.length + ENTRY_OVERHEAD,
      };
      if (made.bytes <= this.maxBytes * LARGEST_SHARE) kept.add(key, made, this.maxBytes);
      return answer(c, made, this.cacheControl);
    };
    const rendered = render();
    return typeof rendered === 'string' ? keep(rendered) : rendered.then(keep);
  }
}

/** The path (hono has decoded it) and the query values sorted by name; absent values are left out. */
function cacheKey(path: string, query: CacheQuery): string {
  const values = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return values.length ? `${path} ${JSON.stringify(values)}` : path;
}

function answer(c: Context, entry: Entry, cacheControl: string): Response {
  const headers = { 'content-type': entry.contentType, etag: entry.etag, 'cache-control': cacheControl };
  // Through the context, so headers middleware set on it (request ids, rate limits) are kept.
  if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304, headers);
  return c.body(entry.body, 200, headers);
}
