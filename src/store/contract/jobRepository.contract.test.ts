import { expect, it } from 'vitest';
import type { ChunkInput } from '../../core/bulkJob.js';
import { clockTick, storeContract } from '../../testing/storeContract.js';
import {
  countRetriedChunks,
  failJob,
  insertChunk,
  insertJob,
  queuedChunks,
  readChunkError,
  readChunkResult,
  readJob,
  readJobProblems,
  recordChunkError,
  setJobSize,
  storeChunkOutput,
  takeChunk,
} from '../jobRepository.js';
import type { CanonDb } from '../openStore.js';

const input = (first: number, count: number): ChunkInput => ({
  lines: Array.from({ length: count }, (_, i) => first + i + 1),
  rows: Array.from({ length: count }, (_, i) => [String(first + i), `Title ${first + i}`]),
});

/** A job of `chunks` chunks of two rows each, stored as submit stores it. */
async function job(db: CanonDb, id: string, chunks: number): Promise<void> {
  await db.transaction(async (tx) => {
    await insertJob(tx, {
      id,
      sourceName: `${id}.csv`,
      titleColumn: 'title',
      employerColumn: null,
      header: ['id', 'title'],
      createdBy: 'cli:test',
    });
    for (let n = 0; n < chunks; n++) await insertChunk(tx, id, n, input(n * 2 + 1, 2));
    await setJobSize(tx, id, chunks * 2, chunks);
  });
}

const coded = (badRows = 0, problems: { line: number; message: string }[] = []) => ({
  output: [
    ['11-1011', 0.9],
    ['', ''],
  ],
  problems,
  badRows,
});

await storeContract('jobRepository', (store) => {
  it('stores a job queued with its size, and reads it back', async () => {
    const { db } = store();
    await job(db, 'job-a', 3);
    expect(await readJob(db, 'job-a')).toEqual({
      id: 'job-a',
      status: 'queued',
      sourceName: 'job-a.csv',
      titleColumn: 'title',
      employerColumn: null,
      header: ['id', 'title'],
      rows: 6,
      rowsDone: 0,
      badRows: 0,
      chunksTotal: 3,
      chunksDone: 0,
      createdBy: 'cli:test',
      createdAt: expect.any(String),
      startedAt: null,
      finishedAt: null,
      error: null,
    });
    expect(await readJob(db, 'job-none')).toBeNull();
  });

  it('takes a chunk: counts the attempt, marks the job running, hands over the rows', async () => {
    const { db } = store();
    await job(db, 'job-a', 2);
    const taken = await db.transaction((tx) => takeChunk(tx, { jobId: 'job-a', chunk: 1 }));
    expect(taken).toEqual({
      job: { sourceName: 'job-a.csv', titleColumn: 'title', employerColumn: null, header: ['id', 'title'] },
      input: input(3, 2),
      attempts: 1,
    });
    expect(await readJob(db, 'job-a')).toMatchObject({ status: 'running', startedAt: expect.any(String) });
    const again = await db.transaction((tx) => takeChunk(tx, { jobId: 'job-a', chunk: 1 }));
    expect(again?.attempts).toBe(2);
    expect(await countRetriedChunks(db, 'job-a')).toBe(1);
    expect(await db.transaction((tx) => takeChunk(tx, { jobId: 'job-a', chunk: 7 }))).toBeNull();
  });

  it('stores a chunk once, counts it on its job, and finishes the job with its last chunk', async () => {
    const { db } = store();
    await job(db, 'job-a', 2);
    const first = { jobId: 'job-a', chunk: 0 };
    expect(await readChunkResult(db, first)).toBeNull();
    expect(await db.transaction((tx) => storeChunkOutput(tx, first, coded(1)))).toMatchObject({
      status: 'queued',
      chunksDone: 1,
      rowsDone: 2,
      badRows: 1,
      finishedAt: null,
    });
    expect(await db.transaction((tx) => storeChunkOutput(tx, first, coded(1)))).toBeNull();
    expect(await db.transaction((tx) => takeChunk(tx, first))).toBeNull();
    expect(await readChunkResult(db, first)).toEqual({ input: input(1, 2), output: coded().output });
    const last = await db.transaction((tx) => storeChunkOutput(tx, { jobId: 'job-a', chunk: 1 }, coded()));
    expect(last).toMatchObject({
      status: 'done',
      chunksDone: 2,
      rowsDone: 4,
      badRows: 1,
      finishedAt: expect.any(String),
    });
  });

  it('of two workers storing one chunk at the same moment, stores one', async () => {
    const { db } = store();
    await job(db, 'job-a', 1);
    const task = { jobId: 'job-a', chunk: 0 };
    const results = await Promise.all(
      Array.from({ length: 4 }, () => db.transaction((tx) => storeChunkOutput(tx, task, coded(1)))),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await readJob(db, 'job-a')).toMatchObject({
      status: 'done',
      chunksDone: 1,
      rowsDone: 2,
      badRows: 1,
    });
  });

  it("reads a job's problems in file order, the first few and how many in all", async () => {
    const { db } = store();
    await job(db, 'job-a', 2);
    const p = (line: number) => ({ line, message: `line ${line} is odd` });
    await db.transaction((tx) => storeChunkOutput(tx, { jobId: 'job-a', chunk: 1 }, coded(0, [p(3), p(4)])));
    await db.transaction((tx) => storeChunkOutput(tx, { jobId: 'job-a', chunk: 0 }, coded(0, [p(1)])));
    expect(await readJobProblems(db, 'job-a', 2)).toEqual({ problems: [p(1), p(3)], total: 3 });
    expect(await readJobProblems(db, 'job-none', 2)).toEqual({ problems: [], total: 0 });
  });

  it('fails a job under way once; its chunks are then neither taken nor listed, and storing one does not finish it', async () => {
    const { db } = store();
    await job(db, 'job-a', 2);
    const task = { jobId: 'job-a', chunk: 0 };
    await db.transaction((tx) => recordChunkError(tx, task, 'the store went away'));
    expect(await readChunkError(db, task)).toBe('the store went away');
    expect(await db.transaction((tx) => failJob(tx, 'job-a', 'chunk 1 failed'))).toBe(true);
    expect(await db.transaction((tx) => failJob(tx, 'job-a', 'again'))).toBe(false);
    expect(await readJob(db, 'job-a')).toMatchObject({ status: 'failed', error: 'chunk 1 failed' });
    expect(await db.transaction((tx) => takeChunk(tx, task))).toBeNull();
    expect(await queuedChunks(db, 10)).toEqual([]);
    await db.transaction((tx) => storeChunkOutput(tx, task, coded()));
    await db.transaction((tx) => storeChunkOutput(tx, { jobId: 'job-a', chunk: 1 }, coded()));
    expect(await readJob(db, 'job-a')).toMatchObject({ status: 'failed', chunksDone: 2 });
  });

  it('lists queued chunks of jobs under way, oldest job first, in chunk order', async () => {
    const { db } = store();
    await job(db, 'job-b', 2);
    await clockTick();
    await job(db, 'job-a', 1);
    await db.transaction((tx) => storeChunkOutput(tx, { jobId: 'job-b', chunk: 0 }, coded()));
    expect(await queuedChunks(db, 10)).toEqual([
      { jobId: 'job-b', chunk: 1 },
      { jobId: 'job-a', chunk: 0 },
    ]);
    expect(await queuedChunks(db, 1)).toEqual([{ jobId: 'job-b', chunk: 1 }]);
  });
});
