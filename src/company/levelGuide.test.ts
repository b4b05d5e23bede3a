import { beforeAll, describe, expect, it } from 'vitest';
import { findLevel } from '../core/levels.js';
import { type NorthwindDryRun, northwindDryRun } from '../testing/northwindDryRun.js';
import { buildLevelGuide, type LevelGuide, levelGuideMarkdown } from './levelGuide.js';

describe('buildLevelGuide on the Northwind dry run', () => {
  let run: NorthwindDryRun;
  let guide: LevelGuide;
  beforeAll(async () => {
    run = await northwindDryRun();
    guide = buildLevelGuide(run.jobs, run.correlation, run.catalog);
  });

  it("gives every grade of the correlation its levels, reason and the levels' definitions", () => {
    expect(guide.grades.map((g) => [g.grade, g.levels.map((l) => l.code), g.reason])).toEqual(
      run.correlation.grades.map((g) => [g.grade, g.levels, g.reason]),
    );
    for (const l of guide.grades.flatMap((g) => g.levels)) {
      expect(l.summary).toBe(findLevel(l.code)?.summary);
      expect(l.attributes.find((a) => a.label === 'Scope')?.text).toBe(findLevel(l.code)?.scope);
    }
  });

  it("lists, per grade, the focuses its jobs are in, with the focus's own responsibilities at those levels", () => {
    let shown = 0;
    for (const g of guide.grades) {
      const spellings = new Set([g.grade, ...g.spellings]);
      const here = run.jobs.filter((j) => spellings.has(j.grade.trim()) && j.match.focus);
      expect(g.focuses.map((f) => f.focus.code).sort()).toEqual(
        [...new Set(here.map((j) => j.match.focus?.code ?? ''))].sort(),
      );
      for (const f of g.focuses) {
        const focus = run.catalog.findFocus(f.focus.code);
        for (const l of f.levels) {
          expect(focus?.levelCodes).toContain(l.level);
          expect(l.responsibilities).toEqual(
            (focus?.levels[l.level]?.responsibilities ?? []).map((s) => s.text),
          );
          shown += l.responsibilities.length;
        }
      }
    }
    expect(shown).toBeGreaterThan(0);
    expect(guide.ungraded).toBe(
      run.jobs.filter(
        (j) => !run.correlation.grades.some((g) => [g.grade, ...g.spellings].includes(j.grade.trim())),
      ).length,
    );
    expect(guide.ungraded).toBeGreaterThan(0);
  });

  it("writes Markdown with a section per grade, and escapes the file's text so no tag or link comes out live", () => {
    const [first] = run.jobs.filter(
      (j) => j.match.focus && run.correlation.grades.some((g) => g.spellings.includes(j.grade.trim())),
    );
    if (!first) throw new Error('no graded job');
    const hostile = { ...first, title: '<img src=x onerror=alert(1)> [x](javascript:alert(1))' };
    const md = levelGuideMarkdown(buildLevelGuide([hostile], run.correlation, run.catalog), 'Northwind & Co');
    expect(md).toContain('# Level guide: Northwind & Co');
    for (const g of run.correlation.grades) expect(md).toContain(`## Grade ${g.grade} — `);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1))');
    expect(md).not.toContain('<img');
  });
});
