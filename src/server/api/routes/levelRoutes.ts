import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CanonError, quote } from '../../../core/errors.js';
import { findLevel, LEVEL_CODES_HINT, LEVELS } from '../../../core/levels.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError, readErrors } from '../apiDeps.js';
import { CodeParam, LevelSchema, listOf } from '../schemas.js';
import { levelDto } from '../toDto.js';

const list = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/levels',
  operationId: 'listLevels',
  tags: ['Levels'],
  summary: 'The universal level framework',
  description:
    'Every level of the four tracks — support, professional, management, executive — in track order, each with its rank on the one scale they share.',
  request: {
    query: z.object({
      track: z
        .enum(['S', 'P', 'M', 'E'])
        .optional()
        .openapi({ description: 'Only the levels of this track', example: 'M' }),
    }),
  },
  responses: {
    200: {
      description: 'Levels in track order',
      content: { 'application/json': { schema: listOf(LevelSchema, 'LevelList', 'Levels in track order') } },
    },
    400: jsonError('An unknown track'),
    ...readErrors,
  },
});

const get = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/levels/{code}',
  operationId: 'getLevel',
  tags: ['Levels'],
  summary: 'One level',
  description:
    'A level by its code: what it answers for, decides and leads, and typical years of experience.',
  request: { params: CodeParam('M3', "The level's code: track letter and step") },
  responses: {
    200: { description: 'The level', content: { 'application/json': { schema: LevelSchema } } },
    400: jsonError('A code over 64 characters'),
    404: jsonError('No such level'),
    ...readErrors,
  },
});

export function registerLevelRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(list, (c) => {
    const { track } = c.req.valid('query');
    return cachedJson(deps, c, () => ({
      items: LEVELS.filter((l) => !track || l.track === track).map(levelDto),
    }));
  });
  app.openapi(get, (c) => {
    const { code } = c.req.valid('param');
    const level = findLevel(code);
    if (!level) throw new CanonError('not_found', `No level ${quote(code)}: expected ${LEVEL_CODES_HINT}.`);
    return cachedJson(deps, c, () => levelDto(level));
  });
}
