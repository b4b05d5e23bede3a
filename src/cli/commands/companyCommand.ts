import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { type ColumnRole, parseColumnMap } from '../../company/guessColumns.js';
import { type MappingCell, mappingRows } from '../../company/mappingRows.js';
import { type ImportPlan, planCompanyImport } from '../../company/planCompanyImport.js';
import { MAX_CATALOG_BYTES } from '../../company/readCatalogFile.js';
import { CanonError, quote } from '../../core/errors.js';
import { toCsv } from '../../core/toCsv.js';
import { dataDirOption, jsonOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { progressReporter } from '../progressReporter.js';
import { type StoreFlags, withCanon } from './withCanon.js';

export interface CompanyImportFlags extends StoreFlags {
  sheet?: string;
  map?: string;
  gradeOrder?: string;
  gradeLevel?: string[];
  dryRun?: boolean;
  json?: boolean;
  out?: string;
}

/** Adds `canon company` and its subcommands: for now `import`, as a dry run. */
export function companyCommand(parent: Command, io: CliIO): void {
  const group = parent.command('company').description("map a company's job catalog onto Canon");
  group
    .command('import')
    .description(
      'read a job catalog or HRIS export (CSV or XLSX) and match every job to a Canon profile, with the grade table. Only the dry run exists yet: nothing is stored; it prints what an import would store',
    )
    .argument(
      '<file>',
      `the catalog: CSV (UTF-8, UTF-16 or Windows-1252) or XLSX, up to ${MAX_CATALOG_BYTES / 1024 / 1024} MB`,
    )
    .option(
      '--sheet <name>',
      'with an XLSX workbook: the sheet to read (default: the first whose header names a job title)',
    )
    .option(
      '--map <pairs>',
      'columns by role, e.g. title="Business Title",grade=Band,location= (roles: title, department, grade, location, job_code, employee_id, headcount, base_pay, currency; an empty column means none)',
    )
    .option(
      '--grade-order <grades>',
      'grades lowest first, comma-separated, e.g. "Associate,Senior,Lead,Principal"',
    )
    .option(
      '--grade-level <grade=level>',
      'set a grade\'s Canon level by hand, e.g. G7=P5 or "Band 5=P3..P4" (repeatable); the others are fitted around it',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--dry-run', 'match and report without storing anything (required: storing comes later)')
    .addOption(jsonOption('print the dry run as JSON: columns, summary, problems, grade table, every match'))
    .option(
      '--out <file>',
      'write every row with its match to a CSV (cells that look like formulas neutralised)',
    )
    .addOption(dataDirOption())
    .action((file, flags) => importCompany(file, flags, io));
}

async function importCompany(file: string, flags: CompanyImportFlags, io: CliIO): Promise<void> {
  if (!flags.dryRun)
    throw new CanonError(
      'invalid_input',
      'Storing a company import is not built yet; run with --dry-run to see every match and problem it would store.',
    );
  const columns = flags.map ? parseColumnMap(flags.map) : new Map<ColumnRole, string | null>();
  const gradeLevels = new Map((flags.gradeLevel ?? []).map(gradeLevel));
  const gradeOrder = flags.gradeOrder
    ?.split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  const size = (
    await stat(file).catch((cause) => {
      throw new CanonError('invalid_input', `Cannot read ${quote(file)}: ${(cause as Error).message}`, {
        cause,
      });
    })
  ).size;
  // Refused before reading: a file over the limit never takes the memory it would need.
  if (size > MAX_CATALOG_BYTES)
    throw new CanonError(
      'too_large',
      `${basename(file)} is ${(size / 1024 / 1024).toFixed(1)} MB; Canon reads catalogs of up to ${MAX_CATALOG_BYTES / 1024 / 1024} MB. Split the file, or leave out columns Canon does not use.`,
    );
  const bytes = await readFile(file);
  await withCanon(flags, async (canon) => {
    const progress = progressReporter(io);
    let plan: ImportPlan;
    try {
      plan = await planCompanyImport(
        bytes,
        basename(file),
        { resolver: await canon.resolver(), catalog: canon.catalog },
        {
          ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
          columns,
          ...(gradeOrder ? { gradeOrder } : {}),
          gradeLevels,
          progress: (stage, done, total) => progress.update(stage, done, total),
        },
      );
    } finally {
      progress.stop();
    }
    if (flags.out) await writeRows(flags.out, mappingRows(plan));
    if (flags.json) printJson(plan, io);
    else io.out(formatPlan(plan, flags.out));
  });
}

function gradeLevel(text: string): [string, string] {
  const at = text.lastIndexOf('=');
  if (at <= 0 || at === text.length - 1)
    throw new CanonError('invalid_input', `--grade-level takes GRADE=LEVEL, e.g. G7=P5; got ${quote(text)}.`);
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

/** Rows written a few thousand at a time, so a large catalog's mapping is never one string. */
const CHUNK = 2_000;

/** Writes the rows as CSV beside the target and renames, so a failed write never leaves a half-written file. */
async function writeRows(path: string, rows: Iterable<MappingCell[]>): Promise<void> {
  const partial = `${path}.partial-${process.pid}`;
  const out = createWriteStream(partial, 'utf8');
  try {
    let chunk: MappingCell[][] = [];
    const flush = async () => {
      if (!out.write(toCsv(chunk))) await once(out, 'drain');
      chunk = [];
    };
    for (const row of rows) {
      chunk.push(row);
      if (chunk.length >= CHUNK) await flush();
    }
    if (chunk.length) await flush();
    out.end();
    await once(out, 'finish');
    await rename(partial, path);
  } catch (cause) {
    out.destroy();
    await rm(partial, { force: true });
    throw new CanonError('invalid_input', `Cannot write ${quote(path)}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

/**
 * The dry run as JSON: everything but the file's raw cells, which the matches and --out carry.
 * The matches are printed a chunk at a time: a large catalog's would not fit in one string.
 */
function printJson(plan: ImportPlan, io: CliIO): void {
  const { table } = plan;
  const head = JSON.stringify(
    {
      dryRun: true,
      file: table.file,
      format: table.format,
      notes: table.notes,
      header: table.header,
      headerLine: table.headerLine,
      columns: plan.columns,
      summary: plan.summary,
      problems: plan.problems,
      warnings: plan.warnings,
      gradeTable: plan.correlation,
    },
    null,
    2,
  );
  io.out(`${head.slice(0, -2)},\n  "matches": [`);
  for (let i = 0; i < plan.matches.length; i += CHUNK)
    io.out(
      `${i ? ',' : ''}\n${plan.matches
        .slice(i, i + CHUNK)
        .map((m) => `    ${JSON.stringify(m)}`)
        .join(',\n')}`,
    );
  io.out(`${plan.matches.length ? '\n  ' : ''}]\n}\n`);
}

/** A list of line numbers, the first ten of a long one. */
function lineList(lines: readonly number[]): string {
  return lines.length > 10
    ? `${lines.slice(0, 10).join(', ')} and ${lines.length - 10} more`
    : lines.join(', ');
}

/** How many rows of each list the text shows; --out and --json carry every one. */
const SHOWN = 25;

/** The dry run as text: how the file was read, the columns and why, the counts, the problems, the grade table, what needs review. */
export function formatPlan(plan: ImportPlan, out?: string): string {
  const { table, summary, correlation } = plan;
  const unit = table.unit;
  const lines: string[] = [
    'Dry run: nothing is stored (storing a company import comes later); this is what an import would store.',
    '',
    `${table.file}: ${table.notes[0] ?? table.format}; header on ${unit} ${table.headerLine}`,
    ...table.notes.slice(1).map((n) => `  ${n}`),
    '',
    'Columns',
    ...plan.columns.map(
      (c) =>
        `  ${c.role.padEnd(12)} ${c.by === 'given' ? `${c.header === null ? 'none' : quote(c.header)}, given with --map` : c.reason}`,
    ),
    '',
    `Rows: ${summary.lines} ${unit}s after the header: ${summary.read} read, ${summary.problems} not (${summary.read + summary.problems === summary.lines ? 'every one accounted for' : 'COUNTS DISAGREE'})`,
    `  matched ${summary.matched} · needs review ${summary.needsReview} · unmatched ${summary.unmatched} · duplicates ${summary.duplicates} (matched like their first, counted once in the grade table)`,
  ];
  const list = (title: string, items: readonly string[]) => {
    if (!items.length) return;
    lines.push(
      '',
      `${title}${items.length > SHOWN ? ` (first ${SHOWN} of ${items.length}; ${out ? `all in ${out}` : '--out FILE lists all'})` : ''}`,
    );
    lines.push(...items.slice(0, SHOWN).map((i) => `  ${i}`));
  };
  list(
    'Problems: not read or not matched',
    plan.problems.map((p) => `${unit} ${p.line}: ${p.message}`),
  );
  list(
    'Warnings',
    plan.warnings.map((w) => `${unit} ${w.line}: ${w.message}`),
  );
  lines.push('', 'Grade table');
  if (!correlation.grades.length)
    lines.push("  no grade column, or no grades in it: levels are the titles' own");
  const grade = (g: ImportPlan['correlation']['grades'][number]) =>
    `    ${g.grade.padEnd(10)} → ${(g.levels.join('/') || `rank ${g.low}`).padEnd(12)} ${g.reason}`;
  for (const ladder of correlation.ladders) {
    lines.push(`  ladder ${ladder.name}, ${ladder.reason}`);
    lines.push(...correlation.grades.filter((g) => g.ladder === ladder.name).map(grade));
  }
  const unordered = correlation.grades.filter((g) => g.ladder === 'text');
  if (unordered.length) lines.push('  grades with no order', ...unordered.map(grade));
  list(
    'Inconsistencies',
    correlation.inconsistencies.map(
      (i) => `${i.kind}${i.lines.length ? ` (${unit} ${lineList(i.lines)})` : ''}: ${i.message}`,
    ),
  );
  const row = (m: ImportPlan['matches'][number]) =>
    `${unit} ${m.line}: ${quote(m.title, 50)} → ${m.profile ? `${m.profile.code}${m.profile.fit === 'nearest' ? ' (nearest)' : ''}` : 'no profile'}${m.level ? ` · ${m.level.code}` : ''} · ${m.confidence.toFixed(2)} · ${m.review.join('; ')}`;
  list('Needs review', plan.matches.filter((m) => m.status === 'needs review').map(row));
  list('Unmatched', plan.matches.filter((m) => m.status === 'unmatched').map(row));
  return `${lines.join('\n')}\n`;
}
