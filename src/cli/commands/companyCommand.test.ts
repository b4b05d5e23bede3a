import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NORTHWIND_ANSWERS, NORTHWIND_CSV, northwindXlsx } from '../../company/fixtures/northwindXlsx.js';
import { readCsvRecords } from '../../company/readCsvRecords.js';
import { runCli } from '../../testing/runCli.js';
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
    const client = await PGlite.create(dataDir, {
      loadDataDir: new Blob([await readFile(inject('pgliteTemplate'))]),
    });
    await client.close();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const canon = (...args: string[]) => runCli('company', 'import', ...args, '--data-dir', dataDir);
  const catalogPath = NORTHWIND_CSV.pathname;

  it('says that only the dry run exists, and refuses without it', async () => {
    const { code, err } = await canon(catalogPath);
    expect(code).toBe(EXIT_CODES.invalid_input);
    expect(err).toBe(
      'canon: Storing a company import is not built yet; run with --dry-run to see every match and problem it would store.\n',
    );
    const help = await runCli('company', 'import', '--help');
    expect(help.out.replace(/\s+/g, ' ')).toContain(
      'Only the dry run exists yet: nothing is stored; it prints what an import would store',
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
      /^Dry run: nothing is stored \(storing a company import comes later\); this is what an import would store\.\n/,
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
