import type { Hono } from 'hono';
import { CanonError } from '../../../core/errors.js';
import { parseVersionRef, type VersionRef } from '../../../core/versionRef.js';
import type { ProfileWorkflow } from '../../../workflow/profileWorkflow.js';
import type { WebDeps } from '../createWeb.js';
import { renderPage } from '../Layout.js';
import { DiffPage, DraftPage, HistoryPage, QueuePage } from '../pages/WorkflowPages.js';

/** History, diffs, drafts and the queue read the store, so none of them is cached. */
export function registerWorkflowRoutes(
  web: Hono,
  deps: Pick<WebDeps, 'catalog'>,
  workflow: ProfileWorkflow,
): void {
  web.get('/review-queue', async (c) => {
    const catalog = deps.catalog();
    const items = (await workflow.queue()).map((reviewed) => ({
      view: catalog.getProfile(reviewed.draft.profileCode),
      reviewed,
    }));
    return c.html(renderPage(QueuePage({ items })));
  });
  web.get('/profiles/:code/history', async (c) => {
    const view = deps.catalog().getProfile(c.req.param('code'));
    const [versions, draft] = await Promise.all([
      workflow.history(view.code),
      workflow.draft(view.code).catch(() => null),
    ]);
    return c.html(renderPage(HistoryPage({ view, versions, draft })));
  });
  web.get('/profiles/:code/diff', async (c) => {
    const view = deps.catalog().getProfile(c.req.param('code'));
    const from = versionRefOf(c.req.query('from'), 'from');
    const to = versionRefOf(c.req.query('to'), 'to');
    const diff = await workflow.diff(view.code, from, to);
    return c.html(renderPage(DiffPage({ view, from, to, diff })));
  });
  web.get('/profiles/:code/draft', async (c) => {
    const view = deps.catalog().getProfile(c.req.param('code'));
    const reviewed = await workflow.draft(view.code);
    const base = reviewed.draft.baseVersion;
    const diff = base ? await workflow.diff(view.code, base, 'draft') : [];
    return c.html(renderPage(DraftPage({ view, reviewed, diff })));
  });
}

function versionRefOf(value: string | undefined, name: string): VersionRef {
  if (value === undefined || value === '')
    throw new CanonError(
      'invalid_input',
      `Say which versions to compare: ?from=1&to=2 (${name} is missing).`,
    );
  return parseVersionRef(value, name);
}
