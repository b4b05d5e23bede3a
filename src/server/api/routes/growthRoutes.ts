import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { careerPaths } from '../../../core/careerPaths.js';
import { jobDescription } from '../../../core/jobDescription.js';
import { progressionGuide } from '../../../core/progressionGuide.js';
import { RATING_LABELS, readinessItems, readinessReport } from '../../../core/readiness.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError, rateLimited, readErrors } from '../apiDeps.js';
import { orNull, ProfileCodeParam, Statement, YearsEstimateSchema } from '../schemas.js';

const profileCode = (description: string) =>
  z.string().openapi({ description, example: 'TECHNO.TECHNOLO6B55.M4' });
const sources = z
  .array(z.string())
  .openapi({ description: 'Ids of the sources behind it', example: ['seed-exec-progression'] });

const Step = z
  .object({
    title: z
      .string()
      .openapi({ description: 'Where the move leads', example: 'Technology Executive Leadership — M4' }),
    profileCode: profileCode('The profile it leads to; null for a title only a source names').nullable(),
    kind: z.enum(['ladder', 'sourced', 'nearby']).openapi({
      description:
        'ladder: the next or previous level of the focus; sourced: named by a source; nearby: a close profile of another focus',
    }),
    typicalYears: orNull(YearsEstimateSchema, {
      description: 'Typical years before the move, if a source says',
    }),
    sources,
  })
  .openapi('PathStep', { description: 'One move on a career path' });
const CareerSchema = z
  .object({
    entry: z.array(Step).openapi({ description: 'Where people come from' }),
    advancement: z.array(Step).openapi({ description: 'Where they move up to' }),
    lateral: z.array(Step).openapi({ description: 'Where they move across to' }),
    upward: z.array(Step).openapi({
      description: 'From this profile to the top of its focus, then the titles sources name beyond it',
    }),
  })
  .openapi('CareerPaths', { description: 'Entry points, advancement, lateral moves and the path upward' });
const Change = z
  .object({
    label: z.string().openapi({ description: 'What changes', example: 'Scope' }),
    from: z
      .string()
      .openapi({ description: 'At the lower level', example: 'Multiple teams or a sub-function' }),
    to: z.string().openapi({ description: 'At the higher level', example: 'A department or function area' }),
  })
  .openapi('Change', { description: 'One attribute at two levels' });
const GuideSchema = z
  .object({
    from: profileCode('The lower profile').openapi({ example: 'TECHNO.TECHNOLO6B55.M3' }),
    to: profileCode('The higher profile'),
    steps: z
      .array(
        z.object({
          from: z.string().openapi({ description: 'The lower level', example: 'M3' }),
          to: z.string().openapi({ description: 'The level above', example: 'M4' }),
          keyShift: z.string().openapi({ description: 'What changes, in a sentence' }),
          derived: z.boolean().openapi({
            description:
              'False when a source states the key shift; true when Canon derived it from the level definitions',
          }),
          typicalYears: orNull(YearsEstimateSchema, {
            description: 'Typical years for the step, if a source says',
          }),
          sources,
        }),
      )
      .openapi({ description: 'One step per level on the way up' }),
    typicalYears: orNull(YearsEstimateSchema, {
      description: "The sum of the steps' typical years; null when any step has none from a source",
    }),
    levelChanges: z.array(Change).openapi({ description: 'Level attributes that change' }),
    rubricChanges: z.array(Change).openapi({ description: 'Rubric columns that change' }),
    newResponsibilities: z.array(Statement).openapi({ description: 'Responsibilities of the higher level' }),
    skills: z.array(z.string()).openapi({
      description: 'Skills kept on the way',
      example: ['Software Architecture & Systems Design'],
    }),
  })
  .openapi('ProgressionGuide', { description: 'What changes between two levels of one focus, step by step' });
const Item = z.object({
  id: z.string().openapi({ description: 'The id to rate it by', example: 'r1' }),
  section: z
    .enum(['Responsibilities', 'Level guidelines'])
    .openapi({ description: 'Where the statement comes from' }),
  label: z.string().openapi({ description: 'A short label', example: 'Responsibility 1' }),
  text: z.string().openapi({ description: 'The statement to rate oneself on' }),
});
const ReadinessItem = Item.openapi('ReadinessItem', {
  description: 'A statement a person rates themselves on',
});
const RatedItem = Item.extend({
  rating: z.number().int().openapi({ description: 'The rating given, 0–3', example: 2 }),
}).openapi('RatedItem', { description: 'A statement with the rating given' });
const ReadinessFormSchema = z
  .object({
    scale: z.array(z.string()).openapi({
      description: 'The ratings 0–3 in words',
      example: [...RATING_LABELS],
    }),
    items: z.array(ReadinessItem).openapi({ description: "The target level's responsibilities and rubric" }),
  })
  .openapi('ReadinessForm', { description: 'What to rate, and the scale' });
const ReportSchema = z
  .object({
    code: profileCode('The target profile').openapi({ example: 'TECHNO.TECHNOLO6B55.M3' }),
    score: z.number().openapi({ description: 'Mean rating as a share of the maximum, 0–1', example: 0.83 }),
    band: z
      .enum(['ready', 'nearly ready', 'developing'])
      .openapi({ description: 'The score in words: ready from 0.8, nearly ready from 0.55' }),
    items: z.array(RatedItem).openapi({ description: 'Every item with its rating' }),
    toGrow: z.array(RatedItem).openapi({ description: 'Items rated below 2, lowest first' }),
  })
  .openapi('ReadinessReport', { description: 'A self-assessment scored against a profile' });
const RatingsSchema = z
  .object({
    ratings: z.record(z.string().max(40), z.number().int().min(0).max(3)).openapi({
      description: 'Item id → 0 (not yet) … 3 (consistently); every item of the form must be rated',
      example: { r1: 3, r2: 2, knowledge: 1 },
    }),
  })
  .openapi('ReadinessRatings', { description: 'A self-assessment: a rating for every item of the form' });
const Named = z
  .object({
    name: z.string().openapi({ description: 'The skill', example: 'Software Architecture & Systems Design' }),
    application: z.string().openapi({ description: 'How the role applies it' }),
    kind: z.enum(['hard', 'soft']).optional().openapi({ description: 'A hard (technical) or soft skill' }),
  })
  .openapi('JobSkill', { description: 'A skill as a job description lists it' });
const JobDescriptionSchema = z
  .object({
    code: profileCode('The profile').openapi({ example: 'TECHNO.TECHNOLO6B55.M3' }),
    title: z.string().openapi({
      description: "The job's title",
      example: 'Technology Executive Leadership — Senior Manager (M3)',
    }),
    functionName: z
      .string()
      .openapi({ description: 'Its function', example: 'Technology Leadership & Consulting' }),
    roleDefinition: z.array(z.string()).openapi({ description: 'Paragraphs defining the role' }),
    career: z
      .object({
        entryFrom: z.array(z.string()).openapi({ description: 'Titles people come from' }),
        advancementTo: z.array(z.string()).openapi({
          description: 'Titles people move up to',
          example: ['Technology Executive Leadership — M4'],
        }),
        lateral: z
          .array(z.string())
          .openapi({ description: 'Titles people move across to', example: ['Engineering Management — M3'] }),
      })
      .openapi({ description: 'Career links as titles' }),
    responsibilities: z.array(z.string()).openapi({ description: 'What the job does' }),
    hardSkills: z.array(Named).openapi({ description: 'Technical skills' }),
    softSkills: z.array(Named).openapi({ description: 'Soft skills' }),
    education: z.string().openapi({ description: 'Typical degree and years' }),
    experience: z.string().openapi({ description: 'Typical experience, in words' }),
    sources: z
      .array(z.string())
      .openapi({ description: 'Ids of the sources behind it', example: ['canon-profile-m3'] }),
  })
  .openapi('JobDescription', { description: 'A job description generated from a profile' });

const profileParam = { params: ProfileCodeParam };
const profileErrors = {
  400: jsonError('A malformed code'),
  404: jsonError('No such profile'),
  ...readErrors,
};

const career = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/career',
  operationId: 'getCareerPaths',
  tags: ['Growth'],
  summary: 'Entry points, advancement, lateral moves and the path upward',
  description:
    "Where people in this profile come from and go next: the focus's own ladder, titles its sources name, and close profiles of other focuses, each with typical years where a source gives them.",
  request: profileParam,
  responses: {
    200: { description: 'Career paths', content: { 'application/json': { schema: CareerSchema } } },
    ...profileErrors,
  },
});

const progression = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/progression',
  operationId: 'getProgressionGuide',
  tags: ['Growth'],
  summary: 'Progression guide between two levels of one focus',
  description:
    'What changes from one profile to a higher one of the same focus: the key shift of each step, typical years, the level attributes and rubric columns that change, new responsibilities and the skills kept.',
  request: {
    query: z.object({
      from: z
        .string()
        .max(64)
        .openapi({ description: 'The lower profile', example: 'TECHNO.TECHNOLO6B55.M3' }),
      to: z
        .string()
        .max(64)
        .openapi({ description: 'A higher profile of the same focus', example: 'TECHNO.TECHNOLO6B55.M4' }),
    }),
  },
  responses: {
    200: { description: 'The guide', content: { 'application/json': { schema: GuideSchema } } },
    400: jsonError('Not two levels of one focus, upward'),
    404: jsonError('No such profile'),
    ...readErrors,
  },
});

const items = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/readiness',
  operationId: 'getReadinessForm',
  tags: ['Growth'],
  summary: 'The statements a person rates themselves on, and the rating scale',
  description:
    "The self-assessment form for a target profile: its responsibilities and its rubric's columns, each with the id to rate it by, and the scale 0–3.",
  request: profileParam,
  responses: {
    200: { description: 'Items and scale', content: { 'application/json': { schema: ReadinessFormSchema } } },
    ...profileErrors,
  },
});

const assess = createRoute({
  method: 'post',
  ...declareAccess('read'),
  path: '/profiles/{code}/readiness',
  operationId: 'assessReadiness',
  tags: ['Growth'],
  summary: 'Score a self-assessment (nothing is stored)',
  description:
    "Ratings of every item of the profile's form, scored: the share of the maximum, a band, and the items to grow on. A read: it changes nothing and needs no role.",
  request: {
    ...profileParam,
    body: { required: true, content: { 'application/json': { schema: RatingsSchema } } },
  },
  responses: {
    200: { description: 'The gap report', content: { 'application/json': { schema: ReportSchema } } },
    400: jsonError('A malformed code, or missing or bad ratings'),
    404: jsonError('No such profile'),
    ...readErrors,
    ...rateLimited,
  },
});

const jd = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/job-description',
  operationId: 'getJobDescription',
  tags: ['Growth'],
  summary: 'A job description generated from the profile',
  description:
    "A job description written from the profile's content: role definition, career links, responsibilities, hard and soft skills, education and experience, with the sources behind them.",
  request: profileParam,
  responses: {
    200: {
      description: 'The job description',
      content: { 'application/json': { schema: JobDescriptionSchema } },
    },
    ...profileErrors,
  },
});

export function registerGrowthRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(career, (c) => {
    const catalog = deps.catalog();
    const paths = careerPaths(catalog, c.req.valid('param').code);
    return cachedJson(deps, c, () => paths);
  });
  app.openapi(progression, (c) => {
    const { from, to } = c.req.valid('query');
    const g = progressionGuide(deps.catalog(), from, to);
    return cachedJson(deps, c, () => ({
      ...g,
      from: g.from.code,
      to: g.to.code,
      skills: g.skills.kept.map((s) => s.name),
    }));
  });
  app.openapi(items, (c) => {
    const view = deps.catalog().getProfile(c.req.valid('param').code);
    return cachedJson(deps, c, () => ({ scale: [...RATING_LABELS], items: readinessItems(view) }));
  });
  app.openapi(assess, (c) => {
    const report = readinessReport(deps.catalog(), c.req.valid('param').code, c.req.valid('json').ratings);
    const { profile, ...rest } = report;
    return c.json({ code: profile.code, ...rest }, 200);
  });
  app.openapi(jd, (c) => {
    const description = jobDescription(deps.catalog(), c.req.valid('param').code);
    return cachedJson(deps, c, () => ({ ...description, sources: description.sources.map((s) => s.id) }));
  });
}
