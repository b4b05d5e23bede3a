import type { Catalog } from '../core/catalog.js';
import type { TitleResolver } from '../resolve/titleResolver.js';
import type { GradeCorrelation } from './gradeCorrelation.js';
import { type ColumnChoice, type ColumnRole, guessColumns } from './guessColumns.js';
import { type JobMatch, type JobRow, matchJobs } from './matchJobs.js';
import { type CatalogRow, type CatalogTable, type LineNote, readCatalogFile } from './readCatalogFile.js';

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

/**
 * For each row, the line of the first earlier row with the same cells (spaces around them aside),
 * or null. Rows are kept by a hash of their cells, not their text, so a large export costs a
 * number a row; rows whose hashes meet are compared cell by cell.
 */
function firstRowAlike(): (row: CatalogRow) => number | null {
  // A hash's first row alone, as most hashes have one; the rare collisions share a list.
  const seen = new Map<number, CatalogRow | CatalogRow[]>();
  const same = (a: CatalogRow, b: CatalogRow) =>
    a.cells.length === b.cells.length && a.cells.every((c, i) => c.trim() === (b.cells[i] ?? '').trim());
  return (row) => {
    const hash = hashCells(row.cells);
    const known = seen.get(hash);
    if (known === undefined) {
      seen.set(hash, row);
      return null;
    }
    const list = Array.isArray(known) ? known : [known];
    const first = list.find((r) => same(r, row));
    if (first) return first.line;
    if (list.length === 1) seen.set(hash, [...list, row]);
    else list.push(row);
    return null;
  };
}

/** A 53-bit hash of a row's cells, each trimmed (cyrb53), the separator between cells hashed too. */
function hashCells(cells: readonly string[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const raw of cells) {
    // trim() returns the cell itself when it has nothing to trim: no string made for most cells.
    const cell = raw.trim();
    for (let i = 0; i <= cell.length; i++) {
      const ch = i < cell.length ? cell.charCodeAt(i) : 0;
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
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
  const titleColumn = options.columns?.get('title');
  // A stage of its own: a large workbook takes seconds to unpack before the first title is matched.
  options.progress?.('reading the file', 0, bytes.length);
  const table = await readCatalogFile(bytes, file, {
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(titleColumn ? { titleColumn } : {}),
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
  const firstOf = firstRowAlike();
  for (const row of table.rows) {
    const title = cell(row.cells, 'title');
    if (!title) {
      untitled.push({ line: row.line, message: 'no job title; not matched' });
      continue;
    }
    const duplicateOf = firstOf(row);
    jobs.push({
      line: row.line,
      title,
      department: cell(row.cells, 'department'),
      grade: cell(row.cells, 'grade'),
      duplicateOf,
    });
  }
  const { matches, correlation } = await matchJobs(jobs, deps.resolver, deps.catalog, {
    ...(options.gradeOrder ? { order: options.gradeOrder } : {}),
    ...(options.gradeLevels ? { overrides: options.gradeLevels } : {}),
    progress: (done, total) => options.progress?.('matching titles', done, total),
  });
  const problems = [...table.unread, ...untitled].sort((a, b) => a.line - b.line);
  const counts = new Map<JobMatch['status'] | 'duplicate', number>();
  for (const m of matches) {
    counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
    if (m.duplicateOf !== null) counts.set('duplicate', (counts.get('duplicate') ?? 0) + 1);
  }
  const count = (status: JobMatch['status']) => counts.get(status) ?? 0;
  return {
    table,
    columns,
    summary: {
      lines: table.dataLines,
      read: matches.length,
      problems: problems.length,
      duplicates: counts.get('duplicate') ?? 0,
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
