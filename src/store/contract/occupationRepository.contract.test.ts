import { expect, it } from 'vitest';
import type { OnetRelease } from '../../importers/onet/onetRelease.js';
import { clockTick, refusal, storeContract } from '../../testing/storeContract.js';
import {
  type OccupationIndexData,
  readOccupationIndexData,
  readOccupationRelease,
  writeOnetRelease,
} from '../occupationRepository.js';
import type { CanonDb } from '../openStore.js';
import { readOccupationPay, writeOccupationPay } from '../payRepository.js';

/** Two synthetic occupations with a row of every kind, nullable columns both set and null. */
const release: OnetRelease = {
  socCodes: [
    { code: '15-0000', title: 'Computer and Mathematical Occupations', grp: 'major', definition: null },
    {
      code: '15-1252',
      title: 'Software Developers',
      grp: 'detailed',
      definition: 'Research, design, and develop software.',
    },
  ],
  occupations: [
    {
      onetCode: '15-1252.00',
      socCode: '15-1252',
      title: 'Software Developers',
      description: 'Design and build software.',
      jobZone: 4,
    },
    {
      onetCode: '15-1252.01',
      socCode: '15-1252',
      title: 'Video Game Designers',
      description: 'Design games.',
      jobZone: null,
    },
  ],
  titles: [
    { onetCode: '15-1252.00', title: 'Software Engineer', kind: 'alternate' },
    { onetCode: '15-1252.00', title: 'Software Engineer', kind: 'reported' },
    { onetCode: '15-1252.01', title: 'Game Designer', kind: 'short' },
  ],
  tasks: [
    { onetCode: '15-1252.00', taskId: 1, task: 'Write and test code.', taskType: 'Core' },
    { onetCode: '15-1252.01', taskId: 2, task: 'Sketch levels.', taskType: null },
  ],
  related: [{ onetCode: '15-1252.00', relatedCode: '15-1252.01', tier: 'Primary-Short', rank: 1 }],
  technologies: [
    {
      onetCode: '15-1252.00',
      example: 'Git',
      commodity: 'Configuration management',
      hot: true,
      inDemand: false,
    },
  ],
};

/** Another release: one occupation kept with another title, one gone, one new. */
const next: OnetRelease = {
  socCodes: [
    {
      code: '11-3021',
      title: 'Computer and Information Systems Managers',
      grp: 'detailed',
      definition: null,
    },
  ],
  occupations: [
    {
      ...(release.occupations[0] as OnetRelease['occupations'][number]),
      title: 'Software Developers, Applications',
    },
    {
      onetCode: '11-3021.00',
      socCode: '11-3021',
      title: 'Computer and Information Systems Managers',
      description: 'Direct computer work.',
      jobZone: 5,
    },
  ],
  titles: [{ onetCode: '11-3021.00', title: 'IT Director', kind: 'alternate' }],
  tasks: [{ onetCode: '15-1252.00', taskId: 1, task: 'Write, test and ship code.', taskType: 'Core' }],
  related: [],
  technologies: [],
};

/** What the resolver indexes from a release, in a fixed order (the reads promise none). */
function indexed(r: OnetRelease): OccupationIndexData {
  return sorted({
    occupations: r.occupations.map(({ description: _d, ...o }) => o),
    titles: r.titles,
    socTitles: r.socCodes.map(({ code, title }) => ({ code, title })),
  });
}

function sorted(data: OccupationIndexData): OccupationIndexData {
  const by =
    <T>(key: (x: T) => string) =>
    (xs: T[]) =>
      [...xs].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    occupations: by<OccupationIndexData['occupations'][number]>((o) => o.onetCode)(data.occupations),
    titles: by<OccupationIndexData['titles'][number]>((t) => `${t.onetCode} ${t.title} ${t.kind}`)(
      data.titles,
    ),
    socTitles: by<OccupationIndexData['socTitles'][number]>((s) => s.code)(data.socTitles),
  };
}

const write = (db: CanonDb, r: OnetRelease, source = 'db_29_3_text.zip') =>
  db.transaction((tx) => writeOnetRelease(tx, r, source));

await storeContract('occupationRepository', (store) => {
  it('reads back what the resolver indexes, and when the release was imported', async () => {
    const { db } = store();
    expect(await readOccupationRelease(db)).toBeNull();
    expect(await readOccupationIndexData(db)).toEqual({ occupations: [], titles: [], socTitles: [] });
    expect(await write(db, release)).toEqual({
      socCodes: 2,
      occupations: 2,
      titles: 3,
      tasks: 2,
      related: 1,
      technologies: 1,
    });
    expect(sorted(await readOccupationIndexData(db))).toEqual(indexed(release));
    expect(Math.abs(Date.parse((await readOccupationRelease(db)) ?? '') - Date.now())).toBeLessThan(60_000);
  });

  it('reports progress table by table, as rows are written', async () => {
    const { db } = store();
    const progress: [string, number][] = [];
    await db.transaction((tx) =>
      writeOnetRelease(tx, release, 'zip', (table, done) => progress.push([table, done])),
    );
    expect(progress).toEqual([
      ['SOC codes', 2],
      ['occupations', 2],
      ['titles', 3],
      ['tasks', 2],
      ['related occupations', 1],
      ['technologies', 1],
    ]);
  });

  it('replaces the release whole, and the same files twice leave the same rows', async () => {
    const { db } = store();
    await write(db, release);
    await write(db, release);
    expect(sorted(await readOccupationIndexData(db))).toEqual(indexed(release));
    const first = await readOccupationRelease(db);
    await clockTick();
    await write(db, next);
    expect(sorted(await readOccupationIndexData(db))).toEqual(indexed(next));
    expect(Date.parse((await readOccupationRelease(db)) ?? '')).toBeGreaterThan(Date.parse(first ?? ''));
  });

  it('leaves the pay datasets alone', async () => {
    const { db } = store();
    await db.transaction((tx) =>
      writeOccupationPay(
        tx,
        { dataset: 'oews', source: 'oews.xlsx', region: 'US', currency: 'USD', asOf: '2024-05' },
        [
          {
            socCode: '15-1252',
            title: 'Software Developers',
            employment: 1_000,
            mean: 130_000,
            percentiles: { median: 128_000 },
            topCoded: [],
            line: 2,
          },
        ],
      ),
    );
    const pay = await readOccupationPay(db);
    await write(db, release);
    await write(db, next);
    expect(await readOccupationPay(db)).toEqual(pay);
  });

  it('keeps the previous release whole when a new one fails half-way', async () => {
    const { db } = store();
    await write(db, release);
    const before = sorted(await readOccupationIndexData(db));
    const imported = await readOccupationRelease(db);
    // A task of an occupation the release lacks breaks a foreign key after the occupations are in.
    const broken: OnetRelease = {
      ...next,
      tasks: [...next.tasks, { onetCode: '99-9999.00', taskId: 9, task: 'Nothing', taskType: null }],
    };
    expect(await refusal(write(db, broken))).toMatch(
      /violates foreign key constraint "occupation_tasks_onet_code/,
    );
    // So does an O*NET code of the wrong shape.
    const misshapen: OnetRelease = {
      ...next,
      occupations: [
        ...next.occupations,
        { ...(next.occupations[1] as OnetRelease['occupations'][number]), onetCode: '113021' },
      ],
    };
    expect(await refusal(write(db, misshapen))).toMatch(
      /violates check constraint "occupations_onet_code_check"/,
    );
    expect(sorted(await readOccupationIndexData(db))).toEqual(before);
    expect(await readOccupationRelease(db)).toBe(imported);
  });
});
