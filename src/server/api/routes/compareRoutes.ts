import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { compareProfiles } from '../../../core/compareProfiles.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError } from '../apiDeps.js';
import { LevelSchema, ProfileSummarySchema } from '../schemas.js';
import { levelDto, profileSummaryDto } from '../toDto.js';

const Statement = z.object({ text: z.string(), sources: z.array(z.string()) });

export const ComparisonSchema = z
  .object({
    profiles: z.array(
      ProfileSummarySchema.extend({
        level: LevelSchema,
        responsibilities: z.array(Statement),
        rubric: z.object({
          knowledge: z.string(),
          complexity: z.string(),
          collaboration: z.string(),
          degreeYears: z.string(),
        }),
        pay: z
          .object({
            median: z.number(),
            low: z.number().nullable(),
            high: z.number().nullable(),
            currency: z.string(),
            kind: z.enum(['observed', 'estimate']),
          })
          .nullable(),
      }),
    ),
    distances: z.array(
      z.object({
        a: z.string(),
        b: z.string(),
        distance: z.number(),
        band: z.enum(['near', 'related', 'distant']),
      }),
    ),
    skillBasis: z.enum(['focus', 'level']).openapi({
      description:
        "focus: the focuses' skills; level: the profiles share one focus, so each level's own skills are compared",
    }),
    skills: z.array(
      z.object({
        name: z.string(),
        heldBy: z.array(z.string()),
        marking: z.enum(['shared', 'partly shared', 'distinct']),
      }),
    ),
  })
  .openapi('Comparison');

const compare = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/compare',
  tags: ['Profiles'],
  summary: 'Compare 2–4 profiles side by side',
  request: {
    query: z.object({
      codes: z.string().max(400).openapi({
        description: 'Two to four profile codes separated by commas',
        example: 'TECHNO.TECHNOLO6B55.M3,TECHNO.ENGINEER9222.M3',
      }),
    }),
  },
  responses: {
    200: { description: 'The comparison', content: { 'application/json': { schema: ComparisonSchema } } },
    400: jsonError('Fewer than two or more than four codes'),
    404: jsonError('A code names no profile'),
  },
});

export function registerCompareRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(compare, (c) => {
    const catalog = deps.catalog();
    const comparison = compareProfiles(catalog, c.req.valid('query').codes.split(','));
    return cachedJson(deps, c, () => ({
      ...comparison,
      profiles: comparison.profiles.map((v) => {
        const own = v.ladder.find((s) => s.current)?.content;
        const pay = deps.payBook().forProfile(v.code).headline;
        return {
          ...profileSummaryDto(v, catalog),
          level: levelDto(v.level),
          responsibilities: own?.responsibilities ?? [],
          rubric: {
            knowledge: own?.rubric.knowledge ?? '',
            complexity: own?.rubric.complexity ?? '',
            collaboration: own?.rubric.collaboration ?? '',
            degreeYears: own?.rubric.degreeYears ?? '',
          },
          pay: pay
            ? { median: pay.median, low: pay.low, high: pay.high, currency: pay.currency, kind: pay.kind }
            : null,
        };
      }),
    }));
  });
}
