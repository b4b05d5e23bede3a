import type { Command } from 'commander';
import { dataDirOption, keyOption, noteOption, profileCodeArgument } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { onStoreOrServer, type StoreFlags } from './withCanon.js';

/** Adds `canon retire`. */
export function retireCommand(parent: Command, io: CliIO): void {
  parent
    .command('retire')
    .description('retire a profile (its versions stay readable; a later approval brings it back)')
    .addArgument(profileCodeArgument())
    .addOption(noteOption('why'))
    .addOption(dataDirOption())
    .addOption(keyOption())
    .action((code, flags) => retire(code, flags, io));
}

async function retire(code: string, flags: StoreFlags & { note?: string }, io: CliIO) {
  await onStoreOrServer(flags, {
    store: ({ workflow }) => workflow.retire(cliActor(), code, flags.note),
    server: async (api) =>
      void (await api.post(`/api/profiles/${encodeURIComponent(code)}/retire`, { note: flags.note })),
  });
  io.out(`${code}: retired\n`);
}
