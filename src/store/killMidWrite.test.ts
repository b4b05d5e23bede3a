import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, readConfig } from '../config/readConfig.js';
import { canonOn, ingestDeps } from '../runtime/openCanon.js';
import { FAULT_DOCUMENT, FAULT_PROFILE, type FaultWrite } from '../testing/faultWrites.js';
import { reportSkip } from '../testing/reportSkip.js';
import { postgresTarget } from '../testing/testStore.js';
import { ingestSources } from '../workflow/ingestSources.js';
import { readDraft } from './draftRepository.js';
import { openStore, type Store, type StoreOptions } from './openStore.js';
import { readVersions } from './profileVersionRepository.js';
import { documents, imports, occupations, sources } from './schema.js';

/**
 * A process killed with SIGKILL in the middle of a write (inside its
 * transaction, after its first rows are written) must leave nothing half-written:
 * after a restart the previous state is whole and the write can be done again.
 */
const CHILD = join(PROJECT_ROOT, 'src', 'testing', 'writeThenDie.ts');
const pg = await postgresTarget();
if ('skip' in pg) reportSkip('kill mid-write, PostgreSQL run', pg.skip);

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function target(kind: 'pglite' | 'postgres'): Promise<StoreOptions> {
  if (kind === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'canon-kill-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return { kind: 'pglite', dataDir: join(dir, 'data'), cacheDir: readConfig().cacheDir };
  }
  if ('skip' in pg) throw new Error('unreachable');
  // The parent's own connection stays open until the end; drop() closes it and removes the schema.
  const opened = await pg.open();
  cleanups.push(opened.drop);
  return opened.options;
}

async function killDuringWrite(options: StoreOptions, op: FaultWrite): Promise<string> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, JSON.stringify(options), op],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d;
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('STALLED')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before stalling: ${err}`)));
  });
  // Well inside the three-second stall: the version (or document) rows are written, not committed.
  await new Promise((r) => setTimeout(r, 1_000));
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
  return out;
}

/** Kills a child in the middle of `op`, then hands the reopened store to `check` and closes it. */
async function afterKillDuring(
  kind: 'pglite' | 'postgres',
  op: FaultWrite,
  check: (store: Store) => Promise<void>,
): Promise<void> {
  const options = await target(kind);
  expect(await killDuringWrite(options, op)).not.toContain('FINISHED');
  const store = await openStore(options);
  try {
    await store.db.execute(sql.raw('DROP TRIGGER IF EXISTS canon_test_stall ON audit_log'));
    await check(store);
  } finally {
    await store.close();
  }
}

const kinds: ('pglite' | 'postgres')[] = ['pglite', ...('skip' in pg ? [] : (['postgres'] as const))];

describe.each(kinds)('SIGKILL in the middle of a write on %s', (kind) => {
  it(
    'an approval: the previous version stays the latest and the draft stays in review',
    () =>
      afterKillDuring(kind, 'approve', async (store) => {
        expect((await readVersions(store.db, FAULT_PROFILE)).map((v) => v.version)).toEqual([1]);
        expect(await readDraft(store.db, FAULT_PROFILE)).toMatchObject({ status: 'in_review' });
        const canon = await canonOn(store);
        expect(canon.catalog.getProfile(FAULT_PROFILE).record.version).toBe(1);
        expect((await canon.workflow.approve({ id: 'test', role: 'approver' }, FAULT_PROFILE)).version).toBe(
          2,
        );
      }),
    60_000,
  );

  it(
    'an ingest: no source, document or evidence of it, and it can be ingested again',
    () =>
      afterKillDuring(kind, 'ingest', async (store) => {
        expect(
          await store.db.select().from(documents).where(eq(documents.name, FAULT_DOCUMENT.name)),
        ).toEqual([]);
        expect(await store.db.select().from(sources).where(eq(sources.title, FAULT_DOCUMENT.title))).toEqual(
          [],
        );
        const canon = await canonOn(store);
        const again = await ingestSources(ingestDeps(canon), { id: 'test', role: 'editor' }, [
          { name: FAULT_DOCUMENT.name, bytes: new TextEncoder().encode(FAULT_DOCUMENT.text) },
        ]);
        expect(again.sources[0]?.stored).toBe(true);
      }),
    60_000,
  );

  it(
    'an O*NET import: the release imported before stays whole',
    () =>
      afterKillDuring(kind, 'import', async (store) => {
        const [row] = await store.db.select().from(imports).where(eq(imports.dataset, 'onet'));
        expect(row?.source).toBe('first import');
        const count = await store.db.select({ n: sql<number>`count(*)::int` }).from(occupations);
        expect(count[0]?.n).toBe((row?.counts as { occupations?: number } | undefined)?.occupations);
        expect(count[0]?.n).toBeGreaterThan(1);
      }),
    60_000,
  );
});
