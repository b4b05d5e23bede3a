import { parentPort } from 'node:worker_threads';
import { CanonError } from '../core/errors.js';
import { readDocument } from './readDocument.js';
import type { WorkerReply, WorkerRequest } from './readerPool.js';

// Started by readerPool.ts; reads one document at a time, as the pool hands them over.
const port = parentPort;
if (!port) throw new CanonError('internal', 'readWorker runs in a worker thread started by readerPool.');
port.on('message', async ({ id, input }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id, doc: await readDocument(input) };
  } catch (error) {
    reply = {
      id,
      error:
        error instanceof CanonError
          ? { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) }
          : {
              code: null,
              message: (error as Error).message,
              ...(error instanceof Error ? { stack: error.stack } : {}),
            },
    };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies WorkerReply);
