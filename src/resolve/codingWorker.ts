import { parentPort, workerData } from 'node:worker_threads';
import { CanonError } from '../core/errors.js';
import { codeTitles } from './codeTitleBatch.js';
import type { CodingReply, CodingRequest, CodingWorkerData } from './codingPool.js';
import { buildResolver } from './resolverSources.js';

// Started by codingPool.ts: builds a resolver of its own from the sources it was handed, then codes the
// titles it is sent, in the order they come.
const port = parentPort;
if (!port) throw new CanonError('internal', 'codingWorker runs in a worker thread started by codingPool.');
const { sources } = workerData as CodingWorkerData;
const building = buildResolver(sources);
port.on('message', async ({ id, titles, employers }: CodingRequest) => {
  let reply: CodingReply;
  try {
    reply = { id, ...codeTitles(await building, titles, employers) };
  } catch (error) {
    reply = { id, failed: failure(error) };
  }
  port.postMessage(reply);
});
building.then(
  () => port.postMessage({ ready: true } satisfies CodingReply),
  (error) => port.postMessage({ id: null, failed: failure(error) } satisfies CodingReply),
);

function failure(error: unknown): { code: CanonError['code'] | null; message: string } {
  return error instanceof CanonError
    ? { code: error.code, message: error.message }
    : { code: null, message: (error as Error).message };
}
