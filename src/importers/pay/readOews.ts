import { parse } from 'csv-parse/sync';
import { CanonError, quote } from '../../core/errors.js';
import { payOutOfRange, plainNumber } from '../../core/payAmount.js';
import { type BadAmount, refuseBadAmounts } from './badAmounts.js';

export type Percentile = 'p10' | 'p25' | 'median' | 'p75' | 'p90';

export interface OccupationPay {
  socCode: string;
  title: string;
  employment: number | null;
  mean: number | null;
  percentiles: Partial<Record<Percentile, number>>;
  /** Percentiles BLS marks "#": at or above the top-coded wage, so no number is given. */
  topCoded: Percentile[];
  line: number;
}

export interface OewsFile {
  rows: OccupationPay[];
  problems: { line: number; message: string }[];
  /** The annual wage BLS top-codes at, when the caller knows it; otherwise null. */
  topCode: number | null;
}

const ANNUAL: Record<Percentile, string> = {
  p10: 'A_PCT10',
  p25: 'A_PCT25',
  median: 'A_MEDIAN',
  p75: 'A_PCT75',
  p90: 'A_PCT90',
};
const REQUIRED = ['OCC_CODE', 'OCC_TITLE', 'O_GROUP', 'TOT_EMP', 'A_MEAN', ...Object.values(ANNUAL)];

type Cell = { value: number } | { marker: 'suppressed' | 'top-coded' | 'empty' } | { bad: string };

/**
 * Reads a cell of the OEWS file: "171,200" is 171200; "*" and "**" mean BLS
 * suppressed the estimate; "#" means the wage is at or above the top code.
 * None of the markers ever becomes a number.
 */
export function oewsCell(raw: string | undefined): Cell {
  const text = (raw ?? '').trim();
  if (text === '') return { marker: 'empty' };
  if (text === '*' || text === '**') return { marker: 'suppressed' };
  if (text === '#') return { marker: 'top-coded' };
  const n = plainNumber(text);
  return n === null ? { bad: text } : { value: n };
}

/**
 * Detailed occupations of a BLS OEWS national file. A row with a bad SOC code
 * is reported by line number and skipped; a cell that is neither a plain
 * number nor a marker, or a wage out of range, refuses the whole file.
 */
export function readOews(file: string, text: string): OewsFile {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (cause) {
    throw new CanonError('invalid_data', `${file}: not a readable CSV file: ${(cause as Error).message}`, {
      cause,
    });
  }
  const header = records[0] ?? [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new CanonError(
      'invalid_data',
      `${file}:1: expected the OEWS column(s) ${missing.map((m) => quote(m)).join(', ')}.`,
    );
  }
  const at = (name: string) => header.indexOf(name);
  const rows: OccupationPay[] = [];
  const problems: OewsFile['problems'] = [];
  const badAmounts: BadAmount[] = [];
  records.slice(1).forEach((cells, i) => {
    const line = i + 2;
    if ((cells[at('O_GROUP')] ?? '') !== 'detailed') return;
    const socCode = cells[at('OCC_CODE')] ?? '';
    if (!/^\d{2}-\d{4}$/.test(socCode)) {
      problems.push({ line, message: `expected a SOC code like 11-3021 in OCC_CODE; got ${quote(socCode)}` });
      return;
    }
    // A cell, with a bad one noted for the refusal; a wage must also be a year's pay.
    const read = (column: string, wage: boolean): Cell => {
      const cell = oewsCell(cells[at(column)]);
      const problem =
        'bad' in cell
          ? 'not a number or a BLS marker (*, **, #)'
          : 'value' in cell && wage
            ? payOutOfRange(cell.value)
            : null;
      if (problem !== null) badAmounts.push({ line, column, value: cells[at(column)] ?? '', problem });
      return cell;
    };
    const percentiles: OccupationPay['percentiles'] = {};
    const topCoded: Percentile[] = [];
    for (const [key, column] of Object.entries(ANNUAL) as [Percentile, string][]) {
      const cell = read(column, true);
      if ('value' in cell) percentiles[key] = cell.value;
      else if ('marker' in cell && cell.marker === 'top-coded') topCoded.push(key);
    }
    const employment = read('TOT_EMP', false);
    const mean = read('A_MEAN', true);
    rows.push({
      socCode,
      title: cells[at('OCC_TITLE')] ?? '',
      employment: 'value' in employment ? employment.value : null,
      mean: 'value' in mean ? mean.value : null,
      percentiles,
      topCoded,
      line,
    });
  });
  refuseBadAmounts(file, badAmounts);
  return { rows, problems, topCode: null };
}
