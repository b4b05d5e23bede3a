import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFilesStamp } from '../builtin/builtinFilesStamp.js';
import { buildTaxonomy } from '../testing/buildTaxonomy.js';
import {
  type CatalogInputs,
  publishCatalog,
  publishedCatalogPath,
  publishedRevision,
  readPublishedCatalog,
  withdrawCatalog,
} from './publishedCatalog.js';
import { publishedCatalogReads } from './publishedCatalogReads.js';

let dir: string;
let taxonomyDir: string;
let dataDir: string;
const inputs: CatalogInputs = {
  revision: '7',
  occupationRelease: null,
  taxonomy: buildTaxonomy([{ code: 'TECHNO', focuses: [{ key: 'software', levels: { P2: {}, P3: {} } }] }]),
  occupationPay: [],
  profilePay: [],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-published-'));
  taxonomyDir = join(dir, 'taxonomy');
  await cp(join(import.meta.dirname, '..', '..', 'data', 'functions'), join(taxonomyDir, 'functions'), {
    recursive: true,
  });
  dataDir = join(dir, 'data');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The taxonomy folder's digest as it is now, as a store's opener reads it. */
const files = () => builtinFilesStamp(taxonomyDir);

describe('the published catalog', () => {
  it('reads back what was published', async () => {
    await publishCatalog(dataDir, await files(), inputs);
    expect(await readPublishedCatalog(dataDir, await files())).toEqual(inputs);
  });

  it('is not used once a built-in file changes, or after it is withdrawn', async () => {
    await publishCatalog(dataDir, await files(), inputs);
    await writeFile(join(taxonomyDir, 'functions', 'new.yaml'), 'code: NEWFUN\n');
    expect(await readPublishedCatalog(dataDir, await files())).toBeNull();
    await publishCatalog(dataDir, await files(), inputs);
    await writeFile(join(taxonomyDir, 'functions', 'new.yaml'), 'code: NEWFUM\n');
    expect(await readPublishedCatalog(dataDir, await files())).toBeNull();
    // The same bytes with a new time (a fresh clone, a copied folder) are the same files.
    await publishCatalog(dataDir, await files(), inputs);
    const later = new Date(Date.now() + 60_000);
    await utimes(join(taxonomyDir, 'functions', 'new.yaml'), later, later);
    expect(await readPublishedCatalog(dataDir, await files())).not.toBeNull();
    await publishCatalog(dataDir, await files(), inputs);
    await withdrawCatalog(dataDir);
    expect(await readPublishedCatalog(dataDir, await files())).toBeNull();
  });

  it('is parsed once while its file is unchanged, and again once another process replaces it', async () => {
    await publishCatalog(dataDir, await files(), inputs);
    // What this process wrote is what it reads back, not a copy.
    expect(await readPublishedCatalog(dataDir, await files())).toBe(inputs);
    // Another process publishes revision 9 (the same bytes but its revision, renamed into place).
    const path = publishedCatalogPath(dataDir);
    const theirs = (await readFile(path, 'utf8')).replaceAll('"revision":"7"', '"revision":"9"');
    await writeFile(`${path}.other`, theirs);
    await rename(`${path}.other`, path);
    const read = await readPublishedCatalog(dataDir, await files());
    expect(read?.revision).toBe('9');
    expect(await readPublishedCatalog(dataDir, await files())).toBe(read);
    // Remembered or not, a publication for other built-in files is not used.
    await writeFile(join(taxonomyDir, 'functions', 'third.yaml'), 'code: THIRDS\n');
    expect(await readPublishedCatalog(dataDir, await files())).toBeNull();
  });

  it('is not used when it cannot be read whole', async () => {
    await writeFile(publishedCatalogPath(dataDir), '{"stamp":');
    expect(await readPublishedCatalog(dataDir, await files())).toBeNull();
    expect(await publishedRevision(dataDir, await files())).toBeNull();
  });

  it('tells its revision from its first line, while it is good for the built-in files', async () => {
    await publishCatalog(dataDir, await files(), inputs);
    expect(await publishedRevision(dataDir, await files())).toBe('7');
    await writeFile(join(taxonomyDir, 'functions', 'other.yaml'), 'code: OTHERS\n');
    expect(await publishedRevision(dataDir, await files())).toBeNull();
    await publishCatalog(dataDir, await files(), { ...inputs, revision: '8' });
    expect(await publishedRevision(dataDir, await files())).toBe('8');
    // A file of the earlier format (one JSON document, no head line) is not this one.
    await writeFile(publishedCatalogPath(dataDir), JSON.stringify({ stamp: 'x', ...inputs }));
    expect(await publishedRevision(dataDir, await files())).toBeNull();
    expect(await readPublishedCatalog(dataDir, await files())).toBeNull();
    await withdrawCatalog(dataDir);
    expect(await publishedRevision(dataDir, await files())).toBeNull();
  });
});

describe('publishedCatalogReads', () => {
  const config = () => ({ databaseUrl: null, dataDir, taxonomyDir });

  it('answers from a publication when nobody holds the store, and from a live holder’s', async () => {
    await publishCatalog(dataDir, await files(), inputs);
    const reads = await publishedCatalogReads(config(), { resolver: false });
    expect(reads?.catalog.taxonomy.profiles.map((p) => p.code)).toEqual(
      inputs.taxonomy.profiles.map((p) => p.code),
    );
    await writeFile(`${dataDir}.lock`, String(process.pid));
    expect(await publishedCatalogReads(config(), { resolver: false })).not.toBeNull();
  });

  it('does not trust the publication of a holder that died: it may have written after it', async () => {
    await publishCatalog(dataDir, await files(), inputs);
    await writeFile(`${dataDir}.lock`, String(spawnSync(process.execPath, ['-e', '']).pid));
    expect(await publishedCatalogReads(config(), { resolver: false })).toBeNull();
    await rm(`${dataDir}.lock`);
  });

  it('leaves resolving to the store when a release is imported, and PostgreSQL to itself', async () => {
    await publishCatalog(dataDir, await files(), { ...inputs, occupationRelease: 'O*NET 29.3' });
    expect(await publishedCatalogReads(config(), { resolver: true })).toBeNull();
    expect(await publishedCatalogReads(config(), { resolver: false })).not.toBeNull();
    expect(
      await publishedCatalogReads({ ...config(), databaseUrl: 'postgres://x' }, { resolver: false }),
    ).toBeNull();
  });
});
