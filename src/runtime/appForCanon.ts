import { sql } from 'drizzle-orm';
import type { Hono } from 'hono';
import type { Actor } from '../core/roles.js';
import { createApp } from '../server/createApp.js';
import type { Observability } from '../server/observability.js';
import type { RateLimits } from '../server/rateLimit.js';
import { KeyVerifier } from '../workflow/apiKeys.js';
import { CompanyUploads } from '../workflow/companyUploads.js';
import { sourceDocuments } from '../workflow/sourceDocuments.js';
import { Workspaces } from '../workflow/workspaces.js';
import { type Canon, ingestDeps } from './openCanon.js';

/** The whole HTTP app over an open Canon: reads from its snapshot, writes through its workflow. */
export function appForCanon(
  canon: Canon,
  options: {
    publicReads?: boolean;
    rateLimits?: Partial<RateLimits>;
    cacheBytes?: number;
    /**
     * Whether other processes may write to the store, so each request checks for their writes
     * (default: on PostgreSQL). The embedded store belongs to one process, and a check there
     * would wait behind this process's own writes, which run one at a time.
     */
    otherWriters?: boolean;
    observability?: Observability;
    log?: (message: string, error?: unknown) => void;
    /** The local operator's token and who it stands for (see `KeyVerifier`). */
    operator?: { token: string; actor: Actor };
  } = {},
): Hono {
  const { otherWriters = canon.store.kind === 'postgres', operator, ...appOptions } = options;
  return createApp({
    catalog: () => canon.catalog,
    resolver: canon.resolver,
    payBook: () => canon.payBook,
    ready: async () => void (await canon.store.db.execute(sql`SELECT 1`)),
    workflow: canon.workflow,
    documents: sourceDocuments(ingestDeps(canon)),
    jobs: canon.jobs,
    workspaces: new Workspaces(canon.store.db),
    company: canon.company,
    companyUploads: new CompanyUploads(canon.store.db),
    keys: new KeyVerifier(canon.store.db, undefined, operator),
    ...(otherWriters ? { refresh: () => canon.refresh() } : {}),
    ...appOptions,
  });
}
