import type { Command } from 'commander';
import { dataDirOption, jsonOption, profileCodeArgument } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { type StoreFlags, withCanon } from './withCanon.js';

/** Adds `canon history`. */
export function historyCommand(parent: Command, io: CliIO): void {
  parent
    .command('history')
    .description("a profile's approved versions, newest first")
    .addArgument(profileCodeArgument())
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .action((code, flags) => printHistory(code, flags, io));
}

async function printHistory(code: string, flags: StoreFlags & { json?: boolean }, io: CliIO) {
  await withCanon(flags, async ({ workflow }) => {
    const versions = await workflow.history(code);
    if (flags.json) {
      io.out(
        `${JSON.stringify(
          versions.map(({ content: _c, ...v }) => v),
          null,
          2,
        )}\n`,
      );
      return;
    }
    const lines = versions.map(
      (v) =>
        `v${v.version}  ${v.approvedAt.slice(0, 16).replace('T', ' ')}  ${v.approvedBy}${v.review ? `  review lowest ${v.review.minimum}` : ''}${v.note ? `  — ${v.note}` : ''}`,
    );
    io.out(`${code}\n${lines.join('\n') || '(no approved version yet)'}\n`);
  });
}
