import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { BulkJob, ChunkInput, ChunkTask, RowProblem } from '../core/bulkJob.js';
import type { CanonDb } from './openStore.js';
import { bulkJobChunks, bulkJobs } from './schema.js';

export type NewBulkJob = Pick<
  BulkJob,
  'id' | 'sourceName' | 'titleColumn' | 'employerColumn' | 'header' | 'createdBy'
>;

/** What a worker needs to code a chunk it has taken. */
export interface TakenChunk {
  job: Pick<BulkJob, 'sourceName' | 'titleColumn' | 'employerColumn' | 'header'>;
  input: ChunkInput;
  /** How many times the chunk has been taken, this time included. */
  attempts: number;
}

const ACTIVE = ['queued', 'running'] as const;

/** A new job with no rows yet: its chunks follow, then its size (setJobSize), in the same transaction. */
export async function insertJob(tx: CanonDb, job: NewBulkJob): Promise<void> {
  await tx.insert(bulkJobs).values({ ...job, status: 'queued', rows: 0, chunksTotal: 0 });
}

export async function insertChunk(
  tx: CanonDb,
  jobId: string,
  chunk: number,
  input: ChunkInput,
): Promise<void> {
  await tx.insert(bulkJobChunks).values({ jobId, chunk, input, rows: input.rows.length });
}

export async function setJobSize(tx: CanonDb, id: string, rows: number, chunksTotal: number): Promise<void> {
  await tx.update(bulkJobs).set({ rows, chunksTotal }).where(eq(bulkJobs.id, id));
}

export async function readJob(db: CanonDb, id: string): Promise<BulkJob | null> {
  const [row] = await db.select().from(bulkJobs).where(eq(bulkJobs.id, id));
  return row ?? null;
}

/** The first `limit` problems of a job's stored chunks, in file order, and how many there are in all. */
export async function readJobProblems(
  db: CanonDb,
  id: string,
  limit: number,
): Promise<{ problems: RowProblem[]; total: number }> {
  const first = (await db.execute(
    sql`SELECT p.value AS problem FROM ${bulkJobChunks} c, jsonb_array_elements(c.problems) WITH ORDINALITY AS p(value, n)
        WHERE c.job_id = ${id} AND c.problems IS NOT NULL ORDER BY c.chunk, p.n LIMIT ${limit}`,
  )) as unknown as { rows: { problem: RowProblem }[] };
  const counted = (await db.execute(
    sql`SELECT coalesce(sum(jsonb_array_length(problems)), 0)::integer AS total FROM ${bulkJobChunks} WHERE job_id = ${id} AND problems IS NOT NULL`,
  )) as unknown as { rows: { total: number }[] };
  return { problems: first.rows.map((r) => r.problem), total: counted.rows[0]?.total ?? 0 };
}

/**
 * Takes a chunk to code: counts the attempt and marks its job running. Null when there is nothing
 * to do: the chunk is stored already, or its job failed.
 */
export async function takeChunk(tx: CanonDb, task: ChunkTask): Promise<TakenChunk | null> {
  const [job] = await tx
    .update(bulkJobs)
    .set({ status: 'running', startedAt: sql`coalesce(${bulkJobs.startedAt}, now())` })
    .where(and(eq(bulkJobs.id, task.jobId), inArray(bulkJobs.status, ACTIVE)))
    .returning({
      sourceName: bulkJobs.sourceName,
      titleColumn: bulkJobs.titleColumn,
      employerColumn: bulkJobs.employerColumn,
      header: bulkJobs.header,
    });
  if (!job) return null;
  const [chunk] = await tx
    .update(bulkJobChunks)
    .set({ attempts: sql`${bulkJobChunks.attempts} + 1` })
    .where(chunkIs(task, 'queued'))
    .returning({ input: bulkJobChunks.input, attempts: bulkJobChunks.attempts });
  return chunk ? { job, ...chunk } : null;
}

/**
 * Stores a coded chunk once: the update only matches a chunk still queued, so of two workers that
 * coded the same chunk (one thought lost, then found alive) the second stores nothing. Counts the
 * chunk on its job, which is done with its last chunk. Returns the job as it now stands, or null
 * when the chunk had been stored already.
 */
export async function storeChunkOutput(
  tx: CanonDb,
  task: ChunkTask,
  coded: { output: (string | number)[][]; problems: RowProblem[]; badRows: number },
): Promise<BulkJob | null> {
  const [stored] = await tx
    .update(bulkJobChunks)
    .set({
      output: coded.output,
      problems: coded.problems.length > 0 ? coded.problems : null,
      state: 'done',
      codedAt: sql`now()`,
    })
    .where(chunkIs(task, 'queued'))
    .returning({ rows: bulkJobChunks.rows });
  if (!stored) return null;
  const last = sql`${bulkJobs.chunksDone} + 1 = ${bulkJobs.chunksTotal} AND ${bulkJobs.status} <> 'failed'`;
  const [job] = await tx
    .update(bulkJobs)
    .set({
      chunksDone: sql`${bulkJobs.chunksDone} + 1`,
      rowsDone: sql`${bulkJobs.rowsDone} + ${stored.rows}`,
      badRows: sql`${bulkJobs.badRows} + ${coded.badRows}`,
      status: sql`CASE WHEN ${last} THEN 'done' ELSE ${bulkJobs.status} END`,
      finishedAt: sql`CASE WHEN ${last} THEN now() ELSE ${bulkJobs.finishedAt} END`,
    })
    .where(eq(bulkJobs.id, task.jobId))
    .returning();
  return job ?? null;
}

/** Why the last attempt at a chunk failed, for the message if the job fails for it. */
export async function recordChunkError(tx: CanonDb, task: ChunkTask, message: string): Promise<void> {
  await tx.update(bulkJobChunks).set({ lastError: message }).where(chunkIs(task));
}

export async function readChunkError(db: CanonDb, task: ChunkTask): Promise<string | null> {
  const [row] = await db
    .select({ lastError: bulkJobChunks.lastError })
    .from(bulkJobChunks)
    .where(chunkIs(task));
  return row?.lastError ?? null;
}

/** Marks a job that is not finished failed; false when it had finished (done or failed) already. */
export async function failJob(tx: CanonDb, id: string, error: string): Promise<boolean> {
  const rows = await tx
    .update(bulkJobs)
    .set({ status: 'failed', error, finishedAt: sql`now()` })
    .where(and(eq(bulkJobs.id, id), inArray(bulkJobs.status, ACTIVE)))
    .returning({ id: bulkJobs.id });
  return rows.length > 0;
}

/** A stored chunk's input rows and their canon_* cells; null when it is not stored (or not there). */
export async function readChunkResult(
  db: CanonDb,
  task: ChunkTask,
): Promise<{ input: ChunkInput; output: (string | number)[][] } | null> {
  const [row] = await db
    .select({ input: bulkJobChunks.input, output: bulkJobChunks.output })
    .from(bulkJobChunks)
    .where(chunkIs(task, 'done'));
  return row?.output ? { input: row.input, output: row.output } : null;
}

/** Queued chunks of jobs still under way, oldest job first and in order within a job. */
export async function queuedChunks(db: CanonDb, limit: number): Promise<ChunkTask[]> {
  return db
    .select({ jobId: bulkJobChunks.jobId, chunk: bulkJobChunks.chunk })
    .from(bulkJobChunks)
    .innerJoin(bulkJobs, eq(bulkJobs.id, bulkJobChunks.jobId))
    .where(and(eq(bulkJobChunks.state, 'queued'), inArray(bulkJobs.status, ACTIVE)))
    .orderBy(asc(bulkJobs.createdAt), asc(bulkJobs.id), asc(bulkJobChunks.chunk))
    .limit(limit);
}

/** How many of a job's chunks were taken more than once: their worker died, failed or ran out of time. */
export async function countRetriedChunks(db: CanonDb, id: string): Promise<number> {
  const [row] = await db
    .select({ retried: sql<number>`count(*)::integer` })
    .from(bulkJobChunks)
    .where(and(eq(bulkJobChunks.jobId, id), sql`${bulkJobChunks.attempts} > 1`));
  return row?.retried ?? 0;
}

function chunkIs(task: ChunkTask, state?: 'queued' | 'done') {
  return and(
    eq(bulkJobChunks.jobId, task.jobId),
    eq(bulkJobChunks.chunk, task.chunk),
    ...(state ? [eq(bulkJobChunks.state, state)] : []),
  );
}
