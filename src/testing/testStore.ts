import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT, testDatabaseUrl } from '../config/readConfig.js';
import { openStore, type Store, type StoreOptions } from '../store/openStore.js';
import { syncBuiltinTaxonomy } from '../workflow/syncBuiltinTaxonomy.js';
import { reportSkip } from './reportSkip.js';

/**
 * A template's bytes, read once per test process: the files a process runs share its modules
 * (vitest.config.ts), and the dumps are left uncompressed, so a clone costs no read and no gunzip
 * (0.9 s against 1.3 s for the 4.9 MB gzip of the same 42 MB).
 */
const templates = new Map<string, Promise<Blob>>();
function template(name: 'pgliteTemplate' | 'openedStoreTemplate'): Promise<Blob> {
  const path = inject(name);
  let blob = templates.get(path);
  if (!blob) {
    blob = readFile(path).then((bytes) => new Blob([bytes]));
    templates.set(path, blob);
  }
  return blob;
}

/** A private embedded store holding the migrated built-in taxonomy, cloned from the run's template. */
export async function clonedStore(): Promise<Store> {
  const client = await PGlite.create({ loadDataDir: await template('pgliteTemplate') });
  return openStore({ kind: 'pglite', client, location: 'test clone' });
}

/**
 * Writes an embedded store in `dataDir` as Canon's first open leaves one (the built-in release loaded,
 * its files' digest recorded), for tests that run commands or openCanon on a data folder.
 */
export async function openedDataDir(dataDir: string): Promise<void> {
  const client = await PGlite.create(dataDir, { loadDataDir: await template('openedStoreTemplate') });
  await client.close();
}

/** An empty embedded store (migrated, no taxonomy). */
export async function emptyStore(): Promise<Store> {
  return openStore({ kind: 'pglite', client: await PGlite.create(), location: 'empty test store' });
}

const DEFAULT_LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface PostgresTarget {
  url: string;
  /** Opens a store in a fresh schema of its own; drop it with the returned function. */
  open(): Promise<{ store: Store; drop(): Promise<void>; options: StoreOptions }>;
}

/**
 * The PostgreSQL the contract suite runs against: CANON_TEST_DATABASE_URL, or
 * the local server on 127.0.0.1:5432. Returns the reason instead when neither answers.
 */
export async function postgresTarget(): Promise<PostgresTarget | { skip: string }> {
  const url = testDatabaseUrl() ?? DEFAULT_LOCAL_URL;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
    await admin.end();
  } catch (error) {
    return {
      skip: `PostgreSQL not reachable at ${url.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}); set CANON_TEST_DATABASE_URL to run it`,
    };
  }
  return {
    url,
    async open() {
      const schema = `canon_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.end();
      const options: StoreOptions = { kind: 'postgres', url, schema, max: 4 };
      const store = await openStore(options);
      return {
        store,
        options,
        async drop() {
          await store.close();
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`DROP SCHEMA ${schema} CASCADE`);
          await c.end();
        },
      };
    },
  };
}

/** Opens a store of its own for one test; `drop` closes it and removes what it held. */
export type OpenTestStore = () => Promise<{ store: Store; drop(): Promise<void> }>;

/**
 * The stores a suite runs on, each holding the built-in taxonomy: a PGlite
 * clone, and a schema of its own on PostgreSQL — null, with a warning naming
 * the suite, when PostgreSQL does not answer.
 */
export async function storesWithTaxonomy(suite: string): Promise<[string, OpenTestStore | null][]> {
  const target = await postgresTarget();
  if ('skip' in target) reportSkip(`${suite}, PostgreSQL run`, target.skip);
  return [
    [
      'pglite',
      async () => {
        const store = await clonedStore();
        return { store, drop: () => store.close() };
      },
    ],
    [
      'postgres',
      'skip' in target
        ? null
        : async () => {
            const opened = await target.open();
            await syncBuiltinTaxonomy(opened.store.db, await loadTaxonomy(join(PROJECT_ROOT, 'data')));
            return opened;
          },
    ],
  ];
}
