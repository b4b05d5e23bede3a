import { cp, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFilesStamp } from '../builtin/builtinFilesStamp.js';
import { releasePath } from '../builtin/loadBuiltinTaxonomy.js';
import { writeRelease } from '../builtin/releaseFile.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import type { OccupationPayRecord } from '../core/payBands.js';
import { readAudit } from '../store/auditRepository.js';
import { readBuiltinWages } from '../store/builtinFilesRepository.js';
import type { Store } from '../store/openStore.js';
import { clonedStore } from '../testing/testStore.js';
import { syncBuiltinFiles } from './syncBuiltinFiles.js';

function wage(socCode: string, median: number): OccupationPayRecord {
  return {
    dataset: 'test-oews',
    socCode,
    region: 'US',
    currency: 'USD',
    percentiles: { median },
    topCoded: [],
    employment: 1_000,
    asOf: 'May 2024',
    source: 'test',
  };
}

/** A taxonomy folder: the curated files shipped in data/, and a release that carries only wages. */
async function taxonomyFolder(wages: OccupationPayRecord[]): Promise<string> {
  const folder = await mkdtemp(join(dir, 'data-'));
  for (const name of ['functions', 'focuses', 'sources.yaml', 'overlay.yaml'])
    await cp(join(PROJECT_ROOT, 'data', name), join(folder, name), { recursive: true });
  await writeWages(folder, wages);
  return folder;
}

const writeWages = (folder: string, wages: OccupationPayRecord[]) =>
  writeRelease(releasePath(folder), {
    version: '1+test',
    builtFrom: [],
    wages,
    taxonomy: { sources: [], functions: [], focuses: [], profiles: [] },
  });

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-builtin-files-'));
  store = await clonedStore();
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('syncBuiltinFiles', () => {
  it('parses the files once, and again only when their bytes change, not their times', async () => {
    const folder = await taxonomyFolder([wage('15-1252', 130_000)]);
    // The clone holds the curated taxonomy already, but no record of which files it came from.
    expect(await syncBuiltinFiles(store.db, folder, await builtinFilesStamp(folder))).toEqual({
      changed: true,
      parsed: true,
    });
    expect(await readBuiltinWages(store.db)).toEqual([wage('15-1252', 130_000)]);

    expect(await syncBuiltinFiles(store.db, folder, await builtinFilesStamp(folder))).toEqual({
      changed: false,
      parsed: false,
    });
    const later = new Date(Date.now() + 60_000);
    await utimes(join(folder, 'sources.yaml'), later, later);
    expect(await syncBuiltinFiles(store.db, folder, await builtinFilesStamp(folder))).toEqual({
      changed: false,
      parsed: false,
    });

    // The same files in another folder (a fresh clone) are the same files.
    const copy = join(dir, 'copy');
    await cp(folder, copy, { recursive: true });
    expect(await syncBuiltinFiles(store.db, copy, await builtinFilesStamp(copy))).toEqual({
      changed: false,
      parsed: false,
    });
  });

  it('loads and logs wages that changed while the taxonomy did not', async () => {
    const folder = await taxonomyFolder([wage('15-1252', 130_000)]);
    await syncBuiltinFiles(store.db, folder, await builtinFilesStamp(folder));
    await writeWages(folder, [wage('15-1252', 140_000), wage('29-1141', 90_000)]);

    expect(await syncBuiltinFiles(store.db, folder, await builtinFilesStamp(folder))).toEqual({
      changed: true,
      parsed: true,
    });
    expect(await readBuiltinWages(store.db)).toEqual([wage('15-1252', 140_000), wage('29-1141', 90_000)]);
    const [entry] = await readAudit(store.db, { target: 'data/', limit: 1 });
    expect(entry).toMatchObject({ action: 'taxonomy.load', actor: 'builtin' });
    expect(entry?.note).toMatch(/wages changed \(2 occupation/);
  });

  it('records nothing from files it cannot read, so the next start reads them again', async () => {
    const folder = await taxonomyFolder([wage('15-1252', 130_000)]);
    await syncBuiltinFiles(store.db, folder, await builtinFilesStamp(folder));
    await writeFile(join(folder, 'sources.yaml'), 'sources: [unclosed\n');
    await expect(syncBuiltinFiles(store.db, folder, await builtinFilesStamp(folder))).rejects.toThrow(
      /sources\.yaml/,
    );
    await expect(syncBuiltinFiles(store.db, folder, await builtinFilesStamp(folder))).rejects.toThrow(
      /sources\.yaml/,
    );
  });
});
