import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../core/catalog.js';
import { OUTPUT_COLUMNS } from '../../resolve/codeTitleBatch.js';
import { OccupationIndex } from '../../resolve/occupationIndex.js';
import { TitleResolver } from '../../resolve/titleResolver.js';
import {
  fixtureFocus,
  LANDING_OCCUPATIONS,
  landingTaxonomy,
  SUPPORT_FOCUS,
} from '../../testing/landingFixture.js';
import { runCli } from '../../testing/runCli.js';
import { openedDataDir } from '../../testing/testStore.js';
import { EXIT_CODES } from '../exitCodes.js';
import { formatResolution } from './resolveCommand.js';

describe('formatResolution', () => {
  let resolver: TitleResolver;
  beforeAll(async () => {
    resolver = new TitleResolver(
      new OccupationIndex(LANDING_OCCUPATIONS),
      new Catalog(await landingTaxonomy()),
    );
  });
  const electricians = fixtureFocus(SUPPORT_FOCUS);
  const text = (title: string) => formatResolution(resolver.resolve({ title }));

  it('shows the support-track level and the profile a title lands on, with why', () => {
    const out = text('Senior Electrician');
    expect(out).toContain('  level: S3 Skilled Support · seniority: senior · specialty: electrician\n');
    expect(out).toContain(`  lands on: CONSTR.${electricians.code}.S3 (Electricians, S3 Skilled Support)\n`);
    expect(out).toContain('    “senior” reads as S3 Skilled Support on the support track.\n');
  });

  it('says which role of a title joining roles decided its level', () => {
    expect(text('IT Manager and Tech Director')).toContain(
      '  level: M4 Director · seniority: manager, director · specialty: information technology tech\n    The title joins “manager” (M2) and “director” (M4); the most senior, “director”, decides.\n',
    );
  });

  it('says when the profile is at the nearest level the focus offers', () => {
    expect(text('Electrician Manager')).toMatch(
      /level: M2 Manager .*\n {2}lands on: CONSTR\.\w+\.M1 \(Electricians, M1 Supervisor \/ Team Lead, the nearest level\)/,
    );
  });

  it('shows the level of a title no occupation matches', () => {
    expect(text('Senior Offering Manager')).toBe(
      [
        'Senior Offering Manager — unresolved · needs review: no candidate',
        '  level: M3 Senior Manager · seniority: senior, manager · specialty: offering',
        '  lands on: no built-in profile',
        '  no occupation matched',
        '',
      ].join('\n'),
    );
  });
});

describe('canon resolve', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'canon-resolve-cli-'));
    dataDir = join(dir, 'store');
    await openedDataDir(dataDir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const canon = (...args: string[]) => runCli(...args, '--data-dir', dataDir);

  it('prints the level and the landing, as text and as the JSON the API answers', async () => {
    const offering = await canon('resolve', 'Senior Offering Manager');
    expect(offering.code).toBe(0);
    expect(offering.out).toContain('level: M3 Senior Manager');
    const vp = await canon('resolve', 'VP of Engineering', '--json');
    expect(JSON.parse(vp.out)).toMatchObject({
      level: { code: 'M6' },
      landing: { profile: { code: 'TECHNO.TECHNOLO6B55.M6' } },
    });
  });

  it.each([
    ['Registered Nurse', 'Nursing', 'P2'],
    ['Welder', 'Welding, Soldering, and Brazing Workers', 'S2'],
    ['Lead Welder', 'Welding, Soldering, and Brazing Workers', 'S4'],
    ['Cashier', 'Cashiers', 'S2'],
    ['Staff Accountant', 'Accountants and Auditors', 'P2'],
    ['Chief Financial Officer', 'Chief Executives', 'E3'],
    ['Line Cook', 'Cooks', 'S2'],
    ['Nursing Assistant', 'Nursing', 'S2'],
  ])('lands %j on the built-in whole-world taxonomy, with no import: %s, %s', async (title, focus, level) => {
    const { code, out } = await canon('resolve', title, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      status: 'resolved',
      landing: { focus: { name: focus }, level: { code: level } },
    });
  });

  it('refuses a title over the limit with exit code 2, quoting it', async () => {
    const { code, err } = await canon('resolve', `Z${'z'.repeat(300)}`);
    expect(code).toBe(EXIT_CODES.invalid_input);
    expect(err).toMatch(/A title may have at most 300 characters; "Zz{79}…" has 301\./);
  });

  it('fills the level column in bulk for every row that reads, matched or not', async () => {
    const input = join(dir, 'in.csv');
    const output = join(dir, 'out.csv');
    await writeFile(input, 'job_title\nSenior Offering Manager\n高级软件工程师\nCTO\n');
    const { code } = await canon('resolve', '--in', input, '--column', 'job_title', '--out', output);
    expect(code).toBe(0);
    const rows = (await readFile(output, 'utf8')).trimEnd().split('\r\n');
    const header = rows[0]?.split(',') ?? [];
    const cell = (row: number, column: string) => rows[row]?.split(',')[header.indexOf(column)];
    expect([1, 2, 3].map((row) => cell(row, 'canon_level'))).toEqual(['M3', 'P2', 'E3']);
    expect(cell(1, 'canon_error')).toBe('unresolved');
    expect(cell(3, 'canon_profile')).toBe('TECHNO.TECHNOLO6B55.M6');
  });

  const bulk = async (name: string, content: string | Buffer, ...args: string[]) => {
    const input = join(dir, `${name}.csv`);
    const output = join(dir, `${name}.out.csv`);
    await writeFile(input, content);
    const run = await canon('resolve', '--in', input, '--column', 'job_title', '--out', output, ...args);
    const written = await readFile(output, 'utf8').catch(() => null);
    return { ...run, input, output, rows: written === null ? null : (parse(written) as string[][]) };
  };

  it('codes the same file alike in threads and in this thread, rows in input order', async () => {
    const titles = ['Registered Nurse', 'Welder', 'Lead Welder', 'CTO', 'Cashier', 'Zorblax Wrangler'];
    const csv = `id,job_title,employer\n${Array.from({ length: 60 }, (_, i) => `${i},${titles[i % titles.length]},Acme ${i % 4}`).join('\n')}\n`;
    const one = await bulk('threads-1', csv, '--employer-column', 'employer', '--threads', '1');
    const two = await bulk('threads-2', csv, '--employer-column', 'employer', '--threads', '2');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.rows).toEqual(one.rows);
    expect(two.rows?.map((row) => row[0])).toEqual([
      'id',
      ...Array.from({ length: 60 }, (_, i) => String(i)),
    ]);
  });

  it('answers every awkward title or says why not, on its line, dropping none', async () => {
    const titles = [
      '',
      '   ',
      `Senior ${'Data '.repeat(57)}Engineer`.slice(0, 300),
      'Z'.repeat(301),
      '🚀 Rocket Engineer 🚀',
      'مهندس برمجيات',
      'Software\u0007Engineer\u0001',
      'Senior ソフトウェア Engineer',
    ];
    const csv = `id,job_title\n${titles.map((t, i) => `${i},"${t}"`).join('\n')}\n`;
    const { code, err, rows } = await bulk('awkward', csv);
    expect(code).toBe(0);
    expect(rows?.slice(1).map((row) => row[1])).toEqual(titles);
    const error = (row: string[] | undefined) => row?.[2 + OUTPUT_COLUMNS.indexOf('canon_error')];
    const level = (row: string[] | undefined) => row?.[2 + OUTPUT_COLUMNS.indexOf('canon_level')];
    expect(error(rows?.[1])).toMatch(/A title is required/);
    expect(error(rows?.[2])).toMatch(/A title is required/);
    expect(level(rows?.[3])).toBe('P3');
    expect(error(rows?.[4])).toMatch(/at most 300 characters/);
    for (const row of rows?.slice(5) ?? []) expect(level(row)).toMatch(/^[PMES]\d$/);
    expect(err).toMatch(/awkward\.csv:2: A title is required/);
    expect(err).toMatch(/awkward\.csv:3: A title is required/);
    expect(err).toMatch(/awkward\.csv:5: A title may have at most 300 characters/);
    expect(err).toContain('3 rows could not be resolved');
  });

  it('refuses a file that is not UTF-8, or has a row of the wrong width, naming the line and writing nothing', async () => {
    const latin1 = await bulk('latin1', Buffer.from('job_title\nNurse\nIngénieur\n', 'latin1'));
    expect(latin1.code).toBe(EXIT_CODES.invalid_input);
    expect(latin1.err).toMatch(/latin1\.csv:3: the file is not UTF-8 text/);
    expect(latin1.rows).toBeNull();
    const ragged = await bulk('ragged', 'id,job_title\n1,Nurse\n2,Welder,Acme\n');
    expect(ragged.code).toBe(EXIT_CODES.invalid_input);
    expect(ragged.err).toMatch(/ragged\.csv:3: the row has 3 cells; the header has 2/);
    expect(ragged.rows).toBeNull();
    await expect(access(`${ragged.output}.partial-${process.pid}`)).rejects.toThrow();
    const missing = await bulk('missing', 'id,title\n1,Nurse\n');
    expect(missing.code).toBe(EXIT_CODES.invalid_input);
    expect(missing.err).toMatch(/has no column "job_title"; its columns are "id", "title"/);
  });

  it('reports cells that start like a formula by line, and writes them neutralised', async () => {
    const { code, err, rows } = await bulk('formulas', 'id,job_title\n=1+1,Nurse\n2,@SUM(A1)\n3,-Welder\n');
    expect(code).toBe(0);
    expect(err).toMatch(/formulas\.csv:2: "id" starts like a formula/);
    expect(err).toMatch(/formulas\.csv:3: "job_title" starts like a formula/);
    expect(err).toMatch(/formulas\.csv:4: "job_title" starts like a formula/);
    expect(rows?.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ["'=1+1", 'Nurse'],
      ['2', "'@SUM(A1)"],
      ['3', "'-Welder"],
    ]);
    const written = (rows ?? []).flat();
    expect(written.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });
});
