import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CanonError, type ErrorCode, quote } from '../core/errors.js';
import type { DocumentInput } from '../core/evidence.js';
import { workerScript } from '../core/workerScript.js';
import type { ReadDocument } from './readDocument.js';

/**
 * Reads documents (parse → segment → extract → crosswalk: seconds of CPU for a
 * large one) in worker threads, so the server's event loop keeps answering
 * while they read, and a hostile document can take down a worker's heap, not
 * the process's.
 */
export interface ReaderPool {
  read(input: DocumentInput): Promise<ReadDocument>;
  /** Stops every worker; documents still waiting or reading are refused. */
  close(): Promise<void>;
}

export interface ReaderPoolOptions {
  /** Workers at most, started as documents come (default: one per core). */
  size?: number;
  /** How long one document may read, from when a worker takes it (default 30 s). */
  timeoutMs?: number;
  /** Each worker's heap (default 512 MB). */
  maxHeapMb?: number;
  /** Documents that may wait for a worker; past it, a document is refused as rate_limited (default 32). */
  maxWaiting?: number;
}

/** What readWorker.ts says: that it is ready (its modules loaded), or a document's outcome. */
export type WorkerReply =
  | { ready: true }
  | { id: number; doc: ReadDocument }
  | {
      id: number;
      error: { code: ErrorCode | null; message: string; details?: Record<string, unknown>; stack?: string };
    };

/** What readWorker.ts is asked. */
export interface WorkerRequest {
  id: number;
  input: DocumentInput;
}

// A 2 MB Markdown ladder of prose reads in about 3 s and 130 MB of heap; 30 s
// and 512 MB leave tenfold room on a busy machine, and stop what is not a ladder.
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_HEAP_MB = 512;
// Up to 2 MB each: 32 waiting hold at most 64 MB, and wait no more than a few minutes on two cores.
const DEFAULT_MAX_WAITING = 32;

interface Task {
  id: number;
  input: DocumentInput;
  resolve: (doc: ReadDocument) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  /** False while its modules load: the time limit is the document's, not the start-up's. */
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | undefined;
}

export function openReaderPool(options: ReaderPoolOptions = {}): ReaderPool {
  const size = options.size ?? availableParallelism();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxHeapMb = options.maxHeapMb ?? DEFAULT_HEAP_MB;
  const maxWaiting = options.maxWaiting ?? DEFAULT_MAX_WAITING;
  const slots = new Set<Slot>();
  const queue: Task[] = [];
  let nextId = 0;
  let closed = false;
  const closing = () =>
    new CanonError('store_unavailable', 'Canon is shutting down; the document was not read.');

  /** The slot's task is over; an idle worker must not keep the process alive. */
  const release = (slot: Slot): Task | null => {
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = null;
    slot.worker.unref();
    return task;
  };

  /**
   * The slot's worker is gone (or going): its task fails with `error`; one that
   * never started fails the task it was started for, so a worker that cannot
   * start is not started again and again.
   */
  const lose = (slot: Slot, error: unknown) => {
    if (!slots.delete(slot)) return;
    const task = release(slot) ?? (slot.ready ? undefined : queue.shift());
    task?.reject(error);
    dispatch();
  };

  const start = () => {
    const worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    const slot: Slot = { worker, ready: false, task: null, timer: undefined };
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        release(slot);
      } else if (slot.task?.id === reply.id) {
        const task = release(slot);
        if ('doc' in reply) task?.resolve(reply.doc);
        else task?.reject(fromWorker(reply.error));
      }
      dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const name = quote(slot.task?.input.name ?? 'a document');
      lose(
        slot,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new CanonError(
              'too_large',
              `${name} needs more than ${maxHeapMb} MB of memory to read; documents that large are not ladders or job descriptions.`,
              { cause: error },
            )
          : error,
      );
    });
    worker.on('exit', (code) =>
      lose(
        slot,
        closed ? closing() : new CanonError('internal', `A document reader stopped (exit ${code}).`),
      ),
    );
    slots.add(slot);
  };

  const run = (slot: Slot, task: Task) => {
    slot.task = task;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      lose(
        slot,
        new CanonError(
          'too_large',
          `${quote(task.input.name)} took more than ${timeoutMs / 1000} s to read; documents that long are not ladders or job descriptions.`,
        ),
      );
      void slot.worker.terminate();
    }, timeoutMs);
    // A copy, handed over rather than cloned: the caller keeps its bytes (it hashes them for the source id).
    const bytes = task.input.bytes.slice();
    const request: WorkerRequest = { id: task.id, input: { name: task.input.name, bytes } };
    slot.worker.postMessage(request, [bytes.buffer]);
  };

  /** Hands waiting documents to ready, idle workers; starts workers (up to `size`) for the rest. */
  const dispatch = () => {
    if (closed) return;
    for (const slot of slots) {
      if (!slot.ready || slot.task) continue;
      const task = queue.shift();
      if (!task) return;
      run(slot, task);
    }
    let starting = [...slots].filter((s) => !s.ready).length;
    while (starting < queue.length && slots.size < size) {
      start();
      starting++;
    }
  };

  return {
    read(input) {
      if (closed) return Promise.reject(closing());
      if (queue.length >= maxWaiting)
        return Promise.reject(
          new CanonError(
            'rate_limited',
            `${queue.length === 1 ? '1 document is' : `${queue.length} documents are`} already waiting to be read; ${quote(input.name)} was not taken. Try again in a minute.`,
          ),
        );
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, input, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(closing());
      await Promise.all([...slots].map((slot) => slot.worker.terminate()));
    },
  };
}

/** A refusal keeps its code and message across the thread; anything else is a fault, logged as one. */
function fromWorker(error: Extract<WorkerReply, { error: unknown }>['error']): Error {
  return error.code
    ? new CanonError(error.code, error.message, error.details ? { details: error.details } : {})
    : new CanonError('internal', 'Something went wrong on our side; the error has been logged.', {
        cause: Object.assign(new Error(error.message), { stack: error.stack }),
      });
}

/** readWorker.ts beside this module, as a worker thread can load it under tsx and from dist/. */
const WORKER = workerScript(import.meta.url, 'readWorker');
