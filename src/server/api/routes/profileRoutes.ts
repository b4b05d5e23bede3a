import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Catalog } from '../../../core/catalog.js';
import { CanonError } from '../../../core/errors.js';
import { SEARCH_QUERY_LIMIT, searchTooLong } from '../../../core/searchIndex.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError, readErrors } from '../apiDeps.js';
import {
  AdjacentSchema,
  listOf,
  PaginationQuery,
  ProfileCodeParam,
  ProfileSchema,
  ProfileSummarySchema,
  pageOf,
} from '../schemas.js';
import { adjacentDto, profileDto, profileSummaryDto } from '../toDto.js';

const list = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles',
  operationId: 'listProfiles',
  tags: ['Profiles'],
  summary: 'List profiles with filters',
  description:
    'Profiles a page at a time, filtered by function, focus, track, level and status; with `q`, the ranked search the pages use, best first.',
  request: {
    query: PaginationQuery.extend({
      function: z
        .string()
        .optional()
        .openapi({ description: 'Only this function (its code)', example: 'TECHNO' }),
      focus: z
        .string()
        .optional()
        .openapi({ description: 'Only this focus (its code)', example: 'TECHNOLO6B55' }),
      track: z.enum(['S', 'P', 'M', 'E']).optional().openapi({
        description: 'Only this track: support, professional, management, executive',
        example: 'M',
      }),
      level: z
        .string()
        .regex(/^[SPME][1-9]$/, 'expected a level code such as S2 or M3')
        .optional()
        .openapi({ description: 'Only this level', example: 'M3' }),
      status: z
        .enum(['draft', 'in_review', 'approved', 'retired'])
        .optional()
        .openapi({ description: 'Only profiles in this state', example: 'approved' }),
      q: z
        .string()
        .max(SEARCH_QUERY_LIMIT, { error: (issue) => searchTooLong(String(issue.input)) })
        .optional()
        .openapi({
          description:
            'Words that must each begin a word of the profile name, code, a title alias, an occupation, a level title or a SOC code ("29-1141" or "29-1141.00"); results come best first',
          example: 'senior manager',
        }),
    }),
  },
  responses: {
    200: {
      description: 'A page of profiles',
      content: { 'application/json': { schema: pageOf(ProfileSummarySchema, 'ProfilePage', 'profiles') } },
    },
    400: jsonError('A filter, limit or offset out of range, or a search over 200 characters'),
    ...readErrors,
  },
});

const get = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}',
  operationId: 'getProfile',
  tags: ['Profiles'],
  summary: 'One profile with everything its page shows',
  description:
    'A profile — its level, responsibilities, rubric, skills, pay, aliases, occupations, review, nearest profiles and every source it cites — as the latest approved version or open content, or as the approved version asked for.',
  request: {
    params: ProfileCodeParam,
    query: z.object({
      version: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .openapi({ description: 'An approved version number; without it, the latest', example: 1 }),
    }),
  },
  responses: {
    200: { description: 'The profile', content: { 'application/json': { schema: ProfileSchema } } },
    400: jsonError('A malformed code or version'),
    404: jsonError('No such profile, or no such version of it'),
    ...readErrors,
  },
});

const adjacent = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/adjacent',
  operationId: 'listAdjacentProfiles',
  tags: ['Profiles'],
  summary: 'The nearest profiles by structural coordinates',
  description:
    'Profiles nearest this one by structural distance — function and focus, rank, track and shared skills — nearest first, with the distance in words.',
  request: {
    params: ProfileCodeParam,
    query: z.object({
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(6)
        .default(6)
        .openapi({ description: 'How many (1–6)', example: 3 }),
    }),
  },
  responses: {
    200: {
      description: 'Nearest first',
      content: {
        'application/json': {
          schema: listOf(AdjacentSchema, 'AdjacentProfileList', 'The nearest profiles, nearest first'),
        },
      },
    },
    400: jsonError('A malformed code, or a limit out of range'),
    404: jsonError('No such profile'),
    ...readErrors,
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
