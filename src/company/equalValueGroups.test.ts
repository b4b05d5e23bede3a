import { beforeAll, describe, expect, it } from 'vitest';
import { type NorthwindDryRun, northwindDryRun } from '../testing/northwindDryRun.js';
import { type EqualValueGroups, equalValueGroups, MIN_GROUP_PEOPLE } from './equalValueGroups.js';

describe('equalValueGroups on the Northwind dry run', () => {
  let run: NorthwindDryRun;
  let result: EqualValueGroups;
  beforeAll(async () => {
    run = await northwindDryRun();
    result = equalValueGroups(run.jobs, run.catalog);
  });

  it('puts every mapped job with pay in the group of its level and currency, and counts the rest', () => {
    const grouped = result.groups.reduce((s, g) => s + g.jobs.length, 0);
    expect(grouped + result.unmapped + result.withoutPay).toBe(run.jobs.length);
    for (const g of result.groups) {
      const lines = new Set(g.jobs.map((j) => j.line));
      for (const job of run.jobs.filter((j) => lines.has(j.line))) {
        expect(job.match.level?.code).toBe(g.level.code);
        expect(job.currency).toBe(g.currency);
      }
      expect(g.people).toBe(g.jobs.reduce((s, j) => s + j.headcount, 0));
    }
    expect(new Set(result.groups.map((g) => `${g.level.code} ${g.currency}`)).size).toBe(
      result.groups.length,
    );
  });

  it("states each group's pay gap from its people's pay, and marks groups too small for one to mean anything", () => {
    let marked = 0;
    for (const g of result.groups) {
      const pays = g.jobs.map((j) => j.basePay);
      expect(g.gap?.min).toBe(Math.min(...pays));
      expect(g.gap?.max).toBe(Math.max(...pays));
      expect(g.gap?.ratio).toBeCloseTo(Math.max(...pays) / Math.min(...pays), 10);
      expect(g.gap?.median).toBeGreaterThanOrEqual(Math.min(...pays));
      expect(g.gap?.median).toBeLessThanOrEqual(Math.max(...pays));
      expect(g.tooFew !== null).toBe(g.people < MIN_GROUP_PEOPLE || g.jobs.length === 1);
      if (g.tooFew) marked += 1;
    }
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(result.groups.length);
  });

  it('shows what each profile states of skills and responsibility, and says effort and working conditions are not stated', () => {
    for (const f of result.groups.flatMap((g) => g.families)) {
      const [, , level] = f.profileCode.split('.');
      const content = run.catalog.findFocus(f.focus.code)?.levels[level ?? ''];
      expect(f.knowledge).toBe(content?.rubric.knowledge || null);
      expect(f.responsibilities).toBe(content?.responsibilities.length ?? 0);
    }
    expect(result.dimensions.filter((d) => !d.stated).map((d) => d.name)).toEqual([
      'effort',
      'working conditions',
    ]);
    expect(result.limits.join(' ')).toContain('Effort and working conditions are not stated');
  });
});
