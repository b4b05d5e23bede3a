import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CanonError, quote } from '../../../core/errors.js';
import { REVIEW_MIN_CONFIDENCE, REVIEW_MIN_LEAD } from '../../../resolve/reviewRule.js';
import { MAX_TITLE_LENGTH, type TitleResolver } from '../../../resolve/titleResolver.js';
import { declareAccess } from '../../access.js';
import { jsonError } from '../apiDeps.js';

export const BATCH_LIMIT = 1000;

const LevelSchema = z.object({ code: z.string(), track: z.string(), rank: z.number(), title: z.string() });
const CodeTitle = z.object({ code: z.string(), title: z.string() });

const CandidateSchema = z
  .object({
    soc: CodeTitle.nullable(),
    onet: CodeTitle.nullable(),
    focus: z.object({ code: z.string(), name: z.string() }).nullable(),
    profile: z.object({ code: z.string(), fit: z.enum(['exact', 'nearest']) }).nullable(),
    level: LevelSchema.openapi({
      description:
        "The title's level as read for the candidate's focus (the support reading on a support-track focus).",
    }),
    confidence: z.number().openapi({
      description:
        "The first candidate's: the probability that it is right, calibrated on labelled titles; the others' in proportion to the model's probabilities.",
    }),
    band: z.enum(['high', 'medium', 'low']),
    explanation: z.object({
      specialtyWords: z.array(z.string()),
      seniorityWords: z.array(z.string()),
      seniorityStated: z.boolean(),
      matchedTitle: z.string().nullable(),
      method: z.string(),
      removed: z.array(z.string()),
      employerHint: z.string().nullable(),
      landing: z.array(z.string()).openapi({ description: "Why this candidate's focus and level." }),
      probability: z.number().nullable().openapi({
        description:
          "The learned model's blend probability of the code, which the confidence is calibrated from; null without the learned model.",
      }),
    }),
  })
  .openapi('ResolveCandidate');

const LandingSchema = z
  .object({
    focus: z.object({ code: z.string(), name: z.string() }),
    profile: z.object({ code: z.string(), fit: z.enum(['exact', 'nearest']) }),
    level: LevelSchema.openapi({
      description: "The profile's level: the nearest the focus offers when it lacks the title's.",
    }),
    via: z.object({
      method: z.enum(['occupation', 'focus cue']),
      soc: CodeTitle.nullable(),
      onet: CodeTitle.nullable(),
      rank: z
        .number()
        .nullable()
        .openapi({ description: "The occupation's place among those weighed, 1 first." }),
      cue: z.string().nullable(),
    }),
    explanation: z.array(z.string()),
  })
  .openapi('ResolveLanding');

const ResolutionSchema = z
  .object({
    title: z.string(),
    status: z.enum(['resolved', 'unresolved']),
    level: LevelSchema.openapi({
      description:
        "The title's level, whether or not an occupation is found; on the landing focus's track when it lands.",
    }),
    seniority: z.object({
      words: z.array(z.string()),
      stated: z.boolean(),
      specialtyWords: z.array(z.string()),
      removed: z.array(z.string()),
      note: z.string().nullable().openapi({
        description:
          'When the title joins roles that read differently ("COO & SVP"): each role, and the most senior, which decides.',
      }),
    }),
    landing: LandingSchema.nullable(),
    candidates: z.array(CandidateSchema),
    needsReview: z.boolean().openapi({
      description: `Whether a person should check the first candidate before it is used: its confidence is below ${REVIEW_MIN_CONFIDENCE}, or the runner-up's is within ${REVIEW_MIN_LEAD} of it.`,
    }),
    reviewReason: z.enum(['no candidate', 'low confidence', 'close runner-up']).nullable(),
  })
  .openapi('Resolution');

// Zod's own messages do not show the value; a caller with a batch needs to see which title was refused.
const title = z
  .string()
  .min(1, { error: (issue) => `A title is required; got ${quote(issue.input)}` })
  .max(MAX_TITLE_LENGTH, {
    error: (issue) =>
      `A title may have at most ${MAX_TITLE_LENGTH} characters; ${quote(issue.input)} has ${String(issue.input).length}`,
  });
const top = z.coerce.number().int().min(1).max(10).default(3);

const getOne = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/resolve',
  tags: ['Resolve'],
  summary: 'Level one job title: occupation, focus, profile and level, explained',
  request: {
    query: z.object({
      title,
      employer: z.string().max(200).optional(),
      description: z.string().max(2000).optional(),
      top,
    }),
  },
  responses: {
    200: { description: 'Ranked candidates', content: { 'application/json': { schema: ResolutionSchema } } },
    400: jsonError('No title, or too long'),
  },
});

const postMany = createRoute({
  method: 'post',
  ...declareAccess('read'),
  path: '/resolve',
  tags: ['Resolve'],
  summary: `Level up to ${BATCH_LIMIT} titles at once`,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            titles: z
              .array(z.union([title, z.object({ title, employer: z.string().max(200).optional() })]))
              .min(1),
            top: z.number().int().min(1).max(10).default(3),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'One resolution per title, in order',
      content: { 'application/json': { schema: z.object({ results: z.array(ResolutionSchema) }) } },
    },
    400: jsonError('Bad body'),
    413: jsonError(`More than ${BATCH_LIMIT} titles`),
  },
});

export function registerResolveRoutes(app: OpenAPIHono, resolver: () => Promise<TitleResolver>): void {
  app.openapi(getOne, async (c) => {
    const { title: t, employer, description, top: n } = c.req.valid('query');
    return c.json((await resolver()).resolve({ title: t, employer, description }, n), 200);
  });
  app.openapi(postMany, async (c) => {
    const { titles, top: n } = c.req.valid('json');
    if (titles.length > BATCH_LIMIT) {
      throw new CanonError(
        'too_large',
        `At most ${BATCH_LIMIT} titles per request; got ${titles.length}. Split the list, or use \`canon resolve --in\` for files.`,
      );
    }
    const r = await resolver();
    return c.json(
      { results: titles.map((x) => r.resolve(typeof x === 'string' ? { title: x } : x, n)) },
      200,
    );
  });
}
