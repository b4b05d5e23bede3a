import type { ChunkTask } from '../core/bulkJob.js';
import { queuedChunks } from '../store/jobRepository.js';
import type { CanonDb } from '../store/openStore.js';
import { CHUNK_ATTEMPTS, type ChunkHandlers, type ChunkQueue } from './chunkQueue.js';

/**
 * The chunk queue on the embedded store, which one process owns: the queued chunk rows are the
 * queue, read by loops in this process. A chunk left queued when the process stopped is taken
 * again at the next start. A chunk that throws is tried again after `pollMs`, up to
 * CHUNK_ATTEMPTS times; then its job fails.
 */
export function inProcessQueue(db: CanonDb, options: { pollMs?: number } = {}): ChunkQueue {
  const pollMs = options.pollMs ?? 1_000;
  const busy = new Set<string>();
  const failures = new Map<string, number>();
  const loops: Promise<void>[] = [];
  let stopped = false;
  const sleepers = new Set<() => void>();
  const wake = () => {
    for (const resolve of sleepers) resolve();
    sleepers.clear();
  };
  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        sleepers.delete(done);
        resolve();
      }, pollMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      sleepers.add(done);
    });
  const keyOf = (task: ChunkTask) => `${task.jobId}/${task.chunk}`;
  const next = async (): Promise<ChunkTask | null> => {
    const queued = await queuedChunks(db, busy.size + 1);
    return queued.find((task) => !busy.has(keyOf(task))) ?? null;
  };
  const loop = async (handlers: ChunkHandlers) => {
    while (!stopped) {
      const task = await next().catch((error: Error) => {
        handlers.error(error);
        return null;
      });
      if (!task) {
        await sleep();
        continue;
      }
      const key = keyOf(task);
      busy.add(key);
      try {
        await handlers.run(task);
        failures.delete(key);
      } catch {
        const failed = (failures.get(key) ?? 0) + 1;
        failures.set(key, failed);
        if (failed >= CHUNK_ATTEMPTS) {
          failures.delete(key);
          await handlers.failed(task).catch((error: Error) => handlers.error(error));
        } else {
          await sleep();
        }
      } finally {
        busy.delete(key);
      }
    }
  };
  return {
    async enqueue() {
      // The chunks are queued by being stored; a loop waiting for work looks again once this write commits.
      queueMicrotask(() => wake());
    },
    async work(handlers, { concurrency }) {
      for (let i = 0; i < concurrency; i++) loops.push(loop(handlers));
    },
    async stop() {
      stopped = true;
      wake();
      await Promise.all(loops);
    },
  };
}
