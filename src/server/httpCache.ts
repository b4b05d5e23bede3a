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

  /**
   * The cached response for this URL in this snapshot, rendering it on a miss.
   * `render` may be async (a page that reads the store): it then runs on a
   * miss only, and what it renders is kept for the snapshot it started in.
   */
  respond(
    c: Context,
    snapshot: object,
    contentType: string,
    render: () => string | Promise<string>,
    status: 200 | 404 = 200,
  ): Response | Promise<Response> {
    if (snapshot !== this.snapshot) {
      this.snapshot = snapshot;
      this.entries = new Map();
    }
    const entries = this.entries;
    const key = `${status} ${c.req.url}`;
    const entry = entries.get(key);
    if (entry) return answer(c, entry, status);
    const keep = (text: string) => {
      const body = ENCODER.encode(text);
      const made = { body, contentType, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      // A crawler walking every query string must not grow memory without bound.
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, made);
      return answer(c, made, status);
    };
    const rendered = render();
    return typeof rendered === 'string' ? keep(rendered) : rendered.then(keep);
  }
}

function answer(c: Context, entry: Entry, status: 200 | 404): Response {
  const headers = {
    'content-type': entry.contentType,
    etag: entry.etag,
    'cache-control': 'public, max-age=60, must-revalidate',
  };
  // Through the context, so headers middleware set on it (request ids, rate limits) are kept.
  if (status === 200 && c.req.header('if-none-match') === entry.etag) return c.body(null, 304, headers);
  return c.body(entry.body, status, headers);
}
