import type { Command } from 'commander';
import { dataDirOption, noteOption, profileCodeArgument } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { type StoreFlags, withCanon } from './withCanon.js';

/** Adds `canon retire`. */
export function retireCommand(parent: Command, io: CliIO): void {
  parent
    .command('retire')
    .description('retire a profile (its versions stay readable; a later approval brings it back)')
    .addArgument(profileCodeArgument())
    .addOption(noteOption('why'))
    .addOption(dataDirOption())
    .action((code, flags) => retire(code, flags, io));
}

async function retire(code: string, flags: StoreFlags & { note?: string }, io: CliIO) {
  await withCanon(flags, async ({ workflow }) => {
    await workflow.retire(cliActor(), code, flags.note);
    io.out(`${code}: retired\n`);
  });
}
