import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NORTHWIND_ANSWERS, NORTHWIND_CSV, northwindXlsx } from '../../company/fixtures/northwindXlsx.js';
import { readCsvRecords } from '../../company/readCsvRecords.js';
import { readXlsxSheets } from '../../company/readXlsxSheets.js';
import { startsLikeFormula } from '../../core/toCsv.js';
import { openStore } from '../../store/openStore.js';
import { workspaces } from '../../store/schema.js';
import { runCli } from '../../testing/runCli.js';
import { openedDataDir } from '../../testing/testStore.js';
import { EXIT_CODES } from '../exitCodes.js';

interface Json {
  summary: { lines: number; read: number; problems: number };
  columns: { role: string; header: string | null }[];
  notes: string[];
  gradeTable: {
    ladders: { name: string; grades: string[] }[];
    grades: { grade: string; low: number; high: number; levels: string[]; basis: string }[];
  };
  matches: {
    line: number;
    title: string;
    status: string;
    function: { name: string } | null;
    level: { code: string } | null;
  }[];
}

/** "Finance & Accounting" → "finance-and-accounting", the key the answers file names functions by. */
const keyOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');

describe('canon company import', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'canon-company-cli-'));
    dataDir = join(dir, 'store');
    await openedDataDir(dataDir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const canon = (...args: string[]) => runCli('company', 'import', ...args, '--data-dir', dataDir);
  const catalogPath = NORTHWIND_CSV.pathname;

  it('asks for a workspace to store into, or --dry-run', async () => {
    const { code, err } = await canon(catalogPath);
    expect(code).toBe(EXIT_CODES.invalid_input);
    expect(err).toBe(
      'canon: Give --workspace ID to store the import in a workspace, or --dry-run to see every match and problem without storing anything.\n',
    );
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const big = join(dir, 'big.csv');
    const handle = await open(big, 'w');
    await handle.truncate(50 * 1024 * 1024 + 1);
    await handle.close();
    const { code, err } = await canon(big, '--dry-run');
    expect(code).toBe(EXIT_CODES.too_large);
    expect(err).toBe(
      'canon: big.csv is 50.0 MB; Canon reads catalogs of up to 50 MB. Split the file, or leave out columns Canon does not use.\n',
    );
  });

  it('shows its progress on stderr through a long import', async () => {
    const [banner, header, ...rows] = (await readFile(NORTHWIND_CSV, 'utf8')).trimEnd().split('\n');
    const long = join(dir, 'long.csv');
    // A few jobs over many rows: long to match row by row, quick to resolve.
    const lines = [header, ...Array.from({ length: 3000 }, (_, i) => rows[i % 4])];
    await writeFile(long, `${banner}\n${lines.join('\n')}\n`);
    const { code, err } = await canon(long, '--dry-run');
    expect(code).toBe(0);
    // Off a terminal, a line a stage; on one, a bar (cli/progressReporter.ts).
    expect(err).toBe('… reading the file\n… matching titles\n');
    // Run alone (-t), this is the file's first run to open the store and build the resolver.
  }, 180_000);

  describe('a dry run of the Northwind catalog', () => {
    let json: Json;
    let out: string[][];
    beforeAll(async () => {
      const mapping = join(dir, 'mapping.csv');
      const run = await canon(catalogPath, '--dry-run', '--json', '--out', mapping);
      expect(run.code).toBe(0);
      json = JSON.parse(run.out) as Json;
      out = readCsvRecords(await readFile(mapping, 'utf8')).records.map((r) => r.cells);
    });

    it('accounts for every line after the header, in the summary and in --out', async () => {
      const { summary } = json;
      const catalogLines = readCsvRecords(await readFile(NORTHWIND_CSV, 'utf8')).records.length;
      // The catalog's records less its banner and header.
      expect(summary.lines).toBe(catalogLines - 2);
      expect(summary.read + summary.problems).toBe(summary.lines);
      expect(out).toHaveLength(summary.lines + 1);
    });

    it('neutralises formula-looking cells in --out', () => {
      const cells = out.flat();
      expect(cells.filter((c) => /^[=+@]/.test(c) || /^-[^\d]/.test(c))).toEqual([]);
      expect(cells).toContain('\'=HYPERLINK("https://hr.northwind.example/jobs/DE-4471","Data Engineer")');
      expect(cells).toContain("'=64000*1.03");
    });

    it('gives a grade table that is monotonic along every ladder', () => {
      const { ladders, grades } = json.gradeTable;
      expect(ladders.map((l) => l.name)).toEqual(['L', 'G', 'Band']);
      for (const ladder of ladders) {
        const along = ladder.grades.map((g) => grades.find((x) => x.grade === g));
        for (let i = 1; i < along.length; i++) {
          expect(along[i]?.low).toBeGreaterThanOrEqual(along[i - 1]?.low ?? 0);
          expect(along[i]?.high).toBeGreaterThanOrEqual(along[i - 1]?.high ?? 0);
        }
      }
    });

    // These expectations were written from the fixture's intent before the matcher first ran: the
    // titles are the catalog's plainest, and their function and level are read from
    // northwind-answers.csv, which writeNorthwind.ts wrote with the catalog from its job table.
    it.each([
      'Software Engineer II',
      'Senior Software Engineer',
      'Engineering Manager',
      'Senior Accountant',
      'Staff Accountant',
      'Recruiter',
      'Forklift Operator',
      'Picker/Packer',
      'Marketing Manager',
      'Paralegal',
      'Director of Distribution',
      'Chief Executive Officer',
    ])('matches every %j row to its intended function and level', async (title) => {
      const [, ...answers] = readCsvRecords(await readFile(NORTHWIND_ANSWERS, 'utf8')).records;
      const intent = new Map(
        answers.map((a) => [Number(a.cells[0]), { fn: a.cells[1] ?? '', level: a.cells[2] ?? '' }]),
      );
      const rows = json.matches.filter((m) => m.title === title);
      expect(rows.length).toBeGreaterThan(0);
      for (const m of rows) {
        const want = intent.get(m.line);
        expect([m.line, keyOf(m.function?.name ?? ''), m.level?.code]).toEqual([
          m.line,
          want?.fn,
          want?.level,
        ]);
      }
    });
  });

  it('prints the dry run as text, and takes a grade set by hand', async () => {
    const { code, out } = await canon(catalogPath, '--dry-run', '--grade-level', 'G7=P5');
    expect(code).toBe(0);
    expect(out).toMatch(
      /^Dry run: nothing is stored \(give --workspace ID to store it\); this is what an import would store\.\n/,
    );
    expect(out).toContain(
      '\nColumns\n  title        header "Business Title" is a usual name for the job title',
    );
    expect(out).toMatch(/\nRows: \d+ lines after the header: \d+ read, 3 not \(every one accounted for\)\n/);
    expect(out).toMatch(/\n {2}ladder G, counts up: [^\n]+\n {4}G3 +→ /);
    expect(out).toMatch(/\n {4}G7 +→ P5\/M3 +Set by hand to P5 \(/);
  });

  it('refuses grades set by hand that break the order', async () => {
    const { code, err } = await canon(
      catalogPath,
      '--dry-run',
      '--grade-level',
      'G6=P5',
      '--grade-level',
      'G7=P4',
    );
    expect(code).toBe(EXIT_CODES.invalid_input);
    expect(err).toMatch(
      /\ncanon: "G7" is set to P4 but "G6", a lower grade, to P5: a higher grade never corresponds to a lower level\.\n$/,
    );
  });

  describe('into a workspace', () => {
    const at = (...args: string[]) => runCli('company', ...args, '--data-dir', dataDir);
    beforeAll(async () => {
      const store = await openStore({ kind: 'pglite', dataDir });
      await store.db.insert(workspaces).values({ id: 'acme', name: 'Acme', createdBy: 'cli:test' });
      await store.close();
    });

    it('refuses a workspace that does not exist, quoting it', async () => {
      const { code, err } = await at('import', catalogPath, '--workspace', 'initech');
      expect([code, err]).toEqual([EXIT_CODES.not_found, 'canon: No workspace "initech".\n']);
    });

    it('stores the import after its dry run, then stores nothing for the same file again', async () => {
      const first = await at('import', catalogPath, '--workspace', 'acme');
      expect(first.code).toBe(0);
      expect(first.out).toMatch(/^Import: what was read and matched\.\n/);
      expect(first.out).toMatch(/\nDecided: 0 by a person · 0 by the dictionary · \d+ automatically\n/);
      expect(first.out).toMatch(/\nAgainst the workspace's jobs: \d+ added · 0 removed · 0 changed\n/);
      expect(first.out).toMatch(/\nStored as import \d+ of workspace "acme"\.\n$/);
      const again = await at('import', catalogPath, '--workspace', 'acme');
      expect(again.out).toMatch(
        /\nAgainst the workspace's jobs: unchanged\n\nNothing stored: the workspace holds this file already \(import \d+\)\.\n$/,
      );
    });

    it('lists the review queue, takes a decision, and counts it on the mapping', async () => {
      const queue = await at('review', '--workspace', 'acme', '--json');
      const jobs = JSON.parse(queue.out) as {
        title: string;
        department: string;
        match: { profile: { code: string } | null };
      }[];
      const job = jobs[0];
      if (!job) throw new Error('nothing to review');
      const text = await at('review', '--workspace', 'acme');
      expect(text.out).toMatch(new RegExp(`^${jobs.length} jobs? to review in workspace "acme"`));
      const mapping = JSON.parse((await at('mapping', '--workspace', 'acme', '--json')).out) as {
        jobs: { match: { profile: { code: string } | null } }[];
      };
      const code = mapping.jobs.find((j) => j.match.profile)?.match.profile?.code ?? '';
      const decided = await at(
        'decide',
        '--workspace',
        'acme',
        '--title',
        job.title,
        '--department',
        job.department,
        '--profile',
        code,
        '--note',
        'checked',
      );
      expect(decided.code).toBe(0);
      expect(decided.out).toMatch(/ current jobs? decided\.\n$/);
      const after = await at('mapping', '--workspace', 'acme');
      expect(after.out).toMatch(
        /\n\d+ jobs · decided [1-9]\d* by a person · 0 by the dictionary · \d+ automatically\n/,
      );
      const bad = await at('decide', '--workspace', 'acme', '--title', job.title, '--profile', 'NOPE.X.P9');
      expect(bad.code).toBe(EXIT_CODES.invalid_input);
      expect(bad.err).toContain('No profile "NOPE.X.P9"');
    }, 240_000);

    it('sets a grade by hand, and refuses one that breaks the order or lacks a reason', async () => {
      const set = await at(
        'grades',
        '--workspace',
        'acme',
        '--set',
        'L5=P4',
        '--reason',
        'agreed with reward',
      );
      expect(set.code).toBe(0);
      expect(set.out).toMatch(/^Grades set by hand\n {2}L5 +→ P4 +agreed with reward \(cli:/);
      expect(set.out).toMatch(/\n {4}L5 +→ P4 +Set by hand to P4/);
      const broken = await at('grades', '--workspace', 'acme', '--set', 'L3=P6', '--reason', 'x');
      expect([broken.code, broken.err]).toEqual([
        EXIT_CODES.invalid_input,
        'canon: "L5" is set to P4 but "L3", a lower grade, to P6: a higher grade never corresponds to a lower level.\n',
      ]);
      const reasonless = await at('grades', '--workspace', 'acme', '--set', 'L4=P3');
      expect(reasonless.err).toBe(
        'canon: Say why "L4" corresponds to "P3": a grade set by hand carries its reason.\n',
      );
    });

    it('exports the mapping, the matrix and the level guide, neutralising formula cells', async () => {
      const mapping = JSON.parse((await at('mapping', '--workspace', 'acme', '--json')).out) as {
        jobs: { title: string }[];
      };
      const csvPath = join(dir, 'mapping.csv');
      const csv = await at('export', '--workspace', 'acme', '--table', 'mapping', '-o', csvPath);
      expect([csv.code, csv.err]).toEqual([0, `Wrote the mapping of workspace "acme" to ${csvPath}.\n`]);
      const records = readCsvRecords(await readFile(csvPath, 'utf8')).records.map((r) => r.cells);
      expect(records[0]?.slice(0, 3)).toEqual(['line', 'job_code', 'title']);
      const titles = records.slice(1).map((r) => r[2]);
      expect(titles).toEqual(mapping.jobs.map((j) => (startsLikeFormula(j.title) ? `'${j.title}` : j.title)));
      expect(titles.some((t) => t?.startsWith("'="))).toBe(true);

      const json = await at('export', '--workspace', 'acme', '--table', 'matrix', '--format', 'json');
      const cells = JSON.parse(json.out) as { function: string; level: string; jobs: number }[];
      expect(cells.reduce((n, c) => n + c.jobs, 0)).toBe(mapping.jobs.length);

      const xlsxPath = join(dir, 'matrix.xlsx');
      expect((await at('export', '--workspace', 'acme', '--table', 'matrix', '-o', xlsxPath)).code).toBe(0);
      const sheets = await readXlsxSheets(await readFile(xlsxPath), 'matrix.xlsx');
      expect(sheets[0]?.rows[0]?.cells.slice(0, 3)).toEqual(['function', 'focus', 'level']);

      const guide = await at('export', '--workspace', 'acme', '--table', 'level-guide');
      expect(guide.out).toMatch(/^# Level guide: acme\n\n/);
      expect(guide.out).toMatch(/\n## Grade L5 — P4\n/);

      const textless = await at('export', '--workspace', 'acme', '--table', 'mapping', '--format', 'xlsx');
      expect([textless.code, textless.err]).toEqual([
        EXIT_CODES.invalid_input,
        'canon: An XLSX workbook is not text: give --out FILE.xlsx to write it.\n',
      ]);
      const unknown = await at('export', '--workspace', 'acme', '--table', 'level-guide', '--format', 'csv');
      expect(unknown.code).toBe(EXIT_CODES.invalid_input);
      expect(unknown.err).toMatch(/^canon: No "level-guide" export as "csv": there are mapping as csv, /);
    }, 240_000);
  });

  it('reads a named sheet of a workbook, with columns given by hand', async () => {
    const xlsx = join(dir, 'northwind.xlsx');
    await writeFile(xlsx, northwindXlsx(80, 120).bytes);
    const { code, out } = await canon(
      xlsx,
      '--dry-run',
      '--json',
      '--sheet',
      'Jobs',
      '--map',
      'department=Organisation Cost Center,location=',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    expect(json.notes[0]).toBe(
      'XLSX, sheet "Jobs": named with --sheet; also in the workbook: "About", "Lookups"',
    );
    expect(json.columns.filter((c) => ['department', 'location'].includes(c.role))).toMatchObject([
      { role: 'department', header: 'Organisation Cost Center' },
      { role: 'location', header: null },
    ]);
  });
});
