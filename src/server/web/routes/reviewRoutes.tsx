import type { Hono } from 'hono';
import { reviewProfile } from '../../../core/review/reviewProfile.js';
import type { WebDeps } from '../createWeb.js';
import { HTML, renderPage } from '../Layout.js';
import { ReviewingPage, ReviewPage } from '../pages/ReviewPages.js';

/** The review panel's verdict on a profile, and how profiles are reviewed. */
export function registerReviewRoutes(web: Hono, deps: Pick<WebDeps, 'catalog' | 'cache'>): void {
  web.get('/profiles/:code/review', (c) => {
    const catalog = deps.catalog();
    const view = catalog.getProfile(c.req.param('code'));
    return deps.cache.respond(c, catalog, HTML, {}, () =>
      renderPage(ReviewPage({ view, review: reviewProfile(catalog, view.code) })),
    );
  });
  web.get('/reviewing', (c) =>
    deps.cache.respond(c, deps.catalog(), HTML, {}, () => renderPage(ReviewingPage())),
  );
}
