import type { ChunkTask } from '../core/bulkJob.js';
import type { ChunkEnqueue } from '../workflow/bulkJobs.js';

/** What a queue hands the chunks it gives out to. */
export interface ChunkHandlers {
  /** Codes and stores a chunk; throws to have it tried again. */
  run(task: ChunkTask): Promise<void>;
  /** Called once for a chunk that failed its every attempt. */
  failed(task: ChunkTask): Promise<void>;
  /** The queue's own trouble (a lost connection, a failed maintenance run); it carries on. */
  error(error: Error): void;
}

/**
 * Where a job's chunks wait for a worker: pg-boss on PostgreSQL (pgBossQueue.ts), shared by every
 * `canon worker`; an in-process runner on the embedded store (inProcessQueue.ts). The chunk rows are
 * the record of the work; a queue only says which chunk to take next and retries what was lost.
 */
export interface ChunkQueue extends ChunkEnqueue {
  /** Starts taking chunks, `concurrency` at a time, until stop(). */
  work(handlers: ChunkHandlers, options: { concurrency: number }): Promise<void>;
  /** Stops taking chunks, lets those under way finish, and closes the queue's connections. */
  stop(): Promise<void>;
}

/** How many times a chunk is tried before its job fails. */
export const CHUNK_ATTEMPTS = 5;
