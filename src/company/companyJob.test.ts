import { describe, expect, it } from 'vitest';
import { companyJobs } from './companyJob.js';
import type { ColumnChoice, ColumnRole } from './guessColumns.js';
import type { JobMatch } from './matchJobs.js';
import type { ImportPlan } from './planCompanyImport.js';

const HEADER = ['Code', 'Title', 'Dept', 'Grade', 'HC', 'Base', 'Cur'];
const ROLES: [ColumnRole, number | null][] = [
  ['job_code', 0],
  ['title', 1],
  ['department', 2],
  ['grade', 3],
  ['headcount', 4],
  ['base_pay', 5],
  ['currency', 6],
  ['location', null],
  ['employee_id', null],
];

function match(line: number, title: string): JobMatch {
  return {
    line,
    title,
    department: 'Finance',
    grade: 'G5',
    duplicateOf: null,
    status: 'matched',
    function: null,
    focus: null,
    profile: null,
    level: null,
    titleLevel: null,
    gradeLevels: null,
    confidence: 0.9,
    review: [],
    explanation: [],
  };
}

function plan(rows: string[][]): ImportPlan {
  const columns: ColumnChoice[] = ROLES.map(([role, column]) => ({
    role,
    column,
    header: column === null ? null : (HEADER[column] ?? null),
    reason: 'test',
    by: 'given',
  }));
  const table = {
    file: 'jobs.csv',
    format: 'CSV' as const,
    unit: 'line' as const,
    notes: [],
    header: HEADER,
    headerLine: 1,
    rows: rows.map((cells, i) => ({ line: i + 2, cells })),
    unread: [],
    warnings: [],
    dataLines: rows.length,
  };
  return {
    table,
    columns,
    summary: {
      lines: rows.length,
      read: rows.length,
      problems: 0,
      duplicates: 0,
      matched: rows.length,
      needsReview: 0,
      unmatched: 0,
    },
    problems: [],
    warnings: [],
    matches: rows.map((cells, i) => match(i + 2, cells[1] ?? '')),
    correlation: { ladders: [], grades: [], inconsistencies: [] },
  };
}

describe('companyJobs', () => {
  it('reads the columns besides title, department and grade from each row', () => {
    const { jobs, notes } = companyJobs(
      plan([
        ['FIN-1', 'Accountant', 'Finance', 'G5', '3', '$85,000', 'usd'],
        ['FIN-2', 'Controller', 'Finance', 'G9', '', 'EUR 120000.50', 'EUR'],
      ]),
    );
    expect(notes).toEqual([]);
    expect(
      jobs.map((j) => [j.line, j.jobCode, j.headcount, j.basePay, j.currency, j.location, j.decidedBy]),
    ).toEqual([
      [2, 'FIN-1', 3, 85000, 'USD', '', 'automatic'],
      [3, 'FIN-2', 1, 120000.5, 'EUR', '', 'automatic'],
    ]);
  });

  it('leaves out a headcount or pay it cannot read, and says so with the line', () => {
    const { jobs, notes } = companyJobs(
      plan([
        ['A', 'Clerk', 'Finance', 'G2', 'two', '-5000', 'USD'],
        ['B', 'Clerk', 'Finance', 'G2', '1.5', '=HYPERLINK("x")', 'USD'],
      ]),
    );
    expect(jobs.map((j) => [j.headcount, j.basePay])).toEqual([
      [1, null],
      [1, null],
    ]);
    expect(notes).toEqual([
      { line: 2, message: 'headcount "two" is not a whole number; counted as 1' },
      { line: 2, message: 'base pay "-5000" is not a plain amount; left out' },
      { line: 3, message: 'headcount "1.5" is not a whole number; counted as 1' },
      { line: 3, message: 'base pay "=HYPERLINK(\\"x\\")" is not a plain amount; left out' },
    ]);
  });
});
