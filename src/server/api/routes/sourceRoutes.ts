import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CanonError, quote } from '../../../core/errors.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError } from '../apiDeps.js';
import { SourceSchema } from '../schemas.js';

const list = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/sources',
  tags: ['Provenance'],
  summary: 'Every source the taxonomy cites',
  responses: {
    200: {
      description: 'Sources',
      content: { 'application/json': { schema: z.object({ items: z.array(SourceSchema) }) } },
    },
  },
});

const get = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/sources/{id}',
  tags: ['Provenance'],
  summary: 'One source and the profiles citing it',
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(100)
        .openapi({ param: { name: 'id', in: 'path' }, example: 'seed-cto-jd' }),
    }),
  },
  responses: {
    200: {
      description: 'The source',
      content: { 'application/json': { schema: SourceSchema.extend({ citedBy: z.array(z.string()) }) } },
    },
    404: jsonError('No such source'),
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
