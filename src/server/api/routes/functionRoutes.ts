import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CanonError, quote } from '../../../core/errors.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError } from '../apiDeps.js';
import { CodeParam, FocusSchema, FunctionSchema, PaginationQuery, pageOf } from '../schemas.js';
import { focusDto, functionDto } from '../toDto.js';

const listFunctions = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/functions',
  tags: ['Taxonomy'],
  summary: 'List functions',
  request: { query: PaginationQuery },
  responses: {
    200: {
      description: 'A page of functions',
      content: { 'application/json': { schema: pageOf(FunctionSchema, 'FunctionPage') } },
    },
    400: jsonError('Bad query'),
  },
});

const getFunction = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/functions/{code}',
  tags: ['Taxonomy'],
  summary: 'One function',
  request: { params: CodeParam('TECHNO') },
  responses: {
    200: { description: 'The function', content: { 'application/json': { schema: FunctionSchema } } },
    404: jsonError('No such function'),
  },
});

const listFocuses = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/focuses',
  tags: ['Taxonomy'],
  summary: 'List focuses',
  request: {
    query: PaginationQuery.extend({
      function: z.string().optional().openapi({ description: 'Function code' }),
    }),
  },
  responses: {
    200: {
      description: 'A page of focuses',
      content: { 'application/json': { schema: pageOf(FocusSchema, 'FocusPage') } },
    },
    400: jsonError('Bad query'),
  },
});

const getFocus = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/focuses/{code}',
  tags: ['Taxonomy'],
  summary: 'One focus with its content at every level',
  request: { params: CodeParam('TECHNOLO6B55') },
  responses: {
    200: { description: 'The focus', content: { 'application/json': { schema: FocusSchema } } },
    404: jsonError('No such focus'),
  },
});

export function registerFunctionRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(listFunctions, (c) => {
    const { limit, offset } = c.req.valid('query');
    const catalog = deps.catalog();
    return cachedJson(deps, c, () => {
      const all = catalog.functions;
      return {
        items: all.slice(offset, offset + limit).map((f) => functionDto(f, catalog)),
        total: all.length,
        limit,
        offset,
      };
    });
  });
  app.openapi(getFunction, (c) => {
    const { code } = c.req.valid('param');
    const catalog = deps.catalog();
    const fn = catalog.findFunction(code);
    if (!fn) throw new CanonError('not_found', `No function with code ${quote(code)}.`);
    return cachedJson(deps, c, () => functionDto(fn, catalog));
  });
  app.openapi(listFocuses, (c) => {
    const { limit, offset, function: fn } = c.req.valid('query');
    const catalog = deps.catalog();
    return cachedJson(deps, c, () => {
      const all = catalog.taxonomy.focuses.filter((f) => !fn || f.functionCode === fn);
      return { items: all.slice(offset, offset + limit).map(focusDto), total: all.length, limit, offset };
    });
  });
  app.openapi(getFocus, (c) => {
    const { code } = c.req.valid('param');
    const catalog = deps.catalog();
    const focus = catalog.findFocus(code);
    if (!focus) throw new CanonError('not_found', `No focus with code ${quote(code)}.`);
    return cachedJson(deps, c, () => focusDto(focus));
  });
}
