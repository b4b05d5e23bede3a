import type { Context, MiddlewareHandler } from 'hono';
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
  /** The actor behind the request's API key; 401 when it has none or a bad one. Asked once per request. */
  actor(c: Context): Promise<Actor>;
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
    if (!header) throw new CanonError('unauthorized', NO_KEY);
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1])
      throw new CanonError('unauthorized', `Expected "Authorization: Bearer <key>". ${NO_KEY}`);
    const known = verifier.remembered(match[1]);
    if (known) return known;
    if (failures.perMinute === 0) return verifier.verify(match[1]);
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
      const verified = await verifier.verify(match[1]);
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
  const mayRead = async (c: Context) => {
    if (!publicReads && !ALWAYS_OPEN.test(c.req.path)) await actor(c);
  };
  const access: Access = {
    actor,
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
    const access = c.get('canonAccess');
    if (!access) throw new CanonError('unauthorized', NO_KEY);
    requireWorkspaceRole(await access.actor(c), { workspace: c.req.param('workspace') ?? '', role });
    if (!isRead(c)) await requireUtf8Json(c);
    return next();
  };
  return {
    [ACCESS_FIELD]: `workspace:${role}`,
    security: [{ [API_KEY_SCHEME]: [] }] as Record<string, string[]>[],
    middleware: guard,
  };
}
