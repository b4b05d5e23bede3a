import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { CanonDb, Store } from '../store/openStore.js';
import { reportSkip } from './reportSkip.js';
import { clonedStore, type OpenTestStore, postgresTarget } from './testStore.js';

/**
 * Declares one repository's contract on every store: the embedded PGlite store
 * and PostgreSQL (skipped, with the reason printed, when it does not answer).
 * Each backend opens one store for the file and empties it before every test,
 * so each test starts from a freshly migrated, empty store without paying for
 * a new database (over a second on PGlite) each time.
 */
export async function storeContract(suite: string, define: (store: () => Store) => void): Promise<void> {
  const target = await postgresTarget();
  if ('skip' in target) reportSkip(`${suite} contract, PostgreSQL run`, target.skip);
  const backends: [string, OpenTestStore | null][] = [
    [
      'pglite',
      async () => {
        // Cloning the run's template (then emptying it) is quicker than migrating a new database.
        const store = await clonedStore();
        return { store, drop: () => store.close() };
      },
    ],
    ['postgres', 'skip' in target ? null : () => target.open()],
  ];
  for (const [name, open] of backends) {
    describe.skipIf(!open)(`${suite} on ${name}`, () => {
      let opened: Awaited<ReturnType<OpenTestStore>> | undefined;
      beforeAll(async () => {
        opened = await open?.();
      });
      afterAll(async () => {
        await opened?.drop();
      });
      beforeEach(async () => {
        if (opened) await emptyTables(opened.store.db);
      });
      define(() => {
        if (!opened) throw new Error(`no ${name} store is open`);
        return opened.store;
      });
    });
  }
}

/** Every table the migrations made, emptied and its sequences restarted: a store as freshly migrated. */
async function emptyTables(db: CanonDb): Promise<void> {
  const { rows } = (await db.execute(
    sql`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'canon_migrations'`,
  )) as unknown as { rows: { tablename: string }[] };
  const tables = rows.map((r) => `"${r.tablename}"`).join(', ');
  // TRUNCATE fires no row triggers, so it also clears the versions nothing may UPDATE or DELETE.
  await db.execute(sql.raw(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`));
}

/** Lets the store's clock move on between writes whose order a test reads back: PGlite's counts milliseconds. */
export function clockTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}

/** The database's own words for why a write was refused (drivers wrap them in errors of their own). */
export async function refusal(write: Promise<unknown>): Promise<string> {
  const error = await write.then(
    () => null,
    (e: unknown) => e as Error,
  );
  if (!error) throw new Error('the write was expected to be refused, and it went through');
  return String((error.cause as Error | undefined)?.message ?? error.message);
}
