/** A bulk coding job as plain records: a CSV of job titles coded a chunk at a time by workers. */

export type BulkJobStatus = 'queued' | 'running' | 'done' | 'failed';

/** The most rows a bulk job's CSV may have below its header. */
export const MAX_JOB_ROWS = 1_000_000;

/** The most bytes a bulk job's CSV may have: a million rows of about 250 bytes. */
export const MAX_JOB_BYTES = 256 * 1024 * 1024;

/** Rows a chunk holds: every chunk of a job but its last has exactly this many. */
export const CHUNK_ROWS = 10_000;

/** A chunk's rows as uploaded, and the line of the file each row ends on (for messages). */
export interface ChunkInput {
  lines: number[];
  rows: string[][];
}

/** A row that was coded with a problem (canon_error filled, or a cell that reads as a formula), by its line. */
export interface RowProblem {
  line: number;
  message: string;
}

/** What the queue carries: which chunk of which job to code. */
export interface ChunkTask {
  jobId: string;
  chunk: number;
}

export interface BulkJob {
  id: string;
  status: BulkJobStatus;
  sourceName: string;
  titleColumn: string;
  employerColumn: string | null;
  header: string[];
  rows: number;
  rowsDone: number;
  badRows: number;
  chunksTotal: number;
  chunksDone: number;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Why the job failed; null unless it did. */
  error: string | null;
}

/** How far a job has come, in whole percent of its rows (100 only when every chunk is stored). */
export function percentDone(job: Pick<BulkJob, 'rows' | 'rowsDone' | 'status'>): number {
  if (job.status === 'done') return 100;
  if (job.rows === 0) return 0;
  return Math.min(99, Math.floor((job.rowsDone / job.rows) * 100));
}
