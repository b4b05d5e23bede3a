import type { Hono } from 'hono';
import { MAX_TITLE_LENGTH } from '../../../resolve/titleResolver.js';
import type { WebDeps } from '../createWeb.js';
import { renderPage } from '../Layout.js';
import { ResolvePage } from '../pages/ResolvePage.js';

/** "Level a title": a job title (and its employer) resolved to a profile. */
export function registerResolveRoutes(web: Hono, deps: Pick<WebDeps, 'resolver'>): void {
  web.get('/resolve', async (c) => {
    const title = (c.req.query('title') ?? '').trim().slice(0, MAX_TITLE_LENGTH);
    const employer = (c.req.query('employer') ?? '').trim().slice(0, 200);
    const resolver = await deps.resolver();
    const resolution = title ? resolver.resolve({ title, employer }) : null;
    return c.html(
      renderPage(ResolvePage({ title, employer, resolution, occupations: resolver.index.occupations.size })),
    );
  });
}
