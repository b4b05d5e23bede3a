import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CanonError, quote } from '../../../core/errors.js';
import { REVIEW_MIN_CONFIDENCE, REVIEW_MIN_LEAD } from '../../../resolve/reviewRule.js';
import { MAX_TITLE_LENGTH, type TitleResolver } from '../../../resolve/titleResolver.js';
import { declareAccess } from '../../access.js';
import { jsonError, rateLimited, readErrors } from '../apiDeps.js';
import { FocusRef, orNull, ProfileRef, ResolvedLevelSchema } from '../schemas.js';

export const BATCH_LIMIT = 1000;

const CodeTitle = (name: string, code: string, title: string) =>
  z
    .object({
      code: z.string().openapi({ description: `The ${name} code`, example: code }),
      title: z.string().openapi({ description: `The ${name} title`, example: title }),
    })
    .openapi({ description: `An ${name} occupation` });
const Soc = CodeTitle('SOC 2018', '15-1243', 'Database Architects');
const Onet = CodeTitle('O*NET-SOC', '15-1243.00', 'Database Architects');
const words = (description: string, example: string[]) =>
  z.array(z.string()).openapi({ description, example });

const CandidateSchema = z
  .object({
    soc: Soc.nullable(),
    onet: Onet.nullable(),
    focus: orNull(FocusRef, { description: 'The focus the occupation maps to, if any', example: null }),
    profile: orNull(ProfileRef, {
      description: "The focus's profile at the title's level, if any",
      example: null,
    }),
    level: ResolvedLevelSchema.openapi({
      description:
        "The title's level as read for the candidate's focus (the support reading on a support-track focus).",
    }),
    confidence: z.number().openapi({
      description:
        "The first candidate's: the probability that it is right, calibrated on labelled titles; the others' in proportion to the model's probabilities.",
      example: 0.38,
    }),
    band: z
      .enum(['high', 'medium', 'low'])
      .openapi({ description: 'The confidence in words', example: 'low' }),
    explanation: z
      .object({
        specialtyWords: words('The words that name the work', ['data']),
        seniorityWords: words('The words that name the level', ['senior']),
        seniorityStated: z.boolean().openapi({ description: 'Whether the title states a level at all' }),
        matchedTitle: z
          .string()
          .nullable()
          .openapi({ description: 'The occupation title it matched', example: 'Data Engineer' }),
        method: z
          .string()
          .openapi({ description: 'How it matched', example: 'title without seniority words' }),
        removed: words('Noise taken out of the title', []),
        employerHint: z.string().nullable().openapi({
          description: "What the employer's name said about the line of business",
          example: null,
        }),
        landing: z
          .array(z.string())
          .openapi({ description: "Why this candidate's focus and level.", example: [] }),
        probability: z.number().nullable().openapi({
          description:
            "The learned model's blend probability of the code, which the confidence is calibrated from; null without the learned model.",
          example: 0.64,
        }),
      })
      .openapi('CandidateExplanation', { description: 'Why the candidate was chosen' }),
  })
  .openapi('ResolveCandidate', {
    description: 'An occupation the title may be, with its landing and confidence',
  });

const LandingSchema = z
  .object({
    focus: FocusRef,
    profile: ProfileRef,
    level: ResolvedLevelSchema.openapi({
      description: "The profile's level: the nearest the focus offers when it lacks the title's.",
    }),
    via: z
      .object({
        method: z.enum(['occupation', 'focus cue']).openapi({
          description: 'Landed through an occupation the focus maps, or a cue word of the focus',
        }),
        soc: Soc.nullable(),
        onet: Onet.nullable(),
        rank: z
          .number()
          .nullable()
          .openapi({ description: "The occupation's place among those weighed, 1 first.", example: 1 }),
        cue: z
          .string()
          .nullable()
          .openapi({ description: 'The cue word, when landed by one', example: null }),
      })
      .openapi({ description: 'How it landed' }),
    explanation: z.array(z.string()).openapi({
      description: 'The landing in sentences',
      example: ['Lands on Technology Executive Leadership through its occupation 11-3021.'],
    }),
  })
  .openapi('ResolveLanding', { description: 'The focus, profile and level a title lands on' });

const ResolutionSchema = z
  .object({
    title: z.string().openapi({ description: 'The title as given', example: 'Senior Data Engineer' }),
    status: z
      .enum(['resolved', 'unresolved'])
      .openapi({ description: 'Whether any occupation was found', example: 'resolved' }),
    level: ResolvedLevelSchema.openapi({
      description:
        "The title's level, whether or not an occupation is found; on the landing focus's track when it lands.",
    }),
    seniority: z
      .object({
        words: words('The words read as seniority', ['senior']),
        stated: z.boolean().openapi({ description: 'Whether the title states a level' }),
        specialtyWords: words('The rest, which name the work', ['data']),
        removed: words('Noise taken out', []),
        note: z.string().nullable().openapi({
          description:
            'When the title joins roles that read differently ("COO & SVP"): each role, and the most senior, which decides.',
          example: null,
        }),
      })
      .openapi({ description: 'How the title was read for seniority' }),
    landing: orNull(LandingSchema, {
      description: 'Where the title lands in the taxonomy, if anywhere',
      example: null,
    }),
    candidates: z.array(CandidateSchema).openapi({ description: 'Occupations it may be, best first' }),
    needsReview: z.boolean().openapi({
      description: `Whether a person should check the first candidate before it is used: its confidence is below ${REVIEW_MIN_CONFIDENCE}, or the runner-up's is within ${REVIEW_MIN_LEAD} of it.`,
    }),
    reviewReason: z
      .enum(['no candidate', 'low confidence', 'close runner-up'])
      .nullable()
      .openapi({ description: 'Why it needs review; null when it does not', example: 'low confidence' }),
  })
  .openapi('Resolution', {
    description: 'A job title read into level, occupation, focus and profile, explained',
  });

// Zod's own messages do not show the value; a caller with a batch needs to see which title was refused.
const title = z
  .string()
  .min(1, { error: (issue) => `A title is required; got ${quote(issue.input)}` })
  .max(MAX_TITLE_LENGTH, {
    error: (issue) =>
      `A title may have at most ${MAX_TITLE_LENGTH} characters; ${quote(issue.input)} has ${String(issue.input).length}`,
  });
const top = z.coerce
  .number()
  .int()
  .min(1)
  .max(10)
  .default(3)
  .openapi({ description: 'How many candidates to return (1–10)', example: 3 });
const employer = z.string().max(200).optional().openapi({
  description: "The employer's name, which hints at its line of business",
  example: 'Acme Software',
});

const getOne = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/resolve',
  operationId: 'resolveTitle',
  tags: ['Resolve'],
  summary: 'Level one job title: occupation, focus, profile and level, explained',
  description:
    "Reads a job title's seniority into a level, finds the occupations it may be (the employer and description help), lands it on a focus and profile, and says why, with a calibrated confidence and whether a person should check it.",
  request: {
    query: z.object({
      title: title.openapi({ description: 'The job title', example: 'Senior Data Engineer' }),
      employer,
      description: z.string().max(2000).optional().openapi({
        description: 'A few words of the job description, to tell alike occupations apart',
        example: 'Builds data pipelines',
      }),
      top,
    }),
  },
  responses: {
    200: { description: 'Ranked candidates', content: { 'application/json': { schema: ResolutionSchema } } },
    400: jsonError(`No title, or one over ${MAX_TITLE_LENGTH} characters`),
    ...readErrors,
    ...rateLimited,
  },
});

const BatchSchema = z
  .object({
    titles: z
      .array(
        z.union([
          title.openapi({ description: 'A title alone', example: 'Director of Engineering' }),
          z
            .object({
              title: title.openapi({ description: 'The job title', example: 'Engineering Manager' }),
              employer,
            })
            .openapi('TitleWithEmployer', { description: "A title with its employer's name" }),
        ]),
      )
      .min(1)
      .openapi({ description: `The titles, each alone or with its employer: 1 to ${BATCH_LIMIT}` }),
    top: z
      .number()
      .int()
      .min(1)
      .max(10)
      .default(3)
      .openapi({ description: 'How many candidates per title (1–10)', example: 3 }),
  })
  .openapi('ResolveBatch', { description: 'Titles to level at once' });

const postMany = createRoute({
  method: 'post',
  ...declareAccess('read'),
  path: '/resolve',
  operationId: 'resolveTitles',
  tags: ['Resolve'],
  summary: `Level up to ${BATCH_LIMIT} titles at once`,
  description: `The batch form of GET /resolve: one resolution per title, in order. A read: it changes nothing and needs no role. More than ${BATCH_LIMIT} titles are refused whole; use \`canon resolve --in\` for files.`,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: BatchSchema,
          example: {
            titles: ['Director of Engineering', { title: 'Engineering Manager', employer: 'Acme Software' }],
            top: 3,
          },
        },
      },
    },
  },
  responses: {
    200: {
      description: 'One resolution per title, in order',
      content: {
        'application/json': {
          schema: z
            .object({
              results: z.array(ResolutionSchema).openapi({ description: 'One per title, in order' }),
            })
            .openapi('ResolutionList', { description: 'Resolutions of a batch, in order' }),
        },
      },
    },
    400: jsonError('No titles, or a title empty or too long'),
    413: jsonError(`More than ${BATCH_LIMIT} titles`),
    ...readErrors,
    ...rateLimited,
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
