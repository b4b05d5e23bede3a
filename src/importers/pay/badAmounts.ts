import { CanonError, quote } from '../../core/errors.js';
import { payRange } from '../../core/payAmount.js';

/** One cell of a pay file that is not an amount Canon takes. */
export interface BadAmount {
  line: number;
  column: string;
  value: string;
  problem: string;
}

/** How many bad cells the error lists before it only counts the rest. */
const LISTED = 20;

/**
 * Refuses a whole pay file when any amount in it is bad: a file with one
 * "1e300" in it was not written the way the importer reads it, so none of it
 * is imported. Every bad cell is named by file, line and column (the first
 * few, with a count of the rest), so one pass over the file fixes them all.
 */
export function refuseBadAmounts(file: string, bad: readonly BadAmount[]): void {
  if (bad.length === 0) return;
  const listed = bad
    .slice(0, LISTED)
    .map((b) => `${file}:${b.line}: ${b.column} ${quote(b.value)}: ${b.problem}`);
  const rest = bad.length > LISTED ? [`… and ${bad.length - LISTED} more`] : [];
  const { min, max } = payRange('annual');
  throw new CanonError(
    'invalid_data',
    [
      `${file}: ${bad.length} bad amount(s); nothing was imported. Amounts are plain numbers such as 85000, 85,000 or 85000.50; a year's pay is from ${min} to ${max.toLocaleString('en-US')}:`,
      ...listed,
      ...rest,
    ].join('\n  '),
  );
}
