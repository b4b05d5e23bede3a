import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnetRelease } from '../importers/onet/readOnetRelease.js';
import { openDataset } from '../importers/openDataset.js';
import { buildResolver } from '../resolve/resolverSources.js';
import { writeOnetFixture } from '../testing/onetFixture.js';
import { clonedStore } from '../testing/testStore.js';
import { importOnetRelease } from '../workflow/importReferenceData.js';
import { type Canon, canonOn } from './openCanon.js';

const M3 = 'TECHNO.TECHNOLO6B55.M3';
const editor = { id: 'test', role: 'editor' } as const;

let dir: string;
let canon: Canon;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-open-'));
  canon = await canonOn(await clonedStore());
});
afterAll(async () => {
  await canon.store.close();
  await rm(dir, { recursive: true, force: true });
});

const importFixture = async (source: string) => {
  const folder = await writeOnetFixture(join(dir, source));
  await importOnetRelease(
    canon.store.db,
    { id: 'test', role: 'admin' },
    await readOnetRelease(await openDataset(folder), null, null),
    source,
  );
  await canon.reload();
};

describe('canonOn: the title resolver on a fresh store', () => {
  it('codes titles with the occupation tables shipped in data/ when no O*NET release is imported', async () => {
    const fresh = await canonOn(await clonedStore());
    try {
      const { status, candidates } = (await fresh.resolver()).resolve({ title: 'Registered Nurse' });
      expect(status).toBe('resolved');
      expect(candidates[0]?.soc?.code).toBe('29-1141');
      expect((await fresh.resolver()).resolve({ title: 'Welder' }).candidates[0]?.soc?.code).toBe('51-4121');
    } finally {
      await fresh.store.close();
    }
  });
});

describe('canonOn: the title resolver across writes', () => {
  it('keeps the occupation index through a profile write and rebuilds it for a new O*NET release', async () => {
    await importFixture('first');
    const before = await canon.resolver();
    expect(before.resolve({ title: 'Software Developer' }).candidates[0]?.soc?.code).toBe('15-1252');

    await canon.workflow.propose(editor, M3, { remove: { aliases: [] } });
    const afterWrite = await canon.resolver();
    expect(afterWrite).not.toBe(before);
    expect(afterWrite.index).toBe(before.index);

    await importFixture('second');
    expect((await canon.resolver()).index).not.toBe(before.index);
  });

  it('tries again after a failed build instead of remembering the failure', async () => {
    await importFixture('third');
    await canon.store.db.execute(sql.raw('ALTER TABLE occupation_titles RENAME TO occupation_titles_away'));
    try {
      await expect(canon.resolver()).rejects.toThrow();
    } finally {
      await canon.store.db.execute(sql.raw('ALTER TABLE occupation_titles_away RENAME TO occupation_titles'));
    }
    const resolver = await canon.resolver();
    expect(resolver.resolve({ title: 'Software Developer' }).candidates[0]?.soc?.code).toBe('15-1252');
  });
});

describe('canonOn: what coding threads build their resolver from', () => {
  const titles = ['Registered Nurse', 'Software Developer', 'VP of Engineering', 'Senior Welder', 'Analyst'];
  const answers = (resolver: Awaited<ReturnType<Canon['resolver']>>) =>
    titles.map((title) => resolver.resolve({ title, employer: 'Acme Software' }));

  it('builds, from plain sources, the resolver canon builds: the shipped tables, then an imported release', async () => {
    const fresh = await canonOn(await clonedStore());
    try {
      const sources = await fresh.resolverSources();
      expect(sources.occupations).toBeNull();
      expect(sources.landing.focuses).toHaveLength(fresh.catalog.taxonomy.focuses.length);
      // Plain data: what a worker thread is handed must survive the structured clone.
      expect(answers(await buildResolver(structuredClone(sources)))).toEqual(answers(await fresh.resolver()));
    } finally {
      await fresh.store.close();
    }
    await importFixture('sources');
    const imported = await canon.resolverSources();
    expect(imported.occupations?.occupations.length).toBeGreaterThan(0);
    expect(answers(await buildResolver(structuredClone(imported)))).toEqual(answers(await canon.resolver()));
  });
});
