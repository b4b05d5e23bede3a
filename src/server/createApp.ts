import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { MAX_CATALOG_BYTES } from '../company/readCatalogFile.js';
import { MAX_JOB_BYTES } from '../core/bulkJob.js';
import type { Catalog } from '../core/catalog.js';
import { CanonError } from '../core/errors.js';
import { MAX_DOCUMENT_BYTES } from '../core/evidence.js';
import { PayBook } from '../core/payBands.js';
import { within } from '../core/within.js';
import { OccupationIndex } from '../resolve/occupationIndex.js';
import { TitleResolver } from '../resolve/titleResolver.js';
import type { KeyVerifier } from '../workflow/apiKeys.js';
import type { BulkJobs } from '../workflow/bulkJobs.js';
import type { CompanyUploads } from '../workflow/companyUploads.js';
import type { CompanyWorkspace } from '../workflow/companyWorkspace.js';
import type { ProfileWorkflow } from '../workflow/profileWorkflow.js';
import type { SourceDocuments } from '../workflow/sourceDocuments.js';
import type { Workspaces } from '../workflow/workspaces.js';
import { ALWAYS_OPEN, createAccess, DEFAULT_FAILED_AUTH_LIMIT, isRead } from './access.js';
import { createApi } from './api/createApi.js';
import { openApiDocument } from './api/openApiDocument.js';
import { errorBody, HTTP_STATUS, toCanonError } from './errorStatus.js';
import { ResponseCache } from './httpCache.js';
import type { Observability } from './observability.js';
import { RateLimiter, type RateLimits, rateLimit } from './rateLimit.js';

const NO_OCCUPATIONS = { occupations: [], titles: [], socTitles: [] };

import { createWeb } from './web/createWeb.js';
import { renderPage } from './web/Layout.js';
import { ErrorPage } from './web/pages/ErrorPage.js';
import { COMPANY_UPLOAD_PATH } from './web/routes/companyWorkRoutes.js';

export interface AppOptions {
  /** The current snapshot; a getter so that a write can swap it without rebuilding the app. */
  catalog: () => Catalog;
  /** The title resolver; without one, titles are read against the built-in taxonomy alone. */
  resolver?: () => Promise<TitleResolver>;
  /** Market pay; without one, only the pay stated in the taxonomy files is shown. */
  payBook?: () => PayBook;
  log?: (message: string, error?: unknown) => void;
  /** Resolves when the store answers; /readyz reports 503 while it throws. */
  ready?: () => Promise<void>;
  /** Drafts, versions and approvals; without it the app is read-only. */
  workflow?: ProfileWorkflow;
  /** Checks API keys; writes need one. Required with `workflow`. */
  keys?: KeyVerifier;
  /** Ingested documents and their evidence; without it POST /api/sources is absent. */
  documents?: SourceDocuments;
  /** Bulk coding jobs; without them /api/jobs is absent. */
  jobs?: BulkJobs;
  /** Workspaces and their keys; without them /api/workspaces and the /w/ pages are absent. */
  workspaces?: Workspaces;
  /** Companies' mappings per workspace; without it /api/workspaces/{workspace}/… is absent. */
  company?: CompanyWorkspace;
  /** The import page's uploads and dry runs, in the store; without them a workspace's import and review pages are absent. */
  companyUploads?: CompanyUploads;
  /** Whether reads need no key (default true). */
  publicReads?: boolean;
  /** Requests a minute per address and per key (see RateLimits); 0 turns a limit off. */
  rateLimits?: Partial<RateLimits>;
  /** Request logs and Prometheus metrics (/metrics); without it neither is kept. */
  observability?: Observability;
  /** What the response cache may hold, in bytes (default 64 MB). */
  cacheBytes?: number;
  /** Called on every request, which waits for it up to REFRESH_WAIT_MS: picks up writes made by other processes (see Canon.refresh). */
  refresh?: () => Promise<void> | null;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  writes: 120,
  resolve: 60_000,
  failedAuth: DEFAULT_FAILED_AUTH_LIMIT,
};

/**
 * How long a request waits for a check of the store (made at most once a second) and the reload it
 * starts: the first request after another server's write is then served from the new snapshot.
 */
const REFRESH_WAIT_MS = 2_000;

/** Document uploads (the API and the /ingest form) may carry a whole document; every other body fits in 1 MB. */
const limitBody = (maxSize: number, message: string) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new CanonError('too_large', message);
    },
  });
const UPLOAD_PATHS = new Set(['/api/sources', '/ingest']);
const UPLOAD_LIMIT = limitBody(
  MAX_DOCUMENT_BYTES + 64 * 1024,
  `The upload is over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; documents may be up to that.`,
);
const NO_LIMIT: MiddlewareHandler = (_c, next) => next();
const BODY_LIMIT = limitBody(1024 * 1024, 'Request bodies may be up to 1,024 KB.');
const JOB_LIMIT = limitBody(
  MAX_JOB_BYTES,
  `A bulk job's CSV may be up to ${MAX_JOB_BYTES / 1024 / 1024} MB; split the file.`,
);
const CATALOG_LIMIT = limitBody(
  MAX_CATALOG_BYTES + 64 * 1024,
  `A job catalog may be up to ${MAX_CATALOG_BYTES / 1024 / 1024} MB; split the file, or leave out columns Canon does not use.`,
);
const CATALOG_PATH = /^\/api\/workspaces\/[^/]+\/imports$/;
// A workspace's import page reads a whole catalog: its route sets its own limit and says it on the page.
const limitFor = (path: string) =>
  path === '/api/jobs'
    ? JOB_LIMIT
    : UPLOAD_PATHS.has(path)
      ? UPLOAD_LIMIT
      : CATALOG_PATH.test(path)
        ? CATALOG_LIMIT
        : COMPANY_UPLOAD_PATH.test(path)
          ? NO_LIMIT
          : BODY_LIMIT;

/** No inline scripts or styles anywhere: pages use one stylesheet and no JavaScript at all. */
const SECURITY_HEADERS = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'strict-origin-when-cross-origin',
});

/** The whole HTTP surface: JSON API under /api, pages everywhere else. */
export function createApp(options: AppOptions): Hono {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const cache = new ResponseCache({
    ...(options.cacheBytes === undefined ? {} : { maxBytes: options.cacheBytes }),
    privateReads: Boolean(options.keys) && options.publicReads === false,
  });
  const resolver =
    options.resolver ??
    (() => Promise.resolve(new TitleResolver(new OccupationIndex(NO_OCCUPATIONS), options.catalog())));
  let fallbackPay: { catalog: Catalog; book: PayBook } | null = null;
  const payBook =
    options.payBook ??
    (() => {
      const catalog = options.catalog();
      if (fallbackPay?.catalog !== catalog) fallbackPay = { catalog, book: new PayBook(catalog, []) };
      return fallbackPay.book;
    });
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const access = options.keys
    ? createAccess(options.keys, options.publicReads ?? true, limits.failedAuth)
    : null;
  const write =
    options.workflow && access
      ? {
          workflow: options.workflow,
          access,
          ...(options.documents ? { documents: options.documents } : {}),
          ...(options.jobs ? { jobs: options.jobs } : {}),
          ...(options.workspaces ? { workspaces: options.workspaces } : {}),
          ...(options.company ? { company: options.company } : {}),
        }
      : undefined;
  const workflow = options.workflow;
  const pinned = workflow ? (code: string, version: number) => workflow.catalogAt(code, version) : undefined;
  const api = createApi(
    { catalog: options.catalog, cache, resolver, payBook, ...(pinned ? { pinned } : {}) },
    write,
  );
  const app = new Hono();
  const wantsJson = (path: string) => path === '/api' || path.startsWith('/api/');

  // Every failure, a route's or an unknown address, answers through the one code → status table.
  const fail = (c: Context, err: unknown) => {
    const error = toCanonError(err, c.req.raw);
    const status = HTTP_STATUS[error.code];
    if (status >= 500) log(`${c.req.method} ${c.req.path} failed`, err);
    // RFC 9110: a 401 names the scheme that would work.
    if (status === 401) c.header('WWW-Authenticate', 'Bearer realm="canon"');
    if (wantsJson(c.req.path)) return c.json(errorBody(error), status);
    return c.html(renderPage(ErrorPage({ status, message: error.message })), status);
  };
  app.onError((err, c) => fail(c, err));
  app.notFound((c) => fail(c, new CanonError('not_found', `Nothing at ${c.req.path}.`)));

  const observability = options.observability;
  if (observability) app.use('*', observability.middleware());
  app.use('*', SECURITY_HEADERS);
  const refresh = options.refresh;
  if (refresh) {
    // While the store does not answer, requests are served from the snapshot at once instead of each waiting.
    let storeAnswers = true;
    let reported: Promise<void> | null = null;
    app.use('*', async (c, next) => {
      const checked = ALWAYS_OPEN.test(c.req.path) ? null : refresh();
      if (checked) {
        const settled = checked.then(
          () => {
            storeAnswers = true;
          },
          (error) => {
            storeAnswers = false;
            if (reported !== checked) log('checking the store for changes failed', error);
            reported = checked;
          },
        );
        // A check that outlasts the wait counts as the store not answering, until it settles.
        if (storeAnswers)
          await within(settled, REFRESH_WAIT_MS, 'The check for changes').catch(() => {
            storeAnswers = false;
          });
      }
      await next();
    });
  }
  if (access) app.use('*', access.guardAll);
  // Only requests that may carry a body: hono's limiter costs a quarter of a page's throughput even on a GET.
  app.use('*', (c, next) => (isRead(c) ? next() : limitFor(c.req.path)(c, next)));
  const resolving = (c: Context) => c.req.path === '/api/resolve' || c.req.path === '/resolve';
  app.use('*', rateLimit(new RateLimiter(limits.resolve), resolving));
  // Everything that sends a body costs work to read it: API writes, uploads, and the ingest and readiness forms.
  app.use(
    '*',
    rateLimit(new RateLimiter(limits.writes), (c) => !isRead(c) && !resolving(c)),
  );
  // After the read policy: with private reads, metrics need a key like everything else.
  if (observability)
    app.get('/metrics', async (c) => {
      const { body, contentType } = await observability.metrics();
      return c.body(body, 200, { 'content-type': contentType, 'cache-control': 'no-store' });
    });
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await (options.ready?.() ?? Promise.resolve());
      return c.json({ status: 'ready' });
    } catch (error) {
      log('readiness check failed', error);
      const code = 'store_unavailable';
      return c.json({ error: { code, message: 'The store does not answer.' } }, HTTP_STATUS[code]);
    }
  });
  app.route(
    '/',
    createWeb({
      catalog: options.catalog,
      cache,
      openApiDocument: () => openApiDocument(api),
      resolver,
      payBook,
      ...(options.workflow ? { workflow: options.workflow } : {}),
      ...(options.documents ? { documents: options.documents } : {}),
      ...(options.workspaces && access ? { workspaces: options.workspaces } : {}),
      ...(options.company ? { company: options.company } : {}),
      ...(options.companyUploads ? { companyUploads: options.companyUploads } : {}),
    }),
  );
  app.route('/api', api);
  return app;
}
