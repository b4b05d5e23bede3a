import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CanonError, quote } from '../../core/errors.js';
import { readOews } from '../../importers/pay/readOews.js';
import { replaceOccupationPay } from '../../store/payRepository.js';
import type { CliIO } from '../io.js';
import { type StoreFlags, withCanon } from './withCanon.js';

export interface ImportPayFlags extends StoreFlags {
  format: string;
  asOf?: string;
}

/** canon import pay <file> --format oews: BLS OEWS national wages by SOC code. */
export async function importPayCommand(file: string, flags: ImportPayFlags, io: CliIO): Promise<void> {
  if (flags.format !== 'oews') {
    throw new CanonError(
      'invalid_input',
      `--format must be oews; got ${quote(flags.format)} (company CSV files are not supported yet).`,
    );
  }
  const text = await readFile(file, 'utf8').catch((cause) => {
    throw new CanonError('invalid_input', `Cannot read ${quote(file)}: ${(cause as Error).message}`, {
      cause,
    });
  });
  // BLS names its files national_M2024_dl.csv: the May 2024 estimates.
  const year = /M(\d{4})/.exec(basename(file))?.[1];
  const asOf = flags.asOf ?? (year ? `May ${year}` : null);
  if (!asOf)
    throw new CanonError(
      'invalid_input',
      `Cannot tell the reference date of ${quote(file)}; give it with --as-of, e.g. --as-of "May 2024".`,
    );
  const { rows, problems } = readOews(basename(file), text);
  for (const p of problems) io.err(`${basename(file)}:${p.line}: ${p.message}\n`);
  await withCanon(flags, async ({ store }) => {
    const n = await replaceOccupationPay(
      store.db,
      {
        dataset: `bls-oews-${asOf.replace(/\s+/g, '-').toLowerCase()}`,
        source: `BLS OEWS ${asOf} national`,
        region: 'US',
        currency: 'USD',
        asOf,
      },
      rows,
    );
    io.err(
      `Imported BLS OEWS ${asOf}: ${n} occupations${problems.length ? `; ${problems.length} rows skipped, listed above with their line numbers` : ''}.\n`,
    );
  });
}
