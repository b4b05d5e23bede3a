import { beforeAll, describe, expect, it } from 'vitest';
import { LEVELS } from '../core/levels.js';
import { type NorthwindDryRun, northwindDryRun } from '../testing/northwindDryRun.js';
import { buildJobFamilyMatrix, type JobFamilyMatrix } from './jobFamilyMatrix.js';

describe('buildJobFamilyMatrix on the Northwind dry run', () => {
  let run: NorthwindDryRun;
  let matrix: JobFamilyMatrix;
  beforeAll(async () => {
    run = await northwindDryRun();
    matrix = buildJobFamilyMatrix(run.jobs, run.catalog);
  });

  it('places every job with a focus and a level in its cell, by title, code and headcount, and lists the rest apart', () => {
    for (const job of run.jobs) {
      const { function: fn, focus, level } = job.match;
      if (!fn || !focus || !level) {
        expect(matrix.unmatched).toContain(job);
        continue;
      }
      const block = matrix.functions.find((f) => f.function.code === fn.code);
      const row = block?.rows.find((r) => r.focus.code === focus.code);
      const cell = row?.cells[block?.levels.indexOf(level.code) ?? -1];
      const title = cell?.titles.find((t) => t.title === job.title.trim());
      expect(title, `line ${job.line}`).toBeDefined();
      if (job.jobCode) expect(title?.jobCodes).toContain(job.jobCode);
    }
    expect(matrix.unmatched.length).toBeGreaterThan(0);
    expect(matrix.totals.placedJobs + matrix.unmatched.length).toBe(run.jobs.length);
  });

  it('adds up: cells to rows, rows to functions, functions to the total', () => {
    const people = (jobs: typeof run.jobs) => jobs.reduce((s, j) => s + j.headcount, 0);
    expect(matrix.totals.headcount).toBe(people(run.jobs));
    expect(matrix.totals.placedHeadcount).toBe(people(run.jobs) - people(matrix.unmatched));
    expect(matrix.functions.reduce((s, f) => s + f.headcount, 0)).toBe(matrix.totals.placedHeadcount);
    for (const f of matrix.functions) {
      for (const r of f.rows) {
        expect(r.headcount).toBe(r.cells.reduce((s, c) => s + c.headcount, 0));
        for (const c of r.cells) expect(c.headcount).toBe(c.titles.reduce((s, t) => s + t.headcount, 0));
      }
      expect(f.levelTotals.map((t) => t.headcount)).toEqual(
        f.levels.map((_, i) => f.rows.reduce((s, r) => s + (r.cells[i]?.headcount ?? 0), 0)),
      );
    }
  });

  it('shows whole tracks as columns, so levels with no job are empty cells, and marks what a focus offers', () => {
    let empty = 0;
    for (const f of matrix.functions) {
      const tracks = new Set(f.levels.map((l) => l[0]));
      expect(f.levels).toEqual(LEVELS.filter((l) => tracks.has(l.track)).map((l) => l.code));
      for (const r of f.rows) {
        const offered = run.catalog.findFocus(r.focus.code)?.levelCodes ?? [];
        expect(r.cells.filter((c) => c.offered).map((c) => c.level)).toEqual(
          f.levels.filter((l) => offered.includes(l)),
        );
        empty += r.cells.filter((c) => c.offered && c.jobs === 0).length;
      }
    }
    expect(empty).toBeGreaterThan(0);
  });
});
