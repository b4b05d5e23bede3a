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
import { LruCache } from './lruCache.js';
import type { ResolverSources } from './resolverSources.js';
import { fnv1a } from './titleFeatures.js';

/**
 * Codes batches of titles in worker threads, one per core, each with a resolver of its own built from
 * the same sources. A title and employer coded once are answered again from this thread's memory of
 * their cells, without crossing to a thread; each one not remembered is sent once per batch, always to
 * the same thread (by a hash of it and its employer), so each thread's memory answers what its own
 * titles share (a title filed by another employer, a specialty).
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
/** Title–employer pairs whose cells this thread remembers at once (a few hundred bytes each), as many as a resolver's answers. */
const REMEMBERED_PAIRS = 20_000;

/** A pair's cells as coded, and why it could not be coded (null when it was). */
interface Remembered {
  cells: Cell[];
  error: string | null;
}

export function openCodingPool(options: CodingPoolOptions): CodingPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  let nextId = 0;
  let failure: Error | null = null;
  let closed = false;
  const threads: Thread[] = [];
  const memory = new LruCache<string, Remembered>(REMEMBERED_PAIRS);
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
      const answers: (Remembered | undefined)[] = new Array(batch.records.length);
      // Each pair not remembered, once, with the rows that hold it; shared out to the threads by its hash.
      const asked = new Map<string, { record: readonly string[]; rows: number[] }>();
      batch.records.forEach((record, i) => {
        const key = `${title(record)}\u0000${employer(record)}`;
        const known = memory.get(key);
        if (known) answers[i] = known;
        else {
          const pair = asked.get(key);
          if (pair) pair.rows.push(i);
          else asked.set(key, { record, rows: [i] });
        }
      });
      const shares = threads.map(() => [] as string[]);
      for (const key of asked.keys()) shares[fnv1a(key) % size]?.push(key);
      await Promise.all(
        shares.map(async (keys, t) => {
          const thread = threads[t];
          if (keys.length === 0 || !thread) return;
          const records = keys.map((key) => asked.get(key)?.record ?? []);
          const { cells, errors } = await ask(
            thread,
            records.map(title),
            batch.employerAt < 0 ? null : records.map(employer),
          );
          const failed = new Map(errors.map((e) => [e.index, e.message]));
          keys.forEach((key, k) => {
            const answer: Remembered = { cells: cells[k] ?? [], error: failed.get(k) ?? null };
            memory.set(key, answer);
            for (const i of asked.get(key)?.rows ?? []) answers[i] = answer;
          });
        }),
      );
      const errors: CodedBatch['errors'] = [];
      answers.forEach((answer, index) => {
        if (answer?.error != null) errors.push({ index, message: answer.error });
      });
      return {
        rows: appendCells(
          batch.records,
          answers.map((a) => a?.cells ?? []),
        ),
        errors,
      };
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
