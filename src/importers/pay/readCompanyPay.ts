import { parse } from 'csv-parse/sync';
import { CanonError, quote } from '../../core/errors.js';

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
 * `title` or a `profile_code`, plus `base_pay`, `currency` and `region`.
 * Bad rows are returned with their line numbers, never dropped silently.
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
  if (
    first &&
    !(
      'base_pay' in first &&
      'currency' in first &&
      'region' in first &&
      ('title' in first || 'profile_code' in first)
    )
  ) {
    throw new CanonError(
      'invalid_data',
      `${file}:1: expected the columns base_pay, currency, region and either title or profile_code.`,
    );
  }
  const rows: CompanyPayRow[] = [];
  const problems: { line: number; message: string }[] = [];
  records.forEach((r, i) => {
    const line = i + 2;
    const pay = Number((r.base_pay ?? '').replace(/[,\s$€£]/g, ''));
    const currency = (r.currency ?? '').trim().toUpperCase();
    const title = r.title?.trim() || null;
    const profileCode = r.profile_code?.trim() || null;
    if (!title && !profileCode) problems.push({ line, message: 'needs a title or a profile_code' });
    else if (!Number.isFinite(pay) || pay <= 0)
      problems.push({ line, message: `base_pay must be a positive amount; got ${quote(r.base_pay ?? '')}` });
    else if (!/^[A-Z]{3}$/.test(currency))
      problems.push({
        line,
        message: `currency must be a three-letter code such as USD; got ${quote(r.currency ?? '')}`,
      });
    else if (!(r.region ?? '').trim()) problems.push({ line, message: 'region is empty' });
    else rows.push({ line, title, profileCode, basePay: pay, currency, region: (r.region ?? '').trim() });
  });
  return { rows, problems };
}
