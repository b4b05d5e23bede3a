import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../core/catalog.js';
import { OccupationIndex } from '../resolve/occupationIndex.js';
import { TitleResolver } from '../resolve/titleResolver.js';
import {
  LANDING_OCCUPATIONS,
  PROFESSIONAL_FOCUS,
  SUPPORT_FOCUS,
  taxonomyWith,
} from '../testing/landingFixture.js';
import { type JobRow, matchJobs } from './matchJobs.js';

let line = 1;
const row = (title: string, grade: string, department = '', duplicateOf: number | null = null): JobRow => ({
  line: ++line,
  title,
  department,
  grade,
  duplicateOf,
});

describe('matchJobs', () => {
  let resolver: TitleResolver;
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = new Catalog(await taxonomyWith([SUPPORT_FOCUS, PROFESSIONAL_FOCUS]));
    resolver = new TitleResolver(new OccupationIndex(LANDING_OCCUPATIONS), catalog);
  });

  it("moves a title into its grade's level, infers the grade from the titles that state theirs, and places the profile there", async () => {
    line = 1;
    const rows = [
      row('Senior Software Engineer', 'G5'),
      row('Senior Software Developer', 'G5'),
      row('Software Engineer', 'G5'),
      row('Software Engineer I', 'G3'),
      row('Software Developer', 'G3'),
    ];
    const { matches, correlation } = await matchJobs(rows, resolver, catalog);
    expect(correlation.grades.map((g) => [g.grade, g.levels.join('/')])).toEqual([
      ['G3', 'P1'],
      ['G5', 'P3'],
    ]);
    const plain = matches[2];
    expect(plain).toMatchObject({
      status: 'matched',
      level: { code: 'P3' },
      titleLevel: { code: 'P2', stated: false },
      gradeLevels: ['P3'],
      profile: { code: expect.stringMatching(/^COMPUT\.SOFTWARE\w+\.P3$/), fit: 'exact' },
    });
    expect(plain?.explanation).toContain(
      'Grade: G5 corresponds to P3; the title reads by default P2, so P3 Senior Professional.',
    );
    expect(matches[4]).toMatchObject({
      level: { code: 'P1' },
      profile: { code: expect.stringMatching(/\.P1$/) },
    });
    expect(matches[0]?.explanation).toContain('Grade: G5 corresponds to P3, as the title reads.');
  });

  it('sends a title whose stated level is two ranks from its grade to review', async () => {
    line = 10;
    const { matches } = await matchJobs(
      [
        row('Senior Software Engineer', 'G5'),
        row('Senior Software Developer', 'G5'),
        row('Junior Software Engineer', 'G5'),
      ],
      resolver,
      catalog,
    );
    expect(matches[2]).toMatchObject({
      status: 'needs review',
      level: { code: 'P3' },
      titleLevel: { code: 'P1', stated: true },
      review: ['the title reads P1, 2 ranks from its grade G5'],
    });
  });

  it("keeps a title's own level without a grade, or with one the table does not hold", async () => {
    line = 20;
    const { matches } = await matchJobs(
      [row('Senior Electrician', ''), row('Senior Offering Manager', 'G9'), row('Electrician', 'N/A')],
      resolver,
      catalog,
    );
    expect(matches.map((m) => [m.status, m.level?.code, m.gradeLevels])).toEqual([
      ['matched', 'S3', null],
      ['unmatched', 'M3', null],
      ['matched', 'S3', null],
    ]);
    expect(matches[1]?.explanation).toContain(
      'Grade "G9" is not in the grade table; the title\'s level stands.',
    );
  });

  it('matches a duplicate row like its first and leaves it out of the grade table', async () => {
    line = 30;
    const first = row('Senior Software Engineer', 'G5');
    const { matches, correlation } = await matchJobs(
      [first, row('Senior Software Engineer', 'G5', '', first.line), row('Software Engineer', 'G5')],
      resolver,
      catalog,
    );
    expect(matches[1]).toMatchObject({
      duplicateOf: 31,
      level: matches[0]?.level,
      profile: matches[0]?.profile,
    });
    expect(correlation.grades[0]).toMatchObject({ grade: 'G5', jobs: 2 });
  });

  it('reports progress up to every row', async () => {
    const seen: [number, number][] = [];
    await matchJobs([row('Electrician', 'Band 2'), row('Electrician', 'Band 2')], resolver, catalog, {
      progress: (done, total) => seen.push([done, total]),
    });
    expect(seen.at(-1)).toEqual([2, 2]);
  });

  it('gives the event loop a turn between chunks of rows, so what else waits runs while a large file is matched', async () => {
    line = 100;
    const rows = Array.from({ length: 1_200 }, (_, i) =>
      row(i % 2 ? 'Electrician' : 'Senior Accountant', 'G4'),
    );
    const events: (number | 'turn')[] = [];
    await matchJobs(rows, resolver, catalog, {
      progress: (done) => {
        events.push(done);
        // Queued while the first chunk is matched: it runs only if matching lets the event loop turn.
        if (done === 500) setImmediate(() => events.push('turn'));
      },
    });
    expect(events).toEqual([500, 'turn', 1_000, 1_200]);
  });
});
