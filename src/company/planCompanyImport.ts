import type { Catalog } from '../core/catalog.js';
import type { TitleResolver } from '../resolve/titleResolver.js';
import type { GradeCorrelation } from './gradeCorrelation.js';
import { type ColumnChoice, type ColumnRole, guessColumns } from './guessColumns.js';
import { type JobMatch, type JobRow, matchJobs } from './matchJobs.js';
import { type CatalogTable, type LineNote, readCatalogFile } from './readCatalogFile.js';

export interface PlanOptions {
  sheet?: string;
  /** Columns named by the user: role → header (or null for none). */
  columns?: ReadonlyMap<ColumnRole, string | null>;
  gradeOrder?: readonly string[];
  gradeLevels?: ReadonlyMap<string, string>;
  maxBytes?: number;
  progress?: (stage: string, done: number, total: number) => void;
}

export interface ImportSummary {
  /** Lines (records) after the header; every one is read or a problem. */
  lines: number;
  read: number;
  problems: number;
  duplicates: number;
  matched: number;
  needsReview: number;
  unmatched: number;
}

/** What importing a catalog would store, worked out without storing anything: the dry run. */
export interface ImportPlan {
  table: CatalogTable;
  columns: ColumnChoice[];
  summary: ImportSummary;
  /** Lines that are not matched: unread lines, and rows without a title. */
  problems: LineNote[];
  /** Rows read with a caveat. */
  warnings: LineNote[];
  matches: JobMatch[];
  correlation: GradeCorrelation;
}

/** How many rows the column guess looks at. */
const SAMPLE = 500;

/**
 * The dry run of a company import: reads the file, guesses (or takes) its columns, matches every
 * row to a Canon profile and infers the grade table, and accounts for every line after the header —
 * a match, or a problem with its line and why.
 */
export async function planCompanyImport(
  bytes: Uint8Array,
  file: string,
  deps: { resolver: TitleResolver; catalog: Catalog },
  options: PlanOptions = {},
): Promise<ImportPlan> {
  const table = await readCatalogFile(bytes, file, {
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  });
  const columns = guessColumns(
    table.header,
    table.rows.slice(0, SAMPLE).map((r) => r.cells),
    options.columns,
  );
  const at = new Map(columns.map((c) => [c.role, c.column]));
  const cell = (cells: readonly string[], role: ColumnRole) => {
    const column = at.get(role);
    return column === null || column === undefined ? '' : (cells[column] ?? '').trim();
  };
  const untitled: LineNote[] = [];
  const jobs: JobRow[] = [];
  const firstSeen = new Map<string, number>();
  for (const row of table.rows) {
    const title = cell(row.cells, 'title');
    if (!title) {
      untitled.push({ line: row.line, message: 'no job title; not matched' });
      continue;
    }
    const key = row.cells.map((c) => c.trim()).join('\u0000');
    const duplicateOf = firstSeen.get(key) ?? null;
    if (duplicateOf === null) firstSeen.set(key, row.line);
    jobs.push({
      line: row.line,
      title,
      department: cell(row.cells, 'department'),
      grade: cell(row.cells, 'grade'),
      duplicateOf,
    });
  }
  const { matches, correlation } = matchJobs(jobs, deps.resolver, deps.catalog, {
    ...(options.gradeOrder ? { order: options.gradeOrder } : {}),
    ...(options.gradeLevels ? { overrides: options.gradeLevels } : {}),
    progress: (done, total) => options.progress?.('matching titles', done, total),
  });
  const problems = [...table.unread, ...untitled].sort((a, b) => a.line - b.line);
  const count = (status: JobMatch['status']) => matches.filter((m) => m.status === status).length;
  return {
    table,
    columns,
    summary: {
      lines: table.dataLines,
      read: matches.length,
      problems: problems.length,
      duplicates: matches.filter((m) => m.duplicateOf !== null).length,
      matched: count('matched'),
      needsReview: count('needs review'),
      unmatched: count('unmatched'),
    },
    problems,
    warnings: table.warnings,
    matches,
    correlation,
  };
}
