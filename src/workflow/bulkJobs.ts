import { randomUUID } from 'node:crypto';
import {
  type BulkJob,
  CHUNK_ROWS,
  type ChunkInput,
  type ChunkTask,
  percentDone,
  type RowProblem,
} from '../core/bulkJob.js';
import { CanonError, quote } from '../core/errors.js';
import type { Actor } from '../core/roles.js';
import { toCsv } from '../core/toCsv.js';
import {
  countRetriedChunks,
  insertChunk,
  insertJob,
  readChunkResult,
  readJob,
  readJobProblems,
  setJobSize,
} from '../store/jobRepository.js';
import type { CanonDb } from '../store/openStore.js';
import { auditedWrite } from './auditedWrite.js';
import { readJobCsv } from './bulkJobCsv.js';

/** What submitting needs of a queue: the job's chunks queued in the same transaction that stores them. */
export interface ChunkEnqueue {
  enqueue(tx: CanonDb, tasks: readonly ChunkTask[]): Promise<void>;
}

export interface JobUpload {
  /** The file's name, for messages. */
  name: string;
  /** The header of the column holding the titles. */
  column: string;
  employerColumn?: string | undefined;
  /** The CSV's bytes as they arrive. */
  body: AsyncIterable<Uint8Array>;
}

/** A job as its owner follows it: where it stands, and the first problems found in its rows. */
export interface BulkJobView extends BulkJob {
  percent: number;
  /** Chunks taken more than once (a worker died, failed or ran out of time); each was stored once. */
  retriedChunks: number;
  problems: RowProblem[];
  problemsTotal: number;
}

/** Problems a job's status lists; the rest are counted. */
const PROBLEMS_SHOWN = 100;

export interface BulkJobDeps {
  db: CanonDb;
  queue: ChunkEnqueue;
  /** The columns the coder appends to each row (resolve/codeTitleRows.ts), for the result's header. */
  outputColumns: readonly string[];
}

/** Bulk coding jobs: submit a CSV (an audited write), follow its progress, read its result. */
export class BulkJobs {
  constructor(private readonly deps: BulkJobDeps) {}

  /**
   * Stores the job, its rows in chunks of CHUNK_ROWS, and queues the chunks, in one transaction
   * with its audit entry: a CSV refused anywhere (a bad line, too many rows) leaves nothing behind.
   */
  async submit(actor: Actor, upload: JobUpload): Promise<BulkJobView> {
    const { db, queue } = this.deps;
    const id = `job-${randomUUID()}`;
    await auditedWrite(db, actor, 'editor', async (tx) => {
      let header: string[] | null = null;
      let chunk: ChunkInput = { lines: [], rows: [] };
      let chunks = 0;
      let rows = 0;
      const flush = async () => {
        await insertChunk(tx, id, chunks++, chunk);
        chunk = { lines: [], rows: [] };
      };
      for await (const batch of readJobCsv(upload.body, upload.name))
        for (const { record, line } of batch) {
          if (header === null) {
            header = record;
            for (const column of [upload.column, upload.employerColumn])
              if (column !== undefined && !header.includes(column))
                throw new CanonError(
                  'invalid_input',
                  `${upload.name} has no column ${quote(column)}; its columns are ${header.map((h) => quote(h)).join(', ')}.`,
                );
            await insertJob(tx, {
              id,
              sourceName: upload.name,
              titleColumn: upload.column,
              employerColumn: upload.employerColumn ?? null,
              header,
              createdBy: actor.id,
            });
            continue;
          }
          chunk.rows.push(record);
          chunk.lines.push(line);
          rows++;
          if (chunk.rows.length === CHUNK_ROWS) await flush();
        }
      if (rows === 0)
        throw new CanonError(
          'invalid_input',
          `${upload.name} has no rows below its header; nothing to code.`,
        );
      if (chunk.rows.length > 0) await flush();
      await setJobSize(tx, id, rows, chunks);
      await queue.enqueue(
        tx,
        Array.from({ length: chunks }, (_, n) => ({ jobId: id, chunk: n })),
      );
      return {
        result: id,
        audit: {
          action: 'job.submit',
          target: id,
          before: null,
          after: {
            name: upload.name,
            column: upload.column,
            employerColumn: upload.employerColumn ?? null,
            rows,
            chunks,
          },
          note: null,
        },
      };
    });
    return this.status(id);
  }

  async status(id: string): Promise<BulkJobView> {
    const { db } = this.deps;
    const job = await readJob(db, id);
    if (!job) throw new CanonError('not_found', `No bulk job with id ${quote(id)}.`);
    const [{ problems, total }, retriedChunks] = await Promise.all([
      readJobProblems(db, id, PROBLEMS_SHOWN),
      countRetriedChunks(db, id),
    ]);
    return { ...job, percent: percentDone(job), retriedChunks, problems, problemsTotal: total };
  }

  /**
   * The coded CSV: the input's columns and the canon_* columns, every row once, in the order of the
   * input, read a chunk at a time. Cells a spreadsheet would run as a formula are neutralised.
   * A job that is not done has no result yet (conflict).
   */
  async result(id: string): Promise<{ job: BulkJob; csv: AsyncIterable<string> }> {
    const { db, outputColumns } = this.deps;
    const job = await readJob(db, id);
    if (!job) throw new CanonError('not_found', `No bulk job with id ${quote(id)}.`);
    if (job.status === 'failed')
      throw new CanonError(
        'conflict',
        `Bulk job ${id} failed, so it has no result: ${job.error ?? 'no reason recorded'}.`,
        {
          details: { status: job.status },
        },
      );
    if (job.status !== 'done')
      throw new CanonError(
        'conflict',
        `Bulk job ${id} is ${job.status}: ${job.rowsDone.toLocaleString('en-US')} of ${job.rows.toLocaleString('en-US')} rows coded. Its result is ready when it is done.`,
        { details: { status: job.status, percent: percentDone(job) } },
      );
    const done = job;
    async function* csv(): AsyncGenerator<string> {
      yield toCsv([[...done.header, ...outputColumns]]);
      for (let n = 0; n < done.chunksTotal; n++) {
        const stored = await readChunkResult(db, { jobId: done.id, chunk: n });
        if (!stored)
          throw new CanonError('internal', `Bulk job ${done.id} is done but chunk ${n} is not stored.`);
        yield toCsv(stored.input.rows.map((row, i) => [...row, ...(stored.output[i] ?? [])]));
      }
    }
    return { job, csv: csv() };
  }
}
