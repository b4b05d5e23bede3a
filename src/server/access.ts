import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { CanonError } from '../core/errors.js';
import { type Actor, type Role, requireRole, requireWorkspaceRole } from '../core/roles.js';
import type { KeyVerifier } from '../workflow/apiKeys.js';
import { addressOf, RateLimiter } from './rateLimit.js';
import { requireUtf8Json } from './utf8Json.js';

/**
 * What an endpoint does, which decides who may call it: `read` needs a key only
 * when reads are private; a role needs a key holding at least that role. The
 * method never decides: a POST that only computes an answer is a read.
 */
export type AccessNeed = 'read' | Exclude<Role, 'viewer'>;

export interface Access {
  /**
   * The actor behind the request's API key — its Authorization header, or on a workspace's pages
   * without one, the workspace's sign-in cookie; 401 when it has none or a bad one. Asked once per
   * request.
   */
  actor(c: Context): Promise<Actor>;
  /** The actor of a key presented some other way (the sign-in form), verified and limited as a header's is. */
  verifyKey(c: Context, presented: string): Promise<Actor>;
  /** Throws unless the request's caller may do what the endpoint does. */
  check(c: Context, need: AccessNeed): Promise<void>;
  /**
   * Deny by default: when reads are private, every request needs a key whatever
   * its method, but for the always-open paths. Also makes this Access the one
   * that the routes' declared guards ask.
   */
  guardAll: MiddlewareHandler;
}

declare module 'hono' {
  interface ContextVariableMap {
    canonAccess: Access;
  }
}

/** The OpenAPI extension naming what an operation does. */
export const ACCESS_FIELD = 'x-canon-access';

/** The OpenAPI security scheme of API keys, which every operation names. */
export const API_KEY_SCHEME = 'bearer';

/** Paths a load balancer or a browser needs without a key, whatever the read policy. */
export const ALWAYS_OPEN = /^\/(?:healthz|readyz|favicon\.svg|assets\/)/;

/** A workspace's pages, /w/<workspace> and below: the one place a sign-in cookie stands for a key. */
export const WORKSPACE_PAGES = /^\/w\/([^/]+)(?:\/|$)/;

/** The cookie a workspace's pages are signed in with; its Path is /w/<workspace>, so each workspace has its own. */
export const WORKSPACE_COOKIE = 'canon_key';

/** A read: a request that changes nothing and carries no body. For body limits and rate limits, not access. */
export const isRead = (c: Context) => c.req.method === 'GET' || c.req.method === 'HEAD';

const NO_KEY =
  'This needs an API key: send "Authorization: Bearer <key>". An operator creates keys with `canon keys create --role <role> --name <who>`.';

/** Failed authentications an address may make a minute before it must wait: each costs a deliberately slow hash. */
export const DEFAULT_FAILED_AUTH_LIMIT = 30;

export function createAccess(
  verifier: KeyVerifier,
  publicReads: boolean,
  failedAuthPerMinute = DEFAULT_FAILED_AUTH_LIMIT,
): Access {
  const failures = new RateLimiter(failedAuthPerMinute);
  const asked = new WeakMap<Request, Promise<Actor>>();
  const verify = async (c: Context): Promise<Actor> => {
    const header = c.req.header('authorization');
    if (!header) {
      const cookie = WORKSPACE_PAGES.test(c.req.path) ? getCookie(c, WORKSPACE_COOKIE) : undefined;
      if (!cookie) throw new CanonError('unauthorized', NO_KEY);
      // A browser sends the cookie with whatever a page of another site makes it post: only a form
      // sent from one of this server's own pages may write with it.
      if (!isRead(c)) requireSameOrigin(c);
      return check(c, cookie);
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1])
      throw new CanonError('unauthorized', `Expected "Authorization: Bearer <key>". ${NO_KEY}`);
    return check(c, match[1]);
  };
  const check = async (c: Context, presented: string): Promise<Actor> => {
    const known = verifier.remembered(presented);
    if (known) return known;
    if (failures.perMinute === 0) return verifier.verify(presented);
    // The token is taken before hashing, so a burst of forged keys sent at once cannot all start a
    // hash; a key that proves good gives it back.
    const address = `ip:${addressOf(c)}`;
    const wait = failures.take(address);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new CanonError(
        'rate_limited',
        `Too many failed authentications from this address (at most ${failures.perMinute} a minute). Try again in ${wait} s.`,
      );
    }
    try {
      const verified = await verifier.verify(presented);
      failures.refund(address);
      return verified;
    } catch (error) {
      if (!(error instanceof CanonError && error.code === 'unauthorized')) failures.refund(address);
      throw error;
    }
  };
  const actor = (c: Context): Promise<Actor> => {
    let found = asked.get(c.req.raw);
    if (!found) {
      found = verify(c);
      asked.set(c.req.raw, found);
    }
    return found;
  };
  // A workspace's pages need a key whatever the read policy, and ask for it themselves: without one
  // a page sends the browser to its sign-in form rather than answering 401.
  const mayRead = async (c: Context) => {
    if (!publicReads && !ALWAYS_OPEN.test(c.req.path) && !WORKSPACE_PAGES.test(c.req.path)) await actor(c);
  };
  const access: Access = {
    actor,
    verifyKey: check,
    check: async (c, need) => {
      if (need === 'read') await mayRead(c);
      else requireRole(await actor(c), need);
    },
    guardAll: async (c, next) => {
      c.set('canonAccess', access);
      await mayRead(c);
      await next();
    },
  };
  return access;
}

/**
 * An endpoint's declaration of what it does, spread into its route: the
 * OpenAPI document states it (`x-canon-access`), and the guard enforces it
 * before the request's body or parameters are validated, so a caller without
 * the right key learns nothing from validation messages. Only then is a JSON
 * body's encoding checked.
 */
export function declareAccess(need: AccessNeed) {
  // One middleware, not two: every handler in a route's chain costs each of its requests.
  const guard: MiddlewareHandler = async (c, next) => {
    const access = c.get('canonAccess');
    if (access) await access.check(c, need);
    else if (need !== 'read') throw new CanonError('unauthorized', NO_KEY);
    if (!isRead(c)) await requireUtf8Json(c);
    return next();
  };
  return {
    [ACCESS_FIELD]: need,
    // A read needs no key unless the server keeps reads private: the empty requirement says "or none".
    security: (need === 'read' ? [{}, { [API_KEY_SCHEME]: [] }] : [{ [API_KEY_SCHEME]: [] }]) as Record<
      string,
      string[]
    >[],
    middleware: guard,
  };
}

/**
 * The declaration of an endpoint over one workspace's data (its path names `{workspace}`): a key is
 * needed whatever the read policy — a company's data is never public — and it must hold the role in
 * that workspace (`requireWorkspaceRole`: another workspace's key gets the 404 an unknown workspace
 * gets). The OpenAPI document states it as `workspace:<role>`.
 */
export function declareWorkspaceAccess(role: Role) {
  const guard: MiddlewareHandler = async (c, next) => {
    await workspaceActor(c, role);
    if (!isRead(c)) await requireUtf8Json(c);
    return next();
  };
  return {
    [ACCESS_FIELD]: `workspace:${role}`,
    security: [{ [API_KEY_SCHEME]: [] }] as Record<string, string[]>[],
    middleware: guard,
  };
}

/**
 * The actor of a request over the workspace its path names (`:workspace`), holding at least `role` there;
 * 401 without a key, the 404 of an unknown workspace to a key from outside it, 403 to too weak a role.
 * API operations get it through `declareWorkspaceAccess`; a workspace's pages call it for a role
 * stronger than the viewer's their guard checks.
 */
export async function workspaceActor(c: Context, role: Role): Promise<Actor> {
  const access = c.get('canonAccess');
  if (!access) throw new CanonError('unauthorized', NO_KEY);
  const actor = await access.actor(c);
  requireWorkspaceRole(actor, { workspace: c.req.param('workspace') ?? '', role });
  return actor;
}

/**
 * Refuses a request a browser sent from another site's page (CSRF), by the headers a browser sets and
 * a page cannot: Sec-Fetch-Site when the browser sends it, else Origin, whose host must be this
 * server's. A request with neither is refused too: every browser that sends cookies sends one of them
 * on a POST. SameSite=Strict on the cookie already keeps it off cross-site requests; this holds even
 * where a browser does not honour that.
 */
export function requireSameOrigin(c: Context): void {
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  const same = site ? site === 'same-origin' : origin ? hostOf(origin) === host : false;
  if (!same)
    throw new CanonError(
      'forbidden',
      "This form was not sent from one of this server's own pages, so it is refused: open the page on this server and send it from there.",
    );
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
