import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFilesStamp } from '../builtin/builtinFilesStamp.js';
import { PROJECT_ROOT, readConfig } from '../config/readConfig.js';
import { readRevision } from '../store/auditRepository.js';
import { openStore } from '../store/openStore.js';
import { Workspaces } from '../workflow/workspaces.js';
import { openCanon } from './openCanon.js';
import { type CatalogInputs, publishedCatalogPath, publishedRevision } from './publishedCatalog.js';

let dir: string;
let config: Parameters<typeof openCanon>[0];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-publication-'));
  // The curated files alone: the release's thousand profiles would only make this test slower.
  const taxonomyDir = join(dir, 'taxonomy');
  for (const name of ['functions', 'focuses', 'sources.yaml', 'overlay.yaml'])
    await cp(join(PROJECT_ROOT, 'data', name), join(taxonomyDir, name), { recursive: true });
  config = { databaseUrl: null, dataDir: join(dir, 'data'), taxonomyDir, cacheDir: readConfig().cacheDir };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const openAndClose = async () => (await openCanon(config)).close();
const written = async () => (await stat(publishedCatalogPath(config.dataDir))).mtimeMs;

describe('openCanon and the snapshot published beside the embedded store', () => {
  it('keeps a publication that holds the store’s revision, and replaces one behind it', async () => {
    await openAndClose();
    const first = await written();
    const revision = await publishedRevision(config.dataDir, await builtinFilesStamp(config.taxonomyDir));
    expect(revision).not.toBeNull();

    // Nothing written since: the file is the one this start would write, so it is left as it is.
    await openAndClose();
    expect(await written()).toBe(first);

    // A process that wrote and died before publishing (here: a write on the bare store).
    const store = await openStore({ kind: 'pglite', dataDir: config.dataDir });
    await new Workspaces(store.db).create({ id: 'admin', role: 'admin' }, { id: 'acme', name: 'Acme' });
    const moved = await readRevision(store.db);
    await store.close();
    expect(moved).not.toBe(revision);

    await openAndClose();
    expect(await publishedRevision(config.dataDir, await builtinFilesStamp(config.taxonomyDir))).toBe(moved);
  });

  it('reads its first snapshot from a current publication rather than the store', async () => {
    await openAndClose();
    // A mark only the file carries: a store read would not have it.
    const path = publishedCatalogPath(config.dataDir);
    const text = await readFile(path, 'utf8');
    const newline = text.indexOf('\n');
    const inputs = JSON.parse(text.slice(newline + 1)) as CatalogInputs;
    const [first] = inputs.taxonomy.profiles;
    if (!first) throw new Error('no profile published');
    first.region = 'from-the-file';
    await writeFile(path, `${text.slice(0, newline)}\n${JSON.stringify(inputs)}`);

    const canon = await openCanon(config);
    try {
      expect(canon.catalog.taxonomy.profiles.find((p) => p.code === first.code)?.region).toBe(
        'from-the-file',
      );
      // Its next read is the store's own.
      await canon.reload();
      expect(canon.catalog.taxonomy.profiles.find((p) => p.code === first.code)?.region).not.toBe(
        'from-the-file',
      );
    } finally {
      await canon.close();
    }
  });
});
