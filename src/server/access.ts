import type { Context, MiddlewareHandler } from 'hono';
import type { KeyVerifier } from '../access/apiKeys.js';
import { CanonError } from '../core/errors.js';
import type { Actor } from '../core/roles.js';

export interface Access {
  /** The actor behind the request's API key; 401 when it has none or a bad one. */
  actor(c: Context): Promise<Actor>;
  /** Lets reads through when they are public, and otherwise asks for any valid key. */
  guardReads: MiddlewareHandler;
}

/** A read: a request that changes nothing and carries no body. */
export const isRead = (c: Context) => c.req.method === 'GET' || c.req.method === 'HEAD';

/** Paths a load balancer or a browser needs without a key, whatever the read policy. */
const ALWAYS_OPEN = /^\/(?:healthz|readyz|favicon\.svg|assets\/)/;

const NO_KEY =
  'This needs an API key: send "Authorization: Bearer <key>". An operator creates keys with `canon keys create --role <role> --name <who>`.';

export function createAccess(verifier: KeyVerifier, publicReads: boolean): Access {
  const actor = async (c: Context): Promise<Actor> => {
    const header = c.req.header('authorization');
    if (!header) throw new CanonError('unauthorized', NO_KEY);
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1])
      throw new CanonError('unauthorized', `Expected "Authorization: Bearer <key>". ${NO_KEY}`);
    return verifier.verify(match[1]);
  };
  return {
    actor,
    guardReads: async (c, next) => {
      if (isRead(c) && !publicReads && !ALWAYS_OPEN.test(c.req.path)) await actor(c);
      await next();
    },
  };
}
