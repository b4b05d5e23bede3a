import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { CanonError } from '../core/errors.js';
import { loadTaxonomy } from './loadTaxonomy.js';

type Files = { sources: unknown; functions: Record<string, unknown>; focuses: Record<string, unknown> };

/** A small valid taxonomy; each case below breaks one thing in a copy of it. */
function validFiles(): Files {
  return {
    sources: { sources: [{ id: 'ladder-a', title: 'Ladder A', kind: 'ladder' }] },
    functions: {
      'data.yaml': {
        key: 'data',
        code: 'DATAXX',
        name: 'Data',
        description: 'Data roles.',
        sources: ['ladder-a'],
      },
    },
    focuses: {
      'analytics.yaml': {
        key: 'analytics',
        function: 'DATAXX',
        name: 'Analytics',
        levels: { from: 'P1', to: 'P2' },
        sources: ['ladder-a'],
        description: 'Turns data into decisions.',
        differential: { pay: false, skill: true },
        skills: [{ name: 'SQL', application: 'Writes queries.' }],
        levelContent: {
          P1: {
            responsibilities: ['Builds reports from defined specifications.'],
            rubric: { knowledge: 'k1', complexity: 'c1', collaboration: 'co1', degreeYears: 'd1' },
          },
          P2: {
            responsibilities: [{ text: 'Owns a metrics area end to end.', sources: ['ladder-a'] }],
            rubric: { knowledge: 'k2', complexity: 'c2', collaboration: 'co2', degreeYears: 'd2' },
            profile: { status: 'approved', version: 1 },
          },
        },
      },
    },
  };
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'canon-data-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

let n = 0;
async function write(files: Files, raw: Record<string, string> = {}): Promise<string> {
  const dir = join(root, String(n++));
  await mkdir(join(dir, 'functions'), { recursive: true });
  await mkdir(join(dir, 'focuses'), { recursive: true });
  await writeFile(join(dir, 'sources.yaml'), stringify(files.sources));
  for (const [name, value] of Object.entries(files.functions))
    await writeFile(join(dir, 'functions', name), stringify(value));
  for (const [name, value] of Object.entries(files.focuses))
    await writeFile(join(dir, 'focuses', name), stringify(value));
  for (const [path, text] of Object.entries(raw)) await writeFile(join(dir, path), text);
  return dir;
}

async function problemsOf(dir: string): Promise<string> {
  try {
    await loadTaxonomy(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(CanonError);
    expect((error as CanonError).code).toBe('invalid_data');
    return (error as Error).message;
  }
  throw new Error('expected the taxonomy to be rejected');
}

const focus = (f: Files) => f.focuses['analytics.yaml'] as Record<string, any>;

describe('loadTaxonomy', () => {
  it('loads the built-in taxonomy with the seed focus and its neighbours', async () => {
    const t = await loadTaxonomy(join(PROJECT_ROOT, 'data'));
    const codes = t.profiles.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['TECHNO.TECHNOLO6B55.M3', 'TECHNO.TECHNOLO6B55.M6']));
    expect(t.focuses.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'Technology Executive Leadership',
        'Architecture & Principal Engineering',
        'Technology Advisory & Fractional CTO',
        'Engineering Management',
      ]),
    );
    for (const f of t.focuses) {
      expect(
        f.mappings.some((m) => m.system === 'onet-soc'),
        f.name,
      ).toBe(true);
      for (const level of f.levelCodes) {
        expect(f.levels[level]?.responsibilities.length, `${f.name} ${level}`).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('keeps the seed facts of Technology Executive Leadership', async () => {
    const t = await loadTaxonomy(join(PROJECT_ROOT, 'data'));
    const tel = t.focuses.find((f) => f.code === 'TECHNOLO6B55');
    expect(tel?.levelCodes).toEqual(['M3', 'M4', 'M5', 'M6']);
    expect(tel?.skills).toHaveLength(11);
    expect(tel?.differential).toMatchObject({ pay: true, skill: true });
    expect(tel?.mappings[0]).toMatchObject({ system: 'onet-soc', code: '11-3021' });
    for (const level of tel?.levelCodes ?? []) expect(tel?.levels[level]?.responsibilities).toHaveLength(5);
    const m3 = t.profiles.find((p) => p.code === 'TECHNO.TECHNOLO6B55.M3');
    expect(m3?.pay[0]).toMatchObject({ median: 120000, low: 95000, high: 153000, currency: 'USD' });
    expect(m3?.pay[0]?.sources).toEqual(['canon-profile-m3']);
    expect(m3).toMatchObject({
      status: 'approved',
      version: 1,
      region: 'global',
      confidence: { score: 0.9 },
    });
  });

  it('accepts the valid fixture and fills defaults', async () => {
    const t = await loadTaxonomy(await write(validFiles()));
    expect(t.profiles.map((p) => [p.code.split('.')[2], p.status, p.version])).toEqual([
      ['P1', 'draft', null],
      ['P2', 'approved', 1],
    ]);
    expect(t.focuses[0]?.levels.P1?.responsibilities[0]?.sources).toEqual(['ladder-a']);
  });

  const cases: [string, (f: Files) => void, RegExp][] = [
    [
      'a missing required field',
      (f) => void delete focus(f).name,
      /analytics\.yaml:\d+ name: missing; expected string/,
    ],
    ['an unknown field', (f) => void (focus(f).colour = 'blue'), /unknown field\(s\) colour/],
    [
      'an empty statement',
      (f) => void (focus(f).levelContent.P1.responsibilities = ['  ']),
      /responsibilities\.0: expected a non-empty string/,
    ],
    ['a bad level code', (f) => void (focus(f).levels.to = 'Q2'), /levels\.to: expected a level code/],
    ['a range crossing tracks', (f) => void (focus(f).levels.to = 'M2'), /levels: .*one track/],
    [
      'content for a level outside the range',
      (f) => void (focus(f).levels.to = 'P1'),
      /levelContent\.P2: level P2 is outside the focus range P1–P1/,
    ],
    [
      'a level in range without content',
      (f) => void (focus(f).levels.to = 'P3'),
      /missing content for level P3/,
    ],
    [
      'an unknown source id',
      (f) => void (focus(f).skills[0].sources = ['nope']),
      /skills\.0\.sources\.0: unknown source id "nope"/,
    ],
    [
      'an unknown function',
      (f) => void (focus(f).function = 'NOPEXX'),
      /function: unknown function code NOPEXX/,
    ],
    [
      'a bad function code',
      (f) => void ((f.functions['data.yaml'] as any).code = 'data'),
      /data\.yaml:\d+ code: expected six capital letters/,
    ],
    [
      'a bad focus code',
      (f) => void (focus(f).code = 'SHORT'),
      /code: expected 8 capital letters and 4 hex digits/,
    ],
    [
      'an unknown status',
      (f) => void (focus(f).levelContent.P2.profile.status = 'live'),
      /status: expected one of "draft"/,
    ],
    [
      'an approved profile without version',
      (f) => void delete focus(f).levelContent.P2.profile.version,
      /needs a version number/,
    ],
    [
      'a pay figure that is not a number',
      (f) =>
        void (focus(f).levelContent.P2.profile.pay = [
          { currency: 'USD', period: 'annual', region: 'US', median: '120k', basis: 'b' },
        ]),
      /pay\.0\.median: expected number/,
    ],
    [
      'a yearly pay figure out of range',
      (f) =>
        void (focus(f).levelContent.P2.profile.pay = [
          { currency: 'USD', period: 'annual', region: 'US', median: 1e300, low: 0.5, basis: 'b' },
        ]),
      /pay\.0\.median: 1e\+300 is above 100,000,000 a year[\s\S]*pay\.0\.low: 0\.5 is below 1 a year/,
    ],
    [
      'an hourly pay figure that is a yearly one',
      (f) =>
        void (focus(f).levelContent.P2.profile.pay = [
          { currency: 'USD', period: 'hourly', region: 'US', median: 120000, basis: 'b' },
        ]),
      /pay\.0\.median: 120000 is above 48,076\.9231 an hour/,
    ],
    [
      'an unknown distinct-from focus',
      (f) => void (focus(f).distinctFrom = [{ focus: 'ghost', how: 'x' }]),
      /distinctFrom\.0\.focus: unknown focus key "ghost"/,
    ],
    [
      'a duplicate source id',
      (f) => void (f.sources as any).sources.push({ id: 'ladder-a', title: 'again', kind: 'ladder' }),
      /duplicate source id "ladder-a"/,
    ],
    [
      'a wrong source kind',
      (f) => void ((f.sources as any).sources[0].kind = 'blog'),
      /kind: expected one of/,
    ],
    [
      'a transition going down',
      (f) => void (focus(f).transitions = [{ from: 'P2', to: 'P1', keyShift: 'k' }]),
      /transitions\.0: a transition must go upward .* P2 → P1/,
    ],
    [
      'a transition outside the focus',
      (f) => void (focus(f).transitions = [{ from: 'P1', to: 'P3', keyShift: 'k' }]),
      /transitions\.0: a transition must go upward/,
    ],
    [
      'typical years upside down',
      (f) =>
        void (focus(f).transitions = [
          { from: 'P1', to: 'P2', keyShift: 'k', typicalYears: { min: 5, max: 3 } },
        ]),
      /typicalYears: min must not exceed max/,
    ],
    [
      'a career link citing an unknown source',
      (f) =>
        void (focus(f).levelContent.P2.career = { lateral: [{ text: 'Data Engineer', sources: ['ghost'] }] }),
      /career\.lateral\.0\.sources\.0: unknown source id "ghost"/,
    ],
    [
      'a wrong skill kind',
      (f) => void (focus(f).skills[0].kind = 'medium'),
      /skills\.0\.kind: expected one of "hard", "soft"/,
    ],
  ];

  it.each(cases)('rejects %s, naming file, field and expectation', async (_name, breakIt, message) => {
    const files = validFiles();
    breakIt(files);
    expect(await problemsOf(await write(files))).toMatch(message);
  });

  it('points at the line of the mistake in the file', async () => {
    const files = validFiles();
    focus(files).levelContent.P1.rubric.knowledge = '';
    const message = await problemsOf(await write(files));
    const line =
      stringify(focus(files))
        .split('\n')
        .findIndex((l) => l.includes('knowledge:')) + 1;
    expect(message).toContain(`analytics.yaml:${line} levelContent.P1.rubric.knowledge`);
  });

  it('reports invalid YAML with its line', async () => {
    const dir = await write(validFiles(), { 'focuses/broken.yaml': 'key: x\nname: [unclosed\n' });
    expect(await problemsOf(dir)).toMatch(/broken\.yaml:\d+ \(file\): not valid YAML/);
  });

  it('reports every problem at once', async () => {
    const files = validFiles();
    delete focus(files).name;
    (files.functions['data.yaml'] as any).code = 'x';
    const message = await problemsOf(await write(files));
    expect(message).toMatch(/analytics\.yaml/);
    expect(message).toMatch(/data\.yaml/);
  });

  it('says when the folder is missing', async () => {
    expect(await problemsOf(join(root, 'does-not-exist'))).toMatch(/sources\.yaml \(file\): cannot read/);
  });
});
