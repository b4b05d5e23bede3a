import type { Catalog } from '../core/catalog.js';
import { escapeMarkdown } from '../core/format.js';
import { findLevel, LEVEL_ATTRIBUTES } from '../core/levels.js';
import type { CompanyJob } from './companyJob.js';
import type { GradeCorrelation, GradeLevels } from './gradeCorrelation.js';

/** A Canon level as the guide defines it. */
export interface GuideLevel {
  code: string;
  title: string;
  summary: string;
  attributes: { label: string; text: string }[];
}

/** A focus the company uses at a grade, with its responsibilities at the levels it has there. */
export interface GuideFocus {
  function: string;
  focus: { code: string; name: string };
  /** The company's titles in this focus at this grade. */
  titles: string[];
  headcount: number;
  levels: { level: string; responsibilities: string[] }[];
  /** Set when the focus has none of the grade's levels, so the levels shown are its jobs' nearest profiles. */
  note: string | null;
}

export interface GuideGrade {
  grade: string;
  spellings: string[];
  ladder: string;
  basis: GradeLevels['basis'];
  reason: string;
  levels: GuideLevel[];
  focuses: GuideFocus[];
}

export interface LevelGuide {
  grades: GuideGrade[];
  /** Jobs whose grade is not in the table (no grade, or one that could not be read). */
  ungraded: number;
}

/**
 * The company's grades, each with the Canon levels it corresponds to (the correlation's reading and
 * its reason), those levels' definitions, and, for every focus the company has jobs in at that grade,
 * the focus's responsibilities at those levels: what a people team prints and hands out.
 */
export function buildLevelGuide(
  jobs: readonly CompanyJob[],
  correlation: GradeCorrelation,
  catalog: Catalog,
): LevelGuide {
  const bySpelling = new Map<string, GradeLevels>();
  for (const g of correlation.grades) for (const s of [g.grade, ...g.spellings]) bySpelling.set(s, g);
  const jobsAt = new Map<string, CompanyJob[]>();
  let ungraded = 0;
  for (const job of jobs) {
    const grade = bySpelling.get(job.grade.trim());
    if (!grade) {
      ungraded += 1;
      continue;
    }
    const list = jobsAt.get(grade.grade);
    if (list) list.push(job);
    else jobsAt.set(grade.grade, [job]);
  }
  const grades = correlation.grades.map(
    (g): GuideGrade => ({
      grade: g.grade,
      spellings: g.spellings,
      ladder: g.ladder,
      basis: g.basis,
      reason: g.reason,
      levels: g.levels.flatMap((code) => {
        const level = findLevel(code);
        return level
          ? [
              {
                code,
                title: level.title,
                summary: level.summary,
                attributes: LEVEL_ATTRIBUTES.map(([label, key]) => ({ label, text: String(level[key]) })),
              },
            ]
          : [];
      }),
      focuses: focusesAt(g, jobsAt.get(g.grade) ?? [], catalog),
    }),
  );
  return { grades, ungraded };
}

function focusesAt(grade: GradeLevels, jobs: readonly CompanyJob[], catalog: Catalog): GuideFocus[] {
  const byFocus = new Map<string, CompanyJob[]>();
  for (const j of jobs) {
    const code = j.match.focus?.code;
    if (!code) continue;
    const list = byFocus.get(code);
    if (list) list.push(j);
    else byFocus.set(code, [j]);
  }
  const out = [...byFocus].flatMap(([code, list]): GuideFocus[] => {
    const focus = catalog.findFocus(code);
    if (!focus) return [];
    let levels = grade.levels.filter((l) => focus.levelCodes.includes(l));
    let note: string | null = null;
    if (!levels.length) {
      levels = [...new Set(list.flatMap((j) => j.match.profile?.code.split('.').at(-1) ?? []))];
      note = `${focus.name} has none of ${grade.grade}'s levels (${grade.levels.join(', ') || 'none'}); its jobs here map to the nearest: ${levels.join(', ') || 'none'}.`;
    }
    return [
      {
        function: catalog.findFunction(focus.functionCode)?.name ?? focus.functionCode,
        focus: { code, name: focus.name },
        titles: [...new Set(list.map((j) => j.title.trim()))].sort(),
        headcount: list.reduce((s, j) => s + j.headcount, 0),
        levels: levels.map((level) => ({
          level,
          responsibilities: (focus.levels[level]?.responsibilities ?? []).map((s) => s.text),
        })),
        note,
      },
    ];
  });
  return out.sort((a, b) => a.function.localeCompare(b.function) || a.focus.name.localeCompare(b.focus.name));
}

/** The guide as a Markdown document; every text from the catalog or the company's file is escaped. */
export function levelGuideMarkdown(guide: LevelGuide, company = 'the company'): string {
  const md = escapeMarkdown;
  const lines: string[] = [
    `# Level guide: ${md(company)}`,
    '',
    "Each of the company's grades with the Canon levels it corresponds to, why, what those levels mean, and what each job family is responsible for there.",
    '',
  ];
  for (const g of guide.grades) {
    lines.push(`## Grade ${md(g.grade)} — ${g.levels.map((l) => l.code).join(' / ') || 'no level'}`, '');
    if (g.spellings.length > 1) lines.push(`Written in the file as: ${g.spellings.map(md).join(', ')}.`, '');
    lines.push(`Why: ${md(g.reason)}`, '');
    for (const l of g.levels) {
      lines.push(`### ${l.code} ${md(l.title)}`, '', md(l.summary), '');
      for (const a of l.attributes) lines.push(`- **${a.label}:** ${md(a.text)}`);
      lines.push('');
    }
    if (g.focuses.length) lines.push(`### Responsibilities at ${md(g.grade)}, by job family`, '');
    for (const f of g.focuses) {
      lines.push(
        `#### ${md(f.function)} — ${md(f.focus.name)}`,
        '',
        `Titles: ${f.titles.map(md).join(', ')} (${f.headcount} ${f.headcount === 1 ? 'person' : 'people'}).`,
        '',
      );
      if (f.note) lines.push(md(f.note), '');
      for (const l of f.levels) {
        lines.push(`${l.level}:`, '');
        if (l.responsibilities.length) for (const r of l.responsibilities) lines.push(`- ${md(r)}`);
        else lines.push('- No responsibilities are stated for this level yet.');
        lines.push('');
      }
    }
  }
  if (guide.ungraded)
    lines.push(
      `${guide.ungraded} job${guide.ungraded === 1 ? ' has' : 's have'} no grade in the table and are not in this guide.`,
      '',
    );
  return `${lines.join('\n').trimEnd()}\n`;
}
