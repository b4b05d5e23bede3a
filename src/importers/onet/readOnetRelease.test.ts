import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOccupationIndexData } from '../../store/occupationRepository.js';
import {
  onetFixtureFiles,
  onetFixtureZip,
  SOC_FIXTURE,
  writeOnetFixture,
} from '../../testing/onetFixture.js';
import { emptyStore } from '../../testing/testStore.js';
import { importOnetRelease } from '../../workflow/importReferenceData.js';
import { openDataset } from '../openDataset.js';
import { readOnetRelease } from './readOnetRelease.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-onet-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let n = 0;
async function read(files: Record<string, string>) {
  const folder = await writeOnetFixture(join(dir, String(n++)), files);
  return readOnetRelease(await openDataset(folder), null, null);
}

describe('readOnetRelease', () => {
  it('reads a 29.x release: occupations, titles, tasks, zones, related, technologies', async () => {
    const r = await read(onetFixtureFiles());
    expect(r.occupations.map((o) => [o.onetCode, o.socCode, o.jobZone])).toEqual([
      ['15-1252.00', '15-1252', 4],
      ['15-1211.00', '15-1211', 4],
      ['11-3021.00', '11-3021', 4],
    ]);
    expect(r.titles).toContainEqual({ onetCode: '11-3021.00', title: 'IT Director', kind: 'short' });
    expect(r.titles.some((t) => t.title === 'n/a')).toBe(false);
    expect(r.titles.map((t) => t.kind)).toContain('reported');
    expect(r.tasks).toHaveLength(2);
    expect(r.related[0]).toMatchObject({ relatedCode: '15-1211.00', tier: 'Primary-Short', rank: 1 });
    expect(r.technologies[0]).toMatchObject({ example: 'TypeScript', hot: true, inDemand: true });
    expect(r.socCodes.map((s) => s.code).sort()).toEqual(['11-3021', '15-1211', '15-1252']);
  });

  it('reads a release 28 layout without the Title column', async () => {
    const r = await read(onetFixtureFiles({ release28: true }));
    expect(r.titles.length).toBeGreaterThan(3);
    expect(r.occupations[0]?.title).toBe('Software Developers');
  });

  it('reads a zip and the SOC structure', async () => {
    const zip = join(dir, 'release.zip');
    await writeFile(zip, onetFixtureZip());
    const soc = join(dir, 'soc.tsv');
    await writeFile(soc, SOC_FIXTURE);
    const r = await readOnetRelease(await openDataset(zip), await openDataset(soc), 'soc.tsv');
    expect(r.occupations).toHaveLength(3);
    expect(r.socCodes.map((s) => s.grp)).toEqual(['major', 'minor', 'broad', 'detailed']);
  });

  const broken = (file: string, edit: (text: string) => string) => {
    const files = onetFixtureFiles();
    files[file] = edit(files[file] ?? '');
    return files;
  };

  it.each([
    [
      'a missing column',
      broken('Alternate Titles.txt', (t) => t.replace('Alternate Title', 'Alt')),
      /Alternate Titles\.txt:1: expected the column\(s\) "Alternate Title"/,
    ],
    [
      'a truncated row',
      broken('Task Statements.txt', (t) => `${t}\n15-1252.00\tSoftware Developers\t3`),
      /Task Statements\.txt:4: expected at least \d+ tab-separated fields, found 3 — is the file truncated\?/,
    ],
    [
      'a malformed code',
      broken('Job Zones.txt', (t) => t.replace('15-1211.00', '15-1211')),
      /Job Zones\.txt:3: expected an O\*NET-SOC code like 15-1252\.00; got "15-1211"/,
    ],
    [
      'an unknown occupation',
      broken('Technology Skills.txt', (t) => t.replace(/\n15-1252\.00/, '\n99-9999.00')),
      /Technology Skills\.txt:2: 99-9999\.00 is not in Occupation Data\.txt/,
    ],
    [
      'a bad job zone',
      broken('Job Zones.txt', (t) => t.replace(/\t4\t/, '\t9\t')),
      /Job Zones\.txt:2: expected a Job Zone from 1 to 5; got "9"/,
    ],
    [
      'an empty file',
      broken('Related Occupations.txt', () => ''),
      /Related Occupations\.txt(: the file is empty|:1: expected the column)/,
    ],
  ])('rejects %s, naming file and line', async (_name, files, message) => {
    await expect(read(files)).rejects.toThrow(message);
  });

  it('says which file is missing', async () => {
    const files = onetFixtureFiles();
    delete files['Job Zones.txt'];
    await expect(read(files)).rejects.toThrow(/has no "Job Zones\.txt"/);
  });
});

describe('importOnetRelease', () => {
  it('is idempotent and all-or-nothing', async () => {
    const store = await emptyStore();
    const release = await read(onetFixtureFiles());
    await importOnetRelease(store.db, { id: 'test', role: 'admin' }, release, 'fixture');
    const first = await readOccupationIndexData(store.db);
    await importOnetRelease(store.db, { id: 'test', role: 'admin' }, release, 'fixture');
    expect(await readOccupationIndexData(store.db)).toEqual(first);
    const bad = {
      ...release,
      titles: [...release.titles, { onetCode: '99-9999.00', title: 'Ghost', kind: 'alternate' as const }],
    };
    await expect(importOnetRelease(store.db, { id: 'test', role: 'admin' }, bad, 'broken')).rejects.toThrow();
    expect(await readOccupationIndexData(store.db)).toEqual(first);
    await store.close();
  });
});
