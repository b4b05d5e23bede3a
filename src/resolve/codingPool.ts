import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CanonError, type ErrorCode } from '../core/errors.js';
import { workerScript } from '../core/workerScript.js';
import {
  appendCells,
  type Cell,
  type CodedBatch,
  type TitleBatch,
  type TitleCells,
  type TitleCoder,
} from './codeTitleBatch.js';
import type { ResolverSources } from './resolverSources.js';
import { fnv1a } from './titleFeatures.js';

/**
 * Codes batches of titles in worker threads, one per core, each with a resolver of its own built from
 * the same sources. A title always goes to the same thread (by a hash of it and its employer), so each
 * thread's memory answers the repeats of its own titles.
 */
export interface CodingPool extends TitleCoder {
  readonly size: number;
  /** Settles when every thread has built its resolver: how long a cold start takes, or why it failed. */
  ready(): Promise<void>;
  /** Stops every thread; batches still being coded are refused. */
  close(): Promise<void>;
}

export interface CodingPoolOptions {
  sources: ResolverSources;
  /** Threads (default: one per core). */
  size?: number;
}

/** What codingWorker.ts is started with. */
export interface CodingWorkerData {
  sources: ResolverSources;
}

/** What codingWorker.ts is asked: titles, and their employers when the table names them. */
export interface CodingRequest {
  id: number;
  titles: string[];
  employers: string[] | null;
}

export type CodingReply =
  | { ready: true }
  | ({ id: number } & TitleCells)
  | { id: number | null; failed: { code: ErrorCode | null; message: string } };

interface Pending {
  resolve: (cells: TitleCells) => void;
  reject: (error: unknown) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Threads to code a file of `bytes` with (1: this thread). A small file is coded in this thread: each
 * thread builds a resolver of its own and warms its code from cold (a second or two), which a small file
 * does not repay. A large one gets a thread per core that other work leaves free (`load`: the
 * one-minute load average): on a shared machine, threads that wait for a core only slow each other.
 */
export function codingThreads(
  bytes: number,
  cores = availableParallelism(),
  load = loadavg()[0] ?? 0,
): number {
  if (bytes < THREADS_FROM_BYTES) return 1;
  return Math.max(1, Math.min(cores, Math.floor(cores - load + 0.5)));
}

/**
 * Below this (some 25,000 rows of titles and employers) threads' start — a resolver built and code warmed
 * from cold in each, 1–2 s — costs more than sharing the coding could save (bench:bulk).
 */
const THREADS_FROM_BYTES = 2 * 1024 * 1024;

export function openCodingPool(options: CodingPoolOptions): CodingPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  let nextId = 0;
  let failure: Error | null = null;
  let closed = false;
  const threads: Thread[] = [];
  const readies: Promise<void>[] = [];

  /** The pool cannot go on: every batch waiting is refused, and every later one. */
  const fail = (error: Error) => {
    failure ??= error;
    for (const thread of threads) {
      for (const pending of thread.pending.values()) pending.reject(failure);
      thread.pending.clear();
      thread.worker.unref();
    }
  };

  for (let t = 0; t < size; t++) {
    const worker = new Worker(WORKER, {
      workerData: { sources: options.sources } satisfies CodingWorkerData,
    });
    // A thread keeps the process alive while it builds its resolver or has titles to code, not when idle.
    const thread: Thread = { worker, pending: new Map() };
    threads.push(thread);
    readies.push(
      new Promise<void>((resolve, reject) => {
        worker.on('message', (reply: CodingReply) => {
          if ('ready' in reply) {
            if (thread.pending.size === 0) worker.unref();
            return resolve();
          }
          if ('failed' in reply) {
            const error = fromWorker(reply.failed);
            reject(error);
            return fail(error);
          }
          const pending = thread.pending.get(reply.id);
          thread.pending.delete(reply.id);
          if (thread.pending.size === 0) worker.unref();
          pending?.resolve({ cells: reply.cells, errors: reply.errors });
        });
        worker.on('error', (error) => {
          const stopped = new CanonError('internal', `A title coding thread stopped: ${error.message}`, {
            cause: error,
          });
          reject(stopped);
          fail(stopped);
        });
        worker.on('exit', (code) => {
          // Closing: every thread is being stopped, and each must keep the process alive until it is.
          if (closed) return;
          const stopped =
            failure ?? new CanonError('internal', `A title coding thread stopped (exit ${code}).`);
          reject(stopped);
          fail(stopped);
        });
      }),
    );
  }
  const ready = Promise.all(readies).then(() => {});
  ready.catch(() => {});

  const ask = (thread: Thread, titles: string[], employers: string[] | null) =>
    new Promise<TitleCells>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      thread.pending.set(id, { resolve, reject });
      thread.worker.ref();
      thread.worker.postMessage({ id, titles, employers } satisfies CodingRequest);
    });

  return {
    size,
    ready: () => ready,
    async code(batch: TitleBatch): Promise<CodedBatch> {
      const title = (r: readonly string[]) => r[batch.titleAt] ?? '';
      const employer = (r: readonly string[]) => (batch.employerAt < 0 ? '' : (r[batch.employerAt] ?? ''));
      const shares = threads.map(() => [] as number[]);
      batch.records.forEach((record, i) => {
        shares[fnv1a(`${title(record)}\u0000${employer(record)}`) % size]?.push(i);
      });
      const answers = await Promise.all(
        shares.map((rows, t) => {
          const thread = threads[t];
          if (rows.length === 0 || !thread) return null;
          const records = rows.map((i) => batch.records[i] ?? []);
          return ask(thread, records.map(title), batch.employerAt < 0 ? null : records.map(employer));
        }),
      );
      const cells: Cell[][] = [];
      const errors: CodedBatch['errors'] = [];
      answers.forEach((answer, t) => {
        const rows = shares[t] ?? [];
        answer?.cells.forEach((c, k) => {
          cells[rows[k] ?? 0] = c;
        });
        for (const e of answer?.errors ?? []) errors.push({ index: rows[e.index] ?? 0, message: e.message });
      });
      return { rows: appendCells(batch.records, cells), errors: errors.sort((a, b) => a.index - b.index) };
    },
    async close() {
      closed = true;
      fail(
        new CanonError('store_unavailable', 'The title coding threads were closed; the batch was not coded.'),
      );
      // Waited for: an unreferenced thread's end would not keep the process alive until it came.
      await Promise.all(
        threads.map((thread) => {
          thread.worker.ref();
          return thread.worker.terminate();
        }),
      );
    },
  };
}

/** A refusal keeps its code and message across the thread; anything else is a fault. */
function fromWorker(failed: { code: ErrorCode | null; message: string }): Error {
  return new CanonError(failed.code ?? 'internal', failed.message);
}

/** codingWorker.ts beside this module, as a worker thread can load it under tsx and from dist/. */
const WORKER = workerScript(import.meta.url, 'codingWorker');
