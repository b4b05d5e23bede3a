import type { Context, Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { CanonError, quote } from '../../../core/errors.js';
import { requireWorkspaceRole } from '../../../core/roles.js';
import { parseWorkspaceId, type Workspaces } from '../../../workflow/workspaces.js';
import { requireSameOrigin, WORKSPACE_COOKIE, workspaceActor } from '../../access.js';
import { HTTP_STATUS } from '../../errorStatus.js';
import { renderPage } from '../Layout.js';
import { SignInPage } from '../pages/workspace/SignInPage.js';
import { WorkspaceHomePage } from '../pages/workspace/WorkspaceHomePage.js';
import { workspaceHref } from '../pages/workspace/WorkspaceNav.js';

/** The pages of a workspace that need no key: signing in and out. */
const OPEN_PAGES = /^\/w\/[^/]+\/sign-(?:in|out)$/;

const signInHref = (workspace: string) => `${workspaceHref(workspace)}/sign-in`;

/** The workspace a page's path names, or the 404 of one that does not exist. */
function workspaceOf(c: Context): string {
  const id = c.req.param('workspace') ?? '';
  try {
    return parseWorkspaceId(id);
  } catch {
    throw new CanonError('not_found', `No workspace ${quote(id)}.`);
  }
}

/** Over https (directly or behind a proxy that says so) the cookie is never sent in the clear. */
const isHttps = (c: Context) =>
  new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/**
 * A workspace's pages under /w/:workspace: its guard, signing in and out, and its home. Register these
 * before any other /w/ page, so that the guard stands in front of them all: every page there needs a
 * key of the workspace (a viewer's at least) whatever the read policy. Without one a browser is sent
 * to the sign-in form; a key from outside the workspace gets the 404 of a workspace that does not
 * exist. A page needing a stronger role asks `workspaceActor(c, role)` for it.
 */
export function registerWorkspaceRoutes(web: Hono, workspaces: Workspaces): void {
  const guard: MiddlewareHandler = async (c, next) => {
    const workspace = workspaceOf(c);
    if (OPEN_PAGES.test(c.req.path)) return next();
    try {
      await workspaceActor(c, 'viewer');
    } catch (error) {
      if (error instanceof CanonError && error.code === 'unauthorized')
        return c.redirect(signInHref(workspace), 303);
      throw error;
    }
    await next();
    // A company's pages are its own: no cache between the server and the browser may keep them.
    c.header('Cache-Control', 'no-store');
  };
  web.use('/w/:workspace', guard);
  web.use('/w/:workspace/*', guard);

  web.get('/w/:workspace/sign-in', (c) => c.html(renderPage(SignInPage({ workspace: workspaceOf(c) }))));
  web.post('/w/:workspace/sign-in', async (c) => {
    const workspace = workspaceOf(c);
    // Signing a browser in to a workspace of the attacker's choosing is a forgery too.
    requireSameOrigin(c);
    const access = c.get('canonAccess');
    const form = await c.req.parseBody();
    const key = typeof form.key === 'string' ? form.key.trim() : '';
    try {
      if (!access) throw new CanonError('unauthorized', 'This server takes no keys.');
      requireWorkspaceRole(await access.verifyKey(c, key), { workspace, role: 'viewer' });
    } catch (error) {
      if (!(error instanceof CanonError) || !['unauthorized', 'not_found'].includes(error.code)) throw error;
      // One answer for an unknown key and a key of another workspace: the form tells nobody which exist.
      const message = `That is not a key of workspace ${quote(workspace)}, or it was revoked.`;
      return c.html(renderPage(SignInPage({ workspace, error: message })), HTTP_STATUS.unauthorized);
    }
    setCookie(c, WORKSPACE_COOKIE, key, {
      path: workspaceHref(workspace),
      httpOnly: true,
      sameSite: 'Strict',
      secure: isHttps(c),
    });
    return c.redirect(workspaceHref(workspace), 303);
  });
  web.post('/w/:workspace/sign-out', (c) => {
    const workspace = workspaceOf(c);
    requireSameOrigin(c);
    deleteCookie(c, WORKSPACE_COOKIE, { path: workspaceHref(workspace), secure: isHttps(c) });
    return c.redirect(signInHref(workspace), 303);
  });

  web.get('/w/:workspace', async (c) => {
    const workspace = await workspaces.read(await workspaceActor(c, 'viewer'), workspaceOf(c));
    return c.html(renderPage(WorkspaceHomePage({ workspace })));
  });
}
