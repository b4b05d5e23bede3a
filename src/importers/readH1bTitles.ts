import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { CanonError, quote } from '../core/errors.js';

/** A job title from an H-1B labor condition application, with its employer and the SOC 2018 codes it maps to. */
export interface H1bTitle {
  title: string;
  employer: string;
  socCodes: string[];
}

const COLUMNS = ['JOB_TITLE', 'EMPLOYER_NAME', 'SOC_CODE_2018_candidates'];

/**
 * Reads the labelled H-1B titles (../shared/data/h1b_titles_dev): the SOC 2010 code each employer filed,
 * mapped to SOC 2018 (`|`-separated, one of them right). Rows with no SOC 2018 code are left out: they
 * cannot be learned from or scored.
 */
export async function readH1bTitles(file: string): Promise<H1bTitle[]> {
  const records = parse(await readFile(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const header = Object.keys(records[0] ?? {});
  const absent = COLUMNS.filter((c) => !header.includes(c));
  if (absent.length > 0)
    throw new CanonError(
      'invalid_data',
      `${file}:1: expected the column(s) ${absent.map((c) => quote(c)).join(', ')}.`,
    );
  return records
    .map((r) => ({
      title: r.JOB_TITLE ?? '',
      employer: r.EMPLOYER_NAME ?? '',
      socCodes: (r.SOC_CODE_2018_candidates ?? '').split('|').filter(Boolean),
    }))
    .filter((r) => r.socCodes.length > 0);
}
