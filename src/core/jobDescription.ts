import { careerPaths } from './careerPaths.js';
import type { Catalog } from './catalog.js';
import { escapeMarkdown } from './format.js';
import { formatYears } from './levels.js';
import type { Source } from './taxonomy.js';

export interface JobDescription {
  code: string;
  title: string;
  functionName: string;
  roleDefinition: string[];
  career: { entryFrom: string[]; advancementTo: string[]; lateral: string[] };
  responsibilities: string[];
  hardSkills: { name: string; application: string }[];
  softSkills: { name: string; application: string }[];
  education: string;
  experience: string;
  sources: Source[];
}

/**
 * A job description in the shape recruiters expect — role definition, career
 * progression, responsibilities, hard and soft skills, education and
 * experience — assembled from the profile's own statements.
 */
export function jobDescription(catalog: Catalog, code: string): JobDescription {
  const view = catalog.getProfile(code);
  const own = view.ladder.find((s) => s.current)?.content;
  const paths = careerPaths(catalog, code);
  // The profile's own aliases when it has some; otherwise the level framework's titles, said to be the
  // framework's, so the description never claims aliases the profile says it lacks.
  const aliases = view.record.aliases.map((a) => a.text).slice(0, 3);
  const common = view.level.commonTitles.slice(0, 3).join(', ');
  const skills = view.focus.skills.map(({ name, application, kind }) => ({ name, application, kind }));
  return {
    code: view.code,
    title: `${view.focus.name} — ${view.level.title} (${view.level.code})`,
    functionName: view.fn.name,
    roleDefinition: [
      `We are looking for a ${view.level.title.toLowerCase()} in ${view.focus.name.toLowerCase()}, part of our ${view.fn.name} function. ${view.level.summary}`,
      `Scope: ${view.level.scope.toLowerCase()}. The role ${lowerFirst(view.level.decisionRights)} and ${lowerFirst(view.level.leadership)}.`,
      `About the focus: ${view.focus.description}`,
      ...(aliases.length > 0
        ? [`Also known as: ${aliases.join(', ')}.`]
        : common
          ? [
              `Titles Canon's level framework uses at ${view.level.code} (none recorded for this profile): ${common}.`,
            ]
          : []),
    ],
    career: {
      entryFrom: paths.entry.map((s) => s.title),
      advancementTo: paths.advancement.map((s) => s.title),
      lateral: paths.lateral.map((s) => s.title),
    },
    responsibilities: own?.responsibilities.map((r) => r.text) ?? [],
    hardSkills: skills.filter((s) => s.kind === 'hard'),
    softSkills: skills.filter((s) => s.kind === 'soft'),
    education: own?.rubric.degreeYears ?? '',
    experience:
      `Typical experience for the level: ${formatYears(view.level.experience)}. ${own?.rubric.knowledge ?? ''}`.trim(),
    sources: view.sources,
  };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The job description as Markdown, for pasting into an applicant-tracking system. Every value
 * is escaped: statements may come from ingested documents, and must not come out as HTML or links.
 */
export function jobDescriptionMarkdown(jd: JobDescription): string {
  const md = escapeMarkdown;
  const list = (items: string[]) =>
    items.length ? items.map((i) => `- ${md(i)}`).join('\n') : '- (none recorded)';
  const skills = (items: { name: string; application: string }[]) =>
    items.length
      ? items.map((s) => `- **${md(s.name)}** — ${md(s.application)}`).join('\n')
      : '- (none recorded)';
  return `# ${md(jd.title)}

*${md(jd.functionName)} · Canon profile ${md(jd.code)}*

## Role definition

${jd.roleDefinition.map(md).join('\n\n')}

## Career progression

**Entry point from:**
${list(jd.career.entryFrom)}

**Advancement to:**
${list(jd.career.advancementTo)}

**Lateral moves:**
${list(jd.career.lateral)}

## Core responsibilities

${list(jd.responsibilities)}

## Required skills

### Hard skills
${skills(jd.hardSkills)}

### Soft skills
${skills(jd.softSkills)}

## Education and experience

${md(jd.education)}

${md(jd.experience)}

## Sources

${jd.sources.map((s, i) => `${i + 1}. ${md(s.title)}`).join('\n')}
`;
}
