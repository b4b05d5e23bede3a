import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Catalog } from '../../../core/catalog.js';
import { CanonError } from '../../../core/errors.js';
import { SEARCH_QUERY_LIMIT, searchTooLong } from '../../../core/searchIndex.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError } from '../apiDeps.js';
import {
  AdjacentSchema,
  CodeParam,
  PaginationQuery,
  ProfileSchema,
  ProfileSummarySchema,
  pageOf,
} from '../schemas.js';
import { adjacentDto, profileDto, profileSummaryDto } from '../toDto.js';

const list = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles',
  tags: ['Profiles'],
  summary: 'List profiles with filters',
  request: {
    query: PaginationQuery.extend({
      function: z.string().optional().openapi({ description: 'Function code, e.g. TECHNO' }),
      focus: z.string().optional().openapi({ description: 'Focus code, e.g. TECHNOLO6B55' }),
      track: z.enum(['S', 'P', 'M', 'E']).optional(),
      level: z
        .string()
        .regex(/^[SPME][1-9]$/, 'expected a level code such as S2 or M3')
        .optional(),
      status: z.enum(['draft', 'in_review', 'approved', 'retired']).optional(),
      q: z
        .string()
        .max(SEARCH_QUERY_LIMIT, { error: (issue) => searchTooLong(String(issue.input)) })
        .optional()
        .openapi({
          description:
            'Words that must each begin a word of the profile name, code, a title alias, an occupation, a level title or a SOC code ("29-1141" or "29-1141.00"); results come best first',
        }),
    }),
  },
  responses: {
    200: {
      description: 'A page of profiles',
      content: { 'application/json': { schema: pageOf(ProfileSummarySchema, 'ProfilePage') } },
    },
    400: jsonError('Bad query'),
  },
});

const get = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}',
  tags: ['Profiles'],
  summary: 'One profile with everything its page shows: the latest version, or the one asked for',
  request: {
    params: CodeParam('TECHNO.TECHNOLO6B55.M3'),
    query: z.object({
      version: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .openapi({ description: 'An approved version number; without it, the latest' }),
    }),
  },
  responses: {
    200: { description: 'The profile', content: { 'application/json': { schema: ProfileSchema } } },
    400: jsonError('Malformed code'),
    404: jsonError('No such profile'),
  },
});

const adjacent = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/adjacent',
  tags: ['Profiles'],
  summary: 'The nearest profiles by structural coordinates',
  request: {
    params: CodeParam('TECHNO.TECHNOLO6B55.M3'),
    query: z.object({ limit: z.coerce.number().int().min(1).max(6).default(6) }),
  },
  responses: {
    200: {
      description: 'Nearest first',
      content: { 'application/json': { schema: z.object({ items: z.array(AdjacentSchema) }) } },
    },
    400: jsonError('Bad query'),
    404: jsonError('No such profile'),
  },
});

export function registerProfileRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(list, (c) => {
    const { limit, offset, ...filter } = c.req.valid('query');
    const catalog = deps.catalog();
    return cachedJson(deps, c, () => {
      const page = catalog.listProfiles(filter, { limit, offset });
      return { ...page, items: page.items.map((v) => profileSummaryDto(v, catalog)) };
    });
  });
  app.openapi(get, async (c) => {
    const { code } = c.req.valid('param');
    const { version } = c.req.valid('query');
    const catalog = version === undefined ? deps.catalog() : await pinnedCatalog(deps, code, version);
    const view = catalog.getProfile(code);
    return cachedJson(deps, c, () => profileDto(view, catalog));
  });
  app.openapi(adjacent, (c) => {
    const catalog = deps.catalog();
    const { code } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    catalog.getProfile(code);
    return cachedJson(deps, c, () => ({ items: adjacentDto(code, catalog, limit) }));
  });
}

function pinnedCatalog(deps: ApiDeps, code: string, version: number): Promise<Catalog> {
  if (!deps.pinned) throw new CanonError('invalid_input', 'This server has no version history to pin.');
  return deps.pinned(code, version);
}
