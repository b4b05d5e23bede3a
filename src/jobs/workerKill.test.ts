import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { OUTPUT_COLUMNS } from '../resolve/codeTitleRows.js';
import { jobDatabase, resultIds, titleCsv, untilFinished } from '../testing/bulkJobFixture.js';
import { type CanonProcess, startCanonProcess } from '../testing/canonProcess.js';
import { reportSkip } from '../testing/reportSkip.js';
import { postgresTarget } from '../testing/testStore.js';
import { BulkJobs } from '../workflow/bulkJobs.js';
import { syncBuiltinTaxonomy } from '../workflow/syncBuiltinTaxonomy.js';
import { pgBossQueue } from './pgBossQueue.js';

/**
 * Two real `canon worker` processes, started at the same moment, share one job on PostgreSQL; one
 * is killed with SIGKILL in the middle of a chunk. The chunk it held is handed to the other once it
 * expires, and the result has every input row exactly once, in order.
 */
const target = await postgresTarget();
if ('skip' in target) reportSkip('two workers and a kill -9', target.skip);

/** Short, so that the killed worker's chunk comes back soon; a chunk of 10,000 rows codes in a few seconds. */
const EXPIRE_SECONDS = 30;
const ROWS = 60_000;

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const clean of cleanups.reverse()) await clean();
});

function startWorker(databaseUrl: string): CanonProcess {
  const worker = startCanonProcess(['worker'], {
    from: 'source',
    env: { DATABASE_URL: databaseUrl, CANON_JOB_EXPIRE_SECONDS: String(EXPIRE_SECONDS) },
  });
  children.push(worker.child);
  return worker;
}

describe.skipIf('skip' in target)('canon worker on PostgreSQL', () => {
  it('loses nothing when one of two workers is killed mid-chunk: every row once, in order', async () => {
    if ('skip' in target) return;
    const { store, url, drop } = await jobDatabase(target);
    cleanups.push(drop);
    await syncBuiltinTaxonomy(store.db, await loadTaxonomy(join(PROJECT_ROOT, 'data')));

    // Started together: each installs pg-boss's schema if it finds none, under the install lock.
    const workers = [startWorker(url), startWorker(url)];
    await Promise.all(workers.map((w) => w.printed(/Canon worker is taking chunks/)));

    const queue = pgBossQueue({ url, expireSeconds: EXPIRE_SECONDS });
    cleanups.push(() => queue.stop());
    const jobs = new BulkJobs({ db: store.db, queue, outputColumns: OUTPUT_COLUMNS });
    const submitted = await jobs.submit(
      { id: 'test:submitter', role: 'editor' },
      {
        name: 'staff.csv',
        column: 'job_title',
        employerColumn: 'employer',
        body: Readable.from([Buffer.from(titleCsv(ROWS))]),
      },
    );
    expect(submitted).toMatchObject({ status: 'queued', rows: ROWS, chunksTotal: 6 });

    // The first worker to take a chunk is killed while it codes it.
    const taken = /job-[\w-]+: chunk \d+ coding/;
    const victim = await Promise.race(workers.map((w) => w.printed(taken).then(() => w)));
    victim.child.kill('SIGKILL');
    await once(victim.child, 'exit');
    expect(victim.log()).not.toMatch(/stored/);
    const survivor = workers.find((w) => w !== victim) as CanonProcess;

    const done = await untilFinished(() => jobs.status(submitted.id));
    expect(done).toMatchObject({ status: 'done', rowsDone: ROWS, chunksDone: 6, badRows: 0 });
    // The killed worker's chunk was taken again, and stored once.
    expect(done.retriedChunks).toBeGreaterThanOrEqual(1);
    // The job reads as done once the last chunk commits; the survivor says so just after.
    await survivor.printed(/the job is done/);

    const { csv } = await jobs.result(submitted.id);
    let text = '';
    for await (const piece of csv) text += piece;
    expect(resultIds(text)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));

    // Stopped with SIGTERM, the survivor finishes and exits cleanly.
    survivor.child.kill('SIGTERM');
    const [code] = await once(survivor.child, 'exit');
    expect(code).toBe(0);
    expect(survivor.log()).toMatch(/Canon worker is stopping/);
  }, 600_000);
});
