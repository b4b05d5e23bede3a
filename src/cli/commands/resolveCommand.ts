import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { parse } from 'csv-parse';
import { CanonError, quote } from '../../core/errors.js';
import { toCsv } from '../../core/toCsv.js';
import { codeTitleRows } from '../../resolve/codeTitleRows.js';
import { type CodingPool, codingThreads, openCodingPool } from '../../resolve/codingPool.js';
import type { Resolution, TitleResolver } from '../../resolve/titleResolver.js';
import type { CatalogReads } from '../../runtime/publishedCatalogReads.js';
import { dataDirOption, jsonOption, wholeNumber } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { progressReporter } from '../progressReporter.js';
import { type StoreFlags, withCatalog } from './withCanon.js';

export interface ResolveFlags extends StoreFlags {
  json?: boolean;
  top?: string;
  in?: string;
  column?: string;
  out?: string;
  employerColumn?: string;
  threads?: number;
}

/** Adds `canon resolve`. */
export function resolveCommand(parent: Command, io: CliIO): void {
  parent
    .command('resolve')
    .description('level a job title (occupation, focus, level), or a whole CSV column of them')
    .argument('[title]', 'a job title, e.g. "Sr. Director, Platform Engineering"')
    .addOption(jsonOption())
    .option('--top <n>', 'how many candidates (1–10)', '3')
    .option('--in <file>', 'a CSV file to resolve in bulk (streamed)')
    .option('--column <name>', 'with --in: the column holding the titles')
    .option('--employer-column <name>', 'with --in: a column naming the employer, used as a hint')
    .option('--out <file>', 'with --in: where to write the CSV with canon_* columns appended')
    .option(
      '--threads <n>',
      'with --in: threads to code with (default: one per core for a large file, else 1)',
      wholeNumber(1),
    )
    .addOption(dataDirOption())
    .action((title, flags) => resolveTitles(title, flags, io));
}

async function resolveTitles(title: string | undefined, flags: ResolveFlags, io: CliIO): Promise<void> {
  const top = flags.top === undefined ? 3 : Number(flags.top);
  if (!Number.isInteger(top) || top < 1 || top > 10)
    throw new CanonError(
      'invalid_input',
      `--top must be a whole number from 1 to 10; got ${quote(flags.top)}.`,
    );
  if (flags.in) {
    if (title) throw new CanonError('invalid_input', 'Give either a title or --in FILE, not both.');
    if (!flags.column || !flags.out)
      throw new CanonError(
        'invalid_input',
        'Bulk resolving needs --column NAME and --out FILE with --in FILE.',
      );
  } else if (!title) {
    throw new CanonError(
      'invalid_input',
      'Give a title to resolve, e.g. canon resolve "Senior Software Engineer", or --in FILE.csv.',
    );
  }
  await withCatalog(
    flags,
    async (canon) => {
      if (!flags.in) {
        const r = (await canon.resolver()).resolve({ title: title ?? '' }, top);
        io.out(flags.json ? `${JSON.stringify(r, null, 2)}\n` : formatResolution(r));
        return;
      }
      const { rows, bad } = await resolveFile(canon, flags, io);
      io.err(
        `Resolved ${rows} rows into ${flags.out}${bad ? `; ${bad} rows could not be resolved and are marked in canon_error` : ''}.\n`,
      );
    },
    { resolver: true },
  );
}

/** The answer as text: the level (always), the profile it lands on and why, then the ranked occupations. */
export function formatResolution(r: Resolution): string {
  const { level, seniority, landing } = r;
  const lines = [
    `${r.title} — ${r.status}${r.reviewReason ? ` · needs review: ${r.reviewReason}` : ''}`,
    `  level: ${level.code} ${level.title} · seniority: ${seniority.words.join(', ') || 'none (default level)'} · specialty: ${seniority.specialtyWords.join(' ') || '—'}`,
    ...(seniority.note ? [`    ${seniority.note}`] : []),
    landing
      ? `  lands on: ${landing.profile.code} (${landing.focus.name}, ${landing.level.code} ${landing.level.title}${landing.profile.fit === 'nearest' ? ', the nearest level' : ''})`
      : '  lands on: no built-in profile',
    ...(landing?.explanation ?? []).map((line) => `    ${line}`),
    ...(r.candidates.length ? [] : ['  no occupation matched']),
    ...r.candidates.map(
      (c, i) =>
        `  ${i + 1}. ${c.soc?.code ?? '—'} ${c.soc?.title ?? ''} · ${c.level.code} ${c.level.title}${c.profile ? ` · ${c.profile.code}` : ''} · ${c.band} ${c.confidence.toFixed(2)} (${c.explanation.method}${c.explanation.matchedTitle ? `: ${c.explanation.matchedTitle}` : ''})`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Streams a CSV through the resolver: constant memory whatever the file's size, every input column
 * kept, the canon_* columns appended, rows in input order. A large file is coded by a thread per core
 * (resolve/codingPool.ts), each building its own resolver; a small one in this thread, where the
 * threads' start would cost more than they save. A row that cannot be resolved is written with
 * canon_error filled and reported with its line number, as is a cell that starts like a formula (the
 * output neutralises it); a file that is not UTF-8 is refused, naming the line.
 */
async function resolveFile(canon: CatalogReads, flags: ResolveFlags, io: CliIO) {
  const input = flags.in ?? '';
  const size = (
    await stat(input).catch((cause) => {
      throw new CanonError('invalid_input', `Cannot read ${quote(input)}: ${(cause as Error).message}`, {
        cause,
      });
    })
  ).size;
  const threads = flags.threads ?? codingThreads(size);
  const pool = threads > 1 ? openCodingPool({ sources: await canon.resolverSources(), size: threads }) : null;
  try {
    return await codeFile(pool ?? (await canon.resolver()), size, flags, io);
  } finally {
    await pool?.close();
  }
}

async function codeFile(coder: CodingPool | TitleResolver, size: number, flags: ResolveFlags, io: CliIO) {
  const input = flags.in ?? '';
  const output = flags.out ?? '';
  const partial = `${output}.partial-${process.pid}`;
  const out = createWriteStream(partial, 'utf8');
  const source = createReadStream(input);
  // Piped so that a refusal part-way, which stops reading, also stops the file being read into the parser;
  // an error of either reaches the loop that reads the records.
  const parser = pipeline(
    source,
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
    () => {},
  );
  const progress = progressReporter(io);
  const label = `resolving titles${'size' in coder ? ` in ${coder.size} threads` : ''}`;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let header: string[] = [];
  async function* records() {
    let n = 0;
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const line = info.lines;
      // What a decoder leaves for bytes that are not UTF-8 (a file saved as Latin-1 or UTF-16).
      if (record.some((cell) => cell.includes('\uFFFD')))
        throw new CanonError(
          'invalid_input',
          `${input}:${line}: the file is not UTF-8 text; save it as UTF-8 (in Excel: "CSV UTF-8") and try again.`,
        );
      if (n === 0) header = record;
      else {
        const formulas = header.filter((_, c) => FORMULA.test(record[c] ?? ''));
        if (formulas.length > 0)
          io.err(
            `${input}:${line}: ${formulas.map((h) => quote(h)).join(', ')} ${formulas.length === 1 ? 'starts' : 'start'} like a formula (=, +, -, @); the output writes ${formulas.length === 1 ? 'it' : 'them'} with a leading apostrophe.\n`,
          );
      }
      yield { record, line };
      if (++n % 5000 === 0) progress.update(label, source.bytesRead, size);
    }
  }
  try {
    const { rows, bad } = await codeTitleRows(coder, records(), {
      source: input,
      column: flags.column ?? '',
      employerColumn: flags.employerColumn,
      write: (row) => write(toCsv([row])),
      problem: (line, message) => io.err(`${input}:${line}: ${message}\n`),
      ...('size' in coder ? { batchRows: BATCH_ROWS, inFlight: 2 * coder.size } : {}),
    });
    progress.update(label, size, size);
    progress.stop();
    out.end();
    await once(out, 'finish');
    await rename(partial, output);
    return { rows, bad };
  } catch (error) {
    progress.stop();
    source.destroy();
    // Ended, not destroyed: a write still under way would fail with no one to hear it.
    out.end();
    await finished(out).catch(() => {});
    await rm(partial, { force: true });
    if (error instanceof CanonError) throw error;
    throw new CanonError('invalid_input', `Cannot resolve ${quote(input)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** What a spreadsheet would run as a formula (the cells toCsv neutralises). */
const FORMULA = /^[=+\-@\t\r]/;
/** Rows sent to the threads at once: enough to make a message worth its cost. */
const BATCH_ROWS = 2000;
