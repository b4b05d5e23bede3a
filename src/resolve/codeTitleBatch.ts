import type { Resolution, TitleResolver } from './titleResolver.js';

/**
 * Columns appended to each row: the first three occupations, the profile the title lands on, and the
 * title's level (present whether or not an occupation matched); confidence and band are the first
 * occupation's; whether the row needs review and why; then each of the three occupations' SOC title and
 * confidence.
 */
export const OUTPUT_COLUMNS = [
  'canon_soc_1',
  'canon_soc_2',
  'canon_soc_3',
  'canon_onet_1',
  'canon_profile',
  'canon_level',
  'canon_track',
  'canon_rank',
  'canon_confidence',
  'canon_band',
  'canon_needs_review',
  'canon_review_reason',
  ...[1, 2, 3].flatMap((n) => [`canon_soc_${n}_title`, `canon_soc_${n}_confidence`]),
  'canon_error',
];

export type Cell = string | number | null;

/** Rows of a table of titles, every column kept, and which columns hold the title and the employer. */
export interface TitleBatch {
  records: readonly (readonly string[])[];
  titleAt: number;
  /** -1: the table names no employer. */
  employerAt: number;
}

export interface CodedBatch {
  /** Each record with the canon_* cells appended, in the batch's order. */
  rows: Cell[][];
  /** The rows that could not be coded (their canon_error says why too), by place in the batch. */
  errors: { index: number; message: string }[];
}

/** Codes batches of titles: in this thread (`codeInThisThread`), or in worker threads (codingPool.ts). */
export interface TitleCoder {
  code(batch: TitleBatch): Promise<CodedBatch>;
}

/** The canon_* cells of titles, and which of them could not be coded and why. */
export interface TitleCells {
  cells: Cell[][];
  errors: { index: number; message: string }[];
}

/**
 * Codes a batch of rows: each record with the canon_* cells appended, in order, every row exactly once;
 * a row that cannot be coded (no title, too long) keeps its cells, with the reason in canon_error. What
 * `canon resolve --in` and bulk jobs code a table with, a batch at a time.
 */
export function codeTitleBatch(resolver: TitleResolver, batch: TitleBatch): CodedBatch {
  const { cells, errors } = codeTitles(
    resolver,
    batch.records.map((r) => r[batch.titleAt] ?? ''),
    batch.employerAt < 0 ? null : batch.records.map((r) => r[batch.employerAt] ?? ''),
  );
  return { rows: appendCells(batch.records, cells), errors };
}

/** The canon_* cells of each title (and employer, when given), in order. */
export function codeTitles(
  resolver: TitleResolver,
  titles: readonly string[],
  employers: readonly string[] | null,
): TitleCells {
  const errors: TitleCells['errors'] = [];
  const cells = titles.map((title, index): Cell[] => {
    try {
      return cellsOf(resolver.resolve({ title, employer: employers?.[index] }, 3));
    } catch (error) {
      const message = (error as Error).message;
      errors.push({ index, message });
      return [...NO_ANSWER, message];
    }
  });
  return { cells, errors };
}

/** The cells of each answer, worked out once: a remembered answer comes back for every repeat of its title. */
const CELLS = new WeakMap<Resolution, Cell[]>();

function cellsOf(r: Resolution): Cell[] {
  let cells = CELLS.get(r);
  if (!cells) {
    const first = r.candidates[0];
    cells = [
      r.candidates[0]?.soc?.code ?? '',
      r.candidates[1]?.soc?.code ?? '',
      r.candidates[2]?.soc?.code ?? '',
      first?.onet?.code ?? '',
      r.landing?.profile.code ?? '',
      r.level.code,
      r.level.track,
      r.level.rank,
      first?.confidence ?? '',
      first?.band ?? '',
      r.needsReview ? 'yes' : 'no',
      r.reviewReason ?? '',
      r.candidates[0]?.soc?.title ?? '',
      r.candidates[0]?.confidence ?? '',
      r.candidates[1]?.soc?.title ?? '',
      r.candidates[1]?.confidence ?? '',
      r.candidates[2]?.soc?.title ?? '',
      r.candidates[2]?.confidence ?? '',
      r.status === 'unresolved' ? 'unresolved' : '',
    ];
    CELLS.set(r, cells);
  }
  return cells;
}

/** Each record with its cells appended. */
export function appendCells(records: readonly (readonly string[])[], cells: readonly Cell[][]): Cell[][] {
  return records.map((record, i) => [...record, ...(cells[i] ?? [])]);
}

/** A batch coded in this thread, after a turn of the event loop, so that a server coding in process still answers. */
export function codeInThisThread(resolver: TitleResolver): TitleCoder {
  return {
    code: async (batch) => {
      await new Promise((resolve) => setImmediate(resolve));
      return codeTitleBatch(resolver, batch);
    },
  };
}

const NO_ANSWER: Cell[] = OUTPUT_COLUMNS.slice(0, -1).map(() => '');
