import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CanonError, quote } from '../../../core/errors.js';
import { findLevel, LEVEL_CODES_HINT, LEVELS } from '../../../core/levels.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError } from '../apiDeps.js';
import { CodeParam, LevelSchema } from '../schemas.js';
import { levelDto } from '../toDto.js';

const list = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/levels',
  tags: ['Levels'],
  summary: 'The universal level framework',
  request: { query: z.object({ track: z.enum(['S', 'P', 'M', 'E']).optional() }) },
  responses: {
    200: {
      description: 'Levels in track order',
      content: { 'application/json': { schema: z.object({ items: z.array(LevelSchema) }) } },
    },
    400: jsonError('Bad query'),
  },
});

const get = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/levels/{code}',
  tags: ['Levels'],
  summary: 'One level',
  request: { params: CodeParam('M3') },
  responses: {
    200: { description: 'The level', content: { 'application/json': { schema: LevelSchema } } },
    404: jsonError('No such level'),
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
