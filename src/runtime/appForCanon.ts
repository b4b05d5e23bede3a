import { sql } from 'drizzle-orm';
import type { Hono } from 'hono';
import { KeyVerifier } from '../access/apiKeys.js';
import { createApp } from '../server/createApp.js';
import type { Observability } from '../server/observability.js';
import type { RateLimits } from '../server/rateLimit.js';
import { sourceDocuments } from '../workflow/sourceDocuments.js';
import { type Canon, ingestDeps } from './openCanon.js';

/** The whole HTTP app over an open Canon: reads from its snapshot, writes through its workflow. */
export function appForCanon(
  canon: Canon,
  options: {
    publicReads?: boolean;
    rateLimits?: Partial<RateLimits>;
    cacheBytes?: number;
    observability?: Observability;
    log?: (message: string, error?: unknown) => void;
  } = {},
): Hono {
  return createApp({
    catalog: () => canon.catalog,
    resolver: canon.resolver,
    payBook: () => canon.payBook,
    ready: async () => void (await canon.store.db.execute(sql`SELECT 1`)),
    workflow: canon.workflow,
    documents: sourceDocuments(ingestDeps(canon)),
    keys: new KeyVerifier(canon.store.db),
    refresh: () => canon.refresh(),
    ...options,
  });
}
