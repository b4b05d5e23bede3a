import type { Hono } from 'hono';
import { differential } from '../../../core/differential.js';
import { reviewProfile } from '../../../core/review/reviewProfile.js';
import { adjacentDto } from '../../api/toDto.js';
import type { WebDeps } from '../createWeb.js';
import { HTML, renderPage } from '../Layout.js';
import { ProfilePage } from '../pages/profile/ProfilePage.js';
import { wholeNumber } from './wholeNumber.js';

/** A profile's page, the latest or (with a workflow) an approved version pinned by ?version=. */
export function registerProfileRoutes(
  web: Hono,
  deps: Pick<WebDeps, 'catalog' | 'cache' | 'workflow' | 'payBook'>,
): void {
  web.get('/profiles/:code', async (c) => {
    const code = c.req.param('code');
    const latest = deps.catalog();
    const workflow = deps.workflow;
    const asked = c.req.query('version');
    // Without a workflow there are no versions to pin, so ?version= changes nothing.
    const version = asked && workflow ? wholeNumber(asked, 'version') : undefined;
    const catalog = version !== undefined && workflow ? await workflow.catalogAt(code, version) : latest;
    const view = catalog.getProfile(code);
    return deps.cache.respond(c, latest, HTML, { version }, () =>
      renderPage(
        ProfilePage({
          view,
          adjacent: adjacentDto(view.code, catalog).map((a) => ({
            ...a,
            status: catalog.findProfile(a.code)?.record.status ?? null,
          })),
          pay: deps.payBook().forProfile(view.code),
          differential: differential(catalog, deps.payBook(), view.code),
          review: reviewProfile(catalog, view.code),
          latestVersion: latest.getProfile(code).record.version,
        }),
      ),
    );
  });
}
