import { z } from '@hono/zod-openapi';
import { ERROR_CODES } from '../../core/errors.js';

/** The API's wire format. One schema feeds validation, TypeScript types and the OpenAPI document. */

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional().openapi({
        description: 'Facts for a client to act on, e.g. `revision`: where a draft is after a 409',
      }),
    }),
  })
  .openapi('Error');

const Years = z.object({ min: z.number(), max: z.number() }).nullable();

export const LevelSchema = z
  .object({
    code: z.string().openapi({ example: 'M3' }),
    track: z.enum(['S', 'P', 'M', 'E']),
    trackName: z.string(),
    step: z.number().int(),
    rank: z
      .number()
      .int()
      .openapi({ description: 'Position on the one ordinal scale shared by all tracks.' }),
    title: z.string(),
    summary: z.string(),
    scope: z.string(),
    autonomy: z.string(),
    complexity: z.string(),
    impact: z.string(),
    decisionRights: z.string(),
    leadership: z.string(),
    experience: Years.openapi({
      description: 'Typical years of experience; null where no source gives a figure.',
    }),
    experienceSources: z.array(z.string()),
    sources: z.array(z.string()).openapi({ description: "Source ids behind the level's attributes." }),
    commonTitles: z.array(z.string()),
  })
  .openapi('Level');

export const Statement = z
  .object({
    text: z.string(),
    sources: z.array(z.string()),
    evidence: z
      .array(z.object({ source: z.string(), id: z.number().int() }))
      .optional()
      .openapi({
        description: 'Spans of ingested documents behind the statement: /sources/{source}?ev={id}',
      }),
  })
  .openapi('Statement');

export const SourceSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.string(),
    publisher: z.string().nullable(),
    url: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('Source');

export const FunctionSchema = z
  .object({
    code: z.string().openapi({ example: 'TECHNO' }),
    key: z.string(),
    name: z.string(),
    description: z.string(),
    focuses: z.array(z.string()),
    sources: z.array(z.string()),
  })
  .openapi('Function');

export const Rubric = z
  .object({
    knowledge: z.string(),
    complexity: z.string(),
    collaboration: z.string(),
    degreeYears: z.string(),
    sources: z.array(z.string()),
  })
  .openapi('RubricRow');

const Mapping = z
  .object({
    system: z.string(),
    code: z.string(),
    title: z.string().nullable(),
    origin: z.string(),
    confidence: z.number().nullable(),
    sources: z.array(z.string()),
  })
  .openapi('ClassificationMapping');

export const FocusSchema = z
  .object({
    code: z.string().openapi({ example: 'TECHNOLO6B55' }),
    key: z.string(),
    functionCode: z.string(),
    name: z.string(),
    description: z.string(),
    distinctFrom: z.array(z.object({ focusKey: z.string(), how: z.string() })),
    differential: z.object({ pay: z.boolean(), skill: z.boolean(), sources: z.array(z.string()) }),
    levelCodes: z.array(z.string()),
    levels: z.record(z.string(), z.object({ responsibilities: z.array(Statement), rubric: Rubric })),
    skills: z.array(z.object({ name: z.string(), application: z.string(), sources: z.array(z.string()) })),
    mappings: z.array(Mapping),
    profiles: z.array(z.string()),
    sources: z.array(z.string()),
  })
  .openapi('Focus');

const Pay = z
  .object({
    currency: z.string(),
    period: z.enum(['annual', 'hourly']),
    region: z.string(),
    median: z.number(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    basis: z.string(),
    asOf: z.string().nullable(),
    sources: z.array(z.string()),
  })
  .openapi('PayObservation');

export const ProfileSummarySchema = z
  .object({
    code: z.string().openapi({ example: 'TECHNO.TECHNOLO6B55.M3' }),
    title: z.string(),
    functionCode: z.string(),
    focusCode: z.string(),
    levelCode: z.string(),
    track: z.enum(['S', 'P', 'M', 'E']),
    status: z.enum(['draft', 'in_review', 'approved', 'retired']),
    version: z.number().int().nullable(),
    region: z.string(),
    confidence: z.object({ score: z.number(), band: z.enum(['high', 'medium', 'low']) }).nullable(),
  })
  .openapi('ProfileSummary');

export const AdjacentSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    distance: z.number().openapi({ description: 'Structural distance 0 → 1; see /coordinates' }),
    band: z.enum(['near', 'related', 'distant']),
  })
  .openapi('AdjacentProfile');

const score = z.number().min(1).max(5);
export const ReviewSchema = z
  .object({
    code: z.string(),
    scores: z.object({
      levelDifferentiation: score,
      focusSpecificity: score,
      concreteness: score,
      factualAccuracy: score,
      realWorldCoverage: score,
    }),
    minimum: z.number(),
    passed: z.boolean(),
    confidence: z.object({ score: z.number(), band: z.enum(['high', 'medium', 'low']) }),
    findings: z.array(
      z.object({
        dimension: z.enum([
          'levelDifferentiation',
          'focusSpecificity',
          'concreteness',
          'factualAccuracy',
          'realWorldCoverage',
        ]),
        severity: z.enum(['fail', 'warn']),
        message: z.string(),
        statements: z.array(z.string()),
      }),
    ),
    sources: z.number().int(),
  })
  .openapi('Review');

export const ProfileSchema = ProfileSummarySchema.extend({
  functionName: z.string(),
  focusName: z.string(),
  description: z.string(),
  level: LevelSchema,
  responsibilities: z.array(Statement),
  rubric: Rubric,
  responsibilitiesByLevel: z.array(
    z.object({
      levelCode: z.string(),
      profileCode: z.string(),
      current: z.boolean(),
      responsibilities: z.array(Statement),
    }),
  ),
  skills: z.array(z.object({ name: z.string(), application: z.string(), sources: z.array(z.string()) })),
  differential: z.object({ pay: z.boolean(), skill: z.boolean(), sources: z.array(z.string()) }),
  pay: z.array(Pay),
  aliases: z.array(Statement),
  mappings: z.array(Mapping),
  review: ReviewSchema,
  adjacent: z.array(AdjacentSchema),
  sources: z.array(SourceSchema),
}).openapi('Profile');

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      total: z.number().int(),
      limit: z.number().int(),
      offset: z.number().int(),
    })
    .openapi(name);

export const PaginationQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(50)
    .openapi({ description: 'Items per page (1–500).' }),
  offset: z.coerce.number().int().min(0).default(0),
});

export const CodeParam = (example: string) =>
  z.object({
    code: z
      .string()
      .min(1)
      .max(64)
      .openapi({ param: { name: 'code', in: 'path' }, example }),
  });

const Content = z
  .object({
    responsibilities: z.array(Statement),
    rubric: Rubric,
    career: z.object({
      entryFrom: z.array(Statement),
      advancementTo: z.array(Statement),
      lateral: z.array(Statement),
    }),
    aliases: z.array(Statement),
  })
  .openapi('ProfileContent');

const Verdict = z
  .object({ minimum: z.number(), passed: z.boolean(), findings: z.number().int() })
  .nullable()
  .openapi({
    description: "The review panel's verdict when the version was approved (none for built-in loads)",
  });

export const VersionSummarySchema = z
  .object({
    code: z.string(),
    version: z.number().int(),
    approvedBy: z.string(),
    approvedAt: z.string(),
    note: z.string().nullable(),
    contentHash: z.string(),
    review: Verdict,
  })
  .openapi('VersionSummary');

export const VersionSchema = VersionSummarySchema.extend({ content: Content }).openapi('Version');

export const DraftSchema = z
  .object({
    code: z.string(),
    status: z.enum(['draft', 'in_review']),
    revision: z.number().int().openapi({
      description:
        'Send it back with a proposal or an approval: either is refused (409) if the draft has moved on',
    }),
    baseVersion: z.number().int().nullable(),
    notes: z.array(z.string()),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedBy: z.string(),
    updatedAt: z.string(),
    content: Content,
    review: ReviewSchema,
  })
  .openapi('Draft');

export const DiffSchema = z
  .object({
    code: z.string(),
    from: z.union([z.number().int(), z.literal('draft')]),
    to: z.union([z.number().int(), z.literal('draft')]),
    sections: z.array(
      z.object({
        section: z.string(),
        lines: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
      }),
    ),
    text: z.string().openapi({ description: 'The same diff as unified-style text' }),
  })
  .openapi('Diff');

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    note: z.string().nullable(),
  })
  .openapi('AuditEntry');

export const QueueItemSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    status: z.enum(['draft', 'in_review']),
    revision: z.number().int(),
    updatedBy: z.string(),
    updatedAt: z.string(),
    minimum: z.number(),
    passed: z.boolean(),
    findings: z.number().int(),
  })
  .openapi('ReviewQueueItem');
