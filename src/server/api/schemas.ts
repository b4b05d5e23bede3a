import { z } from '@hono/zod-openapi';
import { ERROR_CODES } from '../../core/errors.js';
import { FINDING_KINDS, type FindingKind } from '../../core/review/findings.js';
import { DIMENSIONS } from '../../core/review/reviewRules.js';

/**
 * The API's wire format. One schema feeds validation, TypeScript types and the OpenAPI document, so
 * every field says what it means and, where a value helps, shows one from the built-in taxonomy.
 */

/**
 * A named schema, or null. zod-to-openapi writes `.nullable()` of a named schema as a bare `$ref`,
 * dropping the null, so the union says it.
 */
export const orNull = <T extends z.ZodType>(schema: T, meta: { description: string; example?: unknown }) =>
  z.union([schema, z.null()]).openapi(meta);

export const ErrorSchema = z
  .object({
    error: z
      .object({
        code: z
          .enum(ERROR_CODES)
          .openapi({ description: 'What went wrong, as a stable code a client can branch on' }),
        message: z.string().openapi({
          description: 'What went wrong and what to do, for a person',
          example: 'No profile with code "TECHNO.TECHNOLO6B55.M1".',
        }),
        details: z.record(z.string(), z.unknown()).optional().openapi({
          description: 'Facts for a client to act on, e.g. `revision`: where a draft is after a 409',
        }),
      })
      .openapi({ description: 'The failure' }),
  })
  .openapi('Error', { description: 'The body of every 4xx and 5xx answer under /api' });

const sourceIds = z.array(z.string()).openapi({
  description: 'Ids of the sources behind it (see /sources/{id})',
  example: ['canon-profile-m3'],
});

export const SourceRowSchema = z
  .object({
    source: z.string().openapi({ description: 'The reference source', example: 'onet-29-3' }),
    file: z.string().openapi({ description: 'The file of the source', example: 'Task Statements.txt' }),
    key: z.string().openapi({
      description: 'The row: its key columns joined with " · " in the file\'s column order',
      example: '8823',
    }),
  })
  .openapi('SourceRow', { description: 'One row of a reference file a generated statement came from' });

const rows = z
  .array(SourceRowSchema)
  .optional()
  .openapi({ description: 'The reference-file rows it was generated from, when it was' });

export const EvidenceRefSchema = z
  .object({
    source: z.string().openapi({ description: 'The ingested source', example: 'doc-2880ee7d0a9d' }),
    id: z
      .number()
      .int()
      .openapi({ description: 'The evidence span: /sources/{source}?ev={id}', example: 12 }),
  })
  .openapi('EvidenceRef', { description: 'A span of an ingested document that supports a statement' });

const evidence = z
  .array(EvidenceRefSchema)
  .optional()
  .openapi({ description: 'Spans of ingested documents behind it, when it came from one' });

export const Statement = z
  .object({
    text: z.string().openapi({
      description: 'The statement',
      example: 'Manages a team or department of engineers and owns engineering delivery for a defined scope.',
    }),
    sources: sourceIds,
    evidence,
    rows,
  })
  .openapi('Statement', { description: 'A sourced statement: Canon says nothing it cannot point to' });

const YearsRange = z
  .object({
    min: z.number().openapi({ description: 'Fewest typical years', example: 8 }),
    max: z.number().openapi({ description: 'Most typical years', example: 12 }),
  })
  .openapi('YearsRange', { description: 'A range of typical years of experience' });

const track = z
  .enum(['S', 'P', 'M', 'E'])
  .openapi({ description: 'S support, P professional, M management, E executive', example: 'M' });

const levelCode = z.string().openapi({ description: 'A level code: track letter and step', example: 'M3' });

export const LevelSchema = z
  .object({
    code: levelCode,
    track,
    trackName: z.string().openapi({ description: "The track's name", example: 'Management' }),
    step: z.number().int().openapi({ description: 'The step within the track, 1 first', example: 3 }),
    rank: z
      .number()
      .int()
      .openapi({ description: 'Position on the one ordinal scale shared by all tracks', example: 5 }),
    title: z.string().openapi({ description: "The level's title", example: 'Senior Manager' }),
    summary: z.string().openapi({
      description: 'One sentence on the level',
      example: 'Leads multiple teams or a sub-function; sets goals and owns cross-team execution.',
    }),
    scope: z
      .string()
      .openapi({ description: 'What the level answers for', example: 'Multiple teams or a sub-function' }),
    autonomy: z
      .string()
      .openapi({ description: 'How freely it works', example: 'Sets goals within functional strategy' }),
    complexity: z.string().openapi({
      description: 'The problems it solves',
      example: 'Multi-team execution and resourcing trade-offs',
    }),
    impact: z.string().openapi({ description: 'What its work moves', example: 'Sub-function outcomes' }),
    decisionRights: z.string().openapi({
      description: 'What it decides',
      example: 'Owns goals, budget input, and people decisions across teams',
    }),
    leadership: z
      .string()
      .openapi({ description: 'Whom it leads', example: 'Manages managers and/or several teams' }),
    experience: orNull(YearsRange, {
      description: 'Typical years of experience; null where no source gives a figure',
    }),
    experienceSources: z
      .array(z.string())
      .openapi({ description: 'Sources of the experience figure', example: ['canon-profile-m3'] }),
    sources: z
      .array(z.string())
      .openapi({ description: "Source ids behind the level's attributes", example: ['canon-profile-m3'] }),
    commonTitles: z
      .array(z.string())
      .openapi({ description: 'Titles people at this level commonly hold', example: ['Senior Manager'] }),
  })
  .openapi('Level', { description: 'A level of the universal framework every profile sits on' });

export const SourceSchema = z
  .object({
    id: z.string().openapi({ description: "The source's id", example: 'canon-profile-m3' }),
    title: z.string().openapi({
      description: "The source's title",
      example: 'Canon profile page — Technology Executive Leadership — M3 (TECHNO.TECHNOLO6B55.M3)',
    }),
    kind: z.string().openapi({
      description: 'profile_page, ladder, job_description, taxonomy, survey or reference',
      example: 'profile_page',
    }),
    publisher: z.string().nullable().openapi({ description: 'Who published it', example: 'Canon' }),
    url: z.string().nullable().openapi({ description: 'Where it can be read, if anywhere', example: null }),
    note: z.string().nullable().openapi({
      description: 'What it states and how it was used',
      example: 'Published profile page. States the focus, M3–M6 responsibilities, rubric and skills.',
    }),
  })
  .openapi('Source', { description: 'A source the taxonomy cites' });

export const FunctionSchema = z
  .object({
    code: z.string().openapi({ description: "The function's code", example: 'TECHNO' }),
    key: z
      .string()
      .openapi({ description: 'A readable key', example: 'technology-leadership-and-consulting' }),
    name: z
      .string()
      .openapi({ description: "The function's name", example: 'Technology Leadership & Consulting' }),
    description: z.string().openapi({
      description: 'What roles the function holds',
      example: "Roles that set and deliver an organization's technology direction.",
    }),
    focuses: z
      .array(z.string())
      .openapi({ description: 'Codes of its focuses', example: ['TECHNOLO6B55', 'ENGINEER9222'] }),
    sources: sourceIds,
  })
  .openapi('Function', { description: 'A function: the first step of function → focus → level' });

export const Rubric = z
  .object({
    knowledge: z.string().openapi({
      description: 'Knowledge & Application',
      example: 'Applies deep software architecture and systems-design knowledge.',
    }),
    complexity: z.string().openapi({
      description: 'Complexity & Problem Solving',
      example: 'Resolves diverse engineering and delivery issues across a department.',
    }),
    collaboration: z.string().openapi({
      description: 'Collaboration & Interaction',
      example: 'Leads a functional or customer-facing engineering team; partners with Product.',
    }),
    degreeYears: z.string().openapi({
      description: 'Typical Degree & Years',
      example: '5–7+ years managing professionals and budgets',
    }),
    sources: sourceIds,
    rows,
  })
  .openapi('RubricRow', { description: 'The four columns of the level-guidelines rubric at one level' });

export const SkillSchema = z
  .object({
    name: z
      .string()
      .openapi({ description: "The skill's name", example: 'Software Architecture & Systems Design' }),
    application: z.string().openapi({
      description: 'How the role applies it',
      example: 'Governs the design of multi-component systems.',
    }),
    kind: z.enum(['hard', 'soft']).openapi({ description: 'A hard (technical) or soft skill' }),
    sources: sourceIds,
    evidence,
    rows,
  })
  .openapi('Skill', { description: 'A skill of a focus, or of one of its levels' });

const Mapping = z
  .object({
    system: z
      .string()
      .openapi({ description: 'The classification: onet-soc, isco or esco', example: 'onet-soc' }),
    code: z.string().openapi({ description: 'The occupation code in that system', example: '11-3021' }),
    title: z.string().nullable().openapi({
      description: "The occupation's title",
      example: 'Computer and Information Systems Managers',
    }),
    origin: z
      .string()
      .openapi({ description: 'Which process made the mapping', example: 'jfm-factory.resolve' }),
    confidence: z.number().nullable().openapi({ description: 'How sure the mapping is, 0–1, if stated' }),
    sources: sourceIds,
    rows,
    entryLevel: z.string().optional().openapi({
      description:
        "Where this occupation's entry-level work sits in the focus, for focuses holding a ladder of occupations",
      example: 'P1',
    }),
  })
  .openapi('ClassificationMapping', {
    description: 'An occupation of a public classification the focus maps to',
  });

const Differential = z
  .object({
    pay: z.boolean().openapi({ description: 'Pay differs materially from the function baseline' }),
    skill: z.boolean().openapi({ description: 'Skills differ materially from the function baseline' }),
    sources: sourceIds,
  })
  .openapi('Differential', { description: 'How the focus differs from its function' });

const CareerLinks = z
  .object({
    entryFrom: z.array(Statement).openapi({ description: 'Titles people come from' }),
    advancementTo: z.array(Statement).openapi({ description: 'Titles people move up to' }),
    lateral: z.array(Statement).openapi({ description: 'Titles people move across to' }),
  })
  .openapi('CareerLinks', {
    description: 'Titles a person comes from, moves up to or across to, as sources state them',
  });

const LevelExperience = z
  .object({
    min: z.number().int().openapi({ description: 'Fewest years', example: 5 }),
    max: z.number().int().nullable().openapi({ description: 'Most years; null when open-ended', example: 7 }),
    openEnded: z.boolean().openapi({ description: '"5–7+ years": the upper bound is often exceeded' }),
    text: z
      .string()
      .openapi({ description: "The source's own words", example: '5–7+ years managing professionals' }),
    sources: sourceIds,
    evidence,
  })
  .openapi('LevelExperience', { description: 'Years of experience a source states for a focus at a level' });

/** Also what the growth routes' career steps and progression guides state. */
export const YearsEstimateSchema = z
  .object({
    min: z.number().openapi({ description: 'Fewest years', example: 3 }),
    max: z.number().openapi({ description: 'Most years', example: 5 }),
    openEnded: z.boolean().openapi({ description: '"3–5+ years": the upper bound is often exceeded' }),
  })
  .openapi('YearsEstimate', { description: 'Typical years, as a range' });

export const FocusSchema = z
  .object({
    code: z.string().openapi({ description: "The focus's code", example: 'TECHNOLO6B55' }),
    key: z.string().openapi({ description: 'A readable key', example: 'technology-executive-leadership' }),
    functionCode: z.string().openapi({ description: 'Its function', example: 'TECHNO' }),
    name: z.string().openapi({ description: "The focus's name", example: 'Technology Executive Leadership' }),
    description: z.string().openapi({
      description: 'What work the focus covers',
      example: 'Leads engineering and technology organizations through people management of managers.',
    }),
    distinctFrom: z
      .array(
        z.object({
          focusKey: z.string().openapi({
            description: 'The other focus',
            example: 'architecture-and-principal-engineering',
          }),
          how: z.string().openapi({
            description: 'How the two differ',
            example: 'Individual-contributor tracks deepen technical depth without managing managers.',
          }),
        }),
      )
      .openapi({ description: 'Focuses it could be mistaken for, and how it differs' }),
    differential: Differential,
    levelCodes: z
      .array(z.string())
      .openapi({ description: 'Its levels, lowest first', example: ['M3', 'M4', 'M5', 'M6'] }),
    levels: z
      .record(
        z.string(),
        z
          .object({
            responsibilities: z.array(Statement).openapi({ description: 'What the level does' }),
            rubric: Rubric,
            career: CareerLinks,
            skills: z
              .array(SkillSchema)
              .optional()
              .openapi({ description: "Skills this level adds to the focus's" }),
            experience: LevelExperience.optional(),
          })
          .openapi('FocusLevelContent', { description: "A focus's content at one level" }),
      )
      .openapi({ description: 'Content at each level, by level code' }),
    skills: z.array(SkillSchema).openapi({ description: "The focus's skills" }),
    mappings: z.array(Mapping).openapi({ description: 'Occupations of public classifications it maps to' }),
    transitions: z
      .array(
        z
          .object({
            from: levelCode,
            to: z.string().openapi({ description: 'The level above', example: 'M4' }),
            keyShift: z.string().openapi({
              description: 'What changes between the two',
              example:
                "From building capability inside engineering to answering for a domain's business results.",
            }),
            typicalYears: orNull(YearsEstimateSchema, { description: 'Typical years at the lower level' }),
            sources: sourceIds,
          })
          .openapi('Transition', { description: 'A sourced step between two levels of a focus' }),
      )
      .openapi({ description: 'Sourced steps between its levels' }),
    titleCues: z.array(z.string()).openapi({
      description: 'Lower-case phrases that, in a job title, point to this focus',
      example: ['engineering'],
    }),
    profiles: z
      .array(z.string())
      .openapi({ description: 'Codes of its profiles, one per level', example: ['TECHNO.TECHNOLO6B55.M3'] }),
    sources: sourceIds,
  })
  .openapi('Focus', { description: 'A focus within a function, with its content at every level' });

const Pay = z
  .object({
    currency: z.string().openapi({ description: 'ISO 4217 currency', example: 'USD' }),
    period: z.enum(['annual', 'hourly']).openapi({ description: 'What the amounts are per' }),
    region: z.string().openapi({ description: 'Where the figure holds', example: 'global' }),
    median: z.number().openapi({ description: 'The median', example: 120000 }),
    low: z.number().nullable().openapi({ description: 'The low end of the range', example: 95000 }),
    high: z.number().nullable().openapi({ description: 'The high end of the range', example: 153000 }),
    basis: z.string().openapi({
      description: 'What the figure is, in words',
      example: "Market pay as published on Canon's M3 profile page.",
    }),
    asOf: z
      .string()
      .nullable()
      .openapi({ description: 'When the figure held, as the source gives it', example: '2024' }),
    sources: sourceIds,
    rows,
  })
  .openapi('PayObservation', { description: 'Pay a source states for the profile' });

export const ConfidenceSchema = z
  .object({
    score: z.number().openapi({ description: '0–1', example: 0.8 }),
    band: z.enum(['high', 'medium', 'low']).openapi({ description: 'The score in words' }),
  })
  .openapi('Confidence', { description: 'How far the content can be trusted' });

const status = z
  .enum(['draft', 'in_review', 'approved', 'retired'])
  .openapi({ description: "The profile's place in the workflow", example: 'approved' });

export const ProfileSummarySchema = z
  .object({
    code: z.string().openapi({ description: 'FUNCTION.FOCUS.LEVEL', example: 'TECHNO.TECHNOLO6B55.M3' }),
    title: z
      .string()
      .openapi({ description: "The profile's title", example: 'Technology Executive Leadership — M3' }),
    functionCode: z.string().openapi({ description: 'Its function', example: 'TECHNO' }),
    focusCode: z.string().openapi({ description: 'Its focus', example: 'TECHNOLO6B55' }),
    levelCode,
    track,
    status,
    version: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The approved version shown; null until one is approved', example: 1 }),
    region: z.string().openapi({ description: 'Where the content holds', example: 'global' }),
    confidence: orNull(ConfidenceSchema, { description: "The review panel's confidence" }),
  })
  .openapi('ProfileSummary', { description: 'A profile — a focus at a level — as lists show it' });

export const AdjacentSchema = z
  .object({
    code: z.string().openapi({ description: 'The nearby profile', example: 'TECHNO.TECHNOLO6B55.M4' }),
    title: z.string().openapi({ description: 'Its title', example: 'Technology Executive Leadership — M4' }),
    distance: z
      .number()
      .openapi({ description: 'Structural distance 0 → 1; see /coordinates', example: 0.032 }),
    band: z
      .enum(['near', 'related', 'distant'])
      .openapi({ description: 'The distance in words', example: 'near' }),
  })
  .openapi('AdjacentProfile', { description: 'A profile near another by structural coordinates' });

const score = (description: string) => z.number().min(1).max(5).openapi({ description, example: 5 });
export const ReviewSchema = z
  .object({
    code: z.string().openapi({ description: 'The profile reviewed', example: 'TECHNO.TECHNOLO6B55.M3' }),
    scores: z
      .object({
        levelDifferentiation: score('How clearly the level differs from its neighbours'),
        focusSpecificity: score('How specific the content is to the focus'),
        concreteness: score('How concrete the statements are'),
        factualAccuracy: score('Whether the content agrees with its sources and the framework'),
        realWorldCoverage: score('How much of the real role the sources cover'),
      })
      .openapi({ description: 'One score per dimension, 1–5' }),
    minimum: z.number().openapi({ description: 'The lowest score', example: 4.5 }),
    passed: z.boolean().openapi({ description: 'Whether the minimum reaches the bar for approval' }),
    confidence: ConfidenceSchema,
    findings: z
      .array(
        z
          .object({
            kind: z.enum(Object.keys(FINDING_KINDS) as [FindingKind, ...FindingKind[]]).openapi({
              description:
                'What the reviewer found; every finding of a kind has the same dimension and severity',
            }),
            dimension: z.enum(DIMENSIONS).openapi({ description: 'The score it lowers' }),
            severity: z
              .enum(['fail', 'warn'])
              .openapi({ description: 'fail blocks approval; warn does not' }),
            message: z.string().openapi({
              description: 'The finding, for a person',
              example:
                "The guidelines state 5–7 years; the level's sourced range is 8–12 years. Say how the two relate.",
            }),
            statements: z.array(z.string()).openapi({
              description: 'The statements it is about',
              example: ['5–7+ years managing professionals and budgets'],
            }),
          })
          .openapi('Finding', { description: "One of the review panel's findings" }),
      )
      .openapi({ description: 'What lowered the scores' }),
    sources: z.number().int().openapi({ description: 'How many sources the profile cites', example: 7 }),
  })
  .openapi('Review', { description: "The review panel's scores, verdict and findings for a profile" });

export const ProfileSchema = ProfileSummarySchema.extend({
  functionName: z
    .string()
    .openapi({ description: "The function's name", example: 'Technology Leadership & Consulting' }),
  focusName: z
    .string()
    .openapi({ description: "The focus's name", example: 'Technology Executive Leadership' }),
  description: z.string().openapi({
    description: "The focus's description",
    example: 'Leads engineering and technology organizations through people management of managers.',
  }),
  level: LevelSchema,
  responsibilities: z.array(Statement).openapi({ description: 'What the profile does' }),
  rubric: Rubric,
  responsibilitiesByLevel: z
    .array(
      z.object({
        levelCode,
        profileCode: z
          .string()
          .openapi({ description: 'That level’s profile', example: 'TECHNO.TECHNOLO6B55.M3' }),
        current: z.boolean().openapi({ description: 'Whether it is this profile' }),
        responsibilities: z.array(Statement).openapi({ description: 'What that level does' }),
      }),
    )
    .openapi({ description: "The focus's ladder: every level's responsibilities, lowest first" }),
  skills: z.array(SkillSchema).openapi({ description: "The focus's skills" }),
  differential: Differential,
  pay: z.array(Pay).openapi({ description: 'Pay sources state for the profile' }),
  aliases: z.array(Statement).openapi({ description: 'Other titles for the role' }),
  mappings: z.array(Mapping).openapi({ description: 'Occupations of public classifications' }),
  review: ReviewSchema,
  adjacent: z.array(AdjacentSchema).openapi({ description: 'The nearest profiles, nearest first' }),
  sources: z.array(SourceSchema).openapi({ description: 'Every source the profile cites' }),
}).openapi('Profile', { description: 'One profile with everything its page shows' });

export const pageOf = <T extends z.ZodType>(item: T, name: string, what: string) =>
  z
    .object({
      items: z.array(item).openapi({ description: `The ${what} of this page` }),
      total: z
        .number()
        .int()
        .openapi({ description: `${what} in all`, example: 13 }),
      limit: z.number().int().openapi({ description: 'The page size asked for', example: 50 }),
      offset: z.number().int().openapi({ description: 'How many were skipped', example: 0 }),
    })
    .openapi(name, { description: `A page of ${what}` });

/** A list answered whole, with no paging. */
export const listOf = <T extends z.ZodType>(item: T, name: string, what: string) =>
  z.object({ items: z.array(item).openapi({ description: what }) }).openapi(name, { description: what });

export const PaginationQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(50)
    .openapi({ description: 'Items per page (1–500)', example: 20 }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .openapi({ description: 'Items to skip before the page', example: 0 }),
});

export const CodeParam = (example: string, description: string) =>
  z.object({
    code: z
      .string()
      .min(1)
      .max(64)
      .openapi({ param: { name: 'code', in: 'path', description }, example }),
  });

/** A profile's code as the path names it. */
export const ProfileCodeParam = CodeParam(
  'TECHNO.TECHNOLO6B55.M3',
  "The profile's code: FUNCTION.FOCUS.LEVEL",
);

const Content = z
  .object({
    responsibilities: z.array(Statement).openapi({ description: 'What the profile does' }),
    rubric: Rubric,
    career: CareerLinks,
    aliases: z.array(Statement).openapi({ description: 'Other titles for the role' }),
    skills: z.array(SkillSchema).optional().openapi({ description: 'Skills this level adds, when stated' }),
    experience: LevelExperience.optional(),
  })
  .openapi('ProfileContent', {
    description: "A profile's own content: what a version freezes and a draft changes",
  });

const Verdict = z
  .object({
    minimum: z.number().openapi({ description: 'The lowest score', example: 4.5 }),
    passed: z.boolean().openapi({ description: 'Whether it reached the bar' }),
    findings: z.number().int().openapi({ description: 'How many findings', example: 1 }),
  })
  .openapi('Verdict', { description: "The review panel's verdict, in short" });

export const VersionSummarySchema = z
  .object({
    code: z.string().openapi({ description: 'The profile', example: 'TECHNO.TECHNOLO6B55.M3' }),
    version: z.number().int().openapi({ description: 'The version number, 1 first', example: 1 }),
    approvedBy: z.string().openapi({ description: 'Who approved it', example: 'key:3f9a2c1d (alice)' }),
    approvedAt: z.string().openapi({ description: 'When', example: '2026-03-02 10:15:00+00' }),
    note: z.string().nullable().openapi({ description: "The approver's note", example: 'Reviewed with HR' }),
    contentHash: z
      .string()
      .openapi({ description: 'A hash of the content it froze', example: '64d59bcc93ca62d0' }),
    review: orNull(Verdict, {
      description: "The review panel's verdict when the version was approved (none for built-in loads)",
    }),
  })
  .openapi('VersionSummary', { description: 'An approved, immutable version of a profile' });

export const VersionSchema = VersionSummarySchema.extend({ content: Content }).openapi('Version', {
  description: 'An approved version with the content it froze',
});

const actorId = (description: string) => z.string().openapi({ description, example: 'key:3f9a2c1d (alice)' });
const timestamp = (description: string) =>
  z.string().openapi({ description, example: '2026-03-02 10:15:00+00' });

export const DraftSchema = z
  .object({
    code: z.string().openapi({ description: 'The profile', example: 'TECHNO.TECHNOLO6B55.M3' }),
    status: z.enum(['draft', 'in_review']).openapi({ description: 'Open for changes, or in review' }),
    revision: z.number().int().openapi({
      description:
        'Send it back with a proposal or an approval: either is refused (409) if the draft has moved on',
      example: 2,
    }),
    baseVersion: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The approved version it started from; null for a new profile', example: 1 }),
    notes: z
      .array(z.string())
      .openapi({ description: "The proposers' notes", example: ['Tightened the rubric'] }),
    createdBy: actorId('Who opened it'),
    createdAt: timestamp('When it was opened'),
    updatedBy: actorId('Who changed it last'),
    updatedAt: timestamp('When it changed last'),
    content: Content,
    review: ReviewSchema,
  })
  .openapi('Draft', { description: "A profile's open draft with the review panel's verdict on it" });

const versionOrDraft = (description: string) =>
  z.union([z.number().int(), z.literal('draft')]).openapi({ description, example: 1 });

export const DiffSchema = z
  .object({
    code: z.string().openapi({ description: 'The profile', example: 'TECHNO.TECHNOLO6B55.M3' }),
    from: versionOrDraft('The older side: a version number or "draft"'),
    to: versionOrDraft('The newer side: a version number or "draft"'),
    sections: z
      .array(
        z.object({
          section: z.string().openapi({ description: 'A section of the content', example: 'Aliases' }),
          lines: z
            .array(
              z.object({
                kind: z
                  .enum(['same', 'added', 'removed'])
                  .openapi({ description: 'What happened to the line', example: 'added' }),
                text: z.string().openapi({ description: 'The line', example: 'Head of Engineering' }),
              }),
            )
            .openapi({ description: 'Its lines, in order' }),
        }),
      )
      .openapi({ description: 'Section by section' }),
    text: z.string().openapi({
      description: 'The same diff as unified-style text',
      example: '## Aliases\n+ Head of Engineering',
    }),
  })
  .openapi('Diff', { description: 'What changed between two versions, or a version and the open draft' });

export const AuditEntrySchema = z
  .object({
    id: z.number().int().openapi({ description: "The entry's id, newest highest", example: 42 }),
    at: timestamp('When'),
    actor: actorId('Who'),
    action: z.string().openapi({ description: 'What was done', example: 'profile.approve' }),
    target: z.string().openapi({ description: 'What it was done to', example: 'TECHNO.TECHNOLO6B55.M3' }),
    before: z.unknown().openapi({
      description: 'The state before, as the action records it',
      example: { status: 'in_review' },
    }),
    after: z.unknown().openapi({
      description: 'The state after, as the action records it',
      example: { status: 'approved', version: 2 },
    }),
    note: z.string().nullable().openapi({ description: "The actor's note", example: 'Reviewed with HR' }),
  })
  .openapi('AuditEntry', { description: 'One write, as the audit log records it' });

export const QueueItemSchema = z
  .object({
    code: z.string().openapi({ description: 'The profile', example: 'TECHNO.TECHNOLO6B55.M3' }),
    title: z.string().openapi({ description: 'Its title', example: 'Technology Executive Leadership — M3' }),
    status: z.enum(['draft', 'in_review']).openapi({ description: 'Open for changes, or in review' }),
    revision: z.number().int().openapi({ description: "The draft's revision", example: 2 }),
    updatedBy: actorId('Who changed it last'),
    updatedAt: timestamp('When it changed last'),
    minimum: z.number().openapi({ description: "The panel's lowest score", example: 4.5 }),
    passed: z.boolean().openapi({ description: 'Whether the panel passes it' }),
    findings: z.number().int().openapi({ description: 'How many findings', example: 1 }),
  })
  .openapi('ReviewQueueItem', { description: 'An open draft in the review queue' });

/**
 * A level as a title's reading names it: what the resolver's answers and a company job's match both
 * carry. The references below are strict: an answer with a field they do not document fails its schema.
 */
export const ResolvedLevelSchema = z
  .strictObject({
    code: z.string().openapi({ description: 'The level code', example: 'P3' }),
    track: z.string().openapi({ description: 'Its track: S, P, M or E', example: 'P' }),
    rank: z.number().openapi({ description: 'Its rank on the scale all tracks share', example: 3 }),
    title: z.string().openapi({ description: "The level's title", example: 'Senior Professional' }),
  })
  .openapi('ResolvedLevel', { description: 'A level as a resolution names it' });

export const FunctionRef = z
  .strictObject({
    code: z.string().openapi({ description: "The function's code", example: 'ENGINE' }),
    name: z.string().openapi({ description: "The function's name", example: 'Engineering' }),
  })
  .openapi('FunctionRef', { description: 'A function, by code and name' });

export const FocusRef = z
  .strictObject({
    code: z.string().openapi({ description: "The focus's code", example: 'TECHNOLO6B55' }),
    name: z.string().openapi({ description: "The focus's name", example: 'Technology Executive Leadership' }),
  })
  .openapi('FocusRef', { description: 'A focus, by code and name' });

export const ProfileRef = z
  .strictObject({
    code: z.string().openapi({ description: "The profile's code", example: 'TECHNO.TECHNOLO6B55.M6' }),
    fit: z
      .enum(['exact', 'nearest'])
      .openapi({ description: "exact: the focus has the title's level; nearest: the closest level it has" }),
  })
  .openapi('ProfileRef', { description: 'The profile a title lands on' });

/** A company job's match onto Canon, field for field as `company/matchJobs.ts`'s `JobMatch` has it. */
export const JobMatchSchema = z
  .strictObject({
    line: z
      .number()
      .int()
      .openapi({ description: 'The line (CSV) or row (XLSX) of the file it was read from', example: 3 }),
    title: z
      .string()
      .openapi({ description: 'The job title as the file writes it', example: 'Software Engineer I' }),
    department: z
      .string()
      .openapi({ description: 'Its department as the file writes it', example: 'Product Development' }),
    grade: z.string().openapi({ description: 'Its grade as the file writes it, or ""', example: 'L-3' }),
    duplicateOf: z.number().int().nullable().openapi({
      description: 'The line of the first row it repeats (matched like it, counted once); null for a first',
      example: null,
    }),
    status: z.enum(['matched', 'needs review', 'unmatched']).openapi({
      description: '"needs review" when any reason in review holds; "unmatched" when no profile was found',
      example: 'matched',
    }),
    function: orNull(FunctionRef, { description: 'The Canon function its department reads as, if any' }),
    focus: orNull(FocusRef, { description: 'The focus the title lands on, if any' }),
    profile: orNull(ProfileRef, { description: "The focus's profile at the job's level, if any" }),
    level: orNull(ResolvedLevelSchema, {
      description:
        "The job's Canon level: its title's reading moved into its grade's levels; null when the title could not be read",
    }),
    titleLevel: orNull(
      z
        .strictObject({
          code: z.string().openapi({ description: 'The level code', example: 'P1' }),
          stated: z.boolean().openapi({
            description: "Whether the title's words state it (false: the default reading)",
            example: true,
          }),
        })
        .openapi('TitleLevel', { description: "The level a title's words state, before its grade" }),
      { description: 'The level the title states (or reads by default), before the grade; null when unread' },
    ),
    gradeLevels: z
      .array(z.string())
      .nullable()
      .openapi({
        description: "The Canon levels the job's grade corresponds to; null without a grade in the table",
        example: ['P1'],
      }),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .openapi({ description: 'How sure the match is, 0 to 1 (1: decided by a person)', example: 0.63 }),
    review: z
      .array(z.string())
      .openapi({ description: 'Why it needs a person; empty when it does not', example: [] }),
    explanation: z.array(z.string()).openapi({
      description: 'The match in sentences, in the order it was made',
      example: ['Grade: L3 corresponds to P1, as the title reads.'],
    }),
  })
  .openapi('JobMatch', { description: "A company job's match onto a Canon profile" });
