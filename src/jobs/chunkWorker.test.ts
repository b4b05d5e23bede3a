import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTPUT_COLUMNS } from '../resolve/codeTitleRows.js';
import { canonOn } from '../runtime/openCanon.js';
import { takeChunk } from '../store/jobRepository.js';
import { resultIds, titleCsv, untilFinished } from '../testing/bulkJobFixture.js';
import { clonedStore } from '../testing/testStore.js';
import { BulkJobs } from '../workflow/bulkJobs.js';
import { CHUNK_ATTEMPTS } from './chunkQueue.js';
import { startChunkWorker, type WorkerEvent } from './chunkWorker.js';
import { inProcessQueue } from './inProcessQueue.js';

const editor = { id: 'test:editor', role: 'editor' } as const;
const upload = (rows: number) => ({
  name: 'staff.csv',
  column: 'job_title',
  employerColumn: 'employer',
  body: Readable.from([Buffer.from(titleCsv(rows))]),
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe('the chunk worker on the embedded store', () => {
  it('codes each chunk once with two loops at work, and the result keeps the input order', async () => {
    const canon = await canonOn(await clonedStore());
    closers.push(canon.close);
    const job = await canon.jobs.submit(editor, upload(25_001));
    expect(job).toMatchObject({ chunksTotal: 3, rows: 25_001 });
    const events: WorkerEvent[] = [];
    await canon.work({ concurrency: 2, onEvent: (e) => events.push(e) });
    expect(await untilFinished(() => canon.jobs.status(job.id))).toMatchObject({
      status: 'done',
      rowsDone: 25_001,
    });
    const stored = events.flatMap((e) => (e.kind === 'stored' ? [e.task.chunk] : []));
    expect(stored.sort()).toEqual([0, 1, 2]);
    expect(events.filter((e) => e.kind !== 'stored' && e.kind !== 'coding')).toEqual([]);
    const { csv } = await canon.jobs.result(job.id);
    let text = '';
    for await (const piece of csv) text += piece;
    expect(resultIds(text)).toEqual(Array.from({ length: 25_001 }, (_, i) => i + 1));
  });

  it('codes again a chunk taken by a worker that stopped before storing it', async () => {
    const canon = await canonOn(await clonedStore());
    closers.push(canon.close);
    const job = await canon.jobs.submit(editor, upload(3));
    const lost = await canon.store.db.transaction((tx) => takeChunk(tx, { jobId: job.id, chunk: 0 }));
    expect(lost?.attempts).toBe(1);
    await canon.work({ concurrency: 1 });
    expect(await untilFinished(() => canon.jobs.status(job.id))).toMatchObject({
      status: 'done',
      rowsDone: 3,
      retriedChunks: 1,
    });
  });

  it(`fails the job when a chunk fails ${CHUNK_ATTEMPTS} times, naming the chunk and the last error`, async () => {
    const store = await clonedStore();
    const queue = inProcessQueue(store.db, { pollMs: 10 });
    closers.push(store.close, queue.stop);
    const jobs = new BulkJobs({ db: store.db, queue, outputColumns: OUTPUT_COLUMNS });
    const job = await jobs.submit(editor, upload(3));
    const events: WorkerEvent['kind'][] = [];
    await startChunkWorker(
      queue,
      { db: store.db, resolver: () => Promise.reject(new Error('the occupation index cannot be read')) },
      { concurrency: 1, onEvent: (e) => events.push(e.kind) },
    );
    expect(await untilFinished(() => jobs.status(job.id))).toMatchObject({
      status: 'failed',
      error: `chunk 1 could not be coded in ${CHUNK_ATTEMPTS} attempts: the occupation index cannot be read`,
      retriedChunks: 1,
    });
    expect(events.filter((k) => k === 'chunk-error')).toHaveLength(CHUNK_ATTEMPTS);
    expect(events.at(-1)).toBe('job-failed');
    await expect(jobs.result(job.id)).rejects.toThrow(
      /failed, so it has no result: chunk 1 could not be coded/,
    );
  });
});
