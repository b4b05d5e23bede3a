import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { CanonError, quote } from '../../core/errors.js';
import type { Canon } from '../../runtime/openCanon.js';
import type { BulkJobView } from '../../workflow/bulkJobs.js';
import { dataDirOption, jsonOption, outFileOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { progressReporter } from '../progressReporter.js';
import { cliActor } from './cliActor.js';
import { type StoreFlags, withCanon } from './withCanon.js';

/** Adds `canon jobs` and its subcommands `submit`, `status` and `result`. */
export function jobsCommand(parent: Command, io: CliIO): void {
  const jobs = parent
    .command('jobs')
    .description('bulk coding jobs: a CSV of titles stored in chunks that workers code (see canon worker)');
  jobs
    .command('submit')
    .description(
      'store a CSV as a job and queue it; with --wait, follow it to the end (on PostgreSQL canon worker codes it; on the embedded store, this command)',
    )
    .argument('<file>', 'a CSV file, UTF-8, up to 1,000,000 rows')
    .requiredOption('--column <name>', 'the column holding the titles')
    .option('--employer-column <name>', 'a column naming the employer, used as a hint')
    .option('--wait', 'follow the job until it is done or failed')
    .addOption(jsonOption('print the job as JSON'))
    .addOption(dataDirOption())
    .action((file, flags) => submit(file, flags, io));
  jobs
    .command('status')
    .description("a job's progress: rows and chunks done, and the first rows coded with a problem")
    .argument('<id>', 'the job id submit printed')
    .addOption(jsonOption('print the job as JSON'))
    .addOption(dataDirOption())
    .action((id, flags) => status(id, flags, io));
  jobs
    .command('result')
    .description("a finished job's coded CSV: the input with the canon_* columns, in the input's order")
    .argument('<id>', 'the job id submit printed')
    .addOption(outFileOption())
    .addOption(dataDirOption())
    .action((id, flags) => result(id, flags, io));
}

interface SubmitFlags extends StoreFlags {
  column: string;
  employerColumn?: string;
  wait?: boolean;
  json?: boolean;
}

async function submit(file: string, flags: SubmitFlags, io: CliIO): Promise<void> {
  await stat(file).catch((cause) => {
    throw new CanonError('invalid_input', `Cannot read ${quote(file)}: ${(cause as Error).message}`, {
      cause,
    });
  });
  await withCanon(flags, async (canon) => {
    let job = await canon.jobs.submit(cliActor(), {
      name: basename(file),
      column: flags.column,
      employerColumn: flags.employerColumn,
      body: createReadStream(file),
    });
    io.err(`Job ${job.id}: ${job.rows.toLocaleString('en-US')} rows in ${job.chunksTotal} chunks, queued.\n`);
    if (flags.wait) job = await follow(canon, job, io);
    else if (canon.store.kind === 'pglite')
      io.err('On the embedded store, canon serve codes it (or run this again with --wait).\n');
    io.out(flags.json ? `${JSON.stringify(job, null, 2)}\n` : `${job.id}\n`);
    if (job.status === 'failed') throw new CanonError('conflict', `Job ${job.id} failed: ${job.error}`);
  });
}

/** Reads the job until it ends, showing its progress; on the embedded store nobody else can code it, so this process does. */
async function follow(canon: Canon, submitted: BulkJobView, io: CliIO): Promise<BulkJobView> {
  if (canon.store.kind === 'pglite') await canon.work({ concurrency: 1 });
  const progress = progressReporter(io);
  let job = submitted;
  while (job.status !== 'done' && job.status !== 'failed') {
    progress.update('coding titles', job.rowsDone, job.rows);
    await sleep(500);
    job = await canon.jobs.status(job.id);
  }
  progress.update('coding titles', job.rowsDone, job.rows);
  progress.stop();
  io.err(describe(job));
  return job;
}

async function status(id: string, flags: StoreFlags & { json?: boolean }, io: CliIO): Promise<void> {
  await withCanon(flags, async (canon) => {
    const job = await canon.jobs.status(id);
    io.out(flags.json ? `${JSON.stringify(job, null, 2)}\n` : describe(job));
  });
}

function describe(job: BulkJobView): string {
  const lines = [
    `${job.id} (${job.sourceName}, column ${quote(job.titleColumn)}): ${job.status}, ${job.rowsDone.toLocaleString('en-US')} of ${job.rows.toLocaleString('en-US')} rows (${job.percent}%), ${job.chunksDone} of ${job.chunksTotal} chunks${job.retriedChunks ? `, ${job.retriedChunks} taken again` : ''}`,
    ...(job.error ? [`  failed: ${job.error}`] : []),
    ...job.problems.map((p) => `  line ${p.line}: ${p.message}`),
    ...(job.problemsTotal > job.problems.length
      ? [`  … and ${job.problemsTotal - job.problems.length} more rows with a problem`]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** Streams the CSV to the file (written beside it, then renamed) or to standard output. */
async function result(id: string, flags: StoreFlags & { out?: string }, io: CliIO): Promise<void> {
  await withCanon(flags, async (canon) => {
    const { csv } = await canon.jobs.result(id);
    if (!flags.out) {
      for await (const text of csv) io.out(text);
      return;
    }
    const partial = `${flags.out}.partial-${process.pid}`;
    const out = createWriteStream(partial, 'utf8');
    try {
      for await (const text of csv) if (!out.write(text)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
      await rename(partial, flags.out);
    } catch (cause) {
      out.destroy();
      await rm(partial, { force: true });
      if (cause instanceof CanonError) throw cause;
      throw new CanonError('invalid_input', `Cannot write ${quote(flags.out)}: ${(cause as Error).message}`, {
        cause,
      });
    }
  });
}
