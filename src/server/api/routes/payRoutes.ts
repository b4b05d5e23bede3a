import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { PayBand } from '../../../core/payBands.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError, readErrors } from '../apiDeps.js';
import { orNull, ProfileCodeParam, SourceRowSchema } from '../schemas.js';

const amount = (description: string, example: number) => z.number().openapi({ description, example });
const amountOrNull = (description: string, example: number) =>
  z.number().nullable().openapi({ description, example });

const Band = z
  .object({
    median: amount('The median', 120000),
    low: amountOrNull('The low end of the range (p25 for reference data)', 95000),
    high: amountOrNull('The high end of the range (p75 for reference data)', 153000),
    wide: z
      .object({
        low: amountOrNull('p10', 80000),
        high: amountOrNull('p90', 180000),
      })
      .nullable()
      .openapi({ description: 'p10–p90, when the source gives them' }),
    currency: z.string().openapi({ description: 'ISO 4217 currency', example: 'USD' }),
    region: z.string().openapi({ description: 'Where the figure holds', example: 'global' }),
    kind: z
      .enum(['observed', 'estimate'])
      .openapi({ description: 'observed: a source states it; estimate: derived, with its method' }),
    basis: z.string().openapi({
      description: 'What the figure is, in words',
      example: "Market pay as published on Canon's M3 profile page.",
    }),
    method: z
      .string()
      .nullable()
      .openapi({ description: 'How an estimate was derived; null when observed', example: null }),
    sources: z
      .array(z.string())
      .openapi({ description: 'Ids of the sources behind it', example: ['canon-profile-m3'] }),
    rows: z
      .array(SourceRowSchema)
      .optional()
      .openapi({ description: 'The reference-file rows an observed figure was generated from, when it was' }),
    n: z.number().int().optional().openapi({ description: 'People behind a company figure', example: 4 }),
    atLeast: z
      .boolean()
      .optional()
      .openapi({ description: "True when the median is a lower bound: the source's top-coded wage" }),
  })
  .openapi('PayBand', { description: 'One pay figure with its range, kind and sources' });

const PaySchema = z
  .object({
    code: z.string().openapi({ description: 'The profile', example: 'TECHNO.TECHNOLO6B55.M3' }),
    median: amountOrNull("The headline's median; null when there is no pay data yet", 120000),
    low: amountOrNull("The headline's low end", 95000),
    high: amountOrNull("The headline's high end", 153000),
    currency: z.string().nullable().openapi({ description: "The headline's currency", example: 'USD' }),
    basis: z.string().openapi({
      description: 'What the headline is, or "no pay data yet"',
      example: "Market pay as published on Canon's M3 profile page.",
    }),
    headline: orNull(Band, {
      description:
        "The figure to show first: observed for the profile, else the level estimate, else the occupation's",
    }),
    occupation: orNull(Band, { description: "The occupation's figure, across its levels" }),
    estimate: orNull(Band, { description: "The level's estimate" }),
    company: orNull(Band, {
      description: 'A company figure of too few people to lead, shown beside the headline',
    }),
    bands: z
      .array(
        z.object({
          level: z.string().openapi({ description: 'A level of the focus', example: 'M3' }),
          band: orNull(Band, { description: "That level's headline figure, if any" }),
        }),
      )
      .openapi({ description: 'One figure per level of the focus, lowest first, for a chart' }),
    notes: z.array(z.string()).openapi({
      description: 'Where sources disagree, and why a level is paid below the one under it',
      example: [],
    }),
  })
  .openapi('ProfilePay', { description: 'Market pay for a profile and every level of its focus' });

const route = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/pay',
  operationId: 'getProfilePay',
  tags: ['Pay'],
  summary: 'Market pay for a profile: observed, occupation-wide and the level estimate',
  description:
    "The headline figure and each kind behind it — a sourced or company figure, the occupation's reference figure, the level estimate — with the figure at every level of the focus and notes where sources disagree.",
  request: {
    params: ProfileCodeParam,
    query: z.object({
      region: z.string().max(40).optional().openapi({
        description:
          'Only figures for this region, as the pay sources name it; without it, the first any source gives (US for occupation-wide figures)',
        example: 'US',
      }),
    }),
  },
  responses: {
    200: { description: 'Pay bands', content: { 'application/json': { schema: PaySchema } } },
    400: jsonError('A malformed code, or a region over 40 characters'),
    404: jsonError('No such profile'),
    ...readErrors,
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
