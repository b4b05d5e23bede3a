import type { Command } from 'commander';
import { draftDto } from '../../server/api/toDto.js';
import { dataDirOption, jsonOption, keyOption, profileCodeArgument } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { formatDraft, submitThrough } from './proposeCommand.js';
import { onStoreOrServer, type StoreFlags } from './withCanon.js';

/** Adds `canon submit`. */
export function submitCommand(parent: Command, io: CliIO): void {
  parent
    .command('submit')
    .description("put a profile's open draft in review")
    .addArgument(profileCodeArgument())
    .addOption(jsonOption('print the draft and its review as JSON'))
    .addOption(dataDirOption())
    .addOption(keyOption())
    .action((code, flags) => submit(code, flags, io));
}

async function submit(code: string, flags: StoreFlags & { json?: boolean }, io: CliIO) {
  const result = await onStoreOrServer(flags, {
    store: async ({ workflow }) => draftDto(await workflow.submit(cliActor(), code)),
    server: (api) => submitThrough(api, code),
  });
  io.out(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatDraft(result));
}
