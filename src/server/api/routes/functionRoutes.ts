import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CanonError, quote } from '../../../core/errors.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError, readErrors } from '../apiDeps.js';
import { CodeParam, FocusSchema, FunctionSchema, PaginationQuery, pageOf } from '../schemas.js';
import { focusDto, functionDto } from '../toDto.js';

const listFunctions = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/functions',
  operationId: 'listFunctions',
  tags: ['Taxonomy'],
  summary: 'List functions',
  description:
    "The taxonomy's functions in the order the taxonomy keeps them, a page at a time, each with the codes of its focuses.",
  request: { query: PaginationQuery },
  responses: {
    200: {
      description: 'A page of functions',
      content: { 'application/json': { schema: pageOf(FunctionSchema, 'FunctionPage', 'functions') } },
    },
    400: jsonError('A limit or offset out of range'),
    ...readErrors,
  },
});

const getFunction = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/functions/{code}',
  operationId: 'getFunction',
  tags: ['Taxonomy'],
  summary: 'One function',
  description: 'A function by its code, with the codes of its focuses.',
  request: { params: CodeParam('TECHNO', "The function's code") },
  responses: {
    200: { description: 'The function', content: { 'application/json': { schema: FunctionSchema } } },
    400: jsonError('A code over 64 characters'),
    404: jsonError('No such function'),
    ...readErrors,
  },
});

const listFocuses = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/focuses',
  operationId: 'listFocuses',
  tags: ['Taxonomy'],
  summary: 'List focuses',
  description:
    'Focuses with their content at every level, a page at a time; `function` keeps those of one function.',
  request: {
    query: PaginationQuery.extend({
      function: z
        .string()
        .optional()
        .openapi({ description: 'Only the focuses of this function (its code)', example: 'TECHNO' }),
    }),
  },
  responses: {
    200: {
      description: 'A page of focuses',
      content: { 'application/json': { schema: pageOf(FocusSchema, 'FocusPage', 'focuses') } },
    },
    400: jsonError('A limit or offset out of range'),
    ...readErrors,
  },
});

const getFocus = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/focuses/{code}',
  operationId: 'getFocus',
  tags: ['Taxonomy'],
  summary: 'One focus with its content at every level',
  description:
    'A focus by its code: its skills, the occupations it maps to, and at each of its levels the responsibilities, rubric and career links, each statement with its sources.',
  request: { params: CodeParam('TECHNOLO6B55', "The focus's code") },
  responses: {
    200: { description: 'The focus', content: { 'application/json': { schema: FocusSchema } } },
    400: jsonError('A code over 64 characters'),
    404: jsonError('No such focus'),
    ...readErrors,
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
