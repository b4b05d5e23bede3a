import { CanonError, quote } from '../core/errors.js';
import {
  type Cell,
  type CodedBatch,
  codeInThisThread,
  OUTPUT_COLUMNS,
  type TitleCoder,
} from './codeTitleBatch.js';
import type { TitleResolver } from './titleResolver.js';

export { type Cell, OUTPUT_COLUMNS } from './codeTitleBatch.js';

export interface CodeTitleRowsOptions {
  /** The table's name in messages, e.g. its file name. */
  source: string;
  column: string;
  employerColumn?: string | undefined;
  /** Receives the header, then each row with the canon_* cells appended, in order. */
  write: (row: Cell[]) => Promise<void>;
  /** A row that could not be coded: its line and why; the row is still written, with canon_error. */
  problem: (line: number, message: string) => void;
  /** Rows handed to the coder at once (default 500). */
  batchRows?: number;
  /** Batches being coded at once, for a coder with several threads to keep busy (default 1). */
  inFlight?: number;
}

/**
 * Codes a table of job titles row by row (for `canon resolve --in` and any bulk caller): every
 * input column is kept and the canon_* columns appended, rows in input order, each exactly once. The
 * records arrive as parsed, with their line numbers, so a caller can stream a file of any size through
 * it; they are coded in batches, by the resolver in this thread or by a pool of threads (codingPool.ts).
 * A row whose cell count differs from the header's refuses the table, naming its line: its cells cannot
 * be told apart.
 */
export async function codeTitleRows(
  coder: TitleResolver | TitleCoder,
  records: AsyncIterable<{ record: string[]; line: number }>,
  options: CodeTitleRowsOptions,
): Promise<{ rows: number; bad: number }> {
  const code = 'code' in coder ? coder : codeInThisThread(coder);
  const batchRows = options.batchRows ?? 500;
  const inFlight = options.inFlight ?? 1;
  let header: string[] | null = null;
  let titleAt = -1;
  let employerAt = -1;
  let rows = 0;
  let bad = 0;
  let batch: { record: string[]; line: number }[] = [];
  const coding: { lines: number[]; coded: Promise<CodedBatch> }[] = [];
  const writeOldest = async () => {
    const oldest = coding.shift();
    if (!oldest) return;
    const { rows: coded, errors } = await oldest.coded;
    for (const { index, message } of errors) options.problem(oldest.lines[index] ?? 0, message);
    bad += errors.length;
    for (const row of coded) await options.write(row);
  };
  const send = async () => {
    if (batch.length === 0) return;
    const records = batch.map((r) => r.record);
    const coded = code.code({ records, titleAt, employerAt });
    // Awaited in turn below; a failure meanwhile must not count as unhandled.
    coded.catch(() => {});
    coding.push({ lines: batch.map((r) => r.line), coded });
    batch = [];
    while (coding.length >= inFlight) await writeOldest();
  };
  for await (const { record, line } of records) {
    if (header === null) {
      header = record;
      titleAt = header.indexOf(options.column);
      if (titleAt < 0)
        throw new CanonError(
          'invalid_input',
          `${options.source} has no column ${quote(options.column)}; its columns are ${header.map((h) => quote(h)).join(', ')}.`,
        );
      employerAt = options.employerColumn ? header.indexOf(options.employerColumn) : -1;
      await options.write([...header, ...OUTPUT_COLUMNS]);
      continue;
    }
    if (record.length !== header.length)
      throw new CanonError(
        'invalid_input',
        `${options.source}:${line}: the row has ${record.length} cells; the header has ${header.length}. Quote cells that hold a comma.`,
      );
    rows++;
    batch.push({ record, line });
    if (batch.length >= batchRows) await send();
  }
  if (header === null)
    throw new CanonError(
      'invalid_input',
      `${options.source} is empty; expected a header line naming ${quote(options.column)}.`,
    );
  await send();
  while (coding.length > 0) await writeOldest();
  return { rows, bad };
}
