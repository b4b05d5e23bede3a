import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { CanonError } from '../core/errors.js';
import { checkDataDir } from './checkDataDir.js';
import { advertiseServer, lockDataDir } from './dataDirLock.js';
import { migrate, type RawTransaction } from './migrate.js';
import { schema } from './schema.js';
import { createFromTemplate } from './storeTemplate.js';

export type CanonDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Store {
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for logs and error messages (never includes a password). */
  location: string;
  db: CanonDb;
  /**
   * Says where a server on this store listens and the token its owner's CLI may present, so other
   * processes on the machine can reach it (the embedded store's lock; elsewhere nothing).
   */
  advertise(url: string, token: string): Promise<void>;
  close(): Promise<void>;
}

export type StoreOptions =
  | {
      kind: 'pglite';
      dataDir: string;
      minFreeBytes?: number;
      /** Where a freshly created store is kept, to copy for the next new data folder (storeTemplate.ts). */
      cacheDir?: string | null;
      /** PostgreSQL's buffer pool in megabytes; PGlite's own default (128) when absent. */
      sharedBuffersMb?: number;
    }
  | { kind: 'pglite'; client: PGlite; location?: string }
  | { kind: 'postgres'; url: string; schema?: string; max?: number };

/** Opens the embedded or the PostgreSQL store and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  return options.kind === 'postgres' ? openPostgres(options) : openPglite(options);
}

async function openPglite(options: Extract<StoreOptions, { kind: 'pglite' }>): Promise<Store> {
  const owned = !('client' in options);
  const location = 'client' in options ? (options.location ?? 'memory') : options.dataDir;
  let client: PGlite | undefined;
  let unlock = async () => {};
  try {
    if ('client' in options) {
      client = options.client;
    } else {
      await checkDataDir(options.dataDir, options.minFreeBytes ?? 0);
      // Checked first, so a folder that cannot take the lock beside it gets the check's clear message.
      unlock = await lockDataDir(options.dataDir);
      if (!existsSync(join(options.dataDir, 'PG_VERSION')))
        await createFromTemplate(options.dataDir, options.cacheDir ?? null, createDatabase);
      client = await PGlite.create(
        options.dataDir,
        options.sharedBuffersMb === undefined
          ? {}
          : {
              startParams: [
                ...PGlite.defaultStartParams,
                '-c',
                `shared_buffers=${options.sharedBuffersMb}MB`,
              ],
            },
      );
    }
    const opened = client;
    await migrate((fn) =>
      opened.transaction((tx) =>
        fn({
          exec: async (text) => void (await tx.exec(text)),
          query: async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows,
        }),
      ),
    );
    return {
      kind: 'pglite',
      location,
      db: drizzlePglite({ client: opened, schema }) as unknown as CanonDb,
      advertise: (url, token) =>
        'dataDir' in options ? advertiseServer(options.dataDir, url, token) : Promise.resolve(),
      close: async () => {
        await opened.close();
        await unlock();
      },
    };
  } catch (cause) {
    if (owned) await client?.close().catch(() => {});
    await unlock();
    if (cause instanceof CanonError) throw cause;
    throw new CanonError(
      'store_unavailable',
      `Cannot open the embedded store in ${location}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
}

/**
 * Creates the embedded database in a child process. Creating it (initdb) grows PGlite's
 * WebAssembly memory to about 1 GB, which an instance never hands back; a process
 * gives all of it back when it exits, so the server then runs at under half of that.
 */
async function createDatabase(dataDir: string): Promise<void> {
  const module = import.meta.resolve('@electric-sql/pglite');
  const code = `const { PGlite } = await import(${JSON.stringify(module)}); await (await PGlite.create(${JSON.stringify(dataDir)})).close();`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (exitCode) =>
      exitCode === 0
        ? resolve()
        : reject(new Error(`creating the database failed (${exitCode}): ${stderr.trim().slice(0, 500)}`)),
    );
  });
}

async function openPostgres(options: Extract<StoreOptions, { kind: 'postgres' }>): Promise<Store> {
  const location = redact(options.url);
  // Loaded here: on the embedded store, the driver and what it pulls in (Node's fetch) would cost every
  // command about 0.2 s at its start.
  const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
  ]);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reports it instead.
  pool.on('error', () => {});
  try {
    await migrate(async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const raw: RawTransaction = {
          exec: async (text) => void (await client.query(text)),
          query: async <T>(text: string, params?: unknown[]) =>
            (await client.query(text, params)).rows as T[],
        };
        const result = await fn(raw);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    });
  } catch (cause) {
    await pool.end().catch(() => {});
    throw new CanonError(
      'store_unavailable',
      `Cannot use PostgreSQL at ${location}: ${(cause as Error).message}`,
      { cause },
    );
  }
  return {
    kind: 'postgres',
    location,
    db: drizzlePg({ client: pool, schema }) as unknown as CanonDb,
    // Every process reaches PostgreSQL itself; there is no lock to share an address through.
    advertise: () => Promise.resolve(),
    close: () => pool.end(),
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    u.password = u.password ? '***' : '';
    return u.toString();
  } catch {
    return 'an unparseable DATABASE_URL';
  }
}
