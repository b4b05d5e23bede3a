import { parse } from 'csv-parse/sync';
import { CanonError, quote } from '../../core/errors.js';
import { readPayAmount } from '../../core/payAmount.js';
import { type BadAmount, refuseBadAmounts } from './badAmounts.js';

export interface CompanyPayRow {
  line: number;
  title: string | null;
  profileCode: string | null;
  basePay: number;
  currency: string;
  region: string;
}

/**
 * A company compensation file: one row per person or position, with either a
 * `title` or a `profile_code`, plus `base_pay` (a year's, in plain figures:
 * "85000", "$85,000"), `currency` and `region`. A bad amount anywhere refuses
 * the whole file (see refuseBadAmounts); other bad rows are returned with their
 * line numbers, never dropped silently.
 */
export function readCompanyPay(
  file: string,
  text: string,
): { rows: CompanyPayRow[]; problems: { line: number; message: string }[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (cause) {
    throw new CanonError('invalid_data', `${file}: not a readable CSV file: ${(cause as Error).message}`, {
      cause,
    });
  }
  const first = records[0];
  // Own columns only: the header is the file's, and every object has a "constructor".
  const has = (column: string) => first !== undefined && Object.hasOwn(first, column);
  if (
    first &&
    !(has('base_pay') && has('currency') && has('region') && (has('title') || has('profile_code')))
  ) {
    throw new CanonError(
      'invalid_data',
      `${file}:1: expected the columns base_pay, currency, region and either title or profile_code.`,
    );
  }
  const rows: CompanyPayRow[] = [];
  const problems: { line: number; message: string }[] = [];
  const badAmounts: BadAmount[] = [];
  records.forEach((r, i) => {
    const line = i + 2;
    const value = r.base_pay ?? '';
    // A currency sign before the figure is how spreadsheets often export it; the currency column says which.
    const pay = readPayAmount(value.trim().replace(/^[$€£]\s*/, ''));
    const currency = (r.currency ?? '').trim().toUpperCase();
    const title = r.title?.trim() || null;
    const profileCode = r.profile_code?.trim() || null;
    if ('problem' in pay) badAmounts.push({ line, column: 'base_pay', value, problem: pay.problem });
    else if (!title && !profileCode) problems.push({ line, message: 'needs a title or a profile_code' });
    else if (!/^[A-Z]{3}$/.test(currency))
      problems.push({
        line,
        message: `currency must be a three-letter code such as USD; got ${quote(r.currency ?? '')}`,
      });
    else if (!(r.region ?? '').trim()) problems.push({ line, message: 'region is empty' });
    else
      rows.push({ line, title, profileCode, basePay: pay.value, currency, region: (r.region ?? '').trim() });
  });
  refuseBadAmounts(file, badAmounts);
  return { rows, problems };
}
