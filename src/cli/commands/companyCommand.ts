import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { COMPANY_EXPORT_FILES, type CompanyExportFile, companyExport } from '../../company/companyExports.js';
import type { CompanyJob } from '../../company/companyJob.js';
import type { GradeCorrelation } from '../../company/gradeCorrelation.js';
import { type ColumnRole, parseColumnMap } from '../../company/guessColumns.js';
import { type MappingCell, mappingRows } from '../../company/mappingRows.js';
import { type ImportPlan, planCompanyImport } from '../../company/planCompanyImport.js';
import { MAX_CATALOG_BYTES } from '../../company/readCatalogFile.js';
import { CanonError, quote } from '../../core/errors.js';
import { toCsv } from '../../core/toCsv.js';
import { type ImportDto, importDto } from '../../server/api/companyDto.js';
import type { GradeSetting, WorkspaceMapping } from '../../workflow/companyWorkspace.js';
import { dataDirOption, jsonOption, keyOption, noteOption, outFileOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { progressReporter } from '../progressReporter.js';
import { cliActor } from './cliActor.js';
import { onStoreOrServer, type StoreFlags, withCanon } from './withCanon.js';
import { writeOutput } from './writeOutput.js';

export interface CompanyImportFlags extends StoreFlags {
  workspace?: string;
  sheet?: string;
  map?: string;
  gradeOrder?: string;
  gradeLevel?: string[];
  dryRun?: boolean;
  json?: boolean;
  out?: string;
}

/**
 * Adds `canon company` and its subcommands: `import` (a dry run, or stored into a workspace),
 * `review`, `decide`, `grades` and `mapping`, each on the store or through a running server's API.
 */
export function companyCommand(parent: Command, io: CliIO): void {
  const group = parent.command('company').description("map a company's job catalog onto Canon");
  group
    .command('import')
    .description(
      "read a job catalog or HRIS export (CSV or XLSX) and match every job to a Canon profile, with the grade table. The dry run is shown first; with --workspace the jobs are stored as the workspace's mapping (the same file again stores nothing; a changed one prints what changed)",
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
    .option(
      '--workspace <id>',
      'the workspace to store the import in (its dictionary and grade settings apply)',
    )
    .option('--dry-run', 'match and report without storing anything')
    .addOption(jsonOption('print the dry run as JSON: columns, summary, problems, grade table, every match'))
    .option(
      '--out <file>',
      'write every row with its match to a CSV (cells that look like formulas neutralised)',
    )
    .addOption(dataDirOption())
    .addOption(keyOption())
    .action((file, flags) => importCompany(file, flags, io));
  workspaceCommands(group, io);
}

async function importCompany(file: string, flags: CompanyImportFlags, io: CliIO): Promise<void> {
  if (!flags.workspace && !flags.dryRun)
    throw new CanonError(
      'invalid_input',
      'Give --workspace ID to store the import in a workspace, or --dry-run to see every match and problem without storing anything.',
    );
  if (flags.workspace && flags.out)
    throw new CanonError(
      'invalid_input',
      "--out writes a dry run without a workspace; a workspace's mapping is printed by `canon company mapping --json`.",
    );
  if (flags.workspace && flags.gradeLevel?.length)
    throw new CanonError(
      'invalid_input',
      `A workspace keeps its grades set by hand: set them with \`canon company grades --workspace ${flags.workspace} --set ${flags.gradeLevel[0]} --reason …\` rather than --grade-level.`,
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
  if (flags.workspace) return importIntoWorkspace(flags.workspace, bytes, basename(file), flags, io);
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

/** The dry run, or the import stored, in a workspace: on the store, or through the server holding it. */
async function importIntoWorkspace(
  workspace: string,
  bytes: Uint8Array,
  file: string,
  flags: CompanyImportFlags,
  io: CliIO,
): Promise<void> {
  const columns = flags.map ? parseColumnMap(flags.map) : undefined;
  const gradeOrder = flags.gradeOrder
    ?.split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  const dryRun = Boolean(flags.dryRun);
  const dto = await onStoreOrServer(flags, {
    store: async (canon) => {
      const progress = progressReporter(io);
      const options = {
        ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
        ...(columns ? { columns } : {}),
        ...(gradeOrder ? { gradeOrder } : {}),
        progress: (stage: string, done: number, total: number) => progress.update(stage, done, total),
      };
      try {
        if (dryRun)
          return importDto(await canon.company.preview(cliActor(), workspace, bytes, file, options), null);
        const stored = await canon.company.store(cliActor(), workspace, bytes, file, options);
        return importDto(stored.preview, stored.import);
      } finally {
        progress.stop();
      }
    },
    server: (api) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), file);
      const query = new URLSearchParams({ dryRun: String(dryRun) });
      if (flags.sheet !== undefined) query.set('sheet', flags.sheet);
      if (flags.map) query.set('map', flags.map);
      if (flags.gradeOrder) query.set('gradeOrder', flags.gradeOrder);
      return api.postForm<ImportDto>(`${workspacePath(workspace)}/imports?${query}`, form);
    },
  });
  if (flags.json) io.out(`${JSON.stringify(dto, null, 2)}\n`);
  else io.out(`${formatPlan(planOf(dto), undefined, dto.dryRun ? 'dry run' : 'stored')}${formatStored(dto)}`);
}

/** What `formatPlan` reads, from the API's answer: its jobs' matches are after the dictionary. */
function planOf(dto: ImportDto): PlanView {
  return {
    table: dto.table,
    columns: dto.columns,
    summary: dto.summary,
    problems: dto.problems,
    warnings: dto.warnings,
    correlation: dto.gradeTable,
    matches: dto.jobs.map((j) => j.match),
  };
}

const workspacePath = (workspace: string) => `/api/workspaces/${encodeURIComponent(workspace)}`;

/** The diff against the workspace's jobs, who decided the matches, and what was stored. */
function formatStored(dto: ImportDto): string {
  const { diff, decided } = dto;
  const lines = [
    '',
    `Decided: ${decided.person} by a person · ${decided.dictionary} by the dictionary · ${decided.automatic} automatically`,
  ];
  if (diff.unchanged) lines.push("Against the workspace's jobs: unchanged");
  else {
    lines.push(
      `Against the workspace's jobs: ${diff.added.length} added · ${diff.removed.length} removed · ${diff.changed.length} changed`,
    );
    const job = (j: CompanyJob) =>
      `${j.jobCode ? `${j.jobCode} ` : ''}${quote(j.title, 50)} (${j.department || 'no department'}, ${j.grade || 'no grade'})`;
    const shown = [
      ...diff.added.map((j) => `+ ${job(j)}`),
      ...diff.removed.map((j) => `- ${job(j)}`),
      ...diff.changed.map((c) => `~ ${job(c.after)}: ${c.fields.join(', ')}`),
    ];
    lines.push(...shown.slice(0, SHOWN).map((l) => `  ${l}`));
    if (shown.length > SHOWN) lines.push(`  … and ${shown.length - SHOWN} more (--json lists all)`);
  }
  if (dto.dryRun) lines.push('', 'Nothing is stored: this was a dry run.');
  else if (diff.unchanged)
    lines.push('', `Nothing stored: the workspace holds this file already (import ${dto.import?.id}).`);
  else
    lines.push('', `Stored as import ${dto.import?.id} of workspace ${quote(dto.import?.workspace ?? '')}.`);
  return `${lines.join('\n')}\n`;
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

/** What the text of a dry run is made from: a plan, or the API's answer for one. */
export type PlanView = Pick<
  ImportPlan,
  'columns' | 'summary' | 'problems' | 'warnings' | 'correlation' | 'matches'
> & {
  table: Pick<ImportPlan['table'], 'file' | 'notes' | 'format' | 'unit' | 'headerLine'>;
};

const HEADLINE = {
  plan: 'Dry run: nothing is stored (give --workspace ID to store it); this is what an import would store.',
  'dry run': 'Dry run: nothing is stored; this is what the import would store in the workspace.',
  stored: 'Import: what was read and matched.',
} as const;

/** The dry run as text: how the file was read, the columns and why, the counts, the problems, the grade table, what needs review. */
export function formatPlan(plan: PlanView, out?: string, kind: keyof typeof HEADLINE = 'plan'): string {
  const { table, summary, correlation } = plan;
  const unit = table.unit;
  const lines: string[] = [
    HEADLINE[kind],
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
  lines.push('', ...formatGradeTable(correlation));
  list(
    'Inconsistencies',
    correlation.inconsistencies.map(
      (i) => `${i.kind}${i.lines.length ? ` (${unit} ${lineList(i.lines)})` : ''}: ${i.message}`,
    ),
  );
  const row = (m: PlanView['matches'][number]) =>
    `${unit} ${m.line}: ${quote(m.title, 50)} → ${m.profile ? `${m.profile.code}${m.profile.fit === 'nearest' ? ' (nearest)' : ''}` : 'no profile'}${m.level ? ` · ${m.level.code}` : ''} · ${m.confidence.toFixed(2)} · ${m.review.join('; ')}`;
  list('Needs review', plan.matches.filter((m) => m.status === 'needs review').map(row));
  list('Unmatched', plan.matches.filter((m) => m.status === 'unmatched').map(row));
  return `${lines.join('\n')}\n`;
}

/** The grade table as text: each ladder's grades with their Canon levels and why. */
function formatGradeTable(correlation: GradeCorrelation): string[] {
  const lines = ['Grade table'];
  if (!correlation.grades.length)
    lines.push("  no grade column, or no grades in it: levels are the titles' own");
  const grade = (g: GradeCorrelation['grades'][number]) =>
    `    ${g.grade.padEnd(10)} → ${(g.levels.join('/') || `rank ${g.low}`).padEnd(12)} ${g.reason}`;
  for (const ladder of correlation.ladders) {
    lines.push(`  ladder ${ladder.name}, ${ladder.reason}`);
    lines.push(...correlation.grades.filter((g) => g.ladder === ladder.name).map(grade));
  }
  const unordered = correlation.grades.filter((g) => g.ladder === 'text');
  if (unordered.length) lines.push('  grades with no order', ...unordered.map(grade));
  return lines;
}

interface WorkspaceFlags extends StoreFlags {
  workspace: string;
  json?: boolean;
}

/** `review`, `decide`, `grades`, `mapping` and `export`: a workspace's mapping after its import. */
function workspaceCommands(group: Command, io: CliIO): void {
  const withWorkspace = (command: Command) =>
    command
      .requiredOption('--workspace <id>', 'the workspace')
      .addOption(dataDirOption())
      .addOption(keyOption());
  withWorkspace(
    group
      .command('review')
      .description(
        "the workspace's review queue: jobs whose match needs a person, and not yet decided by one",
      )
      .addOption(jsonOption('print the jobs as JSON')),
  ).action((flags: WorkspaceFlags) => review(flags, io));
  withWorkspace(
    group
      .command('decide')
      .description(
        "decide a title's profile in a department: kept in the workspace's dictionary, applied to its jobs now and on every later import",
      )
      .requiredOption('--title <title>', 'the job title, as the file writes it (case and spaces aside)')
      .option('--department <department>', 'its department, as the file writes it (default: none)', '')
      .requiredOption('--profile <code>', 'the Canon profile it is, e.g. ENGINE.SOFTWARE342B.P3')
      .addOption(noteOption('why, for the dictionary and the audit log'))
      .addOption(jsonOption('print the jobs decided as JSON')),
  ).action((flags: WorkspaceFlags & { title: string; department: string; profile: string; note?: string }) =>
    decide(flags, io),
  );
  withWorkspace(
    group
      .command('grades')
      .description("the workspace's grade table, and its grades set by hand; --set or --clear changes one")
      .option('--set <grade=level>', 'set a grade\'s Canon level(s), e.g. G7=P5 or "Band 5=P3..P4"')
      .option('--clear <grade>', 'clear a grade set by hand: it is fitted from its titles again')
      .option('--reason <text>', 'why the grade corresponds to that level (required with --set)')
      .addOption(jsonOption('print the settings and the grade table as JSON')),
  ).action((flags: WorkspaceFlags & { set?: string; clear?: string; reason?: string }) => grades(flags, io));
  withWorkspace(
    group
      .command('mapping')
      .description("the workspace's current mapping: every job with its match, the grade table, who decided")
      .addOption(jsonOption('print the whole mapping as JSON')),
  ).action((flags: WorkspaceFlags) => mapping(flags, io));
  withWorkspace(
    group
      .command('export')
      .description(
        "write the workspace's mapping or job family matrix as CSV, XLSX or JSON, or its level guide as Markdown (formula-looking cells neutralised)",
      )
      .requiredOption('--table <table>', 'mapping, matrix, pay (csv only) or level-guide')
      .option(
        '--format <format>',
        'csv, xlsx or json (the level guide: md); default: the extension of --out, else csv (md for the level guide)',
      )
      .addOption(outFileOption()),
  ).action((flags: ExportFlags) => exportTable(flags, io));
}

interface ExportFlags extends StoreFlags {
  workspace: string;
  table: string;
  format?: string;
  out?: string;
}

/** The export file a table and format name, e.g. matrix and xlsx → matrix.xlsx; refused if there is none. */
function exportFileOf(flags: ExportFlags): CompanyExportFile {
  const fromOut = flags.out && /\.([a-z]+)$/i.exec(flags.out)?.[1]?.toLowerCase();
  const format = flags.format ?? (fromOut || (flags.table === 'level-guide' ? 'md' : 'csv'));
  const file = `${flags.table}.${format}`;
  const known = COMPANY_EXPORT_FILES.find((f) => f === file);
  if (!known)
    throw new CanonError(
      'invalid_input',
      `No ${quote(flags.table)} export as ${quote(format)}: there are ${COMPANY_EXPORT_FILES.map((f) => f.replace('.', ' as ')).join(', ')}.${flags.format ? '' : ' Give --format.'}`,
    );
  if (known.endsWith('.xlsx') && !flags.out)
    throw new CanonError('invalid_input', 'An XLSX workbook is not text: give --out FILE.xlsx to write it.');
  return known;
}

async function exportTable(flags: ExportFlags, io: CliIO): Promise<void> {
  const file = exportFileOf(flags);
  const body = await onStoreOrServer(flags, {
    store: async (canon) => {
      const current = await canon.company.mapping(cliActor(), flags.workspace);
      return companyExport(file, {
        ...current,
        catalog: canon.catalog,
        payBook: canon.payBook,
        company: flags.workspace,
      }).body;
    },
    server: (api) => api.download(`${workspacePath(flags.workspace)}/exports/${file}`),
  });
  if (!flags.out) return io.out(typeof body === 'string' ? body : new TextDecoder().decode(body));
  await writeOutput(flags.out, body);
  const what = file === 'level-guide.md' ? 'level guide' : file.split('.')[0];
  io.err(`Wrote the ${what} of workspace ${quote(flags.workspace)} to ${flags.out}.\n`);
}

const jobLine = (j: CompanyJob) =>
  `line ${j.line}: ${quote(j.title, 50)} (${j.department || 'no department'}, ${j.grade || 'no grade'}) → ${j.match.profile ? j.match.profile.code : 'no profile'}${j.match.level ? ` · ${j.match.level.code}` : ''} · ${j.match.confidence.toFixed(2)}${j.match.review.length ? ` · ${j.match.review.join('; ')}` : ''}`;

async function review(flags: WorkspaceFlags, io: CliIO): Promise<void> {
  const jobs = await onStoreOrServer(flags, {
    store: (canon) => canon.company.reviewQueue(cliActor(), flags.workspace),
    server: (api) => api.get<CompanyJob[]>(`${workspacePath(flags.workspace)}/review-queue`),
  });
  if (flags.json) return io.out(`${JSON.stringify(jobs, null, 2)}\n`);
  if (!jobs.length) return io.out(`Nothing to review in workspace ${quote(flags.workspace)}.\n`);
  io.out(
    `${jobs.length} job${jobs.length === 1 ? '' : 's'} to review in workspace ${quote(flags.workspace)}; decide one with \`canon company decide --workspace ${flags.workspace} --title … --department … --profile CODE\`\n${jobs.map((j) => `  ${jobLine(j)}`).join('\n')}\n`,
  );
}

async function decide(
  flags: WorkspaceFlags & { title: string; department: string; profile: string; note?: string },
  io: CliIO,
): Promise<void> {
  const decision = {
    title: flags.title,
    department: flags.department,
    profileCode: flags.profile,
    ...(flags.note ? { note: flags.note } : {}),
  };
  const jobs = await onStoreOrServer(flags, {
    store: (canon) => canon.company.decide(cliActor(), flags.workspace, decision),
    server: (api) => api.post<CompanyJob[]>(`${workspacePath(flags.workspace)}/decisions`, decision),
  });
  if (flags.json) return io.out(`${JSON.stringify(jobs, null, 2)}\n`);
  io.out(
    `${quote(flags.title)} in ${flags.department ? quote(flags.department) : 'no department'} is ${flags.profile}: kept in the dictionary of workspace ${quote(flags.workspace)}; ${jobs.length} current job${jobs.length === 1 ? '' : 's'} decided.\n`,
  );
}

/** The workspace's grades set by hand and its grade table, as `grades` prints and the API answers. */
export interface GradesDto {
  settings: GradeSetting[];
  gradeTable: GradeCorrelation;
}

async function grades(
  flags: WorkspaceFlags & { set?: string; clear?: string; reason?: string },
  io: CliIO,
): Promise<void> {
  if (flags.set && flags.clear) throw new CanonError('invalid_input', 'Give --set or --clear, not both.');
  const change = flags.set
    ? (() => {
        const [grade, levels] = gradeLevel(flags.set);
        return { grade, levels, reason: flags.reason ?? '' };
      })()
    : flags.clear
      ? { grade: flags.clear, levels: null, reason: flags.reason ?? '' }
      : null;
  const path = `${workspacePath(flags.workspace)}/grades`;
  const answer = await onStoreOrServer(flags, {
    store: async (canon): Promise<GradesDto> => {
      if (change)
        await canon.company.setGrade(cliActor(), flags.workspace, change.grade, change.levels, change.reason);
      const [settings, mapping] = await Promise.all([
        canon.company.gradeSettings(cliActor(), flags.workspace),
        canon.company.mapping(cliActor(), flags.workspace),
      ]);
      return { settings, gradeTable: mapping.correlation };
    },
    server: (api) => (change ? api.put<GradesDto>(path, change) : api.get<GradesDto>(path)),
  });
  if (flags.json) return io.out(`${JSON.stringify(answer, null, 2)}\n`);
  const set = answer.settings.map(
    (g) =>
      `  ${g.grade.padEnd(10)} → ${g.levels.padEnd(12)} ${g.reason} (${g.setBy}, ${g.setAt.slice(0, 10)})`,
  );
  io.out(
    `${['Grades set by hand', ...(set.length ? set : ['  none']), '', ...formatGradeTable(answer.gradeTable)].join('\n')}\n`,
  );
}

async function mapping(flags: WorkspaceFlags, io: CliIO): Promise<void> {
  const current = await onStoreOrServer(flags, {
    store: (canon) => canon.company.mapping(cliActor(), flags.workspace),
    server: (api) => api.get<WorkspaceMapping>(`${workspacePath(flags.workspace)}/mapping`),
  });
  if (flags.json) {
    // A chunk of jobs at a time: a large workspace's would not fit in one string.
    const { jobs, ...rest } = current;
    const head = JSON.stringify(rest, null, 2);
    io.out(`${head.slice(0, -2)},\n  "jobs": [`);
    for (let i = 0; i < jobs.length; i += CHUNK)
      io.out(
        `${i ? ',' : ''}\n${jobs
          .slice(i, i + CHUNK)
          .map((j) => `    ${JSON.stringify(j)}`)
          .join(',\n')}`,
      );
    io.out(`${jobs.length ? '\n  ' : ''}]\n}\n`);
    return;
  }
  const { decided } = current;
  io.out(
    `${[
      `Workspace ${quote(flags.workspace)}: ${current.import ? `import ${current.import.id} (${current.import.file}, ${current.import.createdAt.slice(0, 10)} by ${current.import.createdBy})` : 'nothing imported yet'}`,
      `${current.jobs.length} jobs · decided ${decided.person} by a person · ${decided.dictionary} by the dictionary · ${decided.automatic} automatically`,
      '',
      ...formatGradeTable(current.correlation),
    ].join('\n')}\n`,
  );
}
