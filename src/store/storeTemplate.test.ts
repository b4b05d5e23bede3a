import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './openStore.js';
import { storeMeta } from './schema.js';
import { createFromTemplate } from './storeTemplate.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-template-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Stands in for initdb: writes a cluster's marker and one file, and counts its calls. */
function fakeCreate() {
  const made: string[] = [];
  const create = async (dataDir: string) => {
    made.push(dataDir);
    await mkdir(join(dataDir, 'base'), { recursive: true });
    await writeFile(join(dataDir, 'base', 'made-by'), dataDir);
    await writeFile(join(dataDir, 'PG_VERSION'), '17\n');
  };
  return { made, create };
}

describe('createFromTemplate', () => {
  it('creates the first store, keeps it, and copies it for every later one', async () => {
    const cache = join(dir, 'cache-1');
    const { made, create } = fakeCreate();
    const [first, second, third] = ['a', 'b', 'c'].map((n) => join(dir, `copies-${n}`)) as [
      string,
      string,
      string,
    ];
    await createFromTemplate(first, cache, create);
    await createFromTemplate(second, cache, create);
    await createFromTemplate(third, cache, create);
    expect(made).toEqual([first]);
    expect(await readFile(join(third, 'base', 'made-by'), 'utf8')).toBe(first);
    expect(await readFile(join(third, 'PG_VERSION'), 'utf8')).toBe('17\n');
    // Only the finished template is left in the cache, no partial copy.
    expect((await readdir(cache)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('keeps nothing without a cache folder, and still creates the store when the cache cannot be written', async () => {
    const { made, create } = fakeCreate();
    await createFromTemplate(join(dir, 'plain-a'), null, create);
    await createFromTemplate(join(dir, 'plain-b'), null, create);
    expect(made).toHaveLength(2);

    const blocked = join(dir, 'not-a-folder');
    await writeFile(blocked, 'a file where the cache would go');
    await createFromTemplate(join(dir, 'blocked-a'), blocked, create);
    await createFromTemplate(join(dir, 'blocked-b'), blocked, create);
    expect(made).toHaveLength(4);
    expect(existsSync(join(dir, 'blocked-b', 'PG_VERSION'))).toBe(true);
  });

  it('after a failed copy, takes away only what the copy added, and creates the store afresh', async () => {
    const cache = join(dir, 'cache-3');
    const { made, create } = fakeCreate();
    await createFromTemplate(join(dir, 'failing-a'), cache, async (dataDir) => {
      await create(dataDir);
      await mkdir(join(dataDir, 'global'));
      await writeFile(join(dataDir, 'global', 'pg_control'), '');
      await writeFile(join(dataDir, 'postgresql.conf'), '');
    });
    // The user's own folder where the template has a file: the copy fails after making its folders.
    const own = join(dir, 'failing-b');
    await mkdir(join(own, 'postgresql.conf'), { recursive: true });
    await writeFile(join(own, 'postgresql.conf', 'notes'), 'mine');
    await createFromTemplate(own, cache, create);
    expect(made).toEqual([join(dir, 'failing-a'), own]);
    expect(await readFile(join(own, 'postgresql.conf', 'notes'), 'utf8')).toBe('mine');
    // The copy's folder is gone; what is there is what the creation made.
    expect(existsSync(join(own, 'global'))).toBe(false);
    expect(await readFile(join(own, 'base', 'made-by'), 'utf8')).toBe(own);
  });

  it("leaves the data folder's own files alone", async () => {
    const cache = join(dir, 'cache-2');
    const { create } = fakeCreate();
    await createFromTemplate(join(dir, 'own-a'), cache, create);
    const own = join(dir, 'own-b');
    await mkdir(own, { recursive: true });
    await writeFile(join(own, 'notes.txt'), 'mine');
    await createFromTemplate(own, cache, create);
    expect(await readFile(join(own, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(own, 'PG_VERSION'))).toBe(true);
  });
});

describe('openStore on a data folder', () => {
  it('sets up the buffer pool it is asked for', async () => {
    const store = await openStore({
      kind: 'pglite',
      dataDir: join(dir, 'buffers'),
      cacheDir: join(dir, 'cache-real'),
      sharedBuffersMb: 16,
    });
    try {
      const shown = (await store.db.execute(sql`SHOW shared_buffers`)) as { rows?: unknown[] };
      expect(shown.rows).toEqual([{ shared_buffers: '16MB' }]);
    } finally {
      await store.close();
    }
  });

  it('opens a copied store as its own: migrated, writable, and apart from the first', async () => {
    const cacheDir = join(dir, 'cache-real');
    const first = await openStore({ kind: 'pglite', dataDir: join(dir, 'real-a'), cacheDir });
    await first.db.execute(sql`INSERT INTO store_meta (key, value) VALUES ('only-in', 'a')`);
    await first.close();
    const kept = (await readdir(cacheDir)).filter((n) => n.startsWith('empty-store-pglite-'));
    expect(kept).toHaveLength(1);
    // A file of our own in the kept store shows that the next store is that copy, not a new initdb.
    await writeFile(join(cacheDir, kept[0] ?? '', 'copied-from-cache'), '');

    const second = await openStore({ kind: 'pglite', dataDir: join(dir, 'real-b'), cacheDir });
    expect(existsSync(join(dir, 'real-b', 'copied-from-cache'))).toBe(true);
    try {
      expect(await second.db.select().from(storeMeta).where(eq(storeMeta.key, 'only-in'))).toEqual([]);
      await second.db.execute(sql`INSERT INTO store_meta (key, value) VALUES ('only-in', 'b')`);
    } finally {
      await second.close();
    }
  });
});
