import type { Hono } from 'hono';
import { CanonError, quote } from '../../../core/errors.js';
import type { WebDeps } from '../createWeb.js';
import { HTML, renderPage } from '../Layout.js';
import { FunctionPage } from '../pages/FunctionPage.js';
import { LevelsPage } from '../pages/LevelsPage.js';
import { TaxonomyPage } from '../pages/TaxonomyPage.js';

/** The home page of functions (with the search), a function's focus × level grid, and the level framework. */
export function registerTaxonomyRoutes(web: Hono, deps: Pick<WebDeps, 'catalog' | 'cache'>): void {
  web.get('/', (c) => {
    // A query over the limit is refused by the search, quoting it, rather than cut short unseen.
    const q = (c.req.query('q') ?? '').trim();
    const catalog = deps.catalog();
    return deps.cache.respond(c, catalog, HTML, { q }, () => renderPage(TaxonomyPage({ catalog, q })));
  });
  web.get('/functions/:code', (c) => {
    const catalog = deps.catalog();
    const code = c.req.param('code');
    const summary = catalog.functionSummaries().find((s) => s.fn.code === code);
    if (!summary) throw new CanonError('not_found', `No function with code ${quote(code)}.`);
    return deps.cache.respond(c, catalog, HTML, {}, () => renderPage(FunctionPage({ catalog, summary })));
  });
  web.get('/levels', (c) => deps.cache.respond(c, deps.catalog(), HTML, {}, () => renderPage(LevelsPage())));
}
