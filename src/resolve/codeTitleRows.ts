import { CanonError, quote } from '../core/errors.js';
import type { TitleResolver } from './titleResolver.js';

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

export interface CodeTitleRowsOptions {
  /** The table's name in messages, e.g. its file name. */
  source: string;
  column: string;
  employerColumn?: string | undefined;
  /** Receives the header, then each row with the canon_* cells appended, in order. */
  write: (row: Cell[]) => Promise<void>;
  /** A row that could not be coded: its line and why; the row is still written, with canon_error. */
  problem: (line: number, message: string) => void;
}

/**
 * Codes a table of job titles row by row (for `canon resolve --in` and any bulk caller): every
 * input column is kept and the canon_* columns appended. The records arrive as parsed, with their
 * line numbers, so a caller can stream a file of any size through it.
 */
export async function codeTitleRows(
  resolver: TitleResolver,
  records: AsyncIterable<{ record: string[]; line: number }>,
  options: CodeTitleRowsOptions,
): Promise<{ rows: number; bad: number }> {
  let header: string[] | null = null;
  let at = -1;
  let employerAt = -1;
  let rows = 0;
  let bad = 0;
  for await (const { record, line } of records) {
    if (header === null) {
      header = record;
      at = header.indexOf(options.column);
      if (at < 0)
        throw new CanonError(
          'invalid_input',
          `${options.source} has no column ${quote(options.column)}; its columns are ${header.map((h) => quote(h)).join(', ')}.`,
        );
      employerAt = options.employerColumn ? header.indexOf(options.employerColumn) : -1;
      await options.write([...header, ...OUTPUT_COLUMNS]);
      continue;
    }
    rows++;
    let cells: Cell[];
    try {
      const r = resolver.resolve(
        { title: record[at] ?? '', employer: employerAt >= 0 ? record[employerAt] : undefined },
        3,
      );
      const c = r.candidates[0];
      cells = [
        r.candidates[0]?.soc?.code ?? '',
        r.candidates[1]?.soc?.code ?? '',
        r.candidates[2]?.soc?.code ?? '',
        c?.onet?.code ?? '',
        r.landing?.profile.code ?? '',
        r.level.code,
        r.level.track,
        r.level.rank,
        c?.confidence ?? '',
        c?.band ?? '',
        r.needsReview ? 'yes' : 'no',
        r.reviewReason ?? '',
        ...[0, 1, 2].flatMap((i) => [r.candidates[i]?.soc?.title ?? '', r.candidates[i]?.confidence ?? '']),
        r.status === 'unresolved' ? 'unresolved' : '',
      ];
    } catch (error) {
      bad++;
      options.problem(line, (error as Error).message);
      cells = [...OUTPUT_COLUMNS.slice(0, -1).map(() => ''), (error as Error).message];
    }
    await options.write([...record, ...cells]);
  }
  if (header === null)
    throw new CanonError(
      'invalid_input',
      `${options.source} is empty; expected a header line naming ${quote(options.column)}.`,
    );
  return { rows, bad };
}
