import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { PayBand } from '../../../core/payBands.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError } from '../apiDeps.js';
import { CodeParam } from '../schemas.js';

const Band = z
  .object({
    median: z.number(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    currency: z.string(),
    region: z.string(),
    kind: z.enum(['observed', 'estimate']),
    basis: z.string(),
    method: z.string().nullable(),
    sources: z.array(z.string()),
    n: z.number().int().optional().openapi({ description: 'People behind a company figure' }),
    atLeast: z
      .boolean()
      .optional()
      .openapi({ description: "True when the median is a lower bound: the source's top-coded wage" }),
  })
  .openapi('PayBand');

const PaySchema = z
  .object({
    code: z.string(),
    median: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    currency: z.string().nullable(),
    basis: z.string(),
    headline: Band.nullable(),
    occupation: Band.nullable(),
    estimate: Band.nullable(),
    company: Band.nullable().openapi({
      description: 'A company figure of too few people to lead, shown beside the headline',
    }),
    bands: z.array(z.object({ level: z.string(), band: Band.nullable() })),
    notes: z
      .array(z.string())
      .openapi({ description: 'Where sources disagree, and why a level is paid below the one under it' }),
  })
  .openapi('ProfilePay');

const route = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/pay',
  tags: ['Pay'],
  summary: 'Market pay for a profile: observed, occupation-wide and the level estimate',
  request: {
    params: CodeParam('TECHNO.TECHNOLO6B55.M3'),
    query: z.object({ region: z.string().max(40).optional() }),
  },
  responses: {
    200: { description: 'Pay bands', content: { 'application/json': { schema: PaySchema } } },
    404: jsonError('No such profile'),
  },
});

const band = (b: PayBand | null) => (b ? { ...b } : null);

export function registerPayRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, (c) => {
    const { code } = c.req.valid('param');
    const pay = deps.payBook().forProfile(code, c.req.valid('query').region);
    const h = pay.headline;
    return cachedJson(deps, c, () => ({
      code,
      median: h?.median ?? null,
      low: h?.low ?? null,
      high: h?.high ?? null,
      currency: h?.currency ?? null,
      basis: h?.basis ?? 'no pay data yet',
      headline: band(h),
      occupation: band(pay.occupation),
      estimate: band(pay.estimate),
      company: band(pay.company),
      bands: pay.levels.map((l) => ({ level: l.levelCode, band: band(l.band) })),
      notes: pay.notes,
    }));
  });
}
