import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChunkTask } from '../core/bulkJob.js';
import { jobDatabase } from '../testing/bulkJobFixture.js';
import { reportSkip } from '../testing/reportSkip.js';
import { postgresTarget } from '../testing/testStore.js';
import { CHUNK_ATTEMPTS, type ChunkHandlers } from './chunkQueue.js';
import { pgBossQueue } from './pgBossQueue.js';

const target = await postgresTarget();
if ('skip' in target) reportSkip('pg-boss chunk queue', target.skip);

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean();
});

async function freshDatabase() {
  if ('skip' in target) throw new Error('unreachable');
  const database = await jobDatabase(target);
  cleanups.push(database.drop);
  return database;
}

const ignore: ChunkHandlers = { run: async () => {}, failed: async () => {}, error: () => {} };

describe.skipIf('skip' in target)('the pg-boss chunk queue', () => {
  it('starts in several processes at the same moment on a database without its schema', async () => {
    // Without the install lock, four pg-boss 10.4.2 instances starting together failed with
    // "deadlock detected" in 4 of 5 rounds.
    for (let round = 0; round < 3; round++) {
      const { url, store, queueSchema } = await freshDatabase();
      const queues = Array.from({ length: 4 }, () => pgBossQueue({ url, expireSeconds: 30 }));
      const started = await Promise.allSettled(queues.map((q) => q.work(ignore, { concurrency: 1 })));
      await Promise.all(queues.map((q) => q.stop()));
      expect(started.filter((s) => s.status === 'rejected')).toEqual([]);
      const { rows } = (await store.db.execute(
        sql.raw(`SELECT name FROM ${queueSchema}.queue ORDER BY name`),
      )) as unknown as { rows: { name: string }[] };
      expect(rows.map((r) => r.name)).toEqual(['canon-bulk-chunks', 'canon-bulk-chunks-failed']);
    }
  });

  it("queues chunks in the caller's transaction: none when it rolls back, each once when it commits", async () => {
    const { url, store, queueSchema } = await freshDatabase();
    const queue = pgBossQueue({ url, expireSeconds: 30 });
    cleanups.push(() => queue.stop());
    const tasks = [0, 1, 2].map((chunk) => ({ jobId: 'job-t', chunk }));
    await store.db
      .transaction(async (tx) => {
        await queue.enqueue(tx, tasks);
        throw new Error('the submit failed after queueing');
      })
      .catch(() => {});
    const queued = async () =>
      (
        (await store.db.execute(
          sql.raw(
            `SELECT data FROM ${queueSchema}.job WHERE name = 'canon-bulk-chunks' ORDER BY data->>'chunk'`,
          ),
        )) as unknown as { rows: { data: ChunkTask }[] }
      ).rows.map((r) => r.data);
    expect(await queued()).toEqual([]);
    await store.db.transaction((tx) => queue.enqueue(tx, tasks));
    expect(await queued()).toEqual(tasks);
  });

  it(`hands a chunk that throws to the dead-letter handler after ${CHUNK_ATTEMPTS} attempts`, async () => {
    const { url, store } = await freshDatabase();
    const queue = pgBossQueue({ url, expireSeconds: 30, pollSeconds: 0.5 });
    cleanups.push(() => queue.stop());
    const attempts: ChunkTask[] = [];
    const failed = new Promise<ChunkTask>((resolve) =>
      queue.work(
        {
          run: async (task) => {
            attempts.push(task);
            throw new Error('cannot code this chunk');
          },
          failed: async (task) => resolve(task),
          error: () => {},
        },
        { concurrency: 1 },
      ),
    );
    await store.db.transaction((tx) => queue.enqueue(tx, [{ jobId: 'job-t', chunk: 4 }]));
    expect(await failed).toEqual({ jobId: 'job-t', chunk: 4 });
    expect(attempts).toEqual(Array.from({ length: CHUNK_ATTEMPTS }, () => ({ jobId: 'job-t', chunk: 4 })));
  });
});
