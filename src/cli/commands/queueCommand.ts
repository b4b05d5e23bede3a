import type { Command } from 'commander';
import { queueItemDto } from '../../server/api/toDto.js';
import { dataDirOption, jsonOption, keyOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { onStoreOrServer, type StoreFlags } from './withCanon.js';

/** Adds `canon queue`. */
export function queueCommand(parent: Command, io: CliIO): void {
  parent
    .command('queue')
    .description('open drafts, oldest change first, with the review panel verdict on each')
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .addOption(keyOption())
    .action((flags) => printQueue(flags, io));
}

async function printQueue(flags: StoreFlags & { json?: boolean }, io: CliIO) {
  const queue = await onStoreOrServer(flags, {
    store: async ({ workflow, catalog }) => (await workflow.queue()).map((q) => queueItemDto(q, catalog)),
    server: async (api) =>
      (await api.get<{ items: ReturnType<typeof queueItemDto>[] }>('/api/review-queue')).items,
  });
  if (flags.json) {
    io.out(`${JSON.stringify(queue, null, 2)}\n`);
    return;
  }
  if (queue.length === 0) {
    io.out('No open drafts.\n');
    return;
  }
  for (const item of queue)
    io.out(
      `${item.code}  ${item.status === 'in_review' ? 'in review' : 'draft'}  r${item.revision}  by ${item.updatedBy}  ${item.passed ? 'passes' : 'fails'} (lowest ${item.minimum})\n`,
    );
}
