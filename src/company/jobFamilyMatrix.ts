import type { Catalog } from '../core/catalog.js';
import { LEVELS, type Track } from '../core/levels.js';
import type { CompanyJob } from './companyJob.js';

/** One of the company's titles in a cell: its job codes and how many people hold it. */
export interface MatrixTitle {
  title: string;
  jobCodes: string[];
  jobs: number;
  headcount: number;
}

export interface MatrixCell {
  level: string;
  /** Whether the focus has a profile at this level; a cell it does not is shown, set apart. */
  offered: boolean;
  /** Most people first. */
  titles: MatrixTitle[];
  jobs: number;
  headcount: number;
}

export interface MatrixRow {
  focus: { code: string; name: string };
  /** One per column of its function, in column order. */
  cells: MatrixCell[];
  jobs: number;
  headcount: number;
}

export interface MatrixFunction {
  function: { code: string; name: string };
  /** The columns: every level of each track its focuses use or its jobs sit on, so a level without a job is a visible column. */
  levels: string[];
  rows: MatrixRow[];
  /** Per column, in column order. */
  levelTotals: { level: string; jobs: number; headcount: number }[];
  jobs: number;
  headcount: number;
}

export interface JobFamilyMatrix {
  functions: MatrixFunction[];
  /** Jobs with no focus or no level: listed apart, never dropped. */
  unmatched: CompanyJob[];
  totals: { jobs: number; headcount: number; placedJobs: number; placedHeadcount: number };
}

/**
 * The company's jobs as a grid: each function's focuses in use × Canon levels, a cell holding the
 * titles, job codes and headcount at that level. A job sits at its own Canon level (the level its
 * title and grade read), not at its nearest profile's, so a "Director" on a focus whose ladder
 * stops at P4 shows as a director, in a column the focus does not offer. Columns are whole tracks:
 * an empty level is a column with empty cells, which is what a people team looks for.
 */
export function buildJobFamilyMatrix(jobs: readonly CompanyJob[], catalog: Catalog): JobFamilyMatrix {
  interface Acc {
    name: string;
    // Job codes in a Set while counting: one title may hold thousands of rows, each its own code.
    focuses: Map<
      string,
      { name: string; cells: Map<string, Map<string, MatrixTitle & { codes: Set<string> }>> }
    >;
    levels: Set<string>;
  }
  const byFunction = new Map<string, Acc>();
  const unmatched: CompanyJob[] = [];
  let headcount = 0;
  let placedJobs = 0;
  let placedHeadcount = 0;
  for (const job of jobs) {
    headcount += job.headcount;
    const { function: fn, focus, level } = job.match;
    if (!fn || !focus || !level) {
      unmatched.push(job);
      continue;
    }
    placedJobs += 1;
    placedHeadcount += job.headcount;
    let acc = byFunction.get(fn.code);
    if (!acc) {
      acc = { name: fn.name, focuses: new Map(), levels: new Set() };
      byFunction.set(fn.code, acc);
    }
    let row = acc.focuses.get(focus.code);
    if (!row) {
      row = { name: focus.name, cells: new Map() };
      acc.focuses.set(focus.code, row);
      for (const code of catalog.findFocus(focus.code)?.levelCodes ?? []) acc.levels.add(code);
    }
    acc.levels.add(level.code);
    let cell = row.cells.get(level.code);
    if (!cell) {
      cell = new Map();
      row.cells.set(level.code, cell);
    }
    const title = job.title.trim();
    let entry = cell.get(title);
    if (!entry) {
      entry = { title, jobCodes: [], codes: new Set(), jobs: 0, headcount: 0 };
      cell.set(title, entry);
    }
    entry.jobs += 1;
    entry.headcount += job.headcount;
    if (job.jobCode) entry.codes.add(job.jobCode);
  }

  const functions = [...byFunction].map(([code, acc]): MatrixFunction => {
    const tracks = new Set<Track>([...acc.levels].map((l) => LEVELS.find((x) => x.code === l)?.track ?? 'P'));
    const levels = LEVELS.filter((l) => tracks.has(l.track)).map((l) => l.code);
    const rows = [...acc.focuses].map(([focusCode, f]): MatrixRow => {
      const offered = new Set(catalog.findFocus(focusCode)?.levelCodes ?? []);
      const cells = levels.map((level): MatrixCell => {
        const titles = [...(f.cells.get(level)?.values() ?? [])]
          .map(({ codes, ...t }): MatrixTitle => ({ ...t, jobCodes: [...codes] }))
          .sort((a, b) => b.headcount - a.headcount || a.title.localeCompare(b.title));
        return {
          level,
          offered: offered.has(level),
          titles,
          jobs: titles.reduce((s, t) => s + t.jobs, 0),
          headcount: titles.reduce((s, t) => s + t.headcount, 0),
        };
      });
      return {
        focus: { code: focusCode, name: f.name },
        cells,
        jobs: cells.reduce((s, c) => s + c.jobs, 0),
        headcount: cells.reduce((s, c) => s + c.headcount, 0),
      };
    });
    rows.sort((a, b) => b.headcount - a.headcount || a.focus.name.localeCompare(b.focus.name));
    const levelTotals = levels.map((level, i) => ({
      level,
      jobs: rows.reduce((s, r) => s + (r.cells[i]?.jobs ?? 0), 0),
      headcount: rows.reduce((s, r) => s + (r.cells[i]?.headcount ?? 0), 0),
    }));
    return {
      function: { code, name: acc.name },
      levels,
      rows,
      levelTotals,
      jobs: rows.reduce((s, r) => s + r.jobs, 0),
      headcount: rows.reduce((s, r) => s + r.headcount, 0),
    };
  });
  functions.sort((a, b) => b.headcount - a.headcount || a.function.name.localeCompare(b.function.name));
  return {
    functions,
    unmatched,
    totals: { jobs: jobs.length, headcount, placedJobs, placedHeadcount },
  };
}
