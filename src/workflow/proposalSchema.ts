import { z } from 'zod';

/**
 * A proposal as it arrives from outside (a YAML/JSON file at the CLI, a
 * request body at the API). Every statement must cite at least one source:
 * Canon says nothing it cannot point to. The descriptions and ids (component names) are the API
 * reference's.
 */
const text = z.string().trim().min(1, 'must not be empty').max(1_000);
const sources = z
  .array(z.string().trim().min(1))
  .min(1, 'cite at least one source id')
  .max(20)
  .describe('Ids of the sources that state it: at least one');
const evidence = z
  .array(
    z
      .strictObject({
        source: z.string().min(1).max(100).describe('The ingested source'),
        id: z.number().int().min(1).describe('The evidence span in it'),
      })
      .meta({ id: 'ProposalEvidence', description: 'A span of an ingested document' }),
  )
  .max(10)
  .describe('Spans of ingested documents that support it');
const statement = z
  .strictObject({ text: text.describe('The statement'), sources, evidence: evidence.optional() })
  .meta({ id: 'ProposalStatement', description: 'A sourced statement' });
const statements = (what: string) => z.array(statement).max(30).describe(what);
const skill = z
  .strictObject({
    name: text.describe("The skill's name"),
    application: text.describe('How the role applies it'),
    kind: z.enum(['hard', 'soft']).describe('A hard (technical) or soft skill'),
    sources,
    evidence: evidence.optional(),
  })
  .meta({ id: 'ProposalSkill', description: 'A sourced skill' });
const skills = (what: string) => z.array(skill).max(30).describe(what);
const experience = z
  .strictObject({
    min: z.number().int().min(0).max(60).describe('Fewest years'),
    max: z.number().int().min(0).max(60).nullable().describe('Most years; null when open-ended'),
    openEnded: z.boolean().describe('"5–7+ years": the upper bound is often exceeded'),
    text: text.describe("The source's own words"),
    sources,
    evidence: evidence.optional(),
  })
  .meta({ id: 'ProposalExperience', description: 'Years of experience for the level' });
const texts = (what: string) => z.array(text).max(30).describe(what);

export const ProposalSchema = z
  .strictObject({
    note: z.string().trim().max(2_000).optional().describe('Why, for the draft and the audit log'),
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
        responsibilities: statements('The responsibilities, replacing all').optional(),
        rubric: z
          .strictObject({
            knowledge: text.describe('Knowledge & Application'),
            complexity: text.describe('Complexity & Problem Solving'),
            collaboration: text.describe('Collaboration & Interaction'),
            degreeYears: text.describe('Typical Degree & Years'),
            sources,
          })
          .meta({ id: 'ProposalRubric', description: 'The rubric row, replacing it' })
          .optional(),
        career: z
          .strictObject({
            entryFrom: statements('Titles people come from'),
            advancementTo: statements('Titles people move up to'),
            lateral: statements('Titles people move across to'),
          })
          .meta({ id: 'ProposalCareer', description: 'The career links, replacing them' })
          .optional(),
        aliases: statements('Other titles for the role, replacing all').optional(),
        skills: skills("The level's own skills, replacing them").optional(),
        experience: experience.optional(),
      })
      .describe('Sections to replace whole')
      .optional(),
    add: z
      .strictObject({
        responsibilities: statements('Responsibilities to append').optional(),
        aliases: statements('Aliases to append').optional(),
        skills: skills('Skills to append').optional(),
      })
      .describe('Statements to append')
      .optional(),
    remove: z
      .strictObject({
        responsibilities: texts('Responsibilities to drop, by their exact text').optional(),
        aliases: texts('Aliases to drop, by their exact text').optional(),
      })
      .describe('Statements to drop')
      .optional(),
  })
  .meta({
    id: 'Proposal',
    description:
      "A change to a profile's content: `set` replaces sections, `add` appends statements, `remove` drops statements by their text. Every statement cites at least one source.",
  });

export type ProposalInput = z.infer<typeof ProposalSchema>;
