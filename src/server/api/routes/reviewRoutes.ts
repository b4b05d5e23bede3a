import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { reviewProfile } from '../../../core/review/reviewProfile.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError, readErrors } from '../apiDeps.js';
import { ProfileCodeParam, ReviewSchema } from '../schemas.js';

const route = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/review',
  operationId: 'getProfileReview',
  tags: ['Review'],
  summary: "The review panel's scores and findings for a profile",
  description:
    "Five reviewers score the profile's content 1–5 — level differentiation, focus specificity, concreteness, factual accuracy, real-world coverage; the lowest decides whether it passes, and each finding says what lowered a score.",
  request: { params: ProfileCodeParam },
  responses: {
    200: {
      description: 'Scores, pass, confidence and findings',
      content: { 'application/json': { schema: ReviewSchema } },
    },
    400: jsonError('A malformed code'),
    404: jsonError('No such profile'),
    ...readErrors,
  },
});

export function registerReviewRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, (c) => {
    const catalog = deps.catalog();
    const review = reviewProfile(catalog, c.req.valid('param').code);
    return cachedJson(deps, c, () => review);
  });
}
