import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { ChunkTask } from '../core/bulkJob.js';
import { CHUNK_ATTEMPTS, type ChunkHandlers, type ChunkQueue } from './chunkQueue.js';

const QUEUE = 'canon-bulk-chunks';
/** Where pg-boss moves a chunk that failed every attempt; a worker fails its job. */
const DEAD = 'canon-bulk-chunks-failed';
// Any constant works; it only has to be the same for every Canon process sharing a database.
const INSTALL_LOCK = 4_210_772;

export interface PgBossQueueOptions {
  url: string;
  /**
   * How long a chunk may be coded before it counts as lost (its worker killed, or gone with its
   * machine) and is handed to another worker. A chunk takes seconds; keep this well above that.
   */
  expireSeconds: number;
  /** Seconds between a worker's looks for a chunk while none is queued. */
  pollSeconds?: number;
}

/**
 * The chunk queue on PostgreSQL, shared by every Canon process on the database. pg-boss lives in a
 * schema of its own beside Canon's tables: `pgboss` for Canon in `public`, `<schema>_pgboss` for a
 * Canon in another schema (so tests, each in a schema, never share a queue). It starts on first use;
 * its schema is installed once, under an advisory lock, so processes starting together do not race.
 */
export function pgBossQueue(options: PgBossQueueOptions): ChunkQueue {
  let started: Promise<PgBoss> | null = null;
  let stopped = false;
  // pg-boss reports through events; until a worker listens they have nobody to go to.
  let report: (error: Error) => void = () => {};
  const start = () => {
    if (stopped) return Promise.reject(new Error('the job queue is stopped'));
    if (!started) {
      started = install(options, (error) => report(error));
      started.catch(() => {
        started = null;
      });
    }
    return started;
  };
  const retry = {
    retryLimit: CHUNK_ATTEMPTS - 1,
    retryDelay: 1,
    expireInSeconds: options.expireSeconds,
    deadLetter: DEAD,
  };
  return {
    async enqueue(tx, tasks) {
      const boss = await start();
      // The jobs are inserted through the caller's transaction: queued if and only if the chunks are stored.
      const db = { executeSql: (text: string, values: unknown[]) => tx.execute(positional(text, values)) };
      await boss.insert(
        tasks.map((data) => ({ name: QUEUE, data, ...retry })),
        { db: db as unknown as PgBoss.Db },
      );
    },
    async work(handlers: ChunkHandlers, { concurrency }) {
      report = (error) => handlers.error(error);
      const boss = await start();
      const pollingIntervalSeconds = options.pollSeconds ?? 1;
      // A worker per loop: pg-boss 10 fetches one batch per worker, and a chunk is a batch of one.
      for (let i = 0; i < concurrency; i++) {
        await boss.work<ChunkTask>(QUEUE, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
          if (job) await handlers.run(job.data);
        });
      }
      await boss.work<ChunkTask>(DEAD, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
        if (job) await handlers.failed(job.data);
      });
    },
    async stop() {
      stopped = true;
      const boss = await started?.catch(() => null);
      // Waits for chunks under way; a chunk still running after the timeout is failed, so retried elsewhere.
      await boss?.stop({ graceful: true, wait: true, timeout: options.expireSeconds * 1000 });
    },
  };
}

async function install(options: PgBossQueueOptions, onError: (error: Error) => void): Promise<PgBoss> {
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    const current = (await client.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]
      ?.schema;
    const schema = !current || current === 'public' ? 'pgboss' : `${current}_pgboss`;
    const boss = new PgBoss({
      connectionString: options.url,
      schema,
      schedule: false,
      // Maintenance finds chunks whose worker died: look a few times within each expiry.
      maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(options.expireSeconds / 5))),
    });
    boss.on('error', onError);
    // pg-boss checks whether its schema exists, then creates it; two processes starting together both
    // see none, and the second fails. The lock makes the check and the creation one step.
    await client.query('SELECT pg_advisory_lock($1)', [INSTALL_LOCK]);
    try {
      await boss.start();
      await boss.createQueue(DEAD);
      await boss.createQueue(QUEUE, { name: QUEUE, deadLetter: DEAD });
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      throw error;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [INSTALL_LOCK]);
    }
    return boss;
  } finally {
    await client.end();
  }
}

/**
 * pg-boss's query (with $1, $2… placeholders) as a Drizzle query with the same parameters; an
 * undefined one is sent as NULL, as node-postgres sends it (Drizzle would leave it out).
 */
function positional(text: string, values: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(
    parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql.param(values[Number(part) - 1] ?? null))),
  );
}
