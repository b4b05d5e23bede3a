import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { contentHash } from '../../core/content/profileContent.js';
import type { Review } from '../../core/review/reviewProfile.js';
import { DIMENSIONS } from '../../core/review/reviewRules.js';
import { refusal, storeContract } from '../../testing/storeContract.js';
import type { CanonDb } from '../openStore.js';
import {
  insertVersion,
  insertVersions,
  type NewVersion,
  readLatestVersions,
  readVersion,
  readVersions,
} from '../profileVersionRepository.js';
import { profileVersions } from '../schema.js';
import { sampleContent } from './sampleContent.js';

const P2 = 'TECHNO.SOFTWARE0000.P2';
const P3 = 'TECHNO.SOFTWARE0000.P3';

const review: Review = {
  code: P2,
  scores: Object.fromEntries(DIMENSIONS.map((d, i) => [d, 3 + i * 0.25])) as Review['scores'],
  minimum: 3,
  passed: true,
  confidence: { score: 0.72, band: 'medium' },
  findings: [
    {
      kind: 'declaredGap',
      dimension: 'levelDifferentiation',
      severity: 'warn',
      message: 'Close to the level below.',
      statements: ['responsibilities: designs the services'],
    },
  ],
  sources: 2,
};

const version = (profileCode: string, n: number, more: Partial<NewVersion> = {}): NewVersion => ({
  profileCode,
  version: n,
  content: sampleContent(`${profileCode} v${n}`),
  review: null,
  approvedBy: 'builtin',
  note: null,
  ...more,
});

/** insertVersion in a transaction of its own, as an approval does. */
const approve = (db: CanonDb, v: NewVersion) => db.transaction((tx) => insertVersion(tx, v));

await storeContract('profileVersionRepository', (store) => {
  it('reads back a version as approved, with its content hash and when it was approved', async () => {
    const { db } = store();
    const v = version(P2, 1, { review, approvedBy: 'key:0a1b2c3d (alice)', note: 'first approval' });
    const created = await approve(db, v);
    expect(created).toEqual({
      ...v,
      contentHash: contentHash(v.content),
      approvedAt: expect.any(String),
    });
    expect(Math.abs(Date.parse(created.approvedAt) - Date.now())).toBeLessThan(60_000);
    expect(await readVersion(db, P2, 1)).toEqual(created);
    expect(await readVersion(db, P2, 2)).toBeNull();
    expect(await readVersion(db, P3, 1)).toBeNull();
  });

  it('reads the versions of one profile newest first, all or the newest few', async () => {
    const { db } = store();
    for (const n of [2, 1, 3]) await approve(db, version(P2, n));
    await approve(db, version(P3, 7));
    expect((await readVersions(db, P2)).map((v) => v.version)).toEqual([3, 2, 1]);
    expect((await readVersions(db, P2, 1)).map((v) => v.version)).toEqual([3]);
    expect((await readVersions(db, P2, 2)).map((v) => v.content)).toEqual([
      sampleContent(`${P2} v3`),
      sampleContent(`${P2} v2`),
    ]);
    expect(await readVersions(db, 'TECHNO.SOFTWARE0000.M1')).toEqual([]);
  });

  it('reads the newest version of every profile that has one', async () => {
    const { db } = store();
    await db.transaction((tx) => insertVersions(tx, [version(P2, 1), version(P2, 3), version(P3, 1)]));
    await approve(db, version(P2, 2));
    const latest = await readLatestVersions(db);
    expect([...latest.keys()].sort()).toEqual([P2, P3]);
    expect(latest.get(P2)).toEqual(await readVersion(db, P2, 3));
    expect(latest.get(P3)?.version).toBe(1);
  });

  it('loads many versions at once, more than one statement holds', async () => {
    const { db } = store();
    const many = Array.from({ length: 450 }, (_, i) => version(`TECHNO.SOFTWARE0000.X${i}`, 1));
    await db.transaction((tx) => insertVersions(tx, many));
    const latest = await readLatestVersions(db);
    expect(latest.size).toBe(450);
    expect(latest.get('TECHNO.SOFTWARE0000.X449')).toMatchObject({
      content: many[449]?.content,
      contentHash: contentHash(many[449]?.content ?? sampleContent('')),
    });
  });

  it('refuses a version number already taken, and numbers below 1', async () => {
    const { db } = store();
    const first = await approve(db, version(P2, 1));
    const taken = /duplicate key value violates unique constraint "profile_versions_pkey"/;
    expect(await refusal(approve(db, version(P2, 1, { note: 'again' })))).toMatch(taken);
    expect(await refusal(approve(db, version(P2, 0)))).toMatch(
      /violates check constraint "profile_versions_version_check"/,
    );
    expect(
      await refusal(db.transaction((tx) => insertVersions(tx, [version(P3, 1), version(P2, 1)]))),
    ).toMatch(taken);
    expect(await readVersions(db, P2)).toEqual([first]);
    expect(await readVersions(db, P3)).toEqual([]);
  });

  it('keeps an approved version as it is: the store refuses to change or delete it', async () => {
    const { db } = store();
    const created = await approve(db, version(P2, 1));
    const immutable = new RegExp(`approved version 1 of ${P2} is immutable`);
    expect(
      await refusal(
        db.update(profileVersions).set({ note: 'rewritten' }).where(eq(profileVersions.profileCode, P2)),
      ),
    ).toMatch(immutable);
    expect(await refusal(db.delete(profileVersions).where(eq(profileVersions.profileCode, P2)))).toMatch(
      immutable,
    );
    expect(await readVersions(db, P2)).toEqual([created]);
  });

  it('keeps nothing of a rolled-back approval', async () => {
    const { db } = store();
    const failure = new Error('the audit entry failed');
    await expect(
      db.transaction(async (tx) => {
        await insertVersion(tx, version(P2, 1));
        await insertVersions(tx, [version(P3, 1)]);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect((await readLatestVersions(db)).size).toBe(0);
    expect(await approve(db, version(P2, 1))).toMatchObject({ version: 1 });
  });
});
