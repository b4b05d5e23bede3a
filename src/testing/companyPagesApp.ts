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
import { workspaces } from '../store/schema.js';
import { CompanyImports } from '../workflow/companyImports.js';
import { CompanyUploads } from '../workflow/companyUploads.js';
import { clonedStore } from './testStore.js';

/** Who a test request is, by its `x-test-actor` header: until the sign-in is wired, the pages' actor. */
export const TEST_ACTORS: ReadonlyMap<string, Actor> = new Map([
  ['editor', { id: 'web:editor', role: 'editor', workspace: 'northwind' }],
  ['viewer', { id: 'web:viewer', role: 'viewer', workspace: 'northwind' }],
  ['stranger', { id: 'web:stranger', role: 'admin', workspace: 'contoso' }],
]);

/**
 * What the company mapping works on, as every server on one database has it: a private embedded store
 * with workspaces "northwind" and "contoso", and the taxonomy, occupations and title model Canon ships.
 */
export async function companyStore(): Promise<ConstructorParameters<typeof CompanyImports>[0]> {
  const catalog = new Catalog((await loadBuiltinTaxonomy(join(PROJECT_ROOT, 'data'))).taxonomy);
  const [occupations, model] = await Promise.all([readBundledOccupations(), readBundledTitleModel()]);
  const resolver = new TitleResolver(new OccupationIndex(occupations), catalog, new TitleModel(model));
  const { db } = await clonedStore();
  await db.insert(workspaces).values([
    { id: 'northwind', name: 'Northwind Traders', createdBy: 'cli:test' },
    { id: 'contoso', name: 'Contoso', createdBy: 'cli:test' },
  ]);
  return { db, catalog: () => catalog, resolver: () => Promise.resolve(resolver) };
}

/**
 * The whole app (createApp: its security headers, body limits and error pages) with the company
 * pages registered over the workspaces' company mapping on a private embedded store (workspaces
 * "northwind" and "contoso"), matching against the taxonomy, occupations and title model Canon ships.
 * A test may pass a subclass of `CompanyImports` to hold or record its work. The actor is read from
 * the `x-test-actor` header (editor by default); the sign-in that sets it in the served app is tested
 * with the workspaces' pages.
 */
export async function companyPagesApp<C extends CompanyImports = CompanyImports>(
  Kind: new (deps: ConstructorParameters<typeof CompanyImports>[0]) => C = CompanyImports as never,
): Promise<{
  app: Hono;
  company: C;
  catalog: Catalog;
}> {
  const deps = await companyStore();
  const { db, catalog, resolver } = deps;
  const company = new Kind(deps);
  const app = createApp({ catalog, resolver, log: () => {} });
  registerCompanyWorkRoutes(app, {
    catalog,
    company,
    uploads: new CompanyUploads(db),
    actor: async (c) =>
      TEST_ACTORS.get(c.req.header('x-test-actor') ?? 'editor') ?? { id: 'web:nobody', role: 'viewer' },
  });
  return { app, company, catalog: catalog() };
}
