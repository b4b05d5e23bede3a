import { CanonError, quote } from '../errors.js';
import type { Skill, Statement } from '../taxonomy.js';
import type { ProfileContent } from './profileContent.js';

type ListSection = 'responsibilities' | 'aliases';

/**
 * A suggested change to one profile, as the factory or an editor makes it:
 * whole sections replaced, statements added, statements removed by their text.
 */
export interface Proposal {
  set?: Partial<ProfileContent>;
  add?: Partial<Record<ListSection, Statement[]>> & { skills?: Skill[] };
  remove?: Partial<Record<ListSection, string[]>>;
}

/**
 * The content after a proposal. A proposal that removes a statement the
 * content lacks, or adds one it already has, is refused rather than half
 * applied: it was written against different content.
 */
export function applyProposal(content: ProfileContent, proposal: Proposal): ProfileContent {
  const next: ProfileContent = { ...content, ...proposal.set };
  for (const section of ['responsibilities', 'aliases'] as const) {
    let list = next[section];
    for (const text of proposal.remove?.[section] ?? []) {
      if (!list.some((s) => s.text === text))
        throw new CanonError(
          'invalid_input',
          `Cannot remove from ${section}: no statement reads ${quote(text)}.`,
        );
      list = list.filter((s) => s.text !== text);
    }
    for (const statement of proposal.add?.[section] ?? []) {
      if (list.some((s) => s.text === statement.text))
        throw new CanonError(
          'invalid_input',
          `Cannot add to ${section}: ${quote(statement.text)} is already there.`,
        );
      list = [...list, statement];
    }
    next[section] = list;
  }
  for (const skill of proposal.add?.skills ?? []) {
    const skills = next.skills ?? [];
    if (skills.some((s) => s.name.toLowerCase() === skill.name.toLowerCase()))
      throw new CanonError(
        'invalid_input',
        `Cannot add the skill ${quote(skill.name)}: the level already has it.`,
      );
    next.skills = [...skills, skill];
  }
  return next;
}

/** Source ids a content cites, to check them against the taxonomy's sources. */
export function citedSources(content: ProfileContent): string[] {
  return [
    ...new Set([
      ...content.responsibilities.flatMap((s) => s.sources),
      ...content.aliases.flatMap((s) => s.sources),
      ...content.rubric.sources,
      ...(content.skills ?? []).flatMap((s) => s.sources),
      ...(content.experience?.sources ?? []),
      ...Object.values(content.career).flatMap((list: Statement[]) => list.flatMap((s) => s.sources)),
    ]),
  ];
}
