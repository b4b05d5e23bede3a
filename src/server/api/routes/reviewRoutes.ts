import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { reviewProfile } from '../../../core/review/reviewProfile.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError } from '../apiDeps.js';
import { CodeParam, ReviewSchema } from '../schemas.js';

const route = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/review',
  tags: ['Review'],
  summary: "The review panel's scores and findings for a profile",
  request: { params: CodeParam('TECHNO.TECHNOLO6B55.M3') },
  responses: {
    200: {
      description: 'Scores, pass, confidence and findings',
      content: { 'application/json': { schema: ReviewSchema } },
    },
    404: jsonError('No such profile'),
  },
});

export function registerReviewRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, (c) => {
    const catalog = deps.catalog();
    const review = reviewProfile(catalog, c.req.valid('param').code);
    return cachedJson(deps, c, () => review);
  });
}
