import type { z } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import type { Catalog } from '../../core/catalog.js';
import type { PayBook } from '../../core/payBands.js';
import type { TitleResolver } from '../../resolve/titleResolver.js';
import type { CacheQuery, ResponseCache } from '../httpCache.js';

/** What API handlers need: the current catalog snapshot and the shared response cache. */
export interface ApiDeps {
  catalog: () => Catalog;
  cache: ResponseCache;
  resolver: () => Promise<TitleResolver>;
  payBook: () => PayBook;
  /** A catalog in which one profile reads as an approved version; absent when the app has no store. */
  pinned?: (code: string, version: number) => Promise<Catalog>;
}

/** A JSON response of the given schema, for route declarations. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A JSON body that may be left out: a write whose options all have defaults. */
export const optionalJsonBody = <T extends z.ZodType>(schema: T) => ({
  required: false,
  content: { 'application/json': { schema } },
});

export const jsonError = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** What a read may answer on a server that keeps reads private. */
export const readErrors = {
  401: jsonError('No API key, or an unknown or revoked one, where the server keeps reads private'),
};

/** What an operation that needs a role may answer for its key. */
export const roleErrors = {
  401: jsonError('No API key, or an unknown or revoked one'),
  403: jsonError("The key's role is weaker than the one this needs"),
};

/** Requests that send a body, and titles resolved, are limited per address and per key. */
export const rateLimited = {
  429: jsonError(
    'Too many requests this minute from this address or key; wait the seconds Retry-After gives',
  ),
};

/**
 * A cached JSON read, keyed on the path and the query as the route's schema parsed it: a
 * parameter the route does not declare is dropped there, so it cannot make a new entry. The
 * cast tells the typed router that the body is the declared schema's type, which `build` is
 * checked against.
 */
export function cachedJson<T>(deps: ApiDeps, c: Context, build: () => T): TypedResponse<T, 200, 'json'> {
  const query: CacheQuery = c.req.valid('query' as never) ?? {};
  const response = deps.cache.respond(c, deps.catalog(), 'application/json', query, () =>
    JSON.stringify(build()),
  );
  return response as unknown as TypedResponse<T, 200, 'json'>;
}
