import type { BulkJob, ChunkTask } from '../core/bulkJob.js';
import { failJob, readChunkError, recordChunkError } from '../store/jobRepository.js';
import { CHUNK_ATTEMPTS, type ChunkQueue } from './chunkQueue.js';
import { type CodeChunkDeps, codeChunk } from './codeChunk.js';

/** What a worker tells whoever runs it (`canon worker` prints it). */
export type WorkerEvent =
  | { kind: 'coding'; task: ChunkTask; attempt: number }
  | { kind: 'stored'; task: ChunkTask; job: BulkJob }
  | { kind: 'stored-before'; task: ChunkTask }
  | { kind: 'chunk-error'; task: ChunkTask; error: Error }
  | { kind: 'job-failed'; task: ChunkTask; error: string }
  | { kind: 'queue-error'; error: Error };

export interface WorkerDeps extends CodeChunkDeps {
  /** Picks up other processes' writes (a profile approved, a release imported) before each chunk. */
  refresh?: () => Promise<void> | null;
}

export interface WorkOptions {
  /** Chunks coded at once by this process. */
  concurrency: number;
  onEvent?: (event: WorkerEvent) => void;
}

/**
 * Takes chunks from the queue until it stops: each is coded and stored once (codeChunk.ts); a chunk
 * that throws keeps its error for the job's message and is tried again by the queue; one that fails
 * every attempt fails its job.
 */
export async function startChunkWorker(
  queue: ChunkQueue,
  deps: WorkerDeps,
  options: WorkOptions,
): Promise<void> {
  const tell = options.onEvent ?? (() => {});
  await queue.work(
    {
      run: async (task) => {
        try {
          await deps.refresh?.();
          const { job, outcome } = await codeChunk(deps, task, (attempt) =>
            tell({ kind: 'coding', task, attempt }),
          );
          if (job) tell({ kind: 'stored', task, job });
          else if (outcome === 'stored-before') tell({ kind: 'stored-before', task });
        } catch (thrown) {
          const error = thrown instanceof Error ? thrown : new Error(String(thrown));
          tell({ kind: 'chunk-error', task, error });
          // Kept for the job's message should every attempt fail; a store too far gone to keep it fails the retry too.
          await deps.db.transaction((tx) => recordChunkError(tx, task, error.message)).catch(() => {});
          throw error;
        }
      },
      failed: async (task) => {
        const last = await readChunkError(deps.db, task);
        const error = `chunk ${task.chunk + 1} could not be coded in ${CHUNK_ATTEMPTS} attempts${last ? `: ${last}` : ''}`;
        if (await deps.db.transaction((tx) => failJob(tx, task.jobId, error)))
          tell({ kind: 'job-failed', task, error });
      },
      error: (error) => tell({ kind: 'queue-error', error }),
    },
    { concurrency: options.concurrency },
  );
}
