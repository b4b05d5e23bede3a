import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { compareProfiles } from '../../../core/compareProfiles.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError, readErrors } from '../apiDeps.js';
import { LevelSchema, ProfileSummarySchema, Rubric, Statement } from '../schemas.js';
import { levelDto, profileSummaryDto } from '../toDto.js';

export const ComparisonSchema = z
  .object({
    profiles: z
      .array(
        ProfileSummarySchema.extend({
          level: LevelSchema,
          responsibilities: z.array(Statement).openapi({ description: 'What the profile does' }),
          rubric: Rubric.omit({ sources: true, rows: true }).openapi({
            description: 'The rubric row at its level, without its sources',
          }),
          pay: z
            .object({
              median: z.number().openapi({ description: 'The median', example: 120000 }),
              low: z.number().nullable().openapi({ description: 'The low end', example: 95000 }),
              high: z.number().nullable().openapi({ description: 'The high end', example: 153000 }),
              currency: z.string().openapi({ description: 'ISO 4217 currency', example: 'USD' }),
              kind: z
                .enum(['observed', 'estimate'])
                .openapi({ description: 'Stated by a source, or derived' }),
            })
            .nullable()
            .openapi({ description: "The profile's headline pay, if any" }),
        }).openapi('ComparedProfile', { description: 'A profile as the comparison shows it' }),
      )
      .openapi({ description: 'The profiles, in the order asked for' }),
    distances: z
      .array(
        z.object({
          a: z.string().openapi({ description: 'One profile', example: 'TECHNO.TECHNOLO6B55.M3' }),
          b: z.string().openapi({ description: 'The other', example: 'TECHNO.ENGINEER9222.M3' }),
          distance: z.number().openapi({ description: 'Structural distance 0 → 1', example: 0.325 }),
          band: z
            .enum(['near', 'related', 'distant'])
            .openapi({ description: 'The distance in words', example: 'related' }),
        }),
      )
      .openapi({ description: 'The distance of every pair' }),
    skillBasis: z.enum(['focus', 'level']).openapi({
      description:
        "focus: the focuses' skills; level: the profiles share one focus, so each level's own skills are compared",
    }),
    skills: z
      .array(
        z.object({
          name: z.string().openapi({ description: 'The skill', example: 'AI/ML Literacy' }),
          heldBy: z
            .array(z.string())
            .openapi({ description: 'The profiles that hold it', example: ['TECHNO.TECHNOLO6B55.M3'] }),
          marking: z
            .enum(['shared', 'partly shared', 'distinct'])
            .openapi({ description: 'Held by all, by some, or by one', example: 'distinct' }),
        }),
      )
      .openapi({ description: 'Every skill of any of them, and who holds it' }),
  })
  .openapi('Comparison', { description: 'Profiles side by side: content, pay, distances and skills' });

const compare = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/compare',
  operationId: 'compareProfiles',
  tags: ['Profiles'],
  summary: 'Compare 2–4 profiles side by side',
  description:
    'Two to four profiles with their level, responsibilities, rubric and headline pay, the structural distance of every pair, and which skills they share.',
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
    400: jsonError('Fewer than two or more than four codes, or a malformed one'),
    404: jsonError('A code names no profile'),
    ...readErrors,
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
