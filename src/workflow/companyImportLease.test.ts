import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NORTHWIND_CSV } from '../company/fixtures/northwindXlsx.js';
import { CanonError } from '../core/errors.js';
import type { Actor } from '../core/roles.js';
import { canonOn } from '../runtime/openCanon.js';
import { readCompanyImports } from '../store/companyRepository.js';
import type { CanonDb, Store } from '../store/openStore.js';
import { workspaces } from '../store/schema.js';
import { storesWithTaxonomy } from '../testing/testStore.js';
import { withImportLease } from './companyImportLease.js';
import { CompanyImports } from './companyImports.js';

/**
 * The workspace's import lease on each store (PostgreSQL when it answers): a second import is refused
 * at its start while the first runs, whichever process runs it; a lapsed lease blocks nothing.
 */
const OPERATOR: Actor = { id: 'cli:test', role: 'admin', operator: true };

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

async function refusal(work: Promise<unknown>): Promise<CanonError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof CanonError)) throw new Error(`expected a CanonError, got ${String(error)}`);
  return error;
}

interface LeaseRow {
  workspace_id: string;
  run_id: string;
  holder: string;
  live: boolean;
}

async function leases(db: CanonDb): Promise<LeaseRow[]> {
  const { rows } = (await db.execute(
    sql`SELECT workspace_id, run_id, holder, expires_at > now() AS live FROM company_import_runs ORDER BY workspace_id`,
  )) as unknown as { rows: LeaseRow[] };
  return rows;
}

/** A lease left by a process that is gone or still running elsewhere, `seconds` from now (negative: lapsed). */
async function leaseOf(
  db: CanonDb,
  holder: string,
  seconds: number,
  process = 'pid 1 on elsewhere',
): Promise<void> {
  await db.execute(
    sql`INSERT INTO company_import_runs (workspace_id, run_id, holder, process, file, started_at, expires_at)
        VALUES ('acme', 'elsewhere', ${holder}, ${process}, 'old.csv', now() - interval '1 minute', now() + make_interval(secs => ${seconds}))`,
  );
}

const run = (holder: string, file: string, workspace = 'acme') => ({ workspace, holder, file });

for (const [name, open] of await storesWithTaxonomy('company import lease')) {
  describe.skipIf(!open)(`the import lease on ${name}`, () => {
    let opened: { store: Store; drop(): Promise<void> } | undefined;
    let db: CanonDb;
    beforeAll(async () => {
      opened = await open?.();
      if (!opened) return;
      db = opened.store.db;
      for (const id of ['acme', 'contoso'])
        await db.insert(workspaces).values({ id, name: id, createdBy: OPERATOR.id });
    });
    afterAll(() => opened?.drop());

    it('refuses a second run into the workspace while the first holds it, naming who and since when', async () => {
      const inside = gate();
      const done = gate();
      const first = withImportLease(db, run('key:aaaa (ann)', 'first.csv'), async () => {
        inside.open();
        await done.opened;
        return 'stored';
      });
      await inside.opened;
      let secondRan = false;
      const refused = await refusal(
        withImportLease(db, run('key:bbbb (bo)', 'second.csv'), async () => {
          secondRan = true;
        }),
      );
      expect(secondRan).toBe(false);
      expect(refused.code).toBe('conflict');
      expect(refused.message).toMatch(
        /^An import into workspace "acme" is under way: "first.csv" by key:aaaa \(ann\) \(pid \d+ on [^)]+\), since \d{4}-\d\d-\d\dT[\d:.]+Z\. Try again once it is done; if that process was stopped, its hold lapses at \d{4}-\d\d-\d\dT[\d:.]+Z\.$/,
      );
      expect(refused.details).toMatchObject({ holder: 'key:aaaa (ann)', file: 'first.csv' });
      // Another workspace's imports are not held up.
      expect(await withImportLease(db, run('key:bbbb (bo)', 'c.csv', 'contoso'), async () => 'other')).toBe(
        'other',
      );
      done.open();
      expect(await first).toBe('stored');
      expect(await leases(db)).toEqual([]);
      expect(await withImportLease(db, run('key:bbbb (bo)', 'second.csv'), async () => 'now')).toBe('now');
    });

    it('is given up when the run fails, and the failure is what is reported', async () => {
      const failure = new CanonError('invalid_input', 'not a catalog');
      expect(
        await refusal(
          withImportLease(db, run('key:aaaa (ann)', 'bad.csv'), async () => {
            throw failure;
          }),
        ),
      ).toBe(failure);
      expect(await leases(db)).toEqual([]);
    });

    it("blocks nothing once lapsed: a killed process's lease is taken over, a live one's refuses", async () => {
      await leaseOf(db, 'cli:gone', -1);
      const during = await withImportLease(db, run('key:aaaa (ann)', 'after.csv'), () => leases(db));
      expect(during).toMatchObject([{ workspace_id: 'acme', holder: 'key:aaaa (ann)', live: true }]);
      // Taking the lapsed lease over, the run holds it as its own: releasing it leaves nothing behind.
      expect(await leases(db)).toEqual([]);

      await leaseOf(db, 'cli:elsewhere', 60);
      const refused = await refusal(withImportLease(db, run('key:aaaa (ann)', 'now.csv'), async () => 'ran'));
      expect(refused.message).toContain('"old.csv" by cli:elsewhere (pid 1 on elsewhere), since ');
      // A run that never held the lease gives up nothing: the other process's stays.
      expect(await leases(db)).toMatchObject([{ holder: 'cli:elsewhere', live: true }]);
      await db.execute(sql`DELETE FROM company_import_runs`);
    });

    it('takes over at once a live lease whose holder was a process of this machine that has ended', async () => {
      const child = spawn(process.execPath, ['-e', '']);
      await once(child, 'exit');
      await leaseOf(db, 'cli:killed', 60, `pid ${child.pid} on ${hostname()}`);
      expect(await withImportLease(db, run('key:aaaa (ann)', 'next.csv'), async () => 'ran')).toBe('ran');
      expect(await leases(db)).toEqual([]);

      // This very process runs: its lease is not taken.
      await leaseOf(db, 'cli:running', 60, `pid ${process.pid} on ${hostname()}`);
      const refused = await refusal(withImportLease(db, run('key:aaaa (ann)', 'now.csv'), async () => 'ran'));
      expect(refused.code).toBe('conflict');
      await db.execute(sql`DELETE FROM company_import_runs`);
    });

    it('is renewed while the run lives, so a long run keeps it past its first expiry', async () => {
      const refusedMeanwhile = await withImportLease(
        db,
        run('key:aaaa (ann)', 'long.csv'),
        async () => {
          // As if the lease had run out its time: only a renewal brings it back.
          await db.execute(sql`UPDATE company_import_runs SET expires_at = now() - interval '1 second'`);
          await vi.waitFor(async () => expect((await leases(db))[0]?.live).toBe(true), {
            timeout: 30_000,
            interval: 20,
          });
          return refusal(withImportLease(db, run('key:bbbb (bo)', 'second.csv'), async () => 'ran'));
        },
        { seconds: 60, renewEveryMs: 10 },
      );
      expect(refusedMeanwhile.code).toBe('conflict');
      expect(await leases(db)).toEqual([]);
    });

    it("refuses another process's import into the workspace at its start, before it reads a line", async () => {
      const canon = await canonOn(opened?.store as Store);
      const reading = gate();
      const proceed = gate();
      // Two CompanyImports stand for two processes: each has its own in-process guard.
      const first = new CompanyImports({
        db,
        catalog: () => canon.catalog,
        resolver: async () => {
          reading.open();
          await proceed.opened;
          return canon.resolver();
        },
      });
      let secondRead = 0;
      const second = new CompanyImports({
        db,
        catalog: () => canon.catalog,
        resolver: () => {
          secondRead++;
          return canon.resolver();
        },
      });
      const bytes = await readFile(NORTHWIND_CSV);
      const stored = first.store(OPERATOR, 'acme', bytes, 'northwind.csv');
      await reading.opened;
      const refused = await refusal(second.store(OPERATOR, 'acme', bytes, 'northwind-again.csv'));
      expect(refused.code).toBe('conflict');
      expect(refused.message).toContain('"northwind.csv" by cli:test');
      expect(secondRead).toBe(0);
      proceed.open();
      expect((await stored).import.file).toBe('northwind.csv');
      expect(await readCompanyImports(db, 'acme')).toHaveLength(1);
      expect(await leases(db)).toEqual([]);
      // Once the first is done, the second goes through (the same file: nothing new to store).
      expect((await second.store(OPERATOR, 'acme', bytes, 'northwind.csv')).import.file).toBe(
        'northwind.csv',
      );
      expect(secondRead).toBe(1);
    });
  });
}
