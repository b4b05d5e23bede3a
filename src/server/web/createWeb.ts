import { Hono } from 'hono';
import type { Catalog } from '../../core/catalog.js';
import { CanonError } from '../../core/errors.js';
import type { PayBook } from '../../core/payBands.js';
import { VISITOR } from '../../core/roles.js';
import type { TitleResolver } from '../../resolve/titleResolver.js';
import type { ProfileWorkflow } from '../../workflow/profileWorkflow.js';
import type { SourceDocuments } from '../../workflow/sourceDocuments.js';
import { documentUpload } from '../api/documentUpload.js';
import { HTTP_STATUS } from '../errorStatus.js';
import type { ResponseCache } from '../httpCache.js';
import { renderPage } from './Layout.js';
import { IngestPage } from './pages/DocumentPages.js';
import { registerApiDocsRoutes } from './routes/apiDocsRoutes.js';
import { registerAssetRoutes } from './routes/assetRoutes.js';
import { registerCompareRoutes } from './routes/compareRoutes.js';
import { registerGrowthRoutes } from './routes/growthRoutes.js';
import { registerProfileRoutes } from './routes/profileRoutes.js';
import { registerResolveRoutes } from './routes/resolveRoutes.js';
import { registerReviewRoutes } from './routes/reviewRoutes.js';
import { registerSourceRoutes } from './routes/sourceRoutes.js';
import { registerTaxonomyRoutes } from './routes/taxonomyRoutes.js';
import { registerWorkflowRoutes } from './routes/workflowRoutes.js';

export interface WebDeps {
  catalog: () => Catalog;
  cache: ResponseCache;
  openApiDocument: () => object;
  /** Ingested documents, shown with their evidence on their source pages; also what reads the /ingest form. */
  documents?: SourceDocuments;
  /** Versions, drafts and the review queue; without it those pages are absent. */
  workflow?: ProfileWorkflow;
  resolver: () => Promise<TitleResolver>;
  payBook: () => PayBook;
}

/** Server-rendered pages. Handlers pick the page; the catalog does the work. */
export function createWeb(deps: WebDeps): Hono {
  const web = new Hono();
  registerAssetRoutes(web);
  registerTaxonomyRoutes(web, deps);
  registerProfileRoutes(web, deps);
  registerCompareRoutes(web, deps);
  registerReviewRoutes(web, deps);
  registerResolveRoutes(web, deps);
  registerGrowthRoutes(web, deps);
  registerSourceRoutes(web, deps);
  registerApiDocsRoutes(web, deps);
  if (deps.documents) registerIngestPage(web, deps.documents);
  if (deps.workflow) registerWorkflowRoutes(web, deps, deps.workflow);
  return web;
}

/** The form that maps a ladder without storing it, read by the same workers as an upload. */
function registerIngestPage(web: Hono, documents: SourceDocuments): void {
  web.get('/ingest', (c) => c.html(renderPage(IngestPage({ result: null }))));
  web.post('/ingest', async (c) => {
    const form = await c.req.formData().catch(() => null);
    const text = String(form?.get('text') ?? '');
    try {
      const { inputs } = await documentUpload(c);
      const { sources, skipped } = await documents.ingest(VISITOR, inputs, { store: false });
      return c.html(
        renderPage(IngestPage({ result: sources[0] ?? null, skipped: skipped[0] ?? null, text })),
      );
    } catch (error) {
      // A document the readers refuse is the visitor's to fix: the form comes back with why.
      if (!(error instanceof CanonError) || (error.code !== 'invalid_input' && error.code !== 'too_large'))
        throw error;
      return c.html(
        renderPage(IngestPage({ result: null, error: error.message, text })),
        HTTP_STATUS[error.code],
      );
    }
  });
}
