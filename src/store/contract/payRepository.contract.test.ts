import { expect, it } from 'vitest';
import type { OccupationPayRecord, ProfilePayRecord } from '../../core/payBands.js';
import type { OccupationPay } from '../../importers/pay/readOews.js';
import { storeContract } from '../../testing/storeContract.js';
import type { CanonDb } from '../openStore.js';
import {
  type DatasetMeta,
  readOccupationPay,
  readProfilePay,
  writeOccupationPay,
  writeProfilePay,
} from '../payRepository.js';

const oews = (dataset: string, asOf: string | null = '2024-05'): DatasetMeta => ({
  dataset,
  source: `${dataset}.xlsx`,
  region: 'US',
  currency: 'USD',
  asOf,
});

/** A survey row; `median` alone unless told more. */
const row = (socCode: string, line: number, more: Partial<OccupationPay> = {}): OccupationPay => ({
  socCode,
  title: `Occupation ${socCode}`,
  employment: null,
  mean: null,
  percentiles: { median: 100_000 + line },
  topCoded: [],
  line,
  ...more,
});

type ProfileRow = Omit<ProfilePayRecord, 'dataset' | 'source'>;
const profileRow = (profileCode: string, more: Partial<ProfileRow> = {}): ProfileRow => ({
  profileCode,
  region: 'Berlin',
  currency: 'EUR',
  p25: null,
  median: 80_000.5,
  p75: null,
  n: 3,
  asOf: null,
  ...more,
});

const writeOccupations = (db: CanonDb, meta: DatasetMeta, rows: OccupationPay[]) =>
  db.transaction((tx) => writeOccupationPay(tx, meta, rows));
const writeProfiles = (db: CanonDb, dataset: string, rows: ProfileRow[]) =>
  db.transaction((tx) => writeProfilePay(tx, dataset, `${dataset}.csv`, rows));

const bySoc = (records: OccupationPayRecord[]) =>
  [...records].sort((a, b) => `${a.dataset} ${a.socCode}`.localeCompare(`${b.dataset} ${b.socCode}`));
const byProfile = (records: ProfilePayRecord[]) =>
  [...records].sort((a, b) => `${a.dataset} ${a.profileCode}`.localeCompare(`${b.dataset} ${b.profileCode}`));

await storeContract('payRepository', (store) => {
  it('reads back occupation pay as written, leaving out the percentiles a survey did not give', async () => {
    const { db } = store();
    const rows = [
      row('15-1252', 2, {
        employment: 1_534_790,
        mean: 144_570.25,
        percentiles: { p10: 79_850, p25: 103_550, median: 132_270, p75: 167_540 },
        topCoded: ['p90'],
      }),
      row('11-3021', 3),
    ];
    expect(await writeOccupations(db, oews('oews-2024'), rows)).toBe(2);
    expect(bySoc(await readOccupationPay(db))).toEqual([
      {
        dataset: 'oews-2024',
        socCode: '11-3021',
        region: 'US',
        currency: 'USD',
        percentiles: { median: 100_003 },
        topCoded: [],
        employment: null,
        asOf: '2024-05',
        source: 'oews-2024.xlsx',
      },
      {
        dataset: 'oews-2024',
        socCode: '15-1252',
        region: 'US',
        currency: 'USD',
        percentiles: { p10: 79_850, p25: 103_550, median: 132_270, p75: 167_540 },
        topCoded: ['p90'],
        employment: 1_534_790,
        asOf: '2024-05',
        source: 'oews-2024.xlsx',
      },
    ]);
    expect(await readProfilePay(db)).toEqual([]);
  });

  it('writes a survey larger than one statement holds', async () => {
    const { db } = store();
    const rows = Array.from({ length: 1_201 }, (_, i) => row(`15-${String(i).padStart(4, '0')}`, i + 2));
    expect(await writeOccupations(db, oews('oews-2024', null), rows)).toBe(1_201);
    const read = await readOccupationPay(db);
    expect(read).toHaveLength(1_201);
    expect(new Set(read.map((r) => r.socCode)).size).toBe(1_201);
    expect(read.find((r) => r.socCode === '15-1200')).toMatchObject({
      percentiles: { median: 101_202 },
      asOf: null,
    });
  });

  it('replaces one occupation dataset whole, leaving the others alone', async () => {
    const { db } = store();
    await writeOccupations(db, oews('oews-2023'), [row('15-1252', 2)]);
    await writeOccupations(db, oews('oews-2024'), [row('15-1252', 2), row('11-3021', 3)]);
    await writeProfiles(db, 'acme', [profileRow('TECHNO.SOFTWARE0000.P3')]);
    const others = bySoc(await readOccupationPay(db)).filter((r) => r.dataset !== 'oews-2024');
    const profiles = await readProfilePay(db);
    await writeOccupations(db, oews('oews-2024'), [row('13-2011', 7)]);
    expect(bySoc(await readOccupationPay(db))).toEqual([
      ...others,
      expect.objectContaining({ dataset: 'oews-2024', socCode: '13-2011', percentiles: { median: 100_007 } }),
    ]);
    expect(await readProfilePay(db)).toEqual(profiles);
    expect(await writeOccupations(db, oews('oews-2024'), [])).toBe(0);
    expect(await readOccupationPay(db)).toEqual(others);
  });

  it('reads back profile pay as written, nullable quartiles and all', async () => {
    const { db } = store();
    await writeProfiles(db, 'acme', [
      profileRow('TECHNO.SOFTWARE0000.P3', { p25: 70_000, p75: 95_000, n: 12, asOf: '2025-01' }),
      profileRow('TECHNO.SOFTWARE0000.P2'),
    ]);
    expect(byProfile(await readProfilePay(db))).toEqual([
      {
        dataset: 'acme',
        profileCode: 'TECHNO.SOFTWARE0000.P2',
        region: 'Berlin',
        currency: 'EUR',
        p25: null,
        median: 80_000.5,
        p75: null,
        n: 3,
        source: 'acme.csv',
        asOf: null,
      },
      {
        dataset: 'acme',
        profileCode: 'TECHNO.SOFTWARE0000.P3',
        region: 'Berlin',
        currency: 'EUR',
        p25: 70_000,
        median: 80_000.5,
        p75: 95_000,
        n: 12,
        source: 'acme.csv',
        asOf: '2025-01',
      },
    ]);
    expect(await readOccupationPay(db)).toEqual([]);
  });

  it('replaces one profile dataset whole, leaving the others alone; no records empty it', async () => {
    const { db } = store();
    await writeOccupations(db, oews('oews-2024'), [row('15-1252', 2)]);
    await writeProfiles(db, 'other', [profileRow('TECHNO.SOFTWARE0000.P2')]);
    await writeProfiles(db, 'acme', [
      profileRow('TECHNO.SOFTWARE0000.P2'),
      profileRow('TECHNO.SOFTWARE0000.P3'),
    ]);
    const occupations = await readOccupationPay(db);
    await writeProfiles(db, 'acme', [profileRow('TECHNO.SOFTWARE0000.M3', { median: 120_000 })]);
    expect(byProfile(await readProfilePay(db)).map((r) => [r.dataset, r.profileCode, r.median])).toEqual([
      ['acme', 'TECHNO.SOFTWARE0000.M3', 120_000],
      ['other', 'TECHNO.SOFTWARE0000.P2', 80_000.5],
    ]);
    await writeProfiles(db, 'acme', []);
    expect((await readProfilePay(db)).map((r) => r.dataset)).toEqual(['other']);
    expect(await readOccupationPay(db)).toEqual(occupations);
  });

  it('keeps the previous figures when the transaction rolls back', async () => {
    const { db } = store();
    await writeOccupations(db, oews('oews-2024'), [row('15-1252', 2)]);
    await writeProfiles(db, 'acme', [profileRow('TECHNO.SOFTWARE0000.P2')]);
    const [occupations, profiles] = [await readOccupationPay(db), await readProfilePay(db)];
    const failure = new Error('the audit entry failed');
    await expect(
      db.transaction(async (tx) => {
        await writeOccupationPay(tx, oews('oews-2024'), [row('11-3021', 3)]);
        await writeProfilePay(tx, 'acme', 'acme.csv', []);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await readOccupationPay(db)).toEqual(occupations);
    expect(await readProfilePay(db)).toEqual(profiles);
  });
});
