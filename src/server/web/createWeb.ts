import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { Catalog } from '../../core/catalog.js';
import { compareProfiles } from '../../core/compareProfiles.js';
import { CanonError, quote } from '../../core/errors.js';
import { adjacentDto } from '../api/toDto.js';
import type { ResponseCache } from '../httpCache.js';
import { renderPage, STYLESHEET } from './Layout.js';
import { ApiDocsPage } from './pages/ApiDocsPage.js';
import { ComparePage } from './pages/ComparePage.js';
import { CoordinatesPage } from './pages/CoordinatesPage.js';
import { LevelsPage } from './pages/LevelsPage.js';
import { ProfilePage } from './pages/ProfilePage.js';
import { SourcePage, SourcesPage } from './pages/SourcePages.js';
import { TaxonomyPage } from './pages/TaxonomyPage.js';

const HTML = 'text/html; charset=utf-8';
// Read once at start: the stylesheet ships beside the compiled pages (see the build script).
const CSS = readFileSync(new URL('../../../src/server/web/assets/canon.css', import.meta.url), 'utf8');

export interface WebDeps {
  catalog: () => Catalog;
  cache: ResponseCache;
  openApiDocument: () => object;
}

/** Server-rendered pages. Handlers pick the page; the catalog does the work. */
export function createWeb(deps: WebDeps): Hono {
  const web = new Hono();
  web.get(STYLESHEET, (c) => {
    c.header('cache-control', 'public, max-age=3600');
    return c.body(CSS, 200, { 'content-type': 'text/css; charset=utf-8' });
  });
  web.get('/', (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    const catalog = deps.catalog();
    return deps.cache.respond(c, catalog, HTML, () => renderPage(TaxonomyPage({ catalog, q })));
  });
  web.get('/profiles/:code', (c) => {
    const catalog = deps.catalog();
    const view = catalog.getProfile(c.req.param('code'));
    return deps.cache.respond(c, catalog, HTML, () =>
      renderPage(ProfilePage({ view, adjacent: adjacentDto(view.code, catalog) })),
    );
  });
  web.get('/coordinates', (c) =>
    deps.cache.respond(c, deps.catalog(), HTML, () => renderPage(CoordinatesPage())),
  );
  web.get('/compare', (c) => {
    const catalog = deps.catalog();
    // Codes come either as ?codes=A,B (links) or as repeated ?p= (the picking form).
    const selected = [...(c.req.query('codes') ?? '').split(','), ...(c.req.queries('p') ?? [])]
      .map((x) => x.trim())
      .filter(Boolean);
    const comparison = selected.length > 0 ? compareProfiles(catalog, selected) : null;
    return deps.cache.respond(c, catalog, HTML, () =>
      renderPage(ComparePage({ catalog, comparison, selected })),
    );
  });
  web.get('/levels', (c) => deps.cache.respond(c, deps.catalog(), HTML, () => renderPage(LevelsPage())));
  web.get('/sources', (c) => {
    const catalog = deps.catalog();
    return deps.cache.respond(c, catalog, HTML, () => renderPage(SourcesPage({ catalog })));
  });
  web.get('/sources/:id', (c) => {
    const catalog = deps.catalog();
    const source = catalog.findSource(c.req.param('id'));
    if (!source) throw new CanonError('not_found', `No source with id ${quote(c.req.param('id'))}.`);
    return deps.cache.respond(c, catalog, HTML, () => renderPage(SourcePage({ catalog, source })));
  });
  web.get('/api/docs', (c) =>
    deps.cache.respond(c, deps.catalog(), HTML, () =>
      renderPage(ApiDocsPage({ doc: deps.openApiDocument() as never })),
    ),
  );
  return web;
}
