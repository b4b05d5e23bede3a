import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CanonError, quote } from '../../../core/errors.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError, readErrors } from '../apiDeps.js';
import { listOf, SourceSchema } from '../schemas.js';

const list = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/sources',
  operationId: 'listSources',
  tags: ['Provenance'],
  summary: 'Every source the taxonomy cites',
  description:
    'Every source the taxonomy cites — profile pages, ladders, job descriptions, reference data — whole.',
  responses: {
    200: {
      description: 'Sources',
      content: { 'application/json': { schema: listOf(SourceSchema, 'SourceList', 'Every cited source') } },
    },
    ...readErrors,
  },
});

const get = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/sources/{id}',
  operationId: 'getSource',
  tags: ['Provenance'],
  summary: 'One source and the profiles citing it',
  description: 'A cited source by its id, with the codes of the profiles that cite it.',
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(100)
        .openapi({
          param: { name: 'id', in: 'path', description: "The source's id" },
          example: 'seed-cto-jd',
        }),
    }),
  },
  responses: {
    200: {
      description: 'The source',
      content: {
        'application/json': {
          schema: SourceSchema.extend({
            citedBy: z
              .array(z.string())
              .openapi({ description: 'Profiles citing it', example: ['TECHNO.TECHNOLO6B55.M3'] }),
          }).openapi('CitedSource', { description: 'A source with the profiles that cite it' }),
        },
      },
    },
    400: jsonError('An id over 100 characters'),
    404: jsonError('No such source'),
    ...readErrors,
  },
});

export function registerSourceRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(list, (c) => {
    const catalog = deps.catalog();
    return cachedJson(deps, c, () => ({ items: catalog.taxonomy.sources }));
  });
  app.openapi(get, (c) => {
    const { id } = c.req.valid('param');
    const catalog = deps.catalog();
    const source = catalog.findSource(id);
    if (!source) throw new CanonError('not_found', `No source with id ${quote(id)}.`);
    return cachedJson(deps, c, () => ({ ...source, citedBy: catalog.citing(id).map((v) => v.code) }));
  });
}
