import { createHash } from 'node:crypto';
import type { Context } from 'hono';

interface Entry {
  /** Encoded once: turning a page's text into UTF-8 on every hit was most of a hit's cost. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  contentType: string;
}

const MAX_ENTRIES = 2_000;
const ENCODER = new TextEncoder();

/**
 * Caches rendered read responses per catalog snapshot: a new snapshot (after a
 * write) gets a fresh cache, so nothing stale is served and nothing needs
 * explicit invalidation. Answers If-None-Match with 304.
 */
export class ResponseCache {
  private snapshot: object | null = null;
  private entries = new Map<string, Entry>();

  respond(
    c: Context,
    snapshot: object,
    contentType: string,
    render: () => string,
    status: 200 | 404 = 200,
  ): Response {
    if (snapshot !== this.snapshot) {
      this.snapshot = snapshot;
      this.entries = new Map();
    }
    const key = `${status} ${c.req.url}`;
    let entry = this.entries.get(key);
    if (!entry) {
      const body = ENCODER.encode(render());
      entry = { body, contentType, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      // A crawler walking every query string must not grow memory without bound.
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, entry);
    }
    const headers = {
      'content-type': entry.contentType,
      etag: entry.etag,
      'cache-control': 'public, max-age=60, must-revalidate',
    };
    // Through the context, so headers middleware set on it (request ids, rate limits) are kept.
    if (status === 200 && c.req.header('if-none-match') === entry.etag) return c.body(null, 304, headers);
    return c.body(entry.body, status, headers);
  }
}
