import type { Command } from 'commander';
import { percentDone } from '../../core/bulkJob.js';
import { CanonError } from '../../core/errors.js';
import type { WorkerEvent } from '../../jobs/chunkWorker.js';
import { openCanon } from '../../runtime/openCanon.js';
import { wholeNumber } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { configWith } from './withCanon.js';

/** Adds `canon worker`. */
export function workerCommand(parent: Command, io: CliIO): void {
  parent
    .command('worker')
    .description(
      "code bulk jobs' chunks from the PostgreSQL job queue until stopped (run several, on one machine or many)",
    )
    .option('--concurrency <n>', 'chunks this process codes at once', wholeNumber(1), 1)
    .action((flags: { concurrency: number }) => work(flags.concurrency, io));
}

/** Takes chunks until SIGINT or SIGTERM; chunks under way then finish (or, past the expiry, go back to the queue). */
async function work(concurrency: number, io: CliIO): Promise<void> {
  const config = configWith({});
  if (!config.databaseUrl)
    throw new CanonError(
      'invalid_input',
      'canon worker takes chunks from the job queue on PostgreSQL: set DATABASE_URL. On the embedded store, `canon serve` codes bulk jobs itself.',
    );
  const canon = await openCanon(config);
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await canon.work({ concurrency, onEvent: (event) => io.err(`${describe(event)}\n`) });
    io.err(
      `Canon worker is taking chunks from PostgreSQL at ${canon.store.location}, ${concurrency} at a time (stop with Ctrl-C).\n`,
    );
    await stopped;
    io.err('Canon worker is stopping: chunks under way finish first…\n');
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await canon.close();
  }
}

function describe(event: WorkerEvent): string {
  if (event.kind === 'queue-error') return `queue: ${event.error.message}`;
  const chunk = `${event.task.jobId}: chunk ${event.task.chunk + 1}`;
  switch (event.kind) {
    case 'coding':
      return `${chunk} coding${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
    case 'stored': {
      const { job } = event;
      return `${chunk} stored: ${job.rowsDone.toLocaleString('en-US')} of ${job.rows.toLocaleString('en-US')} rows (${percentDone(job)}%), ${job.chunksDone} of ${job.chunksTotal} chunks${job.status === 'done' ? '; the job is done' : ''}`;
    }
    case 'stored-before':
      return `${chunk} was stored by another worker meanwhile; this coding is dropped`;
    case 'chunk-error':
      return `${chunk} failed and goes back to the queue: ${event.error.message}`;
    case 'job-failed':
      return `${event.task.jobId}: the job failed: ${event.error}`;
  }
}
