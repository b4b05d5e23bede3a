import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { parse } from 'csv-parse';
import { CanonError, quote } from '../../core/errors.js';
import { toCsv } from '../../core/toCsv.js';
import { codeTitleRows } from '../../resolve/codeTitleRows.js';
import type { Resolution, TitleResolver } from '../../resolve/titleResolver.js';
import { dataDirOption, jsonOption } from '../commonOptions.js';
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
      const resolver = await canon.resolver();
      if (!flags.in) {
        const r = resolver.resolve({ title: title ?? '' }, top);
        io.out(flags.json ? `${JSON.stringify(r, null, 2)}\n` : formatResolution(r));
        return;
      }
      const { rows, bad } = await resolveFile(
        resolver,
        flags.in,
        flags.column ?? '',
        flags.out ?? '',
        flags.employerColumn,
        io,
      );
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
 * Streams a CSV through the resolver: constant memory whatever the file's size,
 * every input column kept, the canon_* columns appended. A row that cannot be
 * resolved is written with canon_error filled and reported with its line number.
 */
async function resolveFile(
  resolver: TitleResolver,
  input: string,
  column: string,
  output: string,
  employerColumn: string | undefined,
  io: CliIO,
) {
  const size = (
    await stat(input).catch((cause) => {
      throw new CanonError('invalid_input', `Cannot read ${quote(input)}: ${(cause as Error).message}`, {
        cause,
      });
    })
  ).size;
  const partial = `${output}.partial-${process.pid}`;
  const out = createWriteStream(partial, 'utf8');
  const source = createReadStream(input);
  const parser = source.pipe(parse({ bom: true, relax_column_count: true, info: true }));
  const progress = progressReporter(io);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  async function* records() {
    let n = 0;
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { record, line: info.lines };
      if (++n % 5000 === 0) progress.update('resolving titles', source.bytesRead, size);
    }
  }
  try {
    const { rows, bad } = await codeTitleRows(resolver, records(), {
      source: input,
      column,
      employerColumn,
      write: (row) => write(toCsv([row])),
      problem: (line, message) => io.err(`${input}:${line}: ${message}\n`),
    });
    progress.update('resolving titles', size, size);
    progress.stop();
    out.end();
    await once(out, 'finish');
    await rename(partial, output);
    return { rows, bad };
  } catch (error) {
    progress.stop();
    out.destroy();
    source.destroy();
    await rm(partial, { force: true });
    if (error instanceof CanonError) throw error;
    throw new CanonError('invalid_input', `Cannot resolve ${quote(input)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
