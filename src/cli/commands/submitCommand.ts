import type { Command } from 'commander';
import { dataDirOption, jsonOption, profileCodeArgument } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { formatDraft } from './proposeCommand.js';
import { type StoreFlags, withCanon } from './withCanon.js';

/** Adds `canon submit`. */
export function submitCommand(parent: Command, io: CliIO): void {
  parent
    .command('submit')
    .description("put a profile's open draft in review")
    .addArgument(profileCodeArgument())
    .addOption(jsonOption('print the draft and its review as JSON'))
    .addOption(dataDirOption())
    .action((code, flags) => submit(code, flags, io));
}

async function submit(code: string, flags: StoreFlags & { json?: boolean }, io: CliIO) {
  await withCanon(flags, async ({ workflow }) => {
    const result = await workflow.submit(cliActor(), code);
    io.out(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatDraft(result));
  });
}
