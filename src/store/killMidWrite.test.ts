import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { canonOn, ingestDeps } from '../runtime/openCanon.js';
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
const M3 = 'TECHNO.TECHNOLO6B55.M3';
const pg = await postgresTarget();
if ('skip' in pg) console.warn(`[kill mid-write] PostgreSQL run skipped: ${pg.skip}`);

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function target(kind: 'pglite' | 'postgres'): Promise<StoreOptions> {
  if (kind === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'canon-kill-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return { kind: 'pglite', dataDir: join(dir, 'data') };
  }
  if ('skip' in pg) throw new Error('unreachable');
  // The parent's own connection stays open until the end; drop() closes it and removes the schema.
  const opened = await pg.open();
  cleanups.push(opened.drop);
  return opened.options;
}

async function killDuringWrite(options: StoreOptions, op: 'approve' | 'ingest' | 'import'): Promise<string> {
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

async function reopen(options: StoreOptions): Promise<Store> {
  const store = await openStore(options);
  await store.db.execute(sql.raw('DROP TRIGGER IF EXISTS canon_test_stall ON audit_log'));
  return store;
}

const kinds: ('pglite' | 'postgres')[] = ['pglite', ...('skip' in pg ? [] : (['postgres'] as const))];

describe.each(kinds)('SIGKILL in the middle of a write on %s', (kind) => {
  it('an approval: the previous version stays the latest and the draft stays in review', async () => {
    const options = await target(kind);
    const out = await killDuringWrite(options, 'approve');
    expect(out).not.toContain('FINISHED');
    const store = await reopen(options);
    try {
      expect((await readVersions(store.db, M3)).map((v) => v.version)).toEqual([1]);
      expect(await readDraft(store.db, M3)).toMatchObject({ status: 'in_review' });
      const canon = await canonOn(store);
      expect(canon.catalog.getProfile(M3).record.version).toBe(1);
      expect((await canon.workflow.approve({ id: 'test', role: 'approver' }, M3)).version).toBe(2);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('an ingest: no source, document or evidence of it, and it can be ingested again', async () => {
    const options = await target(kind);
    const out = await killDuringWrite(options, 'ingest');
    expect(out).not.toContain('FINISHED');
    const store = await reopen(options);
    try {
      expect(await store.db.select().from(documents).where(eq(documents.name, 'fault.md'))).toEqual([]);
      expect(await store.db.select().from(sources).where(eq(sources.title, 'Fault ladder'))).toEqual([]);
      const canon = await canonOn(store);
      const again = await ingestSources(ingestDeps(canon), { id: 'test', role: 'editor' }, [
        {
          name: 'fault.md',
          bytes: new TextEncoder().encode(
            '# Fault ladder\n\n## E1: Director of Faults\n\n- Owns the fault budget for 3 teams\n',
          ),
        },
      ]);
      expect(again.sources[0]?.stored).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('an O*NET import: the release imported before stays whole', async () => {
    const options = await target(kind);
    const out = await killDuringWrite(options, 'import');
    expect(out).not.toContain('FINISHED');
    const store = await reopen(options);
    try {
      const [row] = await store.db.select().from(imports).where(eq(imports.dataset, 'onet'));
      expect(row?.source).toBe('first import');
      const count = await store.db.select({ n: sql<number>`count(*)::int` }).from(occupations);
      expect(count[0]?.n).toBe((row?.counts as { occupations?: number } | undefined)?.occupations);
      expect(count[0]?.n).toBeGreaterThan(1);
    } finally {
      await store.close();
    }
  }, 60_000);
});
