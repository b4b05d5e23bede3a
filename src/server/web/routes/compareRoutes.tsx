import type { Hono } from 'hono';
import { compareProfiles } from '../../../core/compareProfiles.js';
import type { WebDeps } from '../createWeb.js';
import { HTML, renderPage } from '../Layout.js';
import { ComparePage } from '../pages/ComparePage.js';
import { CoordinatesPage } from '../pages/CoordinatesPage.js';

/** Profiles side by side, and how the distance between them is computed. */
export function registerCompareRoutes(web: Hono, deps: Pick<WebDeps, 'catalog' | 'cache' | 'payBook'>): void {
  web.get('/coordinates', (c) =>
    deps.cache.respond(c, deps.catalog(), HTML, {}, () => renderPage(CoordinatesPage())),
  );
  web.get('/compare', (c) => {
    const catalog = deps.catalog();
    // Codes come either as ?codes=A,B (links) or as repeated ?p= (the picking form).
    const selected = [...(c.req.query('codes') ?? '').split(','), ...(c.req.queries('p') ?? [])]
      .map((x) => x.trim())
      .filter(Boolean);
    const comparison = selected.length > 0 ? compareProfiles(catalog, selected) : null;
    return deps.cache.respond(c, catalog, HTML, { selected }, () =>
      renderPage(
        ComparePage({
          catalog,
          comparison,
          selected,
          pays: (comparison?.profiles ?? []).map((p) => deps.payBook().forProfile(p.code).headline),
        }),
      ),
    );
  });
}
