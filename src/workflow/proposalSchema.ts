import { z } from 'zod';

/**
 * A proposal as it arrives from outside (a YAML/JSON file at the CLI, a
 * request body at the API). Every statement must cite at least one source:
 * Canon says nothing it cannot point to.
 */
const text = z.string().trim().min(1, 'must not be empty').max(1_000);
const sources = z.array(z.string().trim().min(1)).min(1, 'cite at least one source id').max(20);
const evidence = z
  .array(z.strictObject({ source: z.string().min(1).max(100), id: z.number().int().min(1) }))
  .max(10);
const statement = z.strictObject({ text, sources, evidence: evidence.optional() });
const statements = z.array(statement).max(30);
const skill = z.strictObject({
  name: text,
  application: text,
  kind: z.enum(['hard', 'soft']),
  sources,
  evidence: evidence.optional(),
});
const experience = z.strictObject({
  min: z.number().int().min(0).max(60),
  max: z.number().int().min(0).max(60).nullable(),
  openEnded: z.boolean(),
  text,
  sources,
  evidence: evidence.optional(),
});
const texts = z.array(text).max(30);

export const ProposalSchema = z.strictObject({
  note: z.string().trim().max(2_000).optional(),
  revision: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe(
      'The draft revision this proposal was written against (0: the current content, no open draft). A draft that has changed since gets 409 with its current revision; leave it out to apply to the draft as it is.',
    ),
  set: z
    .strictObject({
      responsibilities: statements.optional(),
      rubric: z
        .strictObject({ knowledge: text, complexity: text, collaboration: text, degreeYears: text, sources })
        .optional(),
      career: z
        .strictObject({ entryFrom: statements, advancementTo: statements, lateral: statements })
        .optional(),
      aliases: statements.optional(),
      skills: z.array(skill).max(30).optional(),
      experience: experience.optional(),
    })
    .optional(),
  add: z
    .strictObject({
      responsibilities: statements.optional(),
      aliases: statements.optional(),
      skills: z.array(skill).max(30).optional(),
    })
    .optional(),
  remove: z.strictObject({ responsibilities: texts.optional(), aliases: texts.optional() }).optional(),
});

export type ProposalInput = z.infer<typeof ProposalSchema>;
