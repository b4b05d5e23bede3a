import { findLevel } from '../core/levels.js';
import { toCsv } from '../core/toCsv.js';
import type { CompanyJob } from './companyJob.js';
import type { JobFamilyMatrix } from './jobFamilyMatrix.js';
import { matchCells } from './mappingRows.js';
import { writeXlsx } from './writeXlsx.js';

export type ExportCell = string | number | null;

/** A table to download: its sheet name, header row first. */
export interface ExportTable {
  name: string;
  rows: ExportCell[][];
}

export const MAPPING_EXPORT_COLUMNS = [
  'line',
  'job_code',
  'title',
  'department',
  'grade',
  'location',
  'employee_id',
  'headcount',
  'base_pay',
  'currency',
  'status',
  'function',
  'focus',
  'profile',
  'profile_fit',
  'level',
  'grade_levels',
  'confidence',
  'review',
  'decided_by',
  'explanation',
] as const;

/** The company's jobs with their matches, one row each, in the file's order. */
export function mappingTable(jobs: readonly CompanyJob[]): ExportTable {
  const rows: ExportCell[][] = [[...MAPPING_EXPORT_COLUMNS]];
  for (const j of jobs) {
    const m = j.match;
    rows.push([
      j.line,
      j.jobCode,
      j.title,
      j.department,
      j.grade,
      j.location,
      j.employeeId,
      j.headcount,
      j.basePay,
      j.currency,
      ...matchCells(m),
      m.gradeLevels?.join('/') ?? '',
      Math.round(m.confidence * 1000) / 1000,
      m.review.join('; '),
      j.decidedBy,
      m.explanation.join(' '),
    ]);
  }
  return { name: 'Mapping', rows };
}

export const MATRIX_EXPORT_COLUMNS = [
  'function',
  'focus',
  'level',
  'level_title',
  'focus_offers_level',
  'jobs',
  'headcount',
  'titles',
  'job_codes',
] as const;

/**
 * The matrix as a flat table: a row per cell that holds jobs or that the focus offers (an empty
 * level is a row with no titles), then the jobs not placed, under their own heading.
 */
export function matrixTable(matrix: JobFamilyMatrix): ExportTable {
  const rows: ExportCell[][] = [[...MATRIX_EXPORT_COLUMNS]];
  for (const f of matrix.functions)
    for (const r of f.rows)
      for (const c of r.cells) {
        if (!c.offered && c.jobs === 0) continue;
        rows.push([
          f.function.name,
          r.focus.name,
          c.level,
          findLevel(c.level)?.title ?? '',
          c.offered ? 'yes' : 'no',
          c.jobs,
          c.headcount,
          c.titles.map((t) => `${t.title} (${t.headcount})`).join('; '),
          c.titles.flatMap((t) => t.jobCodes).join('; '),
        ]);
      }
  for (const j of matrix.unmatched)
    rows.push(['', 'not placed: no focus or level', '', '', '', 1, j.headcount, j.title, j.jobCode]);
  return { name: 'Matrix', rows };
}

export type ExportFormat = 'csv' | 'xlsx';

/** A table as a file to download; formula-looking cells are neutralised by either writer. */
export function exportFile(
  table: ExportTable,
  format: ExportFormat,
): { body: string | Uint8Array; contentType: string } {
  return format === 'csv'
    ? { body: toCsv(table.rows), contentType: 'text/csv; charset=utf-8' }
    : {
        body: writeXlsx([{ name: table.name, rows: table.rows }]),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
}
