import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { careerPaths } from '../../../core/careerPaths.js';
import { jobDescription } from '../../../core/jobDescription.js';
import { progressionGuide } from '../../../core/progressionGuide.js';
import { RATING_LABELS, readinessItems, readinessReport } from '../../../core/readiness.js';
import { declareAccess } from '../../access.js';
import { type ApiDeps, cachedJson, jsonError } from '../apiDeps.js';
import { CodeParam } from '../schemas.js';

const Years = z.object({ min: z.number(), max: z.number(), openEnded: z.boolean() }).nullable();
const Step = z.object({
  title: z.string(),
  profileCode: z.string().nullable(),
  kind: z.enum(['ladder', 'sourced', 'nearby']),
  typicalYears: Years,
  sources: z.array(z.string()),
});
const CareerSchema = z
  .object({ entry: z.array(Step), advancement: z.array(Step), lateral: z.array(Step), upward: z.array(Step) })
  .openapi('CareerPaths');
const Change = z.object({ label: z.string(), from: z.string(), to: z.string() });
const GuideSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    steps: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        keyShift: z.string(),
        derived: z.boolean(),
        typicalYears: Years,
        sources: z.array(z.string()),
      }),
    ),
    typicalYears: Years,
    levelChanges: z.array(Change),
    rubricChanges: z.array(Change),
    newResponsibilities: z.array(z.object({ text: z.string(), sources: z.array(z.string()) })),
    skills: z.array(z.string()),
  })
  .openapi('ProgressionGuide');
const Item = z.object({ id: z.string(), section: z.string(), label: z.string(), text: z.string() });
const ReportSchema = z
  .object({
    code: z.string(),
    score: z.number(),
    band: z.enum(['ready', 'nearly ready', 'developing']),
    items: z.array(Item.extend({ rating: z.number().int() })),
    toGrow: z.array(Item.extend({ rating: z.number().int() })),
  })
  .openapi('ReadinessReport');
const Named = z.object({ name: z.string(), application: z.string() });
const JobDescriptionSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    functionName: z.string(),
    roleDefinition: z.array(z.string()),
    career: z.object({
      entryFrom: z.array(z.string()),
      advancementTo: z.array(z.string()),
      lateral: z.array(z.string()),
    }),
    responsibilities: z.array(z.string()),
    hardSkills: z.array(Named),
    softSkills: z.array(Named),
    education: z.string(),
    experience: z.string(),
    sources: z.array(z.string()),
  })
  .openapi('JobDescription');

const profileParam = { params: CodeParam('TECHNO.TECHNOLO6B55.M3') };
const notFound = { 404: jsonError('No such profile') };

const career = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/career',
  tags: ['Growth'],
  summary: 'Entry points, advancement, lateral moves and the path upward',
  request: profileParam,
  responses: {
    200: { description: 'Career paths', content: { 'application/json': { schema: CareerSchema } } },
    ...notFound,
  },
});

const progression = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/progression',
  tags: ['Growth'],
  summary: 'Progression guide between two levels of one focus',
  request: { query: z.object({ from: z.string().max(64), to: z.string().max(64) }) },
  responses: {
    200: { description: 'The guide', content: { 'application/json': { schema: GuideSchema } } },
    400: jsonError('Not two levels of one focus, upward'),
    ...notFound,
  },
});

const items = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/readiness',
  tags: ['Growth'],
  summary: 'The statements a person rates themselves on, and the rating scale',
  request: profileParam,
  responses: {
    200: {
      description: 'Items and scale',
      content: {
        'application/json': { schema: z.object({ scale: z.array(z.string()), items: z.array(Item) }) },
      },
    },
    ...notFound,
  },
});

const assess = createRoute({
  method: 'post',
  ...declareAccess('read'),
  path: '/profiles/{code}/readiness',
  tags: ['Growth'],
  summary: 'Score a self-assessment (nothing is stored)',
  request: {
    ...profileParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            ratings: z
              .record(z.string().max(40), z.number().int().min(0).max(3))
              .openapi({ description: 'item id → 0 (not yet) … 3 (consistently)' }),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'The gap report', content: { 'application/json': { schema: ReportSchema } } },
    400: jsonError('Missing or bad ratings'),
    ...notFound,
  },
});

const jd = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/job-description',
  tags: ['Growth'],
  summary: 'A job description generated from the profile',
  request: profileParam,
  responses: {
    200: {
      description: 'The job description',
      content: { 'application/json': { schema: JobDescriptionSchema } },
    },
    ...notFound,
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
