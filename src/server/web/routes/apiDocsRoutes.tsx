import type { Hono } from 'hono';
import type { WebDeps } from '../createWeb.js';
import { HTML, renderPage } from '../Layout.js';
import { ApiDocsPage } from '../pages/apiDocs/ApiDocsPage.js';

/** The API's reference, read from its OpenAPI document. */
export function registerApiDocsRoutes(
  web: Hono,
  deps: Pick<WebDeps, 'catalog' | 'cache' | 'openApiDocument'>,
): void {
  web.get('/api/docs', (c) =>
    deps.cache.respond(c, deps.catalog(), HTML, {}, () =>
      renderPage(ApiDocsPage({ doc: deps.openApiDocument() })),
    ),
  );
}
