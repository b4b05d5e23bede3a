import { z } from 'zod';
import { payOutOfRange } from '../core/payAmount.js';

/** Schemas of the human-edited files in data/. Optional `sources` fall back to the enclosing block's. */

const text = z.string().trim().min(1, 'expected a non-empty string');
const sourceIds = z.array(z.string().regex(/^[a-z0-9-]+$/, 'expected a source id like "seed-cto-jd"')).min(1);
const levelCode = z.string().regex(/^[SPME][1-9]$/, 'expected a level code such as S2, P4, M3 or E1');

export const sourcesFileSchema = z.strictObject({
  sources: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/, 'expected lower-case letters, digits and dashes'),
        title: text,
        kind: z.enum(['profile_page', 'ladder', 'job_description', 'taxonomy', 'survey', 'reference']),
        publisher: text.optional(),
        url: z.url().optional(),
        note: text.optional(),
      }),
    )
    .min(1),
});

export const functionFileSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]+$/, 'expected a lower-case key with dashes'),
  code: z.string().regex(/^[A-Z]{6}$/, 'expected six capital letters, e.g. TECHNO'),
  name: text,
  description: text,
  sources: sourceIds,
});

const statement = z.union([text, z.strictObject({ text, sources: sourceIds.optional() })]);

const pay = z
  .strictObject({
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as USD'),
    period: z.enum(['annual', 'hourly']),
    region: text,
    median: z.number().positive(),
    low: z.number().positive().optional(),
    high: z.number().positive().optional(),
    basis: text,
    asOf: text.optional(),
    sources: sourceIds.optional(),
  })
  .superRefine((p, ctx) => {
    // The same range the pay importers hold files to, for the period the figure states.
    for (const key of ['median', 'low', 'high'] as const) {
      const value = p[key];
      const problem = value === undefined ? null : payOutOfRange(value, p.period);
      if (problem) ctx.addIssue({ code: 'custom', path: [key], message: `${value} is ${problem}` });
    }
  });

const profile = z.strictObject({
  status: z.enum(['draft', 'in_review', 'approved', 'retired']).default('draft'),
  version: z.number().int().positive().optional(),
  region: text.default('global'),
  confidence: z.strictObject({ score: z.number().min(0).max(1), sources: sourceIds }).optional(),
  aliases: z.array(statement).default([]),
  pay: z.array(pay).default([]),
});

const levelBlock = z.strictObject({
  sources: sourceIds.optional(),
  responsibilities: z.array(statement).min(1, 'expected at least one responsibility'),
  rubric: z.strictObject({
    knowledge: text,
    complexity: text,
    collaboration: text,
    degreeYears: text,
    sources: sourceIds.optional(),
  }),
  profile: profile.optional(),
  career: z
    .strictObject({
      entryFrom: z.array(statement).default([]),
      advancementTo: z.array(statement).default([]),
      lateral: z.array(statement).default([]),
      sources: sourceIds.optional(),
    })
    .optional(),
});

export const focusFileSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]+$/, 'expected a lower-case key with dashes'),
  code: z
    .string()
    .regex(/^[A-Z]{8}[0-9A-F]{4}$/, 'expected 8 capital letters and 4 hex digits, e.g. TECHNOLO6B55')
    .optional(),
  function: z.string().regex(/^[A-Z]{6}$/, 'expected a six-letter function code'),
  name: text,
  levels: z.strictObject({ from: levelCode, to: levelCode }),
  sources: sourceIds,
  description: text,
  distinctFrom: z.array(z.strictObject({ focus: text, how: text })).default([]),
  differential: z.strictObject({ pay: z.boolean(), skill: z.boolean(), sources: sourceIds.optional() }),
  mappings: z
    .array(
      z.strictObject({
        system: z.enum(['onet-soc', 'isco', 'esco']),
        code: text,
        title: text.optional(),
        origin: text.default('canon.data'),
        confidence: z.number().min(0).max(1).optional(),
        sources: sourceIds.optional(),
      }),
    )
    .default([]),
  skills: z
    .array(
      z.strictObject({
        name: text,
        application: text,
        kind: z.enum(['hard', 'soft']).default('hard'),
        sources: sourceIds.optional(),
      }),
    )
    .min(1),
  titleCues: z.array(z.string().trim().toLowerCase().min(2)).default([]),
  transitions: z
    .array(
      z.strictObject({
        from: levelCode,
        to: levelCode,
        keyShift: text,
        typicalYears: z
          .strictObject({
            min: z.number().nonnegative(),
            max: z.number().positive(),
            openEnded: z.boolean().default(false),
          })
          .optional(),
        sources: sourceIds.optional(),
      }),
    )
    .default([]),
  levelContent: z.record(levelCode, levelBlock),
});

export type SourcesFile = z.infer<typeof sourcesFileSchema>;
export type FunctionFile = z.infer<typeof functionFileSchema>;
export type FocusFile = z.infer<typeof focusFileSchema>;
export type StatementInput = z.infer<typeof statement>;
