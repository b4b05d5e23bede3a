import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadBuiltinTaxonomy } from '../builtin/loadBuiltinTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { lockDataDir } from '../store/dataDirLock.js';
import { resultIds, titleCsv } from '../testing/bulkJobFixture.js';
import { docxBomb, docxWithParts } from '../testing/docxFixture.js';
import { OBJECT_MEMBER_WORDS } from '../testing/objectMemberWords.js';
import { onetBombZip, onetFixtureZip, writeOnetFixture } from '../testing/onetFixture.js';
import { runCli } from '../testing/runCli.js';
import { openedDataDir } from '../testing/testStore.js';
import { EXIT_CODES } from './exitCodes.js';
import { COMMANDS } from './run.js';

let dir: string;
let dataDir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-cli-'));
  dataDir = join(dir, 'store');
  // An on-disk store cloned from the test template, so commands reopen it (~1 s) instead of running initdb.
  await openedDataDir(dataDir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const canon = runCli;

/** canon resolve in bulk over a CSV's job_title column. */
const resolveJobTitles = (input: string, output: string) =>
  canon('resolve', '--in', input, '--column', 'job_title', '--out', output, '--data-dir', dataDir);

/** A proposal file that adds one responsibility citing one source. */
async function addingResponsibility(name: string, text: string, source: string, note?: string) {
  const file = join(dir, name);
  const lines = [
    'add:',
    '  responsibilities:',
    `    - text: ${JSON.stringify(text)}`,
    `      sources: [${source}]`,
  ];
  await writeFile(file, [...(note ? [`note: ${note}`] : []), ...lines].join('\n'));
  return file;
}

describe('canon CLI', () => {
  it('shows a profile as text', async () => {
    const { code, out } = await canon('show', 'TECHNO.TECHNOLO6B55.M3', '--data-dir', dataDir);
    expect(code).toBe(0);
    expect(out).toContain('Technology Executive Leadership — M3');
    expect(out).toContain('Market pay (median): $120k ($95k–$153k)');
    expect(out).toContain('O*NET / SOC 11-3021');
  });

  it('shows a profile as the API JSON', async () => {
    const { code, out } = await canon('show', 'TECHNO.TECHNOLO6B55.M6', '--json', '--data-dir', dataDir);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      code: 'TECHNO.TECHNOLO6B55.M6',
      level: { title: 'Vice President' },
    });
  });

  it('exports JSON with a top-level profiles array to a file', async () => {
    const file = join(dir, 'profiles.json');
    const { code, err } = await canon('export', '--format', 'json', '--out', file, '--data-dir', dataDir);
    expect(code).toBe(0);
    const builtin = await loadBuiltinTaxonomy(join(PROJECT_ROOT, 'data'));
    expect(err).toContain(`Exported ${builtin.taxonomy.profiles.length} profiles`);
    const body = JSON.parse(await readFile(file, 'utf8'));
    expect(body.profiles.map((p: { code: string }) => p.code)).toContain('TECHNO.TECHNOLO6B55.M3');
  });

  it('exports CSV with a header and one row per profile', async () => {
    const { code, out } = await canon('export', '-f', 'csv', '--data-dir', dataDir);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^code,title,function,focus,level,/);
    const builtin = await loadBuiltinTaxonomy(join(PROJECT_ROOT, 'data'));
    expect(lines).toHaveLength(builtin.taxonomy.profiles.length + 1);
    expect(out).toContain('TECHNO.TECHNOLO6B55.M3,Technology Executive Leadership — M3');
  });

  it('prints the level framework', async () => {
    const { code, out } = await canon('levels', '--track', 'm');
    expect(code).toBe(0);
    expect(out.split('\n').filter(Boolean)).toHaveLength(7);
    expect(out).toMatch(/M3\s+5\s+Senior Manager\s+8–12 yrs/);
    expect(JSON.parse((await canon('levels', '--json')).out).items).toHaveLength(19);
  });

  it.each([
    [
      ['show', 'TECHNO.TECHNOLO6B55.P1', '--data-dir'],
      EXIT_CODES.not_found,
      /No profile with code "TECHNO.TECHNOLO6B55.P1"/,
    ],
    [['show', 'nonsense', '--data-dir'], EXIT_CODES.invalid_input, /expected FUNCTION.FOCUS.LEVEL/],
    [
      ['export', '--format', 'xml', '--data-dir'],
      EXIT_CODES.invalid_input,
      /--format must be json or csv; got "xml"/,
    ],
  ])('fails %j with one line and exit code %i', async (args, exit, message) => {
    const { code, err } = await canon(...args, dataDir);
    expect(code).toBe(exit);
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });

  it.each([
    [['levels', '--track', 'Z'], /--track must be S, P, M, E; got "Z"/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['show'], /missing required argument 'code'/],
    [['serve', '--port', 'eighty'], /expected a whole number/],
    [['export'], /required option '-f, --format <format>' not specified/],
    [['audit', '--limit', '0'], /argument '0' is invalid\. expected a whole number from 1/],
    [['diff', 'X', '1', 'nope'], /'nope' is invalid for argument 'to'/],
  ])('rejects bad usage %j with exit code 2', async (args, message) => {
    const { code, err } = await canon(...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('loads, for each name it runs a command by, the module that adds exactly that command', async () => {
    const io = { out: () => {}, err: () => {} };
    for (const [name, load] of COMMANDS) {
      const parent = new Command('canon');
      (await load())(parent, io);
      expect({ name, added: parent.commands.map((c) => c.name()) }).toEqual({ name, added: [name] });
    }
  });

  it('lists every command in --help, whichever module adds it', async () => {
    const { code, out } = await canon('--help');
    expect(code).toBe(0);
    const listed = [...(out.split('Commands:')[1] ?? '').matchAll(/^ {2}([a-z][a-z-]*)\b/gm)]
      .map((m) => m[1])
      .filter((n) => n !== 'help');
    expect(listed).toEqual(COMMANDS.map(([name]) => name));
  });

  it('has help for every command', async () => {
    for (const command of [
      [],
      ['serve'],
      ['worker'],
      ['jobs'],
      ['jobs', 'submit'],
      ['jobs', 'status'],
      ['jobs', 'result'],
      ['show'],
      ['export'],
      ['levels'],
      ['progression'],
      ['jd'],
      ['resolve'],
      ['review'],
      ['build'],
      ['release-diff'],
      ['import'],
      ['import', 'onet'],
      ['import', 'pay'],
      ['pay'],
      ['ingest'],
      ['propose'],
      ['submit'],
      ['approve'],
      ['retire'],
      ['history'],
      ['diff'],
      ['queue'],
      ['keys'],
      ['keys', 'create'],
      ['keys', 'list'],
      ['keys', 'revoke'],
      ['audit'],
    ]) {
      const { code, out } = await canon(...command, '--help');
      expect(code).toBe(0);
      // The command's own usage line: `canon <unknown> --help` prints the top-level help, exit 0.
      expect(out).toContain(`Usage: ${['canon', ...command].join(' ')} [`);
    }
  });

  it.each([
    ['into a missing folder', () => join(dir, 'missing-folder', 'x.json')],
    ['over a folder', () => dir],
  ])('leaves no file behind when an export cannot be written %s', async (_name, target) => {
    const before = await readdir(dir);
    const { code, err } = await canon('export', '-f', 'json', '--out', target(), '--data-dir', dataDir);
    expect(code).toBe(EXIT_CODES.invalid_input);
    expect(err).toMatch(/Cannot write/);
    expect(await readdir(dir)).toEqual(before);
  });

  it('refuses to run a worker without PostgreSQL, pointing at canon serve', async () => {
    vi.stubEnv('DATABASE_URL', '');
    try {
      const { code, err } = await canon('worker', '--concurrency', '2');
      expect(code).toBe(EXIT_CODES.invalid_input);
      expect(err).toMatch(
        /^canon: canon worker takes chunks from the job queue on PostgreSQL: set DATABASE_URL\. On the embedded store, `canon serve` codes bulk jobs itself\.\n$/,
      );
      expect((await canon('worker', '--concurrency', '0')).err).toMatch(/expected a whole number from 1/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('submits a bulk job, follows it to the end with --wait, and writes its result', async () => {
    const input = join(dir, 'staff.csv');
    await writeFile(input, titleCsv(12_000));
    const submitted = await canon(
      ...['jobs', 'submit', input, '--column', 'job_title', '--employer-column', 'employer'],
      ...['--wait', '--data-dir', dataDir],
    );
    expect(submitted.code).toBe(0);
    expect(submitted.err).toMatch(/: 12,000 rows in 2 chunks, queued\./);
    expect(submitted.err).toMatch(
      /\(staff\.csv, column "job_title"\): done, 12,000 of 12,000 rows \(100%\), 2 of 2 chunks/,
    );
    const id = submitted.out.trim();
    const status = await canon('jobs', 'status', id, '--json', '--data-dir', dataDir);
    expect(JSON.parse(status.out)).toMatchObject({ id, status: 'done', rowsDone: 12_000, problemsTotal: 0 });
    const output = join(dir, 'staff.coded.csv');
    expect((await canon('jobs', 'result', id, '--out', output, '--data-dir', dataDir)).code).toBe(0);
    expect(resultIds(await readFile(output, 'utf8'))).toEqual(
      Array.from({ length: 12_000 }, (_, i) => i + 1),
    );

    await writeFile(input, 'id,job_title\n1,Nurse\n2,Nurse,x\n');
    const ragged = await canon('jobs', 'submit', input, '--column', 'job_title', '--data-dir', dataDir);
    expect(ragged.code).toBe(EXIT_CODES.invalid_input);
    expect(ragged.err).toMatch(/^canon: staff\.csv:3: the row has 3 cells; the header has 2/);
    expect((await canon('jobs', 'result', 'job-none', '--data-dir', dataDir)).code).toBe(
      EXIT_CODES.not_found,
    );
  });

  it('refuses a data folder that a running Canon holds (and serves no API), with exit code 5', async () => {
    const unlock = await lockDataDir(dataDir);
    try {
      const { code, err } = await canon('history', 'TECHNO.TECHNOLO6B55.M3', '--data-dir', dataDir);
      expect(code).toBe(EXIT_CODES.store_unavailable);
      expect(err).toMatch(/in use by another Canon process/);
    } finally {
      await unlock();
    }
  });

  it('prints a progression guide', async () => {
    const { code, out } = await canon(
      'progression',
      'TECHNO.TECHNOLO6B55.M3',
      'TECHNO.TECHNOLO6B55.M4',
      '--data-dir',
      dataDir,
    );
    expect(code).toBe(0);
    expect(out).toContain('Typical time: 3–5+ years');
    const across = await canon(
      'progression',
      'TECHNO.TECHNOLO6B55.M3',
      'TECHNO.ENGINEER9222.M3',
      '--data-dir',
      dataDir,
    );
    expect(across.code).toBe(EXIT_CODES.invalid_input);
  });

  it('writes a job description as Markdown and as HTML', async () => {
    const md = await canon('jd', 'TECHNO.TECHNOLO6B55.M3', '--format', 'md', '--data-dir', dataDir);
    expect(md.out).toMatch(/^# Technology Executive Leadership — Senior Manager \(M3\)/);
    const file = join(dir, 'jd.html');
    const html = await canon(
      'jd',
      'TECHNO.TECHNOLO6B55.M3',
      '-f',
      'html',
      '--out',
      file,
      '--data-dir',
      dataDir,
    );
    expect(html.code).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/<!doctype html>.*Core responsibilities/s);
    expect((await canon('jd', 'TECHNO.TECHNOLO6B55.M3', '-f', 'pdf', '--data-dir', dataDir)).code).toBe(
      EXIT_CODES.invalid_input,
    );
  });

  it('escapes HTML and links a statement carries in the Markdown job description', async () => {
    const code = 'TECHNO.TECHNOLO6B55.M4';
    const file = await addingResponsibility(
      'hostile.yaml',
      'Owns the cloud budget <img src=x onerror=alert(1)> for 3–5 teams and reports spend to the [CTO](javascript:alert(1)) each quarter.',
      'canon-profile-m3',
    );
    expect((await canon('propose', code, '--file', file, '--submit', '--data-dir', dataDir)).code).toBe(0);
    expect((await canon('approve', code, '--data-dir', dataDir)).code).toBe(0);
    const md = await canon('jd', code, '--format', 'md', '--data-dir', dataDir);
    expect(md.out).toContain(
      '- Owns the cloud budget &lt;img src=x onerror=alert(1)&gt; for 3–5 teams and reports spend to the \\[CTO\\](javascript:alert(1)) each quarter.',
    );
    expect(md.out).not.toContain('<img');
  });

  it('imports an O*NET release, then resolves with it', async () => {
    const folder = await writeOnetFixture(join(dir, 'onet'));
    const imported = await canon('import', 'onet', folder, '--data-dir', dataDir);
    expect(imported.code).toBe(0);
    expect(imported.err).toMatch(/Imported O\*NET from .*: 3 occupations/);
    const { code, out } = await canon('resolve', 'Senior Software Engineer', '--json', '--data-dir', dataDir);
    expect(code).toBe(0);
    expect(JSON.parse(out).candidates[0]).toMatchObject({ soc: { code: '15-1252' }, level: { code: 'P3' } });
  });

  it('downloads a release only when asked, from the address given', async () => {
    const server = createServer((_req, res) => res.end(Buffer.from(onetFixtureZip())));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/db.zip`;
      const { code, err } = await canon('import', 'onet', '--download', '--url', url, '--data-dir', dataDir);
      expect(code).toBe(0);
      expect(err).toMatch(/Downloading http:\/\/127\.0\.0\.1/);
    } finally {
      server.close();
    }
    expect((await canon('import', 'onet', '--data-dir', dataDir)).code).toBe(EXIT_CODES.invalid_input);
  });

  it.each([
    [
      'a DOCX zip bomb',
      () => docxBomb(1024),
      /^canon: "bomb\.docx" is too large once unzipped: .*more than 20 MB/,
    ],
    ['a DOCX of too many parts', () => docxWithParts(1_000), /^canon: "bomb\.docx" holds 1,005 files/],
  ])('refuses to ingest %s, with exit code 2 and one line', async (_name, bytes, message) => {
    const file = join(dir, 'bomb.docx');
    await writeFile(file, bytes());
    const { code, err } = await canon('ingest', file, '--data-dir', dataDir);
    expect(code).toBe(EXIT_CODES.too_large);
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses a zip bomb from the compiled CLI, whose readers run from dist/, and exits', async () => {
    const file = join(dir, 'compiled-bomb.docx');
    await writeFile(file, docxBomb(1024));
    const child = spawn(
      process.execPath,
      [join(PROJECT_ROOT, 'bin', 'canon.js'), 'ingest', file, '--data-dir', dataDir],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d;
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(err).toMatch(/"compiled-bomb\.docx" is too large once unzipped/);
    expect(code).toBe(EXIT_CODES.too_large);
  });

  it('refuses an O*NET zip bomb when it opens it', async () => {
    const zip = join(dir, 'bomb.zip');
    await writeFile(zip, onetBombZip({ 'Alternate Titles.txt': 300 }));
    const { code, err } = await canon('import', 'onet', zip, '--data-dir', dataDir);
    expect(code).toBe(EXIT_CODES.too_large);
    expect(err).toMatch(
      /bomb\.zip" is too large once unzipped: .*Alternate Titles\.txt" inflates to more than 256 MB/,
    );
  });

  it('resolves a CSV column in bulk, keeping every column and marking bad rows', async () => {
    const input = join(dir, 'titles.csv');
    const output = join(dir, 'titles.out.csv');
    await writeFile(
      input,
      `id,job_title,city\n1,VP of Engineering,Austin\n2,"Engineer, Senior",Oslo\n3,${'x'.repeat(301)},Rome\n`,
    );
    const { code, err } = await resolveJobTitles(input, output);
    expect(code).toBe(0);
    expect(err).toMatch(/titles\.csv:4: A title may have at most 300 characters/);
    expect(err).toMatch(/Resolved 3 rows .*1 rows could not be resolved/);
    const lines = (await readFile(output, 'utf8')).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,job_title,city,canon_soc_1,canon_soc_2,canon_soc_3,canon_onet_1,canon_profile,canon_level,canon_track,canon_rank,canon_confidence,canon_band,canon_needs_review,canon_review_reason,canon_soc_1_title,canon_soc_1_confidence,canon_soc_2_title,canon_soc_2_confidence,canon_soc_3_title,canon_soc_3_confidence,canon_error',
    );
    expect(lines[1]).toMatch(/^1,VP of Engineering,Austin,11-3021,.*TECHNO\.TECHNOLO6B55\.M6,M6,M,8,/);
    expect(lines).toHaveLength(4);
    expect(
      (await canon('resolve', '--in', input, '--column', 'nope', '--out', output, '--data-dir', dataDir)).err,
    ).toMatch(/has no column "nope"/);
  });

  it('imports a BLS OEWS file, reporting bad rows by line, and prints pay bands', async () => {
    const file = join(dir, 'national_M2024_dl.csv');
    await writeFile(
      file,
      [
        'AREA,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,A_MEAN,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90',
        '99,11-3021,Computer and Information Systems Managers,detailed,"645,970","187,990","104,450","134,350","171,200","216,220",#',
        '99,13-111,Management Analysts,detailed,"893,900","114,450","59,720","76,770","101,190","133,140","174,140"',
      ].join('\n'),
    );
    const imported = await canon('import', 'pay', file, '--format', 'oews', '--data-dir', dataDir);
    expect(imported.code).toBe(0);
    expect(imported.err).toMatch(
      /national_M2024_dl\.csv:3: expected a SOC code like 11-3021 in OCC_CODE; got "13-111"/,
    );
    expect(imported.err).toMatch(/Imported BLS OEWS May 2024: 1 occupations; 1 rows skipped/);
    const { code, out } = await canon('pay', 'TECHNO.TECHNOLO6B55.M4', '--json', '--data-dir', dataDir);
    expect(code).toBe(0);
    const pay = JSON.parse(out);
    expect(pay).toMatchObject({ code: 'TECHNO.TECHNOLO6B55.M4', kind: 'estimate', currency: 'USD' });
    expect(pay.bands.map((b: { level: string }) => b.level)).toEqual(['M3', 'M4', 'M5', 'M6']);
    expect((await canon('import', 'pay', file, '--format', 'xls', '--data-dir', dataDir)).code).toBe(
      EXIT_CODES.invalid_input,
    );
  });

  it('imports a company pay CSV through the resolver, reporting rows it cannot place', async () => {
    const file = join(dir, 'company.csv');
    await writeFile(
      file,
      [
        'title,profile_code,base_pay,currency,region',
        'VP of Engineering,,"250,000",USD,US',
        'VP Engineering,,260000,USD,US',
        ',TECHNO.TECHNOLO6B55.M6,270000,USD,US',
        'Vice President of Engineering,,280000,USD,US',
        'Zookeeper,,50000,USD,US',
      ].join('\n'),
    );
    const { code, err } = await canon('import', 'pay', file, '--format', 'csv', '--data-dir', dataDir);
    expect(code).toBe(0);
    expect(err).toMatch(/company\.csv:6: the title "Zookeeper" does not land on a Canon profile/);
    expect(err).toMatch(/Imported 4 rows of company\.csv into 1 profile bands; 1 rows not imported/);
    const pay = JSON.parse(
      (await canon('pay', 'TECHNO.TECHNOLO6B55.M6', '--json', '--data-dir', dataDir)).out,
    );
    expect(pay).toMatchObject({
      median: 265000,
      low: 257500,
      high: 272500,
      kind: 'observed',
      basis: 'Company data company.csv: 4 people, range p25–p75',
    });
  });

  it('refuses a company pay file with a bad amount, naming every bad line, and imports none of it', async () => {
    const file = join(dir, 'amounts.csv');
    await writeFile(
      file,
      [
        'title,profile_code,base_pay,currency,region',
        ',TECHNO.TECHNOLO6B55.M5,150000,USD,US',
        ',TECHNO.TECHNOLO6B55.M5,1e300,USD,US',
        ',TECHNO.TECHNOLO6B55.M5,0x10,USD,US',
      ].join('\n'),
    );
    const { code, err } = await canon('import', 'pay', file, '--format', 'csv', '--data-dir', dataDir);
    expect(code).toBe(EXIT_CODES.invalid_data);
    expect(err).toMatch(/^canon: amounts\.csv: 2 bad amount\(s\); nothing was imported\./);
    expect(err).toContain('amounts.csv:3: base_pay "1e300": not a plain amount');
    expect(err).toContain('amounts.csv:4: base_pay "0x10": not a plain amount');
    const pay = JSON.parse(
      (await canon('pay', 'TECHNO.TECHNOLO6B55.M5', '--json', '--data-dir', dataDir)).out,
    );
    expect(pay.code).toBe('TECHNO.TECHNOLO6B55.M5');
    expect(pay.basis).not.toMatch(/amounts\.csv/);
  });

  it('imports and resolves in bulk titles that read like JavaScript object members, as any other title', async () => {
    const pay = join(dir, 'members.csv');
    await writeFile(
      pay,
      [
        'title,base_pay,currency,region',
        ...OBJECT_MEMBER_WORDS.map((word) => `${word} Associate,90000,USD,US`),
        'Director of Engineering,200000,USD,US',
      ].join('\n'),
    );
    const imported = await canon('import', 'pay', pay, '--format', 'csv', '--data-dir', dataDir);
    expect(imported.code).toBe(0);
    OBJECT_MEMBER_WORDS.forEach((word, i) => {
      expect(imported.err).toContain(
        `members.csv:${i + 2}: the title "${word} Associate" does not land on a Canon profile`,
      );
    });
    expect(imported.err).toMatch(/Imported 1 rows of members\.csv into 1 profile bands; 8 rows not imported/);

    const input = join(dir, 'members-titles.csv');
    const output = join(dir, 'members-titles.out.csv');
    await writeFile(input, ['job_title', ...OBJECT_MEMBER_WORDS].join('\n'));
    const bulk = await resolveJobTitles(input, output);
    expect(bulk.code).toBe(0);
    expect(bulk.err).toMatch(/^Resolved 8 rows into \S+\.$/m);
    const rows = (await readFile(output, 'utf8')).trimEnd().split('\r\n').slice(1);
    expect(rows.map((r) => [r.split(',')[0], r.split(',').at(-1)])).toEqual(
      OBJECT_MEMBER_WORDS.map((word) => [word, 'unresolved']),
    );
  });

  it('prints the review panel for a profile, as text and as JSON', async () => {
    const text = await canon('review', 'TECHNO.TECHNOLO6B55.M3', '--data-dir', dataDir);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/TECHNO\.TECHNOLO6B55\.M3: passes \(lowest 4\.5; confidence high 0\.\d\d\)/);
    const json = JSON.parse(
      (await canon('review', 'TECHNO.TECHNOLO6B55.M3', '--json', '--data-dir', dataDir)).out,
    );
    expect(Object.keys(json.scores)).toEqual([
      'levelDifferentiation',
      'focusSpecificity',
      'concreteness',
      'factualAccuracy',
      'realWorldCoverage',
    ]);
    expect(json).toMatchObject({
      code: 'TECHNO.TECHNOLO6B55.M3',
      minimum: 4.5,
      passed: true,
      confidence: { band: 'high' },
    });
    // The seed's M3 guidelines say 5–7+ years managing against the level's 8–12 in all: a factual warning,
    // and the text names the statement behind it.
    expect(json.findings).toContainEqual(
      expect.objectContaining({ kind: 'yearsDiffer', dimension: 'factualAccuracy', severity: 'warn' }),
    );
    expect(text.out).toMatch(
      /\[factualAccuracy\] warn: The guidelines state 5–7 years managing professionals and budgets; the level's sourced range is 8–12 years in all\. Say how the two relate\.\n {6}“5–7\+ years managing professionals and budgets;/,
    );
    expect(json.findings).toContainEqual(
      expect.objectContaining({ dimension: 'realWorldCoverage', severity: 'warn' }),
    );
  });

  it('reviews every profile with --all: pass counts, lowest scores in bins, commonest failures, progress on stderr', async () => {
    const text = await canon('review', '--all', '--data-dir', dataDir);
    expect(text.code).toBe(0);
    const [, profiles = 0, passed, failed] =
      /^Reviewed (\d+) profiles: (\d+) pass, (\d+) do not\.$/m.exec(text.out)?.map(Number) ?? [];
    expect(profiles).toBeGreaterThan(0);
    const bins = [...text.out.matchAll(/^ {2}(\d(?:\.5)?)–(\d(?:\.5)?) +(\d+)$/gm)];
    expect(bins.map((b) => b[1])).toEqual(['1', '1.5', '2', '2.5', '3', '3.5', '4', '4.5']);
    expect(bins.reduce((n, b) => n + Number(b[3]), 0)).toBe(profiles);
    expect(text.out).toMatch(/Most common failing findings/);
    expect(text.err).toContain(`reviewing ${profiles} profiles`);

    const json = JSON.parse((await canon('review', '--all', '--json', '--data-dir', dataDir)).out);
    expect(json.summary).toMatchObject({ profiles, passed, failed });
    expect(json.reviews).toHaveLength(profiles);
    const one = JSON.parse(
      (await canon('review', json.reviews[0].code, '--json', '--data-dir', dataDir)).out,
    );
    expect(json.reviews[0]).toEqual(one);

    expect((await canon('review', '--data-dir', dataDir)).code).toBe(EXIT_CODES.invalid_input);
    expect((await canon('review', one.code, '--all', '--data-dir', dataDir)).code).toBe(
      EXIT_CODES.invalid_input,
    );
  });

  it('refuses a proposal written against a revision the draft has left (--revision)', async () => {
    const code = 'TECHNO.TECHNOLO6B55.M4';
    const file = join(dir, 'alias.yaml');
    await writeFile(
      file,
      ['add:', '  aliases:', '    - text: Platform budget owner', '      sources: [canon-profile-m3]'].join(
        '\n',
      ),
    );
    const stale = await canon('propose', code, '--file', file, '--revision', '2', '--data-dir', dataDir);
    expect(stale.code).toBe(EXIT_CODES.conflict);
    expect(stale.err).toMatch(/revision 0 \(there is no open draft\), not 2/);
    const current = await canon('propose', code, '--file', file, '--revision', '0', '--data-dir', dataDir);
    // Revisions count on across drafts, and M4 had a draft approved in an earlier test.
    expect(current.code).toBe(0);
    expect(current.out).toMatch(/draft revision \d+, not yet submitted/);
    const mixed = await canon('propose', code, '--from-source', '--revision', '1', '--data-dir', dataDir);
    expect(mixed.code).toBe(EXIT_CODES.invalid_input);
  });

  // A dozen commands, each opening the store: minutes on a loaded two-core machine.
  it('takes a change from proposal to approved version, with history, diff, keys and the audit log', async () => {
    const code = 'TECHNO.TECHNOLO6B55.M5';
    const file = await addingResponsibility(
      'proposal.yaml',
      "Owns the annual cloud and AI inference budget across the organization's engineering departments and reports spend against plan to the CTO each quarter.",
      'canon-profile-m6',
      'budget ownership at M5',
    );
    const proposed = await canon('propose', code, '--file', file, '--submit', '--data-dir', dataDir);
    expect(proposed.err).toBe('');
    expect(proposed.out).toMatch(/draft revision 1, in review \(from v1\)\nReview panel: passes/);

    const approved = await canon(
      'approve',
      code,
      '--revision',
      '1',
      '--note',
      'adds budget',
      '--data-dir',
      dataDir,
    );
    expect(approved.out).toMatch(/approved as v2 by cli:/);
    expect((await canon('approve', code, '--data-dir', dataDir)).code).toBe(EXIT_CODES.conflict);

    const history = await canon('history', code, '--data-dir', dataDir);
    expect(history.out).toMatch(/v2 .* cli:\S+ {2}review lowest \d(\.5)? {2}— adds budget\nv1 .* builtin/);
    const diff = await canon('diff', code, '1', 'v2', '--data-dir', dataDir);
    expect(diff.out).toContain("+ Owns the annual cloud and AI inference budget across the organization's");
    expect((await canon('diff', code, '1', 'latest', '--data-dir', dataDir)).code).toBe(
      EXIT_CODES.invalid_input,
    );

    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'add:\n  responsibilities:\n    - text: Something\n      sources: []\n');
    const refused = await canon('propose', code, '--file', bad, '--data-dir', dataDir);
    expect(refused.code).toBe(EXIT_CODES.invalid_input);
    expect(refused.err).toMatch(/add\.responsibilities\.0\.sources: cite at least one source id/);

    const key = await canon('keys', 'create', '--role', 'approver', '--name', 'alma', '--data-dir', dataDir);
    expect(key.out).toMatch(/^canon_[0-9a-f]{8}_[A-Za-z0-9_-]{43}\n$/);
    expect(
      (await canon('keys', 'create', '--role', 'boss', '--name', 'x', '--data-dir', dataDir)).err,
    ).toMatch(/--role must be one of viewer, editor, approver, admin/);
    const id = key.out.slice(6, 14);
    expect((await canon('keys', 'list', '--data-dir', dataDir)).out).toContain(`${id}  approver  alma`);
    expect((await canon('keys', 'revoke', id, '--data-dir', dataDir)).code).toBe(0);
    expect((await canon('keys', 'list', '--data-dir', dataDir)).out).toMatch(
      /alma {2}created \S+ {2}revoked/,
    );

    const audit = await canon('audit', '--limit', '4', '--data-dir', dataDir);
    expect(
      audit.out
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s{2}/)[3]),
    ).toEqual(['key.revoke', 'key.create', 'profile.approve', 'draft.submit']);
  }, 300_000);
});
