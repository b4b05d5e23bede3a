import type { Command } from 'commander';
import { dataDirOption, jsonOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { type StoreFlags, withCanon } from './withCanon.js';

/** Adds `canon queue`. */
export function queueCommand(parent: Command, io: CliIO): void {
  parent
    .command('queue')
    .description('open drafts, oldest change first, with the review panel verdict on each')
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .action((flags) => printQueue(flags, io));
}

async function printQueue(flags: StoreFlags & { json?: boolean }, io: CliIO) {
  await withCanon(flags, async ({ workflow }) => {
    const queue = await workflow.queue();
    if (flags.json) {
      io.out(`${JSON.stringify(queue, null, 2)}\n`);
      return;
    }
    if (queue.length === 0) {
      io.out('No open drafts.\n');
      return;
    }
    for (const { draft, review } of queue)
      io.out(
        `${draft.profileCode}  ${draft.status === 'in_review' ? 'in review' : 'draft'}  r${draft.revision}  by ${draft.updatedBy}  ${review.passed ? 'passes' : 'fails'} (lowest ${review.minimum})\n`,
      );
  });
}
