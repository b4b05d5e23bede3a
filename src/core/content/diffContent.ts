import { type LevelExperience, RUBRIC_DIMENSIONS, type Skill, type Statement } from '../taxonomy.js';
import type { ProfileContent } from './profileContent.js';

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface SectionDiff {
  section: string;
  lines: DiffLine[];
}

/**
 * What changed between two contents, section by section, as lines a person can
 * read: unchanged statements for context, removed and added ones marked. A
 * statement whose sources changed shows as removed and re-added with both lists.
 * Sections that did not change are left out.
 */
export function diffContent(before: ProfileContent, after: ProfileContent): SectionDiff[] {
  const sections: [string, string[], string[]][] = [
    ['Responsibilities', lines(before.responsibilities), lines(after.responsibilities)],
    ...RUBRIC_DIMENSIONS.map(
      ([label, key]) =>
        [`Rubric: ${label}`, [before.rubric[key]], [after.rubric[key]]] as [string, string[], string[]],
    ),
    ['Rubric sources', [before.rubric.sources.join(', ')], [after.rubric.sources.join(', ')]],
    ['Entry from', lines(before.career.entryFrom), lines(after.career.entryFrom)],
    ['Advancement to', lines(before.career.advancementTo), lines(after.career.advancementTo)],
    ['Lateral moves', lines(before.career.lateral), lines(after.career.lateral)],
    ['Title aliases', lines(before.aliases), lines(after.aliases)],
    ['Skills at this level', skillLines(before.skills), skillLines(after.skills)],
    ['Typical experience', experienceLines(before.experience), experienceLines(after.experience)],
  ];
  return sections
    .map(([section, a, b]) => ({ section, lines: diffLines(a, b) }))
    .filter((d) => d.lines.some((l) => l.kind !== 'same'));
}

function skillLines(skills: Skill[] | undefined): string[] {
  return (skills ?? []).map((s) => `${s.name} (${s.kind}): ${s.application} [${s.sources.join(', ')}]`);
}

function experienceLines(e: LevelExperience | undefined): string[] {
  return e
    ? [
        `${e.min}${e.max === null ? '' : `–${e.max}`}${e.openEnded ? '+' : ''} years: ${e.text} [${e.sources.join(', ')}]`,
      ]
    : [];
}

function lines(statements: Statement[]): string[] {
  return statements.map((s) => `${s.text} [${s.sources.join(', ')}]`);
}

/** A longest-common-subsequence diff; the lists are a handful of statements, so O(n·m) is nothing. */
function diffLines(a: string[], b: string[]): DiffLine[] {
  const width = b.length + 1;
  // lcs[i·width + j]: length of the longest common subsequence of a[i…] and b[j…].
  const lcs = new Uint32Array((a.length + 1) * width);
  const at = (i: number, j: number) => lcs[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * width + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  for (;;) {
    const x = a[i];
    const y = b[j];
    if (x === undefined && y === undefined) return out;
    if (x !== undefined && x === y) {
      out.push({ kind: 'same', text: x });
      i++;
      j++;
    } else if (y !== undefined && (x === undefined || at(i, j + 1) > at(i + 1, j))) {
      out.push({ kind: 'added', text: y });
      j++;
    } else if (x !== undefined) {
      out.push({ kind: 'removed', text: x });
      i++;
    }
  }
}

/** The diff as unified-style text: "  " unchanged, "- " removed, "+ " added. */
export function formatDiff(diff: SectionDiff[]): string {
  if (diff.length === 0) return 'No differences.\n';
  const mark = { same: '  ', added: '+ ', removed: '- ' } as const;
  return `${diff.map((d) => [d.section, ...d.lines.map((l) => `${mark[l.kind]}${l.text}`)].join('\n')).join('\n\n')}\n`;
}
