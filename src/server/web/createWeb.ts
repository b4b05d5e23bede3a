import { type Context, Hono } from 'hono';
import type { Catalog } from '../../core/catalog.js';
import type { PayBook } from '../../core/payBands.js';
import type { TitleResolver } from '../../resolve/titleResolver.js';
import type { CompanyUploads } from '../../workflow/companyUploads.js';
import type { CompanyWorkspace } from '../../workflow/companyWorkspace.js';
import type { ProfileWorkflow } from '../../workflow/profileWorkflow.js';
import type { SourceDocuments } from '../../workflow/sourceDocuments.js';
import type { Workspaces } from '../../workflow/workspaces.js';
import type { ApiDocument } from '../api/openApiTypes.js';
import type { ResponseCache } from '../httpCache.js';
import { WorkspaceNav, type WorkspaceSection } from './pages/workspace/WorkspaceNav.js';
import { registerApiDocsRoutes } from './routes/apiDocsRoutes.js';
import { registerAssetRoutes } from './routes/assetRoutes.js';
import { registerCompanyViewRoutes } from './routes/companyViewRoutes.js';
import { registerCompanyWorkRoutes } from './routes/companyWorkRoutes.js';
import { registerCompareRoutes } from './routes/compareRoutes.js';
import { registerGrowthRoutes } from './routes/growthRoutes.js';
import { registerIngestRoutes } from './routes/ingestRoutes.js';
import { registerProfileRoutes } from './routes/profileRoutes.js';
import { registerResolveRoutes } from './routes/resolveRoutes.js';
import { registerReviewRoutes } from './routes/reviewRoutes.js';
import { registerSourceRoutes } from './routes/sourceRoutes.js';
import { registerTaxonomyRoutes } from './routes/taxonomyRoutes.js';
import { registerWorkflowRoutes } from './routes/workflowRoutes.js';
import { pageActor, registerWorkspaceRoutes } from './routes/workspaceRoutes.js';

export interface WebDeps {
  catalog: () => Catalog;
  cache: ResponseCache;
  openApiDocument: () => ApiDocument;
  /** Ingested documents, shown with their evidence on their source pages; also what reads the /ingest form. */
  documents?: SourceDocuments;
  /** Versions, drafts and the review queue; without it those pages are absent. */
  workflow?: ProfileWorkflow;
  resolver: () => Promise<TitleResolver>;
  payBook: () => PayBook;
  /** Workspaces; without them the /w/ pages are absent. */
  workspaces?: Workspaces;
  /** Companies' mappings in their workspaces; without them a workspace's import, review and views are absent. */
  company?: CompanyWorkspace;
  /** The import page's uploads and dry runs; without them a workspace's import and review pages are absent. */
  companyUploads?: CompanyUploads;
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
  if (deps.documents) registerIngestRoutes(web, deps.documents);
  if (deps.workflow) registerWorkflowRoutes(web, deps, deps.workflow);
  // First of the /w/ pages: its guard must stand before every workspace page registered after it.
  if (deps.workspaces) {
    registerWorkspaceRoutes(web, deps.workspaces);
    const { company, companyUploads } = deps;
    if (company) {
      const actor = async (c: Context) => pageActor(c);
      if (companyUploads)
        registerCompanyWorkRoutes(web, {
          catalog: deps.catalog,
          company,
          uploads: companyUploads,
          actor,
          nav: (workspace, c) => WorkspaceNav({ workspace, current: sectionOf(c.req.path) }),
        });
      registerCompanyViewRoutes(web, {
        catalog: deps.catalog,
        payBook: deps.payBook,
        actor: pageActor,
        mapping: (who, workspace) => company.mapping(who, workspace),
      });
    }
  }
  return web;
}

/** The section of a workspace's page a path is in (/w/<ws>/review/… is review), for its nav. */
function sectionOf(path: string): WorkspaceSection {
  return path.split('/')[3] === 'review' ? 'review' : 'import';
}
