import type { Catalog } from '../core/catalog.js';
import { CanonError, quote } from '../core/errors.js';
import { findLevel } from '../core/levels.js';
import type { PayBook } from '../core/payBands.js';
import { toCsv } from '../core/toCsv.js';
import type { CompanyJob } from './companyJob.js';
import type { GradeCorrelation } from './gradeCorrelation.js';
import { buildJobFamilyMatrix, type JobFamilyMatrix } from './jobFamilyMatrix.js';
import { buildLevelGuide, levelGuideMarkdown } from './levelGuide.js';
import { matchCells } from './mappingRows.js';
import { type PayAgainstMarket, payAgainstMarket } from './payAgainstMarket.js';
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

export const PAY_EXPORT_COLUMNS = [
  'line',
  'job_code',
  'title',
  'location',
  'headcount',
  'function',
  'level',
  'profile',
  'base_pay',
  'currency',
  'band_low',
  'band_median',
  'band_high',
  'band_currency',
  'band_region',
  'region_note',
  'compa_ratio',
  'position',
  'reason',
  'basis',
  'notes',
] as const;

/**
 * Every compared job's pay against its band, a row each in the file's order: the whole list the
 * pay page shows a page at a time. Jobs with no profile or no pay are not compared and not listed.
 */
export function payTable(pay: PayAgainstMarket): ExportTable {
  const rows: ExportCell[][] = [[...PAY_EXPORT_COLUMNS]];
  for (const j of pay.jobs) {
    const b = j.band;
    rows.push([
      j.job.line,
      j.job.jobCode,
      j.job.title,
      j.job.location,
      j.job.headcount,
      j.job.match.function?.name ?? '',
      j.job.match.level?.code ?? '',
      j.profileCode,
      j.pay,
      j.currency,
      b?.low ?? null,
      b?.median ?? null,
      b?.high ?? null,
      b?.currency ?? '',
      j.region.name ?? '',
      j.region.note,
      j.compaRatio === null ? null : Math.round(j.compaRatio * 1000) / 1000,
      j.position ?? '',
      j.reason ?? '',
      b ? `${b.kind}: ${b.basis}` : '',
      j.notes.join(' '),
    ]);
  }
  return { name: 'Pay', rows };
}

export type ExportFormat = 'csv' | 'xlsx' | 'json';

/**
 * A table as a file to download; formula-looking cells are neutralised by the CSV and XLSX writers.
 * As JSON it is an array of objects keyed by the header, with the values as they are: JSON is read
 * by programs, not opened in a spreadsheet that might run them.
 */
export function exportFile(
  table: ExportTable,
  format: ExportFormat,
): { body: string | Uint8Array; contentType: string } {
  if (format === 'csv') return { body: toCsv(table.rows), contentType: 'text/csv; charset=utf-8' };
  if (format === 'xlsx')
    return {
      body: writeXlsx([{ name: table.name, rows: table.rows }]),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  const [header = [], ...rows] = table.rows;
  const records = rows.map((row) =>
    Object.fromEntries(header.map((name, i) => [String(name), row[i] ?? null])),
  );
  return { body: `${JSON.stringify(records, null, 2)}\n`, contentType: 'application/json; charset=utf-8' };
}

/** The files a workspace's mapping is exported as: the tables in each format, and the level guide. */
export const COMPANY_EXPORT_FILES = [
  'mapping.csv',
  'mapping.xlsx',
  'mapping.json',
  'matrix.csv',
  'matrix.xlsx',
  'matrix.json',
  'pay.csv',
  'level-guide.md',
] as const;

export type CompanyExportFile = (typeof COMPANY_EXPORT_FILES)[number];

/** What an export is made from: a workspace's current jobs and grade table, the catalog and the market's pay. */
export interface ExportSource {
  jobs: readonly CompanyJob[];
  correlation: GradeCorrelation;
  catalog: Catalog;
  payBook: PayBook;
  /** The company's name for the level guide's heading. */
  company: string;
}

/** One export file of the mapping, by its name; a name not in `COMPANY_EXPORT_FILES` is refused. */
export function companyExport(
  file: string,
  source: ExportSource,
): { body: string | Uint8Array; contentType: string } {
  if (file === 'level-guide.md')
    return {
      body: levelGuideMarkdown(
        buildLevelGuide(source.jobs, source.correlation, source.catalog),
        source.company,
      ),
      contentType: 'text/markdown; charset=utf-8',
    };
  const [table, format] = file.split('.');
  if (!(COMPANY_EXPORT_FILES as readonly string[]).includes(file) || !format)
    throw new CanonError(
      'not_found',
      `No export ${quote(file)}: there are ${COMPANY_EXPORT_FILES.join(', ')}.`,
    );
  return exportFile(
    table === 'mapping'
      ? mappingTable(source.jobs)
      : table === 'pay'
        ? payTable(payAgainstMarket(source.jobs, source.payBook))
        : matrixTable(buildJobFamilyMatrix(source.jobs, source.catalog)),
    format as ExportFormat,
  );
}
