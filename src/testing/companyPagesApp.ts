import { join } from 'node:path';
import type { Hono } from 'hono';
import { loadBuiltinTaxonomy } from '../builtin/loadBuiltinTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { Catalog } from '../core/catalog.js';
import type { Actor } from '../core/roles.js';
import { readBundledOccupations } from '../resolve/bundledOccupations.js';
import { readBundledTitleModel } from '../resolve/bundledTitleModel.js';
import { OccupationIndex } from '../resolve/occupationIndex.js';
import { TitleModel } from '../resolve/titleModel.js';
import { TitleResolver } from '../resolve/titleResolver.js';
import { createApp } from '../server/createApp.js';
import { registerCompanyWorkRoutes } from '../server/web/routes/companyWorkRoutes.js';
import { CompanyWorkspaceDouble } from './companyWorkspaceDouble.js';

/** Who a test request is, by its `x-test-actor` header: until the sign-in is wired, the pages' actor. */
export const TEST_ACTORS: ReadonlyMap<string, Actor> = new Map([
  ['editor', { id: 'web:editor', role: 'editor', workspace: 'northwind' }],
  ['viewer', { id: 'web:viewer', role: 'viewer', workspace: 'northwind' }],
  ['stranger', { id: 'web:stranger', role: 'admin', workspace: 'contoso' }],
]);

/**
 * The whole app (createApp: its security headers, body limits and error pages) with the company
 * pages registered over the CompanyWorkspace test double, matching against the taxonomy, occupations
 * and title model Canon ships (or a subclass of the double a test passes). The actor is read from the
 * `x-test-actor` header (editor by default).
 */
export async function companyPagesApp<D extends CompanyWorkspaceDouble = CompanyWorkspaceDouble>(
  Double: new (
    deps: ConstructorParameters<typeof CompanyWorkspaceDouble>[0],
  ) => D = CompanyWorkspaceDouble as never,
): Promise<{
  app: Hono;
  company: D;
  catalog: Catalog;
}> {
  const catalog = new Catalog((await loadBuiltinTaxonomy(join(PROJECT_ROOT, 'data'))).taxonomy);
  const [occupations, model] = await Promise.all([readBundledOccupations(), readBundledTitleModel()]);
  const resolver = new TitleResolver(new OccupationIndex(occupations), catalog, new TitleModel(model));
  const company = new Double({ catalog: () => catalog, resolver });
  const app = createApp({ catalog: () => catalog, resolver: () => Promise.resolve(resolver), log: () => {} });
  registerCompanyWorkRoutes(app, {
    catalog: () => catalog,
    company,
    actor: async (c) =>
      TEST_ACTORS.get(c.req.header('x-test-actor') ?? 'editor') ?? { id: 'web:nobody', role: 'viewer' },
  });
  return { app, company, catalog };
}
