import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CanonError, quote } from '../../core/errors.js';
import { readCompanyPay } from '../../importers/pay/readCompanyPay.js';
import { readOews } from '../../importers/pay/readOews.js';
import { summarizeCompanyPay } from '../../importers/pay/summarizeCompanyPay.js';
import { importOccupationPay, importProfilePay } from '../../workflow/importReferenceData.js';
import { dataDirOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { type StoreFlags, withCanon } from './withCanon.js';

export interface ImportPayFlags extends StoreFlags {
  format: string;
  asOf?: string;
}

/** Adds `pay` to `canon import`. */
export function importPayCommand(parent: Command, io: CliIO): void {
  parent
    .command('pay')
    .description(
      'import pay: the BLS OEWS national file (--format oews) or a company CSV (--format csv: title or profile_code, base_pay, currency, region)',
    )
    .argument('<file>', 'the file to import')
    .requiredOption('-f, --format <format>', 'oews or csv')
    .option('--as-of <date>', 'reference date, when the file name does not say (e.g. "May 2024")')
    .addOption(dataDirOption())
    .action((file, flags) => importPay(file, flags, io));
}

/** canon import pay <file> --format oews: BLS OEWS national wages by SOC code. */
async function importPay(file: string, flags: ImportPayFlags, io: CliIO): Promise<void> {
  if (flags.format !== 'oews' && flags.format !== 'csv') {
    throw new CanonError('invalid_input', `--format must be oews or csv; got ${quote(flags.format)}.`);
  }
  if (flags.format === 'csv') return importCompanyPay(file, flags, io);
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
    const n = await importOccupationPay(
      store.db,
      cliActor(),
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

/** A company compensation CSV: each title goes through the resolver to a Canon profile. */
async function importCompanyPay(file: string, flags: ImportPayFlags, io: CliIO): Promise<void> {
  const text = await readFile(file, 'utf8').catch((cause) => {
    throw new CanonError('invalid_input', `Cannot read ${quote(file)}: ${(cause as Error).message}`, {
      cause,
    });
  });
  const name = basename(file);
  const { rows, problems } = readCompanyPay(name, text);
  await withCanon(flags, async ({ store, catalog, resolver }) => {
    const r = await resolver();
    const placed: { profileCode: string; region: string; currency: string; basePay: number }[] = [];
    for (const row of rows) {
      if (row.profileCode) {
        if (catalog.findProfile(row.profileCode)) placed.push({ ...row, profileCode: row.profileCode });
        else problems.push({ line: row.line, message: `no profile with code ${quote(row.profileCode)}` });
        continue;
      }
      const answer = r.resolve({ title: row.title ?? '' });
      const profile =
        answer.status === 'resolved'
          ? answer.candidates.find((c) => c.profile?.fit === 'exact')?.profile?.code
          : undefined;
      if (profile) placed.push({ ...row, profileCode: profile });
      else
        problems.push({
          line: row.line,
          message: `the title ${quote(row.title)} does not land on a Canon profile`,
        });
    }
    for (const p of problems.sort((a, b) => a.line - b.line)) io.err(`${name}:${p.line}: ${p.message}\n`);
    const summary = summarizeCompanyPay(placed, flags.asOf ?? null);
    await importProfilePay(store.db, cliActor(), `company-${name}`, `Company data ${name}`, summary);
    io.err(
      `Imported ${placed.length} rows of ${name} into ${summary.length} profile bands${problems.length ? `; ${problems.length} rows not imported, listed above with their line numbers` : ''}.\n`,
    );
  });
}
